import { PrmApiError } from './errors.js';

/**
 * The one retry policy of the SDK, used by the API client (retries inside one call) and by the
 * submission queue (retries of a kept submission later on): which failures are worth another
 * attempt, and how long to wait before it.
 */

/**
 * Whether another attempt may succeed: the network failed or timed out, the server was
 * overloaded (429, 5xx, 408), or it is still busy with the same Idempotency-Key (409 with
 * Retry-After). Not for a 4xx the patient must fix, an answer of the wrong shape, or an abort.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof PrmApiError)) return false;
  if (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'rate_limited') return true;
  if (err.kind !== 'http') return false;
  const s = err.status ?? 500;
  return s >= 500 || s === 408 || (s === 409 && err.retryAfter !== undefined);
}

/** Exponential backoff: `base` ms for the first retry, doubled each time, at most `cap` ms. */
export interface Backoff {
  base: number;
  cap: number;
}

/** Waits inside one API call: short, the patient is looking at a spinner. */
export const CALL_BACKOFF: Backoff = { base: 300, cap: 5_000 };
/** Waits of the submission queue between later attempts of a kept submission. */
export const QUEUE_BACKOFF: Backoff = { base: 5_000, cap: 60_000 };

/**
 * How long to wait before retry number `attempt` (0 for the first retry) after `err`: the
 * server's Retry-After when it sent one, else exponential backoff.
 */
export function retryDelay(attempt: number, err: unknown, b: Backoff): number {
  const after = err instanceof PrmApiError ? err.retryAfter : undefined;
  return after !== undefined ? after * 1000 : Math.min(b.base * 2 ** attempt, b.cap);
}
