import type * as z from 'zod/mini';
import { LOCALES } from './locales.js';
import { THEMES } from './themes.js';
import type { EmbedConfigSchema as EmbedConfigZod } from './embed.js';
import { EmbedConfigSchema } from '../../generated/contract/embed.js';

export { LOCALES, type Locale } from './locales.js';
export { THEMES, type ThemeMode } from './themes.js';
/** The embed config every widget resolves (see DESIGN.md "Embedding"; the rules: ./embed.ts). */
export { EmbedConfigSchema };

export type EmbedConfig = z.infer<typeof EmbedConfigZod>;
export type ConfigField = keyof EmbedConfig;
export const CONFIG_FIELDS = Object.keys(EmbedConfigSchema.json.p!) as ConfigField[];

/** How to fix each field, for the one console error an invalid config produces. */
export const FIELD_HELP: Record<ConfigField, string> = {
  api: 'an http(s) URL like "https://api.clinic.example"',
  clinic: 'a public key like "pk_live_aurora"',
  locale: `auto, ${LOCALES.join(', ')}`,
  theme: THEMES.join(', '),
  currency: 'an ISO 4217 code like "EUR"',
  agent: 'up to 64 of A-Z a-z 0-9 . _ -',
};
