/** The details form of the booking scheduler as data: what is typed, checks, the request body. No DOM. */
import type { CreateBookingBody } from '../../core/contract/booking.js';
import type { Attribution } from '../../core/contract/common.js';

export type Channel = 'whatsapp' | 'email' | 'phone';

/** What the patient types (kept as typed, so a conflict or a failed submit loses nothing). */
export interface DetailsForm {
  name: string;
  email: string;
  phone: string;
  country: string;
  channel: Channel;
  /** A language code from the clinic's languages, or empty for none. */
  interpreter: string;
  notes: string;
  consent: boolean;
}

export type DetailsField = 'name' | 'email' | 'phone' | 'country' | 'notes' | 'consent';
export type Problem = 'required' | 'invalid' | 'tooLong';
export type DetailsErrors = Partial<Record<DetailsField, Problem>>;
export const DETAILS_FIELDS: readonly DetailsField[] = ['name', 'email', 'phone', 'country', 'notes', 'consent'];
export const NOTES_MAX = 4000;

export const emptyDetails = (): DetailsForm => ({ name: '', email: '', phone: '', country: '', channel: 'email', interpreter: '', notes: '', consent: false });

/** Arabic-Indic (٠–٩), Persian (۰–۹) and full-width digits as ASCII. */
export const latinDigits = (s: string): string => s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) & 0xf));

/** A typed phone number in E.164 (`+90 (555) 123-45-67`, `+٩٧١ ٥٠ ١٢٣ ٤٥٦٧`), or undefined. */
export function toE164(raw: string): string | undefined {
  let s = latinDigits(raw.trim()).replace(/[\s().\-/\u00a0\u200e\u200f]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateDetails(f: DetailsForm): DetailsErrors {
  const e: DetailsErrors = {};
  if (!f.name.trim()) e.name = 'required';
  else if (f.name.trim().length > 200) e.name = 'tooLong';
  if (!f.email.trim()) e.email = 'required';
  else if (!EMAIL.test(f.email.trim()) || f.email.trim().length > 254) e.email = 'invalid';
  if (f.phone.trim() && !toE164(f.phone)) e.phone = 'invalid';
  else if (f.channel !== 'email' && !f.phone.trim()) e.phone = 'required';
  if (f.country && !/^[A-Z]{2}$/.test(f.country)) e.country = 'invalid';
  if (f.notes.length > NOTES_MAX) e.notes = 'tooLong';
  if (!f.consent) e.consent = 'required';
  return e;
}

export interface BookingInput {
  service: string;
  doctor: string;
  start: string;
  form: DetailsForm;
  timeZone: string;
  locale: string;
  consentVersion: string;
  session: string;
  quoteReference?: string | undefined;
  attribution?: Attribution | undefined;
}

/** The `POST /v1/bookings` body. */
export function bookingBody(i: BookingInput): CreateBookingBody {
  const f = i.form;
  const body: CreateBookingBody = {
    service: i.service,
    doctor: i.doctor,
    start: i.start,
    contact: { name: f.name.trim(), email: f.email.trim() },
    timeZone: i.timeZone,
    locale: i.locale,
    consent: { accepted: true, version: i.consentVersion },
    preferredChannel: f.channel,
    session: i.session,
  };
  const phone = toE164(f.phone);
  if (phone) body.contact.phone = phone;
  if (f.country) body.country = f.country;
  if (f.interpreter) body.interpreter = f.interpreter;
  if (f.notes.trim()) body.notes = f.notes.trim();
  if (i.quoteReference) body.quoteReference = i.quoteReference.slice(0, 32);
  if (i.attribution && Object.keys(i.attribution).length) body.attribution = i.attribution;
  return body;
}

/** Maps the server's per-field messages (`contact.email`) onto form fields. */
export function serverErrors(fields: Record<string, string> | undefined): DetailsErrors {
  const e: DetailsErrors = {};
  for (const path of Object.keys(fields ?? {})) {
    const leaf = path.split('.').pop()!;
    if (leaf === 'name' || leaf === 'email' || leaf === 'phone' || leaf === 'notes' || leaf === 'country') e[leaf] = 'invalid';
    else if (path.startsWith('consent')) e.consent = 'required';
  }
  return e;
}

/** ISO 3166-1 alpha-2 codes offered in the country list (names come from Intl.DisplayNames). */
export const COUNTRIES =
  'AE AF AL AM AO AR AT AU AZ BA BD BE BG BH BR BY CA CH CL CN CO CY CZ DE DK DZ EE EG ES ET FI FR GB GE GH GR HR HU ID IE IL IN IQ IR IS IT JO JP KE KG KR KW KZ LB LT LU LV LY MA MD MK MN MX MY NG NL NO NZ OM PH PK PL PS PT QA RO RS RU SA SD SE SG SI SK SO SY TH TJ TM TN TR UA UG US UZ VN YE ZA'.split(' ');

/** "3:07" from milliseconds left (never negative). */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A random id for this tab's slot holds (not personal data, never stored). */
export function newSession(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The manage link: this page with the booking id and token in the query. */
export function manageUrl(page: string, id: string, token: string): string {
  const u = new URL(page);
  u.searchParams.set('prm-booking', id);
  u.searchParams.set('prm-token', token);
  u.hash = '';
  return u.href;
}

/** `url` when it is an http(s) URL (resolved against `base`), else undefined: a backend string never becomes a javascript: link. */
export function httpUrl(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
