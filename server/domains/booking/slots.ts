/**
 * Slot generation from weekly schedules in the clinic's IANA zone, with no date library: Intl
 * gives the zone's offset at an instant, and wall times are resolved to instants by trying the
 * offsets in force a day before and after. Wall times that do not exist (spring forward) produce no
 * slot; wall times that occur twice (fall back) produce one slot, at the first occurrence.
 */

export interface ScheduleBlock {
  day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
  /** Local `HH:MM`. */
  start: string;
  end: string;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fmtCache.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `timeZone` at instant `ms`, expressed as if it were UTC (ms). */
export function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']! % 24, parts['minute']!, parts['second']!);
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (e.g. +3 h for Istanbul). */
export function offsetMs(ms: number, timeZone: string): number {
  return wallClockMs(Math.floor(ms / 1000) * 1000, timeZone) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` (`YYYY-MM-DD`) `minutes` after
 * midnight; null when that wall time does not exist (skipped by a DST change).
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const candidates = [...new Set([offsetMs(wall - DAY, timeZone), offsetMs(wall + DAY, timeZone)])]
    .map((o) => wall - o)
    .filter((t) => wallClockMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** The local calendar date (`YYYY-MM-DD`) in `timeZone` at instant `ms`. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(wallClockMs(ms, timeZone)).toISOString().slice(0, 10);
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export interface SlotOptions {
  timeZone: string;
  schedule: readonly ScheduleBlock[];
  /** Grid step and length of a slot. */
  slotMinutes: number;
  /** Slots start in [from, to). */
  from: Date;
  to: Date;
  /** No slot before this instant (now + lead time). */
  notBefore?: Date;
}

/** Slot starts from a weekly schedule, ascending, in [from, to). */
export function generateSlots(o: SlotOptions): Date[] {
  const out: Date[] = [];
  const from = Math.max(o.from.getTime(), o.notBefore?.getTime() ?? -Infinity);
  const to = o.to.getTime();
  if (!(to > from)) return out;
  // Walk local dates from the day before `from` to the day after `to`.
  let day = Date.parse(localDate(from, o.timeZone)) - DAY;
  const last = Date.parse(localDate(to, o.timeZone)) + DAY;
  for (; day <= last; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    const weekday = DAY_NAMES[new Date(day).getUTCDay()]!;
    for (const b of o.schedule) {
      if (b.day !== weekday) continue;
      const end = toMinutes(b.end);
      for (let t = toMinutes(b.start); t + o.slotMinutes <= end; t += o.slotMinutes) {
        const at = zonedToUtc(date, t, o.timeZone);
        if (at && at.getTime() >= from && at.getTime() < to) out.push(at);
      }
    }
  }
  out.sort((a, b) => a.getTime() - b.getTime());
  return out.filter((d, i) => i === 0 || d.getTime() !== out[i - 1]!.getTime());
}
