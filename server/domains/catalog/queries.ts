import type { Procedure } from '../../../src/core/contract/catalog.js';
import type { Queryable } from '../../db/types.js';
import { localizeDeep } from './localize.js';

/** Procedure as stored: every text a patient reads is a locale map (see server/seed/catalog-i18n.ts). */
export type StoredProcedure = Record<string, unknown>;

export async function loadProcedures(db: Queryable, clinicId: string, locale: string | undefined, specialty?: string) {
  const params: unknown[] = [clinicId];
  let sql = 'SELECT data FROM procedures WHERE clinic_id = $1';
  if (specialty) {
    params.push(specialty);
    sql += ' AND specialty = $2';
  }
  const { rows } = await db.query<{ data: StoredProcedure }>(sql + ' ORDER BY position, id', params);
  return rows.map((r) => localizeProcedure(r.data, locale));
}

/** One procedure of the clinic as stored, or undefined. */
export async function loadStoredProcedure(db: Queryable, clinicId: string, id: string): Promise<StoredProcedure | undefined> {
  const { rows } = await db.query<{ data: StoredProcedure }>('SELECT data FROM procedures WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  return rows[0]?.data;
}

export function localizeProcedure(data: StoredProcedure, locale: string | undefined): Procedure {
  return localizeDeep<Procedure>(data, locale);
}

export async function loadRates(db: Queryable, clinicId: string) {
  const { rows } = await db.query<{ base: string; as_of: Date | string; rates: Record<string, number> }>(
    'SELECT base, as_of::text AS as_of, rates FROM exchange_rates WHERE clinic_id = $1',
    [clinicId],
  );
  const r = rows[0];
  return r ? { base: r.base, date: String(r.as_of).slice(0, 10), rates: r.rates } : null;
}
