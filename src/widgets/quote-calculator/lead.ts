import type { Attribution } from '../../core/attribution.js';
import { EmailSchema, PhoneSchema } from '../../generated/contract/fields.js';
import { TravelMonthSchema } from '../../generated/contract/quotes.js';
import { ContactSchema, PatientTextSchema } from '../../generated/contract/requests.js';
import type { CreateQuoteBody, QuoteSelection } from '../../core/contract/quotes.js';
import { validate, type FormSpec } from '../../core/form/controller.js';
import { toE164 } from '../../core/form/digits.js';
import type { Problem } from '../../core/form/rules.js';

export type Channel = 'whatsapp' | 'email' | 'phone';

/** What the patient types into the lead form (kept as typed, so nothing is lost on a failed submit). */
export interface LeadForm extends Record<string, unknown> {
  name: string;
  email: string;
  phone: string;
  channel: Channel;
  /** `YYYY-MM` or empty for "not sure yet". */
  travelMonth: string;
  notes: string;
  consent: boolean;
}

export function emptyLead(): LeadForm {
  return { name: '', email: '', phone: '', channel: 'whatsapp', travelMonth: '', notes: '', consent: false };
}

/**
 * The lead form's fields: the contract's own schemas (what `POST /v1/quotes` validates), so the
 * form refuses exactly what the server refuses, with the same limits. Display order.
 */
export const LEAD_SPEC: FormSpec<LeadForm> = {
  name: { schema: ContactSchema.shape.name, kind: 'name', path: 'contact.name' },
  email: { schema: EmailSchema, kind: 'email', path: 'contact.email' },
  // The phone is how the clinic answers on WhatsApp or by phone; optional when email is chosen.
  phone: { schema: PhoneSchema, kind: 'tel', path: 'contact.phone', required: (v) => v.channel !== 'email' },
  travelMonth: { schema: TravelMonthSchema, kind: 'choice', path: 'travelMonth', required: false },
  notes: { schema: PatientTextSchema, kind: 'textarea', path: 'notes', required: false },
  consent: { kind: 'consent', path: 'consent' },
};

/** The problems of a filled-in form (the same check as on submit). */
export function validateLead(f: LeadForm): Partial<Record<keyof LeadForm, Problem>> {
  return validate(LEAD_SPEC, f);
}

/** The next `n` months from `from` (this month first) as `YYYY-MM`. */
export function travelMonths(from: Date, n = 12): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export interface BodyInput {
  selection: QuoteSelection;
  currency: string;
  homeCountry?: string | undefined;
  shownTotal: number;
  lead: LeadForm;
  consent: { accepted: true; version: string };
  locale: string;
  attribution: Attribution;
}

/** The `POST /v1/quotes` body: selection + shown estimate + contact + consent + attribution. */
export function buildQuoteBody(i: BodyInput): CreateQuoteBody {
  const phone = toE164(i.lead.phone);
  const body: CreateQuoteBody = {
    selection: i.selection,
    currency: i.currency,
    shownTotal: i.shownTotal,
    contact: { name: i.lead.name.trim(), email: i.lead.email.trim() },
    preferredChannel: i.lead.channel,
    consent: i.consent,
    locale: i.locale,
    attribution: i.attribution,
  };
  if (phone) body.contact.phone = phone;
  if (i.homeCountry) body.homeCountry = i.homeCountry;
  if (i.lead.travelMonth) body.travelMonth = i.lead.travelMonth;
  if (i.lead.notes.trim()) body.notes = i.lead.notes.trim();
  return body;
}
