import * as z from 'zod/mini';
import { str } from './checked.js';
import { EmailSchema, PhoneSchema } from './fields.js';

/**
 * Contract pieces only requests and forms need (re-exported by `common.ts`, import them from
 * there). Kept out of `common.ts`, which is in the shared runtime and built when a widget loads:
 * these are built only with the lazy part (a lead form, a booking's details) that uses them.
 */

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

/**
 * A time zone a request sends: the shape, and a zone the runtime knows (`Mars/Olympus_Mons`,
 * `Etc/GMT+99` are refused). Request schemas use this one; the shared runtime, which only parses
 * responses, does not pay for the refinement.
 */
export const KnownTimeZoneSchema = /* @__PURE__ */ str(
  z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/),
  z.refine(isKnownTimeZone, 'Unknown time zone: use an IANA name such as Europe/Istanbul'),
);


/** Instant accepted in requests: ISO 8601 with `Z` or an explicit offset. */
export const DateTimeInputSchema = /* @__PURE__ */ str(
  z.regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-][0-2]\d:?[0-5]\d)$/),
  // The pattern lets month 13 or hour 29 through; the calendar does not.
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real date and time'),
);

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
