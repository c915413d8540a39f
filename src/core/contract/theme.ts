import * as z from 'zod/mini';
import { DateTimeSchema } from './common.js';

/** `--prm-*` custom property name. */
export const ThemeTokenNameSchema = z.string().check(z.regex(/^--prm-[a-z0-9-]{1,60}$/));
/**
 * A CSS value for a token. Kept to a safe subset: no `;`, braces, angle brackets, backslashes or
 * `url(`, so a remote theme can never break out of the declaration or load anything.
 */
export const ThemeTokenValueSchema = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.regex(/^(?![\s\S]*url\()[^;{}<>\\]+$/i),
);

export const ThemeModeSchema = z.enum(['light', 'dark', 'auto']);
export type ThemeMode = z.infer<typeof ThemeModeSchema>;

/** The clinic's remote theme: a mode and `--prm-*` token overrides. */
export const ThemeSchema = z
  .object({
    mode: ThemeModeSchema,
    tokens: z
      .record(ThemeTokenNameSchema, ThemeTokenValueSchema)
      .check(z.refine((r) => Object.keys(r).length <= 100, 'at most 100 tokens')),
  })
  .check(z.meta({ id: 'Theme' }));
export type Theme = z.infer<typeof ThemeSchema>;

/** `PUT /v1/staff/theme` body and answer. */
export const PutThemeBodySchema = ThemeSchema;
export const PutThemeResponseSchema = z.object({ theme: ThemeSchema, updatedAt: DateTimeSchema });
export type PutThemeResponse = z.infer<typeof PutThemeResponseSchema>;
