import * as z from 'zod/mini';
import { str } from './checked.js';
import { DateTimeSchema } from './common.js';

/** `--prm-*` custom property name. */
export const ThemeTokenNameSchema = /* @__PURE__ */ str(z.regex(/^--prm-[a-z0-9-]{1,60}$/));
/**
 * A CSS value for a token. Kept to a safe subset: no `;`, braces, angle brackets, backslashes or
 * `url(`, so a remote theme can never break out of the declaration or load anything.
 */
export const ThemeTokenValueSchema = /* @__PURE__ */ str(
  z.minLength(1),
  z.maxLength(200),
  z.regex(/^(?![\s\S]*url\()[^;{}<>\\]+$/i),
);

export const ThemeModeSchema = /* @__PURE__ */ z.enum(['light', 'dark', 'auto']);
export type ThemeMode = z.infer<typeof ThemeModeSchema>;

/** Most tokens a theme may set. */
export const THEME_MAX_TOKENS = 100;

/**
 * The clinic's remote theme: a mode and `--prm-*` token overrides, with light and dark values.
 * `tokens` apply in every mode (light values of colours, and radius, font…); `dark` holds the dark
 * values of colours. A clinic may give only one brand colour: `GET /config` then serves a derived
 * dark value (and on-primary for both modes) so every text/background pair meets WCAG 2.2 AA.
 */
export const ThemeSchema = /* @__PURE__ */ z
  .object({
    mode: ThemeModeSchema,
    // At most THEME_MAX_TOKENS entries: the server checks the count (a refine here would add a class
    // to every page's runtime only to re-check what the server already refused).
    tokens: z.record(ThemeTokenNameSchema, ThemeTokenValueSchema),
    dark: z.optional(z.record(ThemeTokenNameSchema, ThemeTokenValueSchema)),
  });
export type Theme = z.infer<typeof ThemeSchema>;

/** `PUT /v1/staff/theme` body and answer. */
export const PutThemeBodySchema = ThemeSchema;
export const PutThemeResponseSchema = /* @__PURE__ */ z.object({ theme: ThemeSchema, updatedAt: DateTimeSchema });
export type PutThemeResponse = z.infer<typeof PutThemeResponseSchema>;
