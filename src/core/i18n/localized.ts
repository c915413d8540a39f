/**
 * Picks the text of a localized record (`{ en: 'Dental implants', ar: 'زراعة الأسنان' }`), one
 * fallback order for the server (which resolves `?locale=`) and the browser (consent text, clinic
 * strings): the requested locale (`de-AT`), its base language (`de`), the clinic's default
 * locale, the record's `default` entry, English, then whatever there is. A plain string is
 * returned as is.
 */
export function localized(text: Record<string, string> | string | undefined, locale: string | undefined, clinicDefault?: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = locale?.split('-')[0];
  for (const k of [locale, base, clinicDefault, 'default', 'en']) if (k && text[k] !== undefined) return text[k]!;
  return Object.values(text)[0] ?? '';
}
