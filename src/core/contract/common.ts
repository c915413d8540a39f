import * as z from 'zod/mini';

/**
 * Shared building blocks of the /v1 contract. Every other contract file imports from here only,
 * so a widget that imports `contract/quotes.js` pulls quotes + common and nothing else.
 */

/** ISO 4217 currency code, capitals. */
export const CurrencyCodeSchema = z.string().check(z.regex(/^[A-Z]{3}$/), z.describe('ISO 4217 currency code'));
/** ISO 3166-1 alpha-2 country code, capitals. */
export const CountryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/), z.describe('ISO 3166-1 alpha-2 country code'));
/** BCP 47 language tag (kept simple: `en`, `pt-BR`, `zh-Hant`). */
export const LocaleSchema = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.describe('BCP 47 language tag'));
/** IANA time zone name, e.g. `Europe/Istanbul`. */
export const TimeZoneSchema = z.string().check(
  z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/),
  z.describe('IANA time zone name'),
);
/** URL-safe identifier / slug. */
export const IdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/), z.describe('identifier (slug)'));
/** Server-generated UUID. */
export const UuidSchema = z.uuid();
/** UTC instant, ISO 8601 with `Z` (responses). */
export const DateTimeSchema = z.iso.datetime().check(z.meta({ id: 'DateTime', description: 'UTC instant, ISO 8601' }));
/** Instant accepted in requests: ISO 8601 with `Z` or an explicit offset. */
export const DateTimeInputSchema = z.iso.datetime({ offset: true }).check(z.meta({ id: 'DateTimeInput', description: 'ISO 8601 instant with Z or an offset' }));
/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();
/** Integer amount in the currency's minor units (cents); never a float. */
export const MinorUnitsSchema = z.int().check(z.describe('integer amount in minor units of the currency'));
export const NonNegativeMinorUnitsSchema = z.int().check(z.minimum(0), z.describe('non-negative integer amount in minor units'));

/** Money on the wire: integer minor units plus ISO 4217 currency. */
export const MoneySchema = z
  .object({ amount: MinorUnitsSchema, currency: CurrencyCodeSchema })
  .check(z.meta({ id: 'Money', description: 'Integer amount in minor units plus ISO 4217 currency' }));
export type Money = z.infer<typeof MoneySchema>;

/** Text keyed by locale (`en` always present in seed data); the server resolves it for `?locale=`. */
export const LocalizedTextSchema = z.record(z.string(), z.string());

/** Error body of every 4xx/5xx answer. `fields` maps a dotted field path to a message. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.optional(z.record(z.string(), z.string())),
    }),
  })
  .check(z.meta({ id: 'Error' }));
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
export const AttributionSchema = z.object({
  agent: z.optional(z.string().check(z.maxLength(64))),
  source: z.optional(z.string().check(z.maxLength(200))),
  medium: z.optional(z.string().check(z.maxLength(200))),
  campaign: z.optional(z.string().check(z.maxLength(200))),
  term: z.optional(z.string().check(z.maxLength(200))),
  content: z.optional(z.string().check(z.maxLength(200))),
  referrer: z.optional(z.string().check(z.maxLength(2000))),
  landingPage: z.optional(z.string().check(z.maxLength(2000))),
});
export type Attribution = z.infer<typeof AttributionSchema>;

/** Explicit consent to process health data, recorded with the version of the text shown. */
export const ConsentSchema = z.object({
  accepted: z.literal(true),
  version: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** Name/email/phone of a patient; phone in E.164 (`+905551234567`). */
export const ContactSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/), z.describe('E.164 phone number'))),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Query boolean: `true`/`false`/`1`/`0`. */
export const QueryBooleanSchema = z.stringbool();
/** Query integer, coerced from the query string. */
export const queryInt = (min: number, max: number) => z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

/** Empty success body for 204-like answers that still carry JSON. */
export const OkSchema = z.object({ ok: z.literal(true) });
