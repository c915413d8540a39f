/**
 * Locales the SDK ships translations for. `en` is the source locale. Kept free of zod so the
 * loader can resolve a widget's locale (for its first data request) without the runtime.
 */
export const LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];
