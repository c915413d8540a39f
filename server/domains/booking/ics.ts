import type { Booking } from '../../../src/core/contract/booking.js';
import { iso } from '../shared.js';
import type { ClinicRow } from '../types.js';

/** The booking as an iCalendar (RFC 5545) file, times in UTC. */
export function ics(clinic: ClinicRow, b: Booking, serviceName: string, now: Date): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
  const dt = (s: string | Date) => iso(s).replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const fold = (line: string) => line.match(/.{1,73}/gu)!.join('\r\n ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prm-widgets//reference server//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${b.status === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${b.id}@prm-widgets`,
    `DTSTAMP:${dt(now)}`,
    `DTSTART:${dt(b.start)}`,
    `DTEND:${dt(b.end)}`,
    `SUMMARY:${esc(`${serviceName} – ${b.doctor.name}, ${clinic.name}`)}`,
    `DESCRIPTION:${esc(`Booking reference ${b.reference}. Times are UTC; the clinic is in ${clinic.time_zone}.`)}`,
    `LOCATION:${esc(b.kind === 'in-person' ? (clinic.config.address ?? clinic.name) : 'Video call (link sent by email)')}`,
    `STATUS:${b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
