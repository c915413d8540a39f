import type { Context } from 'hono';
import type { Db } from '../db/types.js';

/** The CORS-relevant part of an api_keys row. */
export interface OriginPolicy {
  allowed_origins: string[];
  allow_localhost: boolean;
}

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
export const ALLOW_HEADERS = 'Content-Type, X-PRM-Clinic, Idempotency-Key, Authorization, Last-Event-ID';
export const EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed';

/**
 * CORS per clinic key: a request from one of the key's allowed origins gets that origin back
 * (never `*`); `allow_localhost` keys also accept http://localhost:* when `allowLocalhost`.
 */
export function createCors(db: Db, allowLocalhost: boolean) {
  const originAllowed = (k: OriginPolicy, origin: string) => k.allowed_origins.includes(origin) || (allowLocalhost && k.allow_localhost && LOCALHOST.test(origin));

  /** Grants (or not) the request's origin on the answer being built. */
  const grant = (c: Context, allowed: boolean) => {
    const origin = c.req.header('origin');
    c.header('Vary', 'Origin');
    if (origin && allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };

  /** OPTIONS /v1/*: answered for origins that some key (or staff use) allows; no key is sent in a preflight. */
  const preflight = async (c: Context) => {
    const origin = c.req.header('origin');
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (origin) {
      const { rows } = await db.query<OriginPolicy>('SELECT allowed_origins, allow_localhost FROM api_keys WHERE $1 = ANY(allowed_origins) OR allow_localhost', [origin]);
      if (rows.some((k) => originAllowed(k, origin))) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
    }
    return c.body(null, 204, headers);
  };

  return { originAllowed, grant, preflight };
}
export type Cors = ReturnType<typeof createCors>;
