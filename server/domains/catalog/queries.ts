import type { Procedure } from '../../../src/core/contract/catalog.js';
import type { Queryable } from '../../db/types.js';
import { pick } from '../shared.js';

/** Procedure as stored: name and description are locale maps. */
export type StoredProcedure = Omit<Procedure, 'name' | 'description'> & { name: Record<string, string>; description: Record<string, string> };

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
  return { ...data, name: pick(data.name, locale), description: pick(data.description, locale) };
}

export async function loadRates(db: Queryable, clinicId: string) {
  const { rows } = await db.query<{ base: string; as_of: Date | string; rates: Record<string, number> }>(
    'SELECT base, as_of::text AS as_of, rates FROM exchange_rates WHERE clinic_id = $1',
    [clinicId],
  );
  const r = rows[0];
  return r ? { base: r.base, date: String(r.as_of).slice(0, 10), rates: r.rates } : null;
}
