import * as z from 'zod/mini';
import { LOCALES } from './locales.js';
import { THEMES } from './themes.js';

/** The embed config every widget resolves (see DESIGN.md "Embedding"). */
export const EmbedConfigSchema = /* @__PURE__ */ z.object({
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
