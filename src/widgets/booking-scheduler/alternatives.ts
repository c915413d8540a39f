/** What to offer after a 409 slot_taken, and the add-to-calendar web links. No DOM. */

export interface SlotLike {
  start: string;
  doctorIds: readonly string[];
}

export interface Alternative<T extends SlotLike> {
  slot: T;
  /** The doctor to book: the one the patient chose, another doctor free then, or `any` when the patient chose first available. */
  doctor: string;
}

/**
 * The nearest free slots to `taken` (closest in time first; on a tie the later one, since the
 * patient had chosen that time of day), from a list holding every doctor's free slots. When the
 * patient chose a doctor: up to `count` with that doctor, then up to `count` with another doctor
 * free then (named, so booking it books that doctor; the taken time itself may be free with
 * someone else). When they chose first available: up to `count` times with any doctor. The taken
 * start is never offered with the doctor it was taken from.
 */
export function nearestAlternatives<T extends SlotLike>(slots: readonly T[], taken: string, doctor: string, count = 3): Alternative<T>[] {
  const t = Date.parse(taken);
  const byDistance = slots
    .filter((s) => s.doctorIds.length)
    .sort((a, b) => {
      const da = Math.abs(Date.parse(a.start) - t);
      const db = Math.abs(Date.parse(b.start) - t);
      return da - db || Date.parse(b.start) - Date.parse(a.start);
    });
  const notTaken = byDistance.filter((s) => Date.parse(s.start) !== t);
  if (doctor === 'any') return notTaken.slice(0, count).map((s) => ({ slot: s, doctor }));
  const same = notTaken.filter((s) => s.doctorIds.includes(doctor)).slice(0, count).map((s) => ({ slot: s, doctor }));
  const others: Alternative<T>[] = [];
  for (const s of byDistance) {
    if (others.length >= count) break;
    const other = s.doctorIds.find((d) => d !== doctor);
    if (other) others.push({ slot: s, doctor: other });
  }
  return [...same, ...others];
}

export interface CalendarEvent {
  title: string;
  /** UTC ISO-8601 instants. */
  start: string;
  end: string;
  details?: string;
  location?: string;
}

/** `20260301T090000Z` */
const basic = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Google Calendar "add event" link (times in UTC, so every zone reads the same instant). */
export function googleCalendarUrl(e: CalendarEvent): string {
  const q = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${basic(e.start)}/${basic(e.end)}` });
  if (e.details) q.set('details', e.details);
  if (e.location) q.set('location', e.location);
  return `https://calendar.google.com/calendar/render?${q}`;
}

/** Outlook on the web "add event" link; `office` for work/school accounts (outlook.office.com). */
export function outlookCalendarUrl(e: CalendarEvent, office = false): string {
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: new Date(e.start).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    enddt: new Date(e.end).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  if (e.details) q.set('body', e.details);
  if (e.location) q.set('location', e.location);
  return `https://${office ? 'outlook.office.com' : 'outlook.live.com'}/calendar/0/deeplink/compose?${q}`;
}
