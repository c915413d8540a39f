import { configureLocalization } from '@lit/localize';
import type { Locale } from '../config/schema.js';

/**
 * One explicit import per locale, so each becomes its own chunk, loaded only when that locale
 * is used. English is the source locale and has no module.
 */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<unknown>> = {
  ar: () => import('../../generated/locales/ar.js'),
  de: () => import('../../generated/locales/de.js'),
  es: () => import('../../generated/locales/es.js'),
  fr: () => import('../../generated/locales/fr.js'),
  ru: () => import('../../generated/locales/ru.js'),
  tr: () => import('../../generated/locales/tr.js'),
};

let api: { getLocale(): string; setLocale(l: string): Promise<void> } | undefined;

/**
 * The SDK configures @lit/localize once, on first use (never the host page). If the host app
 * already configured its own copy of @lit/localize, we cannot share it: we keep English and warn.
 */
function localization() {
  if (!api) {
    try {
      api = configureLocalization({
        sourceLocale: 'en',
        targetLocales: Object.keys(loaders),
        loadLocale: (l) => loaders[l as keyof typeof loaders]() as never,
      });
    } catch (err) {
      console.warn('[prm-widgets] @lit/localize is already configured by the page; widgets stay in English.', err);
      api = { getLocale: () => 'en', setLocale: async () => {} };
    }
  }
  return api;
}

let pending: Locale | undefined;

/**
 * Switches the shared message locale. All widgets on a page share one message locale
 * (@lit/localize's runtime is page-wide); the last widget to ask wins, and a page mixing
 * languages gets one console warning.
 */
export async function useLocale(locale: Locale): Promise<void> {
  const l = localization();
  if (pending && pending !== locale) {
    console.warn(`[prm-widgets] widgets on this page ask for different languages (${pending}, ${locale}); messages follow the last one.`);
  }
  pending = locale;
  // Always through setLocale, which knows the locale still loading: compared with getLocale() (the
  // one shown), an English widget asking while a German one's messages were on their way was
  // ignored, and the page turned German once they arrived.
  await l.setLocale(locale);
}

export function currentLocale(): string {
  return localization().getLocale();
}
