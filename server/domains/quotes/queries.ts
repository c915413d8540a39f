import type { Attribution, Contact } from '../../../src/core/contract/common.js';
import type { Estimate, QuoteSelection } from '../../../src/core/contract/quotes.js';
import type { Queryable } from '../../db/types.js';
import { iso, json, storedContact } from '../shared.js';
import type { HandlerCtx } from '../types.js';

export interface QuoteRow {
  id: string;
  created_at: Date;
  reference: string;
  selection: QuoteSelection;
  currency: string;
  estimate: Estimate;
  contact: Contact;
  preferred_channel: 'whatsapp' | 'email' | 'phone';
  travel_month: string | null;
  notes: string | null;
  consent_version: string;
  locale: string;
  attribution: Attribution | null;
}

export async function insertQuote(
  db: Queryable,
  v: { id: string; clinicId: string; reference: string; procedureId: string; body: HandlerCtx<'createQuote'>['body']; estimate: Estimate; validUntil: Date; now: Date },
) {
  const { body } = v;
  await db.query(
    `INSERT INTO quotes (id, clinic_id, reference, procedure_id, selection, currency, estimate, contact, preferred_channel, travel_month, notes, consent_version, locale, attribution, valid_until, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
    [v.id, v.clinicId, v.reference, v.procedureId, json(body.selection), body.currency, json(v.estimate), json(storedContact(body.contact)), body.preferredChannel, body.travelMonth ?? null, body.notes ?? null, body.consent.version, body.locale, body.attribution ? json(body.attribution) : null, v.validUntil, v.now],
  );
}

/** A stored quote as staff see it (GET /staff/leads). */
export const leadView = (r: QuoteRow) => ({
  id: r.id,
  reference: r.reference,
  selection: r.selection,
  currency: r.currency,
  estimate: r.estimate,
  contact: r.contact,
  preferredChannel: r.preferred_channel,
  travelMonth: r.travel_month,
  notes: r.notes,
  consentVersion: r.consent_version,
  locale: r.locale,
  attribution: r.attribution,
  createdAt: iso(r.created_at),
});
