/**
 * Every failure of a backend call becomes a {@link PrmApiError} with a `kind` a widget can act on:
 * show a message a patient understands and, where it makes sense, a retry action.
 */
export type ApiErrorKind = 'network' | 'timeout' | 'rate_limited' | 'invalid_response' | 'http' | 'aborted' | 'unauthorized';
// `unauthorized`: the server does not know the clinic key (401). A setup problem of the page, not
// the patient's: never retried; the widget shows "not available" and the console names the key.

export class PrmApiError extends Error {
  override name = 'PrmApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, for `http` and `rate_limited`. */
  readonly status?: number;
  /** The server's error code from `{ error: { code } }`. */
  readonly code?: string;
  /** Per-field messages from a 400/422 answer. */
  readonly fields?: Record<string, string>;
  /** Seconds the server asked us to wait (Retry-After). */
  readonly retryAfter?: number;

  constructor(
    kind: ApiErrorKind,
    message: string,
    extra: { status?: number; code?: string; fields?: Record<string, string>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.kind = kind;
    this.status = extra.status;
    this.code = extra.code;
    this.fields = extra.fields;
    this.retryAfter = extra.retryAfter;
  }
}

/** Parses a Retry-After header (seconds or an HTTP date) into seconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
