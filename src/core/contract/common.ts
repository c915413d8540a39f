import * as z from 'zod/mini';
import { str, int } from './checked.js';

/**
 * Shared building blocks of the /v1 contract. Every other contract file imports from here only,
 * so a widget that imports `contract/quotes.js` pulls quotes + common and nothing else.
 */

/** ISO 4217 currency code, capitals. */
export const CurrencyCodeSchema = /* @__PURE__ */ str(z.regex(/^[A-Z]{3}$/));
/** ISO 3166-1 alpha-2 country code, capitals. */
export const CountryCodeSchema = /* @__PURE__ */ str(z.regex(/^[A-Z]{2}$/));
/** BCP 47 language tag (kept simple: `en`, `pt-BR`, `zh-Hant`). */
export const LocaleSchema = /* @__PURE__ */ str(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));
const zones = /* @__PURE__ */ new Map<string, boolean>();
/**
 * Whether the runtime knows `tz` as a time zone: an IANA name or one of its aliases (`UTC`,
 * `Etc/GMT+3`, `Asia/Calcutta`), as its `Intl` accepts it. `Intl.supportedValuesOf('timeZone')`
 * lists canonical names only (no `UTC`), so the constructor is asked instead; answers are cached.
 */
export function isKnownTimeZone(tz: string): boolean {
  let known = zones.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    if (zones.size < 1000) zones.set(tz, known);
  }
  return known;
}
/** IANA time zone name, e.g. `Europe/Istanbul` (the shape; responses carry the server's own zones). */
export const TimeZoneSchema = /* @__PURE__ */ str(z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/));
/**
 * A time zone a request sends: the shape, and a zone the runtime knows (`Mars/Olympus_Mons`,
 * `Etc/GMT+99` are refused). Request schemas use this one; the shared runtime, which only parses
 * responses, does not pay for the refinement.
 */
export const KnownTimeZoneSchema = /* @__PURE__ */ str(
  z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/),
  z.refine(isKnownTimeZone, 'Unknown time zone: use an IANA name such as Europe/Istanbul'),
);

/** URL-safe identifier / slug. */
export const IdSchema = /* @__PURE__ */ str(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/));
/** Server-generated UUID. */
export const UuidSchema = /* @__PURE__ */ str(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/));
/** UTC instant, ISO 8601 with `Z` (responses). */
export const DateTimeSchema = /* @__PURE__ */ str(z.regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?Z$/));
/** Instant accepted in requests: ISO 8601 with `Z` or an explicit offset. */
export const DateTimeInputSchema = /* @__PURE__ */ str(
  z.regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-][0-2]\d:?[0-5]\d)$/),
  // The pattern lets month 13 or hour 29 through; the calendar does not.
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real date and time'),
);
/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = /* @__PURE__ */ str(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
/** Integer amount in the currency's minor units (cents); never a float. */
export const MinorUnitsSchema = /* @__PURE__ */ z.int();
export const NonNegativeMinorUnitsSchema = /* @__PURE__ */ int(z.minimum(0));

/** Money on the wire: integer minor units plus ISO 4217 currency. */
export const MoneySchema = /* @__PURE__ */ z.object({ amount: MinorUnitsSchema, currency: CurrencyCodeSchema });
export type Money = z.infer<typeof MoneySchema>;

/** Text keyed by locale (`en` always present in seed data); the server resolves it for `?locale=`. */
export const LocalizedTextSchema = /* @__PURE__ */ z.record(z.string(), z.string());

/** Error body of every 4xx/5xx answer. `fields` maps a dotted field path to a message. */
export const ErrorBodySchema = /* @__PURE__ */ z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Error codes the reference server uses (others may be added; clients must treat unknown codes as generic). */
export const ERROR_CODES = [
  'invalid_request', // 400, with fields
  'idempotency_key_required', // 400
  'unauthorized', // 401 unknown clinic key / missing staff token
  'forbidden', // 403 bad manage token / origin
  'not_found', // 404
  'slot_taken', // 409
  'conflict', // 409 generic, e.g. idempotent request still in progress
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'idempotency_key_reused', // 422 same key, different body
  'unprocessable', // 422
  'slot_unavailable', // 422 start is not a slot of the schedule
  'rate_limited', // 429 (+ Retry-After)
  'internal', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Attribution carried into submissions (UTM, referrer, agent code). */
export const AttributionSchema = /* @__PURE__ */ z.object({
  agent: z.optional(str(z.maxLength(64))),
  source: z.optional(str(z.maxLength(200))),
  medium: z.optional(str(z.maxLength(200))),
  campaign: z.optional(str(z.maxLength(200))),
  term: z.optional(str(z.maxLength(200))),
  content: z.optional(str(z.maxLength(200))),
  referrer: z.optional(str(z.maxLength(2000))),
  landingPage: z.optional(str(z.maxLength(2000))),
});
export type Attribution = z.infer<typeof AttributionSchema>;

/** Explicit consent to process health data, recorded with the version of the text shown. */
export const ConsentSchema = /* @__PURE__ */ z.object({
  accepted: z.literal(true),
  version: str(z.minLength(1), z.maxLength(64)),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** E.164 phone number (`+905551234567`). */
export const PhoneSchema = /* @__PURE__ */ str(z.regex(/^\+[1-9]\d{6,14}$/));
/**
 * Email address: one `@`, no spaces, a dotted domain ending in a top-level domain of two or more
 * characters that starts with a letter (so `name@example.c` is refused, `xn--p1ai` accepted). A regex rather than `z.email()` so the browser runtime carries no extra
 * string-format class.
 */
export const EmailSchema = /* @__PURE__ */ str(z.maxLength(254), z.regex(/^[^\s@]+@([^\s@.]+\.)+[A-Za-z][A-Za-z0-9-]+$/));
/** `http(s)` URL. */
export const HttpUrlSchema = /* @__PURE__ */ str(z.maxLength(2000), z.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/));

/** How the patient wants the clinic to get back to them. */
export const PreferredChannelSchema = /* @__PURE__ */ z.enum(['whatsapp', 'email', 'phone']);
/** Free text a patient writes (notes, comments): may hold health data, never stored in the browser. */
export const PatientTextSchema = /* @__PURE__ */ str(z.maxLength(4000));

/** Name/email/phone of a patient; phone in E.164. The name must not be blank. */
export const ContactSchema = /* @__PURE__ */ z.object({
  name: str(z.minLength(1), z.maxLength(200), z.regex(/\S/)),
  email: EmailSchema,
  phone: z.optional(PhoneSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Query boolean: `true`/`false`/`1`/`0`. */
export const QueryBooleanSchema = /* @__PURE__ */ z.stringbool();
/** Query integer, coerced from the query string. */
export const queryInt = /* @__NO_SIDE_EFFECTS__ */ (min: number, max: number) => z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

/** Empty success body for 204-like answers that still carry JSON. */
export const OkSchema = /* @__PURE__ */ z.object({ ok: z.literal(true) });
