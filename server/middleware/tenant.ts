import type { Context } from 'hono';
import type { Endpoint } from '../../src/core/contract/endpoints.js';
import type { Db } from '../db/types.js';
import { sha256 } from '../domains/shared.js';
import type { ClinicRow } from '../domains/types.js';
import { ApiError } from '../http.js';
import type { Cors, OriginPolicy } from './cors.js';

interface KeyRow extends OriginPolicy {
  key: string;
  clinic_id: string;
}

export interface Tenant {
  clinic: ClinicRow;
  staff?: { name: string };
  /** The public key (public endpoints only). */
  key?: string;
}

/**
 * Which clinic a request is for: the public key (`X-PRM-Clinic` or `?clinic=`) or, on staff
 * endpoints, the bearer token. Also decides the CORS grant. Throws 401 / 403.
 */
export function createTenant(db: Db, cors: Cors) {
  const loadKey = async (key: string | undefined): Promise<KeyRow | undefined> => {
    if (!key || key.length > 128) return undefined;
    const { rows } = await db.query<KeyRow>('SELECT key, clinic_id, allowed_origins, allow_localhost FROM api_keys WHERE key = $1', [key]);
    return rows[0];
  };
  const loadClinic = async (id: string): Promise<ClinicRow> => {
    const { rows } = await db.query<ClinicRow>('SELECT id, name, time_zone, config, theme, theme_updated_at FROM clinics WHERE id = $1', [id]);
    return rows[0]!;
  };

  /** `queryToken`: a staff token from the query (EventSource cannot send headers). */
  return async function tenant(c: Context, ep: Pick<Endpoint, 'staff' | 'method'>, queryToken?: string): Promise<Tenant> {
    const origin = c.req.header('origin');
    if (ep.staff) {
      const auth = c.req.header('authorization') ?? (queryToken ? `Bearer ${queryToken}` : '');
      const m = /^Bearer\s+(\S{8,200})$/i.exec(auth);
      const { rows } = m ? await db.query<{ clinic_id: string; name: string }>('SELECT clinic_id, name FROM staff_tokens WHERE token_hash = $1', [sha256(m[1]!)]) : { rows: [] };
      const t = rows[0];
      if (!t) throw new ApiError(401, 'unauthorized', 'A valid staff bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
      if (origin) {
        const { rows: keys } = await db.query<OriginPolicy>('SELECT allowed_origins, allow_localhost FROM api_keys WHERE clinic_id = $1', [t.clinic_id]);
        const allowed = keys.some((k) => cors.originAllowed(k, origin));
        cors.grant(c, allowed);
        if (!allowed) throw new ApiError(403, 'forbidden', 'Origin not allowed');
      }
      return { clinic: await loadClinic(t.clinic_id), staff: { name: t.name } };
    }
    const key = await loadKey(c.req.header('x-prm-clinic') ?? c.req.query('clinic'));
    if (!key) throw new ApiError(401, 'unauthorized', 'Unknown or missing clinic key (X-PRM-Clinic header or clinic query parameter)');
    if (origin) {
      const allowed = cors.originAllowed(key, origin);
      cors.grant(c, allowed);
      // Reads from a foreign origin get no CORS grant (the browser hides the answer); writes are refused outright.
      if (!allowed && ep.method !== 'get') throw new ApiError(403, 'forbidden', 'Origin not allowed for this clinic key');
    }
    return { clinic: await loadClinic(key.clinic_id), key: key.key };
  };
}
