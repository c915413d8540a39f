/**
 * Time-zone arithmetic for the booking scheduler, with Intl only (no date library): the calendar
 * date of an instant in a zone, the zone's offset at that instant (never at "now"), grouping slots
 * by the patient's day, and the two labels a slot shows (patient zone + clinic zone).
 *
 * A "day key" is a plain calendar date `YYYY-MM-DD`; day arithmetic on keys is done in UTC, where
 * every day has 24 hours, so no DST change can shift or drop a day.
 */

const DAY = 86_400_000;
const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `timeZone` at instant `ms`, written as if it were a UTC instant. */
export function wallClock(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const x of partsFormatter(timeZone).formatToParts(ms)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const y = p['year']!;
  // Years before 100 would be read as 19xx by Date.UTC; slots never are, but property tests may be.
  const d = new Date(Date.UTC(2000, p['month']! - 1, p['day']!, p['hour']! % 24, p['minute']!, p['second']!));
  d.setUTCFullYear(y);
  return d.getTime() + (ms - Math.floor(ms / 1000) * 1000);
}

/** The zone's offset from UTC at instant `ms`, in minutes (Kolkata 330, New York −300 or −240). */
export function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round((wallClock(ms, timeZone) - ms) / 60_000);
}

/** `YYYY-MM-DD` of a UTC-based ms value (years 0–9999). */
export function keyOf(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The calendar date of instant `ms` in `timeZone`. */
export function dayKey(ms: number | string, timeZone: string): string {
  return keyOf(wallClock(typeof ms === 'string' ? Date.parse(ms) : ms, timeZone));
}

/** Midnight UTC of a day key, in ms. */
export const keyMs = (key: string): number => Date.parse(`${key}T00:00:00Z`);
export const addDays = (key: string, n: number): string => keyOf(keyMs(key) + n * DAY);
/** Whole days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((keyMs(b) - keyMs(a)) / DAY);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (key: string): number => new Date(keyMs(key)).getUTCDay();

const BUCKET = 6 * 3_600_000;
const bucketCache = new Map<string, Map<number, number | null>>();
/**
 * The offset in force at `ms`, from a cache of 6-hour buckets: when the offsets at both ends of a
 * bucket agree, no clock change happens inside it (zones never change twice within hours), so
 * every instant in it has that offset. A bucket containing a change answers exactly, per instant.
 * Grouping a month of 15-minute slots then costs ~240 Intl calls instead of ~3,000.
 */
function quickOffsetMs(ms: number, timeZone: string): number {
  let zone = bucketCache.get(timeZone);
  if (!zone) bucketCache.set(timeZone, (zone = new Map()));
  const b = Math.floor(ms / BUCKET);
  let v = zone.get(b);
  if (v === undefined) {
    const a = wallClock(b * BUCKET, timeZone) - b * BUCKET;
    const z = wallClock((b + 1) * BUCKET, timeZone) - (b + 1) * BUCKET;
    zone.set(b, (v = a === z ? a : null));
  }
  return v ?? wallClock(ms, timeZone) - ms;
}

/**
 * Slots grouped by the day they start on in `timeZone`: every slot lands in exactly one day, in
 * input order within a day, days ascending. A slot at 01:00 in Istanbul belongs to the previous
 * evening in New York.
 */
export function groupByDay<T extends { start: string }>(slots: readonly T[], timeZone: string): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  const sorted = slots.map((s) => [Date.parse(s.start), s] as const).sort((a, b) => a[0] - b[0]);
  let lastDay = NaN;
  let lastKey = '';
  for (const [ms, s] of sorted) {
    // keyOf (an ISO string) once per UTC-shifted day, not once per slot.
    const wall = ms + quickOffsetMs(ms, timeZone);
    const day = Math.floor(wall / DAY);
    if (day !== lastDay) {
      lastDay = day;
      lastKey = keyOf(wall);
    }
    const k = lastKey;
    const list = byDay.get(k);
    if (list) list.push(s);
    else byDay.set(k, [s]);
  }
  return byDay;
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let f = fmtCache.get(key);
  if (!f) fmtCache.set(key, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone })));
  return f;
}

/** Whether `locale` writes times on a 12-hour clock (en-US, ar) or 24 hours (de, en-GB, tr). */
const twelve = new Map<string, boolean>();
export function uses12Hour(locale: string): boolean {
  let v = twelve.get(locale);
  if (v === undefined) {
    const hc = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    twelve.set(locale, (v = hc === 'h11' || hc === 'h12'));
  }
  return v;
}

/** A time of day in `timeZone`, on the locale's own 12/24-hour clock. */
export function formatTime(ms: number | string, timeZone: string, locale: string): string {
  // 24-hour clocks read "09:00"; 12-hour ones "9:00 AM".
  return fmt(locale, timeZone, { hour: uses12Hour(locale) ? 'numeric' : '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** A date and time in `timeZone` as the locale joins them: "Tuesday, March 3, 2026 at 9:30 AM", "الثلاثاء، 3 مارس 2026 في 9:30 ص". */
export function formatWhen(ms: number | string, timeZone: string, locale: string): string {
  return fmt(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(ms));
}

/** A day key as a date, e.g. for the grid's cells and the day heading (no zone involved). */
export function formatKey(key: string, locale: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
  return fmt(locale, 'UTC', opts).format(keyMs(key));
}

/** `s` isolated from the text around it (FSI…PDI, as <bdi>): a Latin city or "GMT+4" keeps its own order inside Arabic. */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

/** The instant of noon on day `key` (YYYY-MM-DD) in `timeZone`: the day's UTC offset is the one in force then (clocks change at night). */
export function noonOf(key: string, timeZone: string): number {
  const t = Date.parse(`${key}T12:00:00Z`);
  return t - offsetMinutes(t, timeZone) * 60_000;
}

/** "GMT+5:30", "GMT−4", "GMT" at instant `ms` (the offset in force then, not now). */
export function offsetLabel(ms: number, timeZone: string): string {
  const m = offsetMinutes(ms, timeZone);
  if (!m) return 'GMT';
  const a = Math.abs(m);
  return `GMT${m < 0 ? '−' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

export interface SlotLabels {
  /** Patient's wall time, e.g. "9:30 AM". */
  patient: string;
  /** Clinic's wall time, e.g. "16:30" (in the patient's locale's clock). */
  clinic: string;
  patientDay: string;
  clinicDay: string;
  /** Clinic day minus patient day: usually −1, 0 or +1 (up to ±2 between UTC−12 and UTC+14). */
  clinicDayShift: number;
}

/** The two labels of a slot: the patient's time and the clinic's time beside it. */
export function slotLabels(start: string | number, patientZone: string, clinicZone: string, locale: string): SlotLabels {
  const ms = typeof start === 'string' ? Date.parse(start) : start;
  const patientDay = dayKey(ms, patientZone);
  const clinicDay = dayKey(ms, clinicZone);
  return {
    patient: formatTime(ms, patientZone, locale),
    clinic: formatTime(ms, clinicZone, locale),
    patientDay,
    clinicDay,
    clinicDayShift: daysBetween(patientDay, clinicDay),
  };
}

export interface LabelledSlot<T> extends SlotLabels {
  slot: T;
  /** "GMT−4": shown beside the patient's time only when the day has a DST change in that zone. */
  patientOffset?: string;
  /** The same for the clinic's zone. */
  clinicOffset?: string;
}

/**
 * Labels for one day's slots. On the day a zone changes its clocks, a wall time can occur twice
 * (fall back: two different "1:30 AM") or the list jumps an hour; then each time carries its UTC
 * offset, so two slots never read the same.
 */
export function labelDay<T extends { start: string }>(slots: readonly T[], patientZone: string, clinicZone: string, locale: string): LabelledSlot<T>[] {
  const ms = slots.map((s) => Date.parse(s.start));
  const changes = (zone: string) => new Set(ms.map((t) => offsetMinutes(t, zone))).size > 1;
  const p = changes(patientZone);
  const c = changes(clinicZone);
  return slots.map((slot, i) => {
    const l: LabelledSlot<T> = { slot, ...slotLabels(ms[i]!, patientZone, clinicZone, locale) };
    if (p) l.patientOffset = offsetLabel(ms[i]!, patientZone);
    if (c) l.clinicOffset = offsetLabel(ms[i]!, clinicZone);
    return l;
  });
}

/** The browser's zone; UTC when the browser does not say (some privacy modes). */
export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether Intl knows `timeZone` (so it can be shown and sent). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
