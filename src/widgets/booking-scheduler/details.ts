/** The details form of the booking scheduler as data: its fields (the contract's rules), the request body. No DOM. */
import { msg } from '@lit/localize';
import type { CreateBookingBody } from '../../core/contract/booking.js';
import { CountryCodeSchema, LocaleSchema } from '../../generated/contract/common.js';
import { EmailSchema, PhoneSchema } from '../../generated/contract/fields.js';
import { ContactSchema, PatientTextSchema } from '../../generated/contract/requests.js';
import type { Attribution } from '../../core/contract/requests.js';
import type { FormSpec } from '../../core/form/controller.js';
import { toE164 } from '../../core/form/digits.js';

export type Channel = 'whatsapp' | 'email' | 'phone';

/** What the patient types (kept as typed, so a conflict or a failed submit loses nothing). */
export interface DetailsForm extends Record<string, unknown> {
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

export const emptyDetails = (): DetailsForm => ({ name: '', email: '', phone: '', country: '', channel: 'email', interpreter: '', notes: '', consent: false });

/**
 * The details form's fields: the contract's own schemas (what `POST /v1/bookings` validates), so
 * the form refuses exactly what the server refuses and states the same limits. Display order.
 */
export const DETAILS_SPEC: FormSpec<DetailsForm> = {
  // The same words as the quote's lead form (one translation each), rather than "Please fill in this field".
  name: { schema: ContactSchema.shape.name, kind: 'name', path: 'contact.name', requiredText: () => msg('Please enter your name.') },
  email: { schema: EmailSchema, kind: 'email', path: 'contact.email', requiredText: () => msg('Please enter your email address.') },
  // The phone is how the clinic answers on WhatsApp or by phone; optional when email is chosen.
  phone: { schema: PhoneSchema, kind: 'tel', path: 'contact.phone', required: (v) => v.channel !== 'email', requiredText: () => msg('Please enter a phone number, or choose email as the way to reach you.') },
  country: { schema: CountryCodeSchema, kind: 'choice', path: 'country', required: false },
  interpreter: { schema: LocaleSchema, kind: 'choice', path: 'interpreter', required: false },
  notes: { schema: PatientTextSchema, kind: 'textarea', path: 'notes', required: false },
  consent: { kind: 'consent', path: 'consent' },
};

/** Contact details the patient already gave on this page (e.g. in a quote): fills only empty fields. */
export interface ContactPrefill {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  country?: string | undefined;
}

export function prefilled(f: DetailsForm, c: ContactPrefill): DetailsForm {
  const out = { ...f };
  for (const k of ['name', 'email', 'phone', 'country'] as const) if (!out[k] && c[k]) out[k] = c[k];
  return out;
}

export interface BookingInput {
  service: string;
  doctor: string;
  /** With doctor `any`: the language the doctor must speak. */
  language?: string;
  start: string;
  form: DetailsForm;
  timeZone: string;
  locale: string;
  consentVersion: string;
  session: string;
  quoteReference?: string | undefined;
  attribution?: Attribution | undefined;
  /** This page (the calendar file's manage link points to it); left out when the contract would refuse it. */
  page?: string;
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
  if (i.language) body.language = i.language;
  if (f.country) body.country = f.country;
  if (f.interpreter) body.interpreter = f.interpreter;
  if (f.notes.trim()) body.notes = f.notes.trim();
  if (i.quoteReference) body.quoteReference = i.quoteReference.slice(0, 32);
  if (i.attribution && Object.keys(i.attribution).length) body.attribution = i.attribution;
  if (i.page && /^https?:\/\/[^\s]+$/.test(i.page) && i.page.length <= 2000) body.managePage = i.page;
  return body;
}

/** The form as the patient filled it in for `body` (a booking restored from this tab after a reload). */
export function formOf(body: CreateBookingBody): DetailsForm {
  const channel = body.preferredChannel;
  return {
    name: body.contact.name,
    email: body.contact.email,
    phone: body.contact.phone ?? '',
    country: body.country ?? '',
    channel: channel === 'whatsapp' || channel === 'phone' ? channel : 'email',
    interpreter: body.interpreter ?? '',
    notes: body.notes ?? '',
    consent: body.consent.accepted,
  };
}

/** ISO 3166-1 alpha-2 codes offered in the country list (names come from Intl.DisplayNames). */
export const COUNTRIES =
  'AE AF AL AM AO AR AT AU AZ BA BD BE BG BH BR BY CA CH CL CN CO CY CZ DE DK DZ EE EG ES ET FI FR GB GE GH GR HR HU ID IE IL IN IQ IR IS IT JO JP KE KG KR KW KZ LB LT LU LV LY MA MD MK MN MX MY NG NL NO NZ OM PH PK PL PS PT QA RO RS RU SA SD SE SG SI SK SO SY TH TJ TM TN TR UA UG US UZ VN YE ZA'.split(' ');

/** How long before a video consultation the clinic sends its link. */
export const VIDEO_LINK_LEAD_MS = 24 * 3600_000;

/**
 * When the video link of a consultation at `start` can be promised, seen at `now`: `day-before`
 * when there is still a full day until it (the clinic sends it 24 hours before), else `soon` (the
 * clinic sends it before the consultation; "24 hours before" would already be past).
 */
export function videoLinkTiming(start: string, now: number): 'day-before' | 'soon' {
  return Date.parse(start) - now > VIDEO_LINK_LEAD_MS ? 'day-before' : 'soon';
}
