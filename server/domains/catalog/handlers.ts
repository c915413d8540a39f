import { notFound, ok } from '../../http.js';
import { pick } from '../shared.js';
import type { Handlers } from '../types.js';
import { loadProcedures, loadRates } from './queries.js';

/** GET /procedures, GET /exchange-rates. */
export const catalogHandlers: Pick<Handlers, 'listProcedures' | 'getExchangeRates'> = {
  async listProcedures({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<{ id: string; name: Record<string, string> }>('SELECT id, name FROM specialties WHERE clinic_id = $1 ORDER BY position, id', [clinic.id]);
    const procedures = await loadProcedures(db, clinic.id, locale, query.specialty);
    const used = new Set(procedures.map((p) => p.specialty));
    return ok({ specialties: rows.filter((s) => used.has(s.id) || !query.specialty).map((s) => ({ id: s.id, name: pick(s.name, locale) })), procedures });
  },

  async getExchangeRates({ db, clinic }) {
    const rates = await loadRates(db, clinic.id);
    if (!rates) throw notFound('No exchange rates');
    return ok(rates);
  },
};
