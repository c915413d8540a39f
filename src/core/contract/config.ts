import * as z from 'zod/mini';
import { CurrencyCodeSchema, LocaleSchema, TimeZoneSchema } from './common.js';
import { ThemeSchema } from './theme.js';

/** Channels a patient can be handed off to. Values: E.164 phone, Telegram username, email. */
export const ChannelsSchema = z.object({
  whatsapp: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
  telegram: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_]{5,32}$/), z.describe('Telegram username without @'))),
  phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
  email: z.optional(z.email()),
});
export type Channels = z.infer<typeof ChannelsSchema>;

const HHMM = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/), z.describe('local time HH:MM'));
export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** Opening hours in the clinic's time zone. A day with no entry is closed. */
export const OfficeHoursSchema = z.object({
  timeZone: TimeZoneSchema,
  days: z.array(z.object({ day: WeekdaySchema, open: HHMM, close: HHMM })),
});
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

/** Health-data consent text, versioned; `text.default` is used when the locale has no entry. */
export const ConsentTextSchema = z.object({
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.record(z.string(), z.string()),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

/** `GET /v1/config`: the clinic profile, merged by the browser core as the "remote" config layer. */
export const ClinicConfigSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: TimeZoneSchema,
    currencies: z.array(CurrencyCodeSchema).check(z.minLength(1)),
    defaultCurrency: CurrencyCodeSchema,
    locales: z.array(LocaleSchema).check(z.minLength(1)),
    defaultLocale: LocaleSchema,
    theme: ThemeSchema,
    channels: ChannelsSchema,
    officeHours: OfficeHoursSchema,
    privacyUrl: z.url(),
    consent: ConsentTextSchema,
    logoUrl: z.optional(z.string()),
    country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
    address: z.optional(z.string()),
  })
  .check(z.meta({ id: 'ClinicConfig' }));
export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;
