import * as z from 'zod/mini';
import { str, int } from './checked.js';

/**
 * Shared building blocks of the /v1 contract. Every other contract file imports from here only,
 * so a widget that imports `contract/quotes.js` pulls quotes + common and nothing else.
 *
 * This module is in the shared runtime (it is built when a widget's code loads), so it holds only
 * what a first screen needs to read answers (money, ids, localized text, the clinic profile's
 * phone, email and URLs). What only requests and lead forms need (contact, consent, attribution,
 * patient text, request dates and zones, query helpers…) is in `requests.ts`, re-exported here: a bundle puts it
 * with the lazy parts that use it, so nothing of it is built before a patient opens a form
 * (test/e2e/chunks.test.ts checks the runtime and every solo bundle).
 */

/** ISO 4217 currency code, capitals. */
export const CurrencyCodeSchema = /* @__PURE__ */ str(z.regex(/^[A-Z]{3}$/));
/** ISO 3166-1 alpha-2 country code, capitals. */
export const CountryCodeSchema = /* @__PURE__ */ str(z.regex(/^[A-Z]{2}$/));
/** BCP 47 language tag (kept simple: `en`, `pt-BR`, `zh-Hant`). */
export const LocaleSchema = /* @__PURE__ */ str(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));
/** IANA time zone name, e.g. `Europe/Istanbul` (the shape; responses carry the server's own zones). */
export const TimeZoneSchema = /* @__PURE__ */ str(z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/));

/** URL-safe identifier / slug. */
export const IdSchema = /* @__PURE__ */ str(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/));
/** Server-generated UUID. */
export const UuidSchema = /* @__PURE__ */ str(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/));
/** UTC instant, ISO 8601 with `Z` (responses). */
export const DateTimeSchema = /* @__PURE__ */ str(z.regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?Z$/));
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

/** `http(s)` URL. */
export const HttpUrlSchema = /* @__PURE__ */ str(z.maxLength(2000), z.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/));

export { PhoneSchema, EmailSchema } from './fields.js';
export {
  isKnownTimeZone,
  KnownTimeZoneSchema,
  DateTimeInputSchema,
  AttributionSchema,
  ConsentSchema,
  PreferredChannelSchema,
  PatientTextSchema,
  ContactSchema,
  QueryBooleanSchema,
  queryInt,
  OkSchema,
} from './requests.js';
export type { Attribution, Consent, Contact } from './requests.js';
