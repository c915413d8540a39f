import { randomUUID } from 'node:crypto';
import type { Estimate } from '../../../src/core/contract/quotes.js';
import { computeEstimate, PricingError } from '../../../src/shared/pricing.js';
import { pgErrorCode } from '../../db/types.js';
import { ApiError, ok } from '../../http.js';
import { lineLabels } from '../catalog/localize.js';
import { loadRates, loadStoredProcedure, localizeProcedure } from '../catalog/queries.js';
import { iso, newReference } from '../shared.js';
import type { Handlers } from '../types.js';
import { insertQuote } from './queries.js';

/** POST /quotes: the server recomputes the estimate with the shared pricing function. */
export const quoteHandlers: Pick<Handlers, 'createQuote'> = {
  async createQuote(ctx) {
    const { db, clinic, body, now } = ctx;
    if (!clinic.config.currencies.includes(body.currency)) throw new ApiError(422, 'unprocessable', 'Currency not offered', { currency: `One of ${clinic.config.currencies.join(', ')}` });
    const stored = await loadStoredProcedure(db, clinic.id, body.selection.procedureId);
    if (!stored) throw new ApiError(422, 'unprocessable', 'Unknown procedure', { 'selection.procedureId': 'Unknown procedure' });
    const procedure = localizeProcedure(stored, body.locale);
    const rates = await loadRates(db, clinic.id);
    let estimate: Estimate;
    try {
      estimate = computeEstimate(procedure, body.selection, rates, body.currency, { homeCountry: body.homeCountry, labels: lineLabels(body.locale) });
    } catch (err) {
      if (err instanceof PricingError) {
        const field = err.field === 'currency' ? 'currency' : `selection.${err.field}`;
        throw new ApiError(422, 'unprocessable', err.message, { [field]: err.message });
      }
      throw err;
    }
    const id = randomUUID();
    const validUntil = new Date(now.getTime() + procedure.validityDays * 86_400_000);
    for (let attempt = 0; ; attempt++) {
      const reference = newReference('Q');
      try {
        await insertQuote(db, { id, clinicId: clinic.id, reference, procedureId: procedure.id, body, estimate, validUntil, now });
        return ok({ id, reference, estimate, priceChanged: body.shownTotal !== undefined && body.shownTotal !== estimate.total, validUntil: iso(validUntil), createdAt: iso(now) }, 201);
      } catch (err) {
        if (pgErrorCode(err) === '23505' && attempt < 3) continue;
        throw err;
      }
    }
  },
};
