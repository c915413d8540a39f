import * as z from 'zod/mini';
import { LOCALES } from './locales.js';

export { LOCALES, type Locale } from './locales.js';
export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemeMode = (typeof THEMES)[number];

/** The embed config every widget resolves (see DESIGN.md "Embedding"). */
export const EmbedConfigSchema = z.object({
  /** Base URL of the backend; `/v1/...` is appended. */
  api: z.string().check(z.regex(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/)),
  /** The clinic's public key (`pk_...`). */
  clinic: z.string().check(z.regex(/^[A-Za-z0-9_-]{3,64}$/)),
  /** `auto` follows the page (`lang` attributes, then the browser). */
  locale: z.enum(['auto', ...LOCALES]),
  theme: z.enum(THEMES),
  /** Preferred display currency (ISO 4217); the clinic's default otherwise. */
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  /** Agent or facilitator code carried into submissions for attribution. */
  agent: z.optional(z.string().check(z.regex(/^[\w.-]{1,64}$/))),
});
export type EmbedConfig = z.infer<typeof EmbedConfigSchema>;
export type ConfigField = keyof EmbedConfig;
export const CONFIG_FIELDS = Object.keys(EmbedConfigSchema.shape) as ConfigField[];

/** How to fix each field, for the one console error an invalid config produces. */
export const FIELD_HELP: Record<ConfigField, string> = {
  api: 'an http(s) URL like "https://api.clinic.example"',
  clinic: 'a public key like "pk_live_aurora"',
  locale: `auto, ${LOCALES.join(', ')}`,
  theme: THEMES.join(', '),
  currency: 'an ISO 4217 code like "EUR"',
  agent: 'up to 64 of A-Z a-z 0-9 . _ -',
};
