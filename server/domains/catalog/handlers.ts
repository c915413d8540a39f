import type { ProcedureSummary } from '../../../src/core/contract/catalog.js';
import { computeEstimate, defaultSelection } from '../../../src/shared/pricing.js';
import { notFound, ok } from '../../http.js';
import { pick } from '../shared.js';
import type { ClinicRow, Handlers } from '../types.js';
import type { Queryable } from '../../db/types.js';
import { loadProcedures, loadRates, loadStoredProcedure, localizeProcedure } from './queries.js';

/** The clinic's specialties in order, in `locale`, keeping those used by `procedures` (all when no filter). */
async function specialties(db: Queryable, clinic: ClinicRow, locale: string, used: Set<string> | undefined) {
  const { rows } = await db.query<{ id: string; name: Record<string, string> }>('SELECT id, name FROM specialties WHERE clinic_id = $1 ORDER BY position, id', [clinic.id]);
  return rows.filter((s) => !used || used.has(s.id)).map((s) => ({ id: s.id, name: pick(s.name, locale) }));
}

/** GET /procedures, GET /catalog, GET /procedures/{id}, GET /exchange-rates. */
export const catalogHandlers: Pick<Handlers, 'listProcedures' | 'getCatalog' | 'getProcedure' | 'getExchangeRates'> = {
  async listProcedures({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const procedures = await loadProcedures(db, clinic.id, locale, query.specialty);
    const used = query.specialty ? new Set(procedures.map((p) => p.specialty)) : undefined;
    return ok({ specialties: await specialties(db, clinic, locale, used), procedures });
  },

  async getCatalog({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const [procedures, rates] = await Promise.all([loadProcedures(db, clinic.id, locale, query.specialty), loadRates(db, clinic.id)]);
    const used = query.specialty ? new Set(procedures.map((p) => p.specialty)) : undefined;
    const summaries: ProcedureSummary[] = procedures.map((p) => {
      // "from …": the default package's total exactly as the estimate shows it in each currency
      // (lines converted, then summed), so the list and the estimate never disagree.
      const from: Record<string, number> = {};
      const sel = defaultSelection(p);
      for (const c of clinic.config.currencies) {
        try {
          from[c] = computeEstimate(p, sel, rates, c).total;
        } catch {
          /* no rate for this currency: the list shows no price in it */
        }
      }
      return { id: p.id, specialty: p.specialty, name: p.name, description: p.description, from };
    });
    return ok({ specialties: await specialties(db, clinic, locale, used), procedures: summaries });
  },

  async getProcedure({ db, clinic, params, query }) {
    const stored = await loadStoredProcedure(db, clinic.id, params.id);
    if (!stored) throw notFound('No such procedure');
    return ok({ procedure: localizeProcedure(stored, query.locale ?? clinic.config.defaultLocale) });
  },

  async getExchangeRates({ db, clinic }) {
    const rates = await loadRates(db, clinic.id);
    if (!rates) throw notFound('No exchange rates');
    return ok(rates);
  },
};
