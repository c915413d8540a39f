import type { Attribution as PageAttribution } from '../../core/attribution.js';
import type { Attribution } from '../../core/contract/common.js';
import type { CreateQuoteBody, QuoteSelection } from '../../core/contract/quotes.js';

export type Channel = 'whatsapp' | 'email' | 'phone';

/** What the patient types into the lead form (kept as typed, so nothing is lost on a failed submit). */
export interface LeadForm {
  name: string;
  email: string;
  phone: string;
  channel: Channel;
  /** `YYYY-MM` or empty for "not sure yet". */
  travelMonth: string;
  notes: string;
  consent: boolean;
  /** Honeypot: a field people never see and autofill has no reason to fill. */
  hp: string;
}

export type LeadField = 'name' | 'email' | 'phone' | 'consent' | 'notes' | 'travelMonth';
/** Why a field is wrong: the element turns these into translated messages. */
export type LeadProblem = 'required' | 'invalid' | 'tooLong';
export type LeadErrors = Partial<Record<LeadField, LeadProblem>>;

export const NOTES_MAX = 4000;
/** Display order of the fields, for focusing the first one in error. */
export const LEAD_FIELDS: readonly LeadField[] = ['name', 'email', 'phone', 'travelMonth', 'notes', 'consent'];

export function emptyLead(): LeadForm {
  return { name: '', email: '', phone: '', channel: 'whatsapp', travelMonth: '', notes: '', consent: false, hp: '' };
}

/** Normalises a typed phone number to E.164 (`+90 (555) 123-45-67` → `+905551234567`), or undefined. */
export function toE164(raw: string): string | undefined {
  let s = raw.trim().replace(/[\s().\-/\u00a0]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : undefined;
}

// Deliberately simple (the server validates too): one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateLead(f: LeadForm): LeadErrors {
  const e: LeadErrors = {};
  if (!f.name.trim()) e.name = 'required';
  else if (f.name.trim().length > 200) e.name = 'tooLong';
  if (!f.email.trim()) e.email = 'required';
  else if (!EMAIL.test(f.email.trim()) || f.email.trim().length > 254) e.email = 'invalid';
  const needsPhone = f.channel !== 'email';
  if (f.phone.trim() && !toE164(f.phone)) e.phone = 'invalid';
  else if (needsPhone && !f.phone.trim()) e.phone = 'required';
  if (f.travelMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(f.travelMonth)) e.travelMonth = 'invalid';
  if (f.notes.length > NOTES_MAX) e.notes = 'tooLong';
  if (!f.consent) e.consent = 'required';
  return e;
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

/** The page's attribution (UTM, referrer, agent) in the contract's flat shape. */
export function toContractAttribution(a: PageAttribution): Attribution {
  const out: Attribution = {};
  if (a.agent) out.agent = a.agent.slice(0, 64);
  for (const k of ['source', 'medium', 'campaign', 'term', 'content'] as const) {
    const v = a.utm?.[k];
    if (v) out[k] = v.slice(0, 200);
  }
  if (a.referrer) out.referrer = a.referrer.slice(0, 2000);
  if (a.page) out.landingPage = a.page.slice(0, 2000);
  return out;
}

export interface BodyInput {
  selection: QuoteSelection;
  currency: string;
  homeCountry?: string | undefined;
  shownTotal: number;
  lead: LeadForm;
  consentVersion: string;
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
    consent: { accepted: true, version: i.consentVersion },
    locale: i.locale,
    attribution: i.attribution,
  };
  if (phone) body.contact.phone = phone;
  if (i.homeCountry) body.homeCountry = i.homeCountry;
  if (i.lead.travelMonth) body.travelMonth = i.lead.travelMonth;
  if (i.lead.notes.trim()) body.notes = i.lead.notes.trim();
  return body;
}

/** Maps the server's per-field messages (`contact.email`) onto form fields. */
export function serverFieldErrors(fields: Record<string, string> | undefined): LeadErrors {
  const e: LeadErrors = {};
  for (const path of Object.keys(fields ?? {})) {
    const leaf = path.split('.').pop()!;
    if (leaf === 'name' || leaf === 'email' || leaf === 'phone' || leaf === 'notes' || leaf === 'travelMonth') e[leaf] = 'invalid';
    else if (path.startsWith('consent')) e.consent = 'required';
  }
  return e;
}

/** A WhatsApp deep link to `phone` (E.164) with `text` prefilled. */
export function whatsappLink(phone: string, text: string): string {
  return `https://wa.me/${phone.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
}

/** Picks the text of a localized record: the locale, its language, `default`, `en`, then any. */
export function localized(text: Record<string, string>, locale: string): string {
  return text[locale] ?? text[locale.slice(0, 2)] ?? text['default'] ?? text['en'] ?? Object.values(text)[0] ?? '';
}
