/** Money, numbers and dates through Intl, in the widget's locale. */

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = nfCache.get(key);
  if (!f) nfCache.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

/** Digits after the decimal point of a currency's minor unit (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return nf('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const warmed = new Set<string>();
/**
 * Pays Intl's one-off start-up costs ahead of time, one per task, while a widget waits for the
 * network: the first formatter of a page loads ICU data (≈ 100 ms on a 4×-throttled phone), and
 * likely subtags, date patterns and display names each cost a first time too. Without this they
 * all land in the one task that renders the backend's answer.
 */
export function warmIntl(locale: string): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  const steps = [
    () => minorDigits('EUR'),
    () => nf(locale, { style: 'currency', currency: 'EUR' }).format(1),
    () => new Intl.Locale(locale).maximize(),
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(0),
    () => new Intl.DisplayNames(locale, { type: 'region' }).of('DE'),
    () => new Intl.DisplayNames(locale, { type: 'currency' }).of('EUR'),
  ];
  const next = () => {
    try {
      steps.shift()!();
    } catch {
      /* an Intl feature this browser lacks: the widget copes when it renders */
    }
    if (steps.length) setTimeout(next);
  };
  setTimeout(next);
}

/** Formats integer minor units (`12345`, `"EUR"`) as money in `locale` (`€123.45`). */
export function formatMoney(amountMinor: number, currency: string, locale: string, opts: { whole?: boolean } = {}): string {
  const digits = minorDigits(currency);
  const value = amountMinor / 10 ** digits;
  return nf(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: opts.whole ? 0 : digits,
    maximumFractionDigits: opts.whole ? 0 : digits,
  }).format(value);
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
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone }).format(d);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: for grouping slots by day. */
export function dateInZone(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The browser's IANA time zone, e.g. "Europe/Berlin". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
