import { LOCALES, type Locale } from '../config/locales.js';

const RTL = new Set<Locale>(['ar']);

/** Maps a BCP 47 tag (`ar-EG`, `pt-BR`, `EN`) to a supported locale, or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/**
 * Resolves a widget's locale: its own `lang` attribute, then an explicit (non-`auto`) configured
 * locale, then the nearest ancestor with `lang` (crossing shadow roots, up to `<html>`), then
 * `navigator.languages`, then English. Unsupported tags are skipped, not fatal.
 */
export function resolveLocale(el: Element, configured: string = 'auto', languages: readonly string[] = navigator.languages): Locale {
  const own = matchLocale(el.getAttribute('lang'));
  if (own) return own;
  const conf = configured === 'auto' ? undefined : matchLocale(configured);
  if (conf) return conf;
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const m = matchLocale(node.getAttribute('lang'));
      if (m) return m;
      // An unsupported lang on an ancestor (e.g. "ja") does not stop the search: the page's
      // language may still be one we speak further up, else the browser's.
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  for (const l of languages) {
    const m = matchLocale(l);
    if (m) return m;
  }
  return 'en';
}
