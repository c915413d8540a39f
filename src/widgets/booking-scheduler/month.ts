/**
 * The month grid as data (no DOM): weeks starting on the locale's first day, each day marked in or
 * out of the month, inside or outside the bookable window, with or without availability; and the
 * WAI-ARIA APG date-grid keyboard moves, kept inside the bookable window.
 */
import { addDays, dayKey, keyMs, keyOf, weekday } from './zones.js';

/** Regions whose week starts on Sunday / Saturday (CLDR weekData), for browsers without getWeekInfo. */
const SUNDAY = new Set('AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '));
const SATURDAY = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** First day of the week in `locale`: 0 = Sunday, 1 = Monday, 6 = Saturday. */
export function firstDayOfWeek(locale: string): number {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info) return info.firstDay % 7;
    const region = loc.maximize().region ?? '';
    return SUNDAY.has(region) ? 0 : SATURDAY.has(region) ? 6 : 1;
  } catch {
    return 1;
  }
}

/** `YYYY-MM` of a day key. */
export const monthOf = (key: string): string => key.slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return keyOf(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}
export const daysInMonth = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

export interface GridWindow {
  /** First and last bookable day (inclusive), in the patient's zone. */
  min: string;
  max: string;
}

export interface GridDay {
  key: string;
  /** Day of the month (1–31). */
  day: number;
  inMonth: boolean;
  /** Inside the bookable window. */
  inWindow: boolean;
  available: boolean;
  today: boolean;
}

export interface MonthGrid {
  month: string;
  /** Weekday numbers (0 = Sunday) of the columns, in order. */
  columns: number[];
  weeks: GridDay[][];
  canPrev: boolean;
  canNext: boolean;
}

export function monthGrid(month: string, opts: GridWindow & { firstDay: number; available: ReadonlySet<string>; today: string }): MonthGrid {
  const first = `${month}-01`;
  const start = addDays(first, -((weekday(first) - opts.firstDay + 7) % 7));
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const weeks: GridDay[][] = [];
  for (let d = start; d <= last; ) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++, d = addDays(d, 1)) {
      const inWindow = d >= opts.min && d <= opts.max;
      week.push({ key: d, day: Number(d.slice(8)), inMonth: monthOf(d) === month, inWindow, available: inWindow && opts.available.has(d), today: d === opts.today });
    }
    weeks.push(week);
  }
  return {
    month,
    columns: Array.from({ length: 7 }, (_, i) => (opts.firstDay + i) % 7),
    weeks,
    canPrev: monthOf(opts.min) < month,
    canNext: monthOf(opts.max) > month,
  };
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';
export const GRID_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/** Same day number `n` months away, or that month's last day when it has fewer days (31 Jan → 28 Feb). */
function shiftMonths(key: string, n: number): string {
  const month = addMonths(monthOf(key), n);
  const day = Math.min(Number(key.slice(8)), daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * Where focus goes from `key` on a key press (APG date grid): ←/→ a day (mirrored in RTL), ↑/↓ a
 * week, Home/End the first/last day of the week, PageUp/PageDown a month, with Shift a year.
 * The result is clamped to the bookable window, so focus never lands on a day the patient cannot
 * reach by the month buttons either.
 */
export function moveFocus(key: string, press: GridKey, opts: GridWindow & { firstDay: number; shift?: boolean; rtl?: boolean }): string {
  const back = opts.rtl ? 1 : -1;
  let next: string;
  switch (press) {
    case 'ArrowLeft': next = addDays(key, back); break;
    case 'ArrowRight': next = addDays(key, -back); break;
    case 'ArrowUp': next = addDays(key, -7); break;
    case 'ArrowDown': next = addDays(key, 7); break;
    case 'Home': next = addDays(key, -((weekday(key) - opts.firstDay + 7) % 7)); break;
    case 'End': next = addDays(key, 6 - ((weekday(key) - opts.firstDay + 7) % 7)); break;
    case 'PageUp': next = shiftMonths(key, opts.shift ? -12 : -1); break;
    case 'PageDown': next = shiftMonths(key, opts.shift ? 12 : 1); break;
  }
  return next < opts.min ? opts.min : next > opts.max ? opts.max : next;
}

/** The first day with availability on or after `from` (within `max`), else undefined. */
export function firstAvailable(available: ReadonlySet<string>, from: string, max: string): string | undefined {
  let best: string | undefined;
  for (const d of available) if (d >= from && d <= max && (!best || d < best)) best = d;
  return best;
}

/**
 * The day focused when a month is shown: the selected day if it is in that month, else the month's
 * first day with availability, else its first day inside the window.
 */
export function initialFocus(month: string, opts: GridWindow & { available: ReadonlySet<string>; selected?: string | undefined }): string {
  if (opts.selected && monthOf(opts.selected) === month) return opts.selected;
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const lo = first < opts.min ? opts.min : first;
  return firstAvailable(opts.available, lo, last < opts.max ? last : opts.max) ?? lo;
}

/** The bookable window in the patient's zone: from today to `horizonDays` later. */
export function bookableWindow(today: string, horizonDays: number): GridWindow {
  return { min: today, max: addDays(today, horizonDays) };
}

/** The UTC range to ask the server for to cover month `month` in `timeZone` (a day either side). */
export function monthRange(month: string): { from: string; to: string } {
  const first = keyMs(`${month}-01`);
  return { from: new Date(first - 86_400_000).toISOString(), to: new Date(first + (daysInMonth(month) + 1) * 86_400_000).toISOString() };
}

/**
 * The months (`YYYY-MM`) to look for alternatives in: the one on screen, and the next one when the
 * taken time is less than `days` before its end in the patient's zone (the nearest times may be there).
 */
export function alternativeMonths(taken: string, month: string, zone: string, days = 7): string[] {
  const later = dayKey(Date.parse(taken) + days * 86_400_000, zone).slice(0, 7);
  return later > month ? [month, later] : [month];
}
