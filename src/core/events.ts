/**
 * Typed `prm-*` events. Every event bubbles, is composed (crosses shadow roots) and carries a
 * typed `detail`. Widgets add their own events by augmenting {@link PrmEventDetails}:
 *
 * ```ts
 * declare module '../../core/events.js' {
 *   interface PrmEventDetails { 'prm-quote-submit': QuoteSubmitDetail }
 * }
 * ```
 */
import type { ApiErrorKind } from './api/errors.js';

/** Why a widget reports an error: an API failure kind, or `config` for an invalid embed config. */
export type PrmErrorReason = ApiErrorKind | 'config';

export interface PrmErrorDetail {
  /** The tag of the widget that failed, e.g. `prm-quote-calculator`. */
  widget: string;
  reason: PrmErrorReason;
  /** A developer-facing message (English); patients see a localized message in the widget. */
  message: string;
  /** HTTP status, when the failure came from an HTTP answer. */
  status?: number;
  /** The server's error code (`slot_taken`, `validation_failed`…), when it sent one. */
  code?: string;
  /** For `config` errors: the config field at fault. */
  field?: string;
}

export interface PrmEventDetails {
  'prm-error': PrmErrorDetail;
}

export type PrmEventName = keyof PrmEventDetails;
export type PrmEvent<K extends PrmEventName> = CustomEvent<PrmEventDetails[K]>;

type PrmEventMap = { [K in PrmEventName]: PrmEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PrmEventMap {}
}
