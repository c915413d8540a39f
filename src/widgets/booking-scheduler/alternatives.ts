/** What to offer after a 409 slot_taken, and the add-to-calendar web links. No DOM. */

export interface SlotLike {
  start: string;
  doctorIds: readonly string[];
}

export interface Alternative<T extends SlotLike> {
  slot: T;
  /** The doctor to book: the one the patient chose when they are free then, else `any`. */
  doctor: string;
}

/**
 * The nearest free slots to `taken` (closest in time first; on a tie the later one, since the
 * patient had chosen that time of day): with the same doctor first when the patient chose one, then
 * with any doctor. The taken start itself is never offered; each start at most once.
 */
export function nearestAlternatives<T extends SlotLike>(slots: readonly T[], taken: string, doctor: string, count = 3): Alternative<T>[] {
  const t = Date.parse(taken);
  const candidates = slots
    .filter((s) => Date.parse(s.start) !== t && s.doctorIds.length)
    .sort((a, b) => {
      const da = Math.abs(Date.parse(a.start) - t);
      const db = Math.abs(Date.parse(b.start) - t);
      return da - db || Date.parse(b.start) - Date.parse(a.start);
    });
  const out: Alternative<T>[] = [];
  const used = new Set<string>();
  if (doctor !== 'any') {
    for (const s of candidates) {
      if (out.length >= count) break;
      if (s.doctorIds.includes(doctor)) {
        out.push({ slot: s, doctor });
        used.add(s.start);
      }
    }
  }
  for (const s of candidates) {
    if (out.length >= count) break;
    if (!used.has(s.start)) {
      out.push({ slot: s, doctor: 'any' });
      used.add(s.start);
    }
  }
  return out;
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
