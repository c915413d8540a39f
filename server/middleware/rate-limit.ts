import type { Context } from 'hono';
import type { Db } from '../db/types.js';
import { ApiError } from '../http.js';

/** The client address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    if (xff) return xff.split(',')[0]!.trim();
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Fixed-window counter per bucket (clinic key + client address) stored in the database, so every
 * instance shares it. Returns a 429 to throw, or undefined.
 */
export function createRateLimiter(db: Db, now: () => Date, limit: { max: number; windowMs: number }) {
  return async function rateLimited(bucket: string): Promise<ApiError | undefined> {
    const t = now().getTime();
    const windowStart = Math.floor(t / limit.windowMs) * limit.windowMs;
    const { rows } = await db.query<{ count: number }>(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
      [bucket, new Date(windowStart)],
    );
    if (Math.random() < 0.01) await db.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(windowStart - limit.windowMs)]);
    if (rows[0]!.count <= limit.max) return undefined;
    const retryAfter = Math.max(1, Math.ceil((windowStart + limit.windowMs - t) / 1000));
    return new ApiError(429, 'rate_limited', 'Too many requests; try again later', undefined, { 'Retry-After': String(retryAfter) });
  };
}
