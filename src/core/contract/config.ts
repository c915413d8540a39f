import * as z from 'zod/mini';
import { str, list } from './checked.js';
import { CurrencyCodeSchema, EmailSchema, HttpUrlSchema, LocaleSchema, PhoneSchema, TimeZoneSchema } from './common.js';
import { ThemeSchema } from './theme.js';

/** Channels a patient can reach the clinic on. Values: E.164 phone, Telegram username, email; live chat on or off. */
/** Telegram username without `@`. */
export const TelegramSchema = /* @__PURE__ */ str(z.regex(/^[A-Za-z0-9_]{5,32}$/));

export const ChannelsSchema = /* @__PURE__ */ z.object({
  /**
   * Live chat with the clinic's coordinators (and its FAQ assistant) in the chat panel. Absent or
   * `true`: offered; `false`: the panel offers only the channels below (a clinic that answers on
   * WhatsApp alone) and `POST /chat/conversations` answers 403.
   */
  liveChat: z.optional(z.boolean()),
  whatsapp: z.optional(PhoneSchema),
  telegram: z.optional(TelegramSchema),
  phone: z.optional(PhoneSchema),
  email: z.optional(EmailSchema),
});
export type Channels = z.infer<typeof ChannelsSchema>;

export const HHMM = /* @__PURE__ */ str(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
export const WeekdaySchema = /* @__PURE__ */ z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** Opening hours in the clinic's time zone. A day with no entry is closed. */
export const OfficeHoursSchema = /* @__PURE__ */ z.object({
  timeZone: TimeZoneSchema,
  days: z.array(z.object({ day: WeekdaySchema, open: HHMM, close: HHMM })),
});
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

/** Health-data consent text, versioned; `text.default` is used when the locale has no entry. */
export const ConsentTextSchema = /* @__PURE__ */ z.object({
  version: str(z.minLength(1), z.maxLength(64)),
  text: z.record(z.string(), z.string()),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

/** What a patient can rate, one star scale each. Which are asked depends on the stage (clinic config). */
export const FeedbackAspectSchema = /* @__PURE__ */ z.enum(['medical', 'communication', 'accommodation', 'transfers', 'interpreter', 'value', 'facilities', 'planning']);
export type FeedbackAspect = z.infer<typeof FeedbackAspectSchema>;

/** Where the patient is in the journey: before travelling, at the clinic, back home. */
export const FeedbackStageSchema = /* @__PURE__ */ z.enum(['pre-travel', 'in-clinic', 'post-return']);
export type FeedbackStage = z.infer<typeof FeedbackStageSchema>;

/**
 * The feedback part of the clinic config (`feedback`): the aspects asked at each stage with their
 * labels per locale (`default` when a locale has none), and the public review page.
 */
export const FeedbackConfigSchema = /* @__PURE__ */ z.object({
  aspects: z.array(
    z.object({
      id: FeedbackAspectSchema,
      label: z.record(z.string(), z.string()),
      stages: z.array(FeedbackStageSchema),
    }),
  ),
  /** The clinic's public review page (e.g. Google, Trustpilot), offered after a high score. */
  reviewUrl: z.optional(HttpUrlSchema),
});
export type FeedbackConfig = z.infer<typeof FeedbackConfigSchema>;

/** `GET /v1/config`: the clinic profile, merged by the browser core as the "remote" config layer. */
export const ClinicConfigSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    /** The clinic's name as it is written in other languages (e.g. its Arabic name), by locale; `name` otherwise. */
    names: z.optional(z.record(z.string(), z.string())),
    timeZone: TimeZoneSchema,
    currencies: list(CurrencyCodeSchema, z.minLength(1)),
    defaultCurrency: CurrencyCodeSchema,
    locales: list(LocaleSchema, z.minLength(1)),
    defaultLocale: LocaleSchema,
    theme: ThemeSchema,
    channels: ChannelsSchema,
    officeHours: OfficeHoursSchema,
    privacyUrl: HttpUrlSchema,
    consent: ConsentTextSchema,
    logoUrl: z.optional(z.string()),
    country: z.optional(str(z.regex(/^[A-Z]{2}$/))),
    address: z.optional(z.string()),
    /** Aspects asked per stage and the public review page, for `<prm-feedback-form>`. */
    feedback: z.optional(FeedbackConfigSchema),
  });
export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;
