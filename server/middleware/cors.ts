import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/types.js';
import { sha256 } from '../domains/shared.js';

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

  /** Requests whose grant the tenant step already decided (for a known key or staff token). */
  const decided = new WeakSet<Context>();

  /** Grants (or not) the request's origin on the answer being built, and records that it was decided. */
  const grant = (c: Context, allowed: boolean) => {
    const origin = c.req.header('origin');
    decided.add(c);
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

  /** The key policy a request names, if any: its public key, or the clinic of its staff token. */
  const policyOf = async (c: Context): Promise<OriginPolicy[] | undefined> => {
    const key = c.req.header('x-prm-clinic') ?? c.req.query('clinic');
    if (key && key.length <= 128) {
      const { rows } = await db.query<OriginPolicy>('SELECT allowed_origins, allow_localhost FROM api_keys WHERE key = $1', [key]);
      if (rows.length) return rows;
    }
    const m = /^Bearer\s+(\S{8,200})$/i.exec(c.req.header('authorization') ?? '');
    if (m) {
      const { rows } = await db.query<OriginPolicy>('SELECT k.allowed_origins, k.allow_localhost FROM staff_tokens t JOIN api_keys k ON k.clinic_id = t.clinic_id WHERE t.token_hash = $1', [sha256(m[1]!)]);
      if (rows.length) return rows;
    }
    return undefined;
  };

  /**
   * Every answer under /v1 carries CORS headers, errors included (401, 403, 404, 413, 429, 5xx),
   * so the widget can read why it failed instead of seeing a network error. A request whose clinic
   * was resolved keeps the grant the tenant step decided. An answer thrown before that (body too
   * large, no such route, bad input) is granted by the key it names if that key is known, else —
   * unknown key, no key, malformed request: answers that reveal nothing — to any origin (`*`).
   */
  const everyAnswer: MiddlewareHandler = async (c, next) => {
    await next();
    const origin = c.req.header('origin');
    if (!origin || c.res.headers.has('Access-Control-Allow-Origin') || decided.has(c) || c.req.method === 'OPTIONS') return;
    c.res.headers.append('Vary', 'Origin');
    const policy = c.res.status >= 400 ? await policyOf(c).catch(() => undefined) : undefined;
    if (policy && !policy.some((k) => originAllowed(k, origin))) return;
    c.res.headers.set('Access-Control-Allow-Origin', policy ? origin : '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  };

  return { originAllowed, grant, preflight, everyAnswer };
}
export type Cors = ReturnType<typeof createCors>;
