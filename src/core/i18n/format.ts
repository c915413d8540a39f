/** Money, numbers and dates through Intl, in the widget's locale. */

/**
 * One formatter per locale and options for the life of the page: creating an Intl formatter
 * costs far more than using one (locale data is resolved each time).
 */
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(kind: string, locale: string, opts: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}
const nf = (locale: string, opts: Intl.NumberFormatOptions) => cached('n', locale, opts, () => new Intl.NumberFormat(locale, opts));
/** A cached `Intl.DateTimeFormat` for `locale` and `opts`. */
export const dateFormat = (locale: string, opts: Intl.DateTimeFormatOptions) => cached('d', locale, opts, () => new Intl.DateTimeFormat(locale, opts));

/** A country's, currency's or language's name in `locale` (the code itself where Intl has no name). */
export function displayName(locale: string, type: 'region' | 'currency' | 'language', code: string): string {
  try {
    return cached('dn', locale, { type }, () => new Intl.DisplayNames(locale, { type })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items as a list in `locale`: "Turkish, English, and German"; "التركية والإنجليزية والألمانية" in Arabic. */
export function formatList(items: string[], locale: string): string {
  try {
    return cached('l', locale, {}, () => new Intl.ListFormat(locale)).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * ISO 4217 minor units that are not 2 (the table is the standard's, so no formatter is needed to
 * know them, in the browser or on the server).
 */
const DIGITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};
/** Digits after the decimal point of a currency's minor unit (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return DIGITS[currency] ?? 2;
}

const warmed = new Set<string>();
/**
 * Pays Intl's one-off start-up costs ahead of time, one per task, before the render of the
 * backend's answer: the first formatter of a page loads ICU data (35–300 ms on a 4×-throttled
 * phone; with the loader that one is paid earlier, while the code is on the network: loader/start.ts),
 * and likely subtags, date patterns and display names each cost a first time too. Without this they
 * all land in the one task that renders the backend's answer.
 */
export function warmIntl(locale: string): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  const steps = [
    () => nf(locale, { style: 'currency', currency: 'EUR' }).format(1),
    () => new Intl.Locale(locale).maximize(),
    () => dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(0),
    () => displayName(locale, 'region', 'DE'),
    () => displayName(locale, 'currency', 'EUR'),
  ];
  // All queued now, one task each: so they run before the render of the answer, which is queued
  // after them (core/data/controller.ts), instead of that render paying for the later ones.
  for (const step of steps)
    setTimeout(() => {
      try {
        step();
      } catch {
        /* an Intl feature this browser lacks: the widget copes when it renders */
      }
    });
}

const RTL = /^(ar|he|fa|ur|ps|ckb|yi|dv)\b/;
/** Whether `locale` is written right to left. */
export const isRtl = (locale: string) => RTL.test(locale);

/**
 * Formats integer minor units (`12345`, `"EUR"`) as money in `locale` (`€123.45`). In a
 * right-to-left locale the currency symbol is wrapped in a left-to-right isolate (U+2066…U+2069):
 * without it "10,299.90 US$" reads "$US 10,299.90" inside Arabic text, the `$` taking the
 * paragraph's direction. Put the result in a `<bdi>` (or another isolate) where it sits in text.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string, opts: { whole?: boolean } = {}): string {
  const digits = minorDigits(currency);
  const value = amountMinor / 10 ** digits;
  const f = nf(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: opts.whole ? 0 : digits,
    maximumFractionDigits: opts.whole ? 0 : digits,
  });
  if (!isRtl(locale)) return f.format(value);
  return f
    .formatToParts(value)
    .map((p) => (p.type === 'currency' ? `\u2066${p.value}\u2069` : p.value))
    .join('');
}

export function formatNumber(n: number, locale: string, opts: Intl.NumberFormatOptions = {}): string {
  return nf(locale, opts).format(n);
}

export function formatPercent(ratio: number, locale: string): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Formats a UTC ISO-8601 instant in an IANA time zone. */
export function formatDateTime(
  iso: string | Date,
  timeZone: string,
  locale: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return dateFormat(locale, { ...opts, timeZone }).format(d);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: for grouping slots by day. */
export function dateInZone(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The browser's IANA time zone, e.g. "Europe/Berlin". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
