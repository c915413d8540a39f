/**
 * iCalendar (RFC 5545) for a booking: times in UTC (`…Z`), which every calendar reads as the same
 * instant whatever its own zone, so no VTIMEZONE can go stale (cf. tzdb changes). One UID per
 * booking for its whole life; SEQUENCE goes up on every reschedule and on cancel, so calendars
 * replace the event instead of adding a second one; a cancelled booking is METHOD:CANCEL +
 * STATUS:CANCELLED. Text is escaped and lines are folded at 75 octets without splitting a
 * multi-byte character.
 */

import { icsText } from './ics-text.js';

export interface IcsEvent {
  uid: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  /** UTC instants. */
  start: Date | string;
  end: Date | string;
  /** When the file is produced (DTSTAMP) and when the booking last changed (LAST-MODIFIED). */
  stamp: Date;
  modified?: Date;
  summary: string;
  description: string;
  location: string;
  /** The clinic (ORGANIZER, needed by METHOD:CANCEL). */
  organizer: { name: string; email: string };
  /** Page to manage the booking. */
  url?: string;
  /** Reminder this many minutes before (0 or undefined: none). */
  alarmMinutes?: number;
}

const utc = (d: Date | string) => new Date(d).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, comma and semicolon escaped, line breaks as
 * `\n`; other control characters (TEXT may not carry them, §3.3.11 TSAFE-CHAR) dropped, tab kept.
 */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, '')
    .replace(/([,;])/g, '\\$1');
/** A parameter value (CN): quoted, with no double quotes or control characters. */
const param = (s: string) => `"${s.replace(/["\p{Cc}]/gu, '')}"`;

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    // First line 75 octets; continuation lines start with a space, so 74 more.
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export function bookingIcs(e: IcsEvent): string {
  const cancelled = e.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prm-widgets//reference server//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utc(e.stamp)}`,
    ...(e.modified ? [`LAST-MODIFIED:${utc(e.modified)}`] : []),
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    `ORGANIZER;CN=${param(e.organizer.name)}:mailto:${e.organizer.email}`,
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(!cancelled && e.alarmMinutes ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.summary)}`, `TRIGGER:-PT${e.alarmMinutes}M`, 'END:VALARM'] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * The calendar event's "what happens next" line for a video consultation, in the booking's
 * language: how the link arrives (the channel the patient chose) and when. "24 hours before" only
 * while more than a day is left at `now`; a sooner consultation gets its link "before the
 * consultation", which the clinic can keep.
 */
export function videoLinkNote(start: Date, now: Date, channel: string | null, locale = 'en'): string {
  const notes = icsText(locale).video[channel === 'email' || channel === 'whatsapp' ? channel : 'other'];
  return notes[start.getTime() - now.getTime() > 24 * 3600_000 ? 1 : 0];
}
