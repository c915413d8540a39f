import type { Context } from 'hono';
import { ApiError, send } from '../http.js';

/**
 * The app's one error handler: an ApiError becomes its contract error body; anything else is
 * logged (message only, no request data) and answered 500 `internal` in the same shape — also for
 * the SSE routes, before their stream starts.
 */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return send(c, err.toReply());
  console.error(`${c.req.method} ${c.req.path} failed:`, err instanceof Error ? err.message : err);
  return send(c, new ApiError(500, 'internal', 'Internal error').toReply());
}
