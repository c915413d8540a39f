import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateSlots, localDate, offsetMs, zonedToUtc, type ScheduleBlock } from '../../server/domains/booking/slots.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('slots in a time zone', () => {
  it('resolves wall times in zones with and without DST', () => {
    assert.equal(iso(zonedToUtc('2026-11-24', 9 * 60, 'Europe/Istanbul')), '2026-11-24T06:00:00.000Z'); // UTC+3 all year
    assert.equal(iso(zonedToUtc('2026-07-24', 9 * 60, 'Europe/Istanbul')), '2026-07-24T06:00:00.000Z');
    assert.equal(iso(zonedToUtc('2027-01-15', 9 * 60, 'Europe/Berlin')), '2027-01-15T08:00:00.000Z');
    assert.equal(iso(zonedToUtc('2027-07-15', 9 * 60, 'Europe/Berlin')), '2027-07-15T07:00:00.000Z');
    assert.equal(iso(zonedToUtc('2027-03-14', 9 * 60, 'America/New_York')), '2027-03-14T13:00:00.000Z'); // first day of EDT
    assert.equal(iso(zonedToUtc('2027-04-04', 9 * 60, 'Australia/Sydney')), '2027-04-03T23:00:00.000Z'); // first day of AEST
    assert.equal(offsetMs(Date.parse('2027-07-15T12:00:00Z'), 'Asia/Kolkata'), 5.5 * 3600_000);
  });

  it('a wall time skipped by spring-forward has no instant; a repeated one resolves to its first occurrence', () => {
    assert.equal(zonedToUtc('2027-03-28', 2 * 60 + 30, 'Europe/Berlin'), null);
    assert.equal(iso(zonedToUtc('2027-10-31', 2 * 60 + 30, 'Europe/Berlin')), '2027-10-31T00:30:00.000Z'); // CEST, not CET
  });

  it('generates no slot in the skipped hour and one slot per wall time in the repeated hour', () => {
    const night: ScheduleBlock[] = [{ day: 'sun', start: '01:00', end: '04:00' }];
    const spring = generateSlots({ timeZone: 'Europe/Berlin', schedule: night, slotMinutes: 30, from: new Date('2027-03-27T00:00Z'), to: new Date('2027-03-29T00:00Z') });
    assert.deepEqual(spring.map((d) => d.toISOString()), ['2027-03-28T00:00:00.000Z', '2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z']);
    const autumn = generateSlots({ timeZone: 'Europe/Berlin', schedule: night, slotMinutes: 30, from: new Date('2027-10-30T00:00Z'), to: new Date('2027-11-01T00:00Z') });
    assert.deepEqual(autumn.map((d) => d.toISOString()), [
      '2027-10-30T23:00:00.000Z',
      '2027-10-30T23:30:00.000Z',
      '2027-10-31T00:00:00.000Z',
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T02:00:00.000Z',
      '2027-10-31T02:30:00.000Z',
    ]);
  });

  it('keeps 09:00 local across the change: one hour earlier in UTC after spring-forward', () => {
    const week: ScheduleBlock[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day: day as ScheduleBlock['day'], start: '09:00', end: '09:30' }));
    const s = generateSlots({ timeZone: 'Europe/London', schedule: week, slotMinutes: 30, from: new Date('2027-03-26T00:00Z'), to: new Date('2027-03-30T00:00Z') });
    assert.deepEqual(s.map((d) => d.toISOString()), ['2027-03-26T09:00:00.000Z', '2027-03-27T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });

  it('respects [from, to), the lead time and the block end; days come from the clinic zone, not UTC', () => {
    const block: ScheduleBlock[] = [{ day: 'mon', start: '00:00', end: '01:30' }];
    // Monday 00:00 in Istanbul is Sunday 21:00 UTC.
    const s = generateSlots({ timeZone: 'Europe/Istanbul', schedule: block, slotMinutes: 30, from: new Date('2026-11-29T00:00Z'), to: new Date('2026-11-30T00:00Z') });
    assert.deepEqual(s.map((d) => d.toISOString()), ['2026-11-29T21:00:00.000Z', '2026-11-29T21:30:00.000Z', '2026-11-29T22:00:00.000Z']);
    const lead = generateSlots({ timeZone: 'Europe/Istanbul', schedule: block, slotMinutes: 30, from: new Date('2026-11-29T00:00Z'), to: new Date('2026-11-30T00:00Z'), notBefore: new Date('2026-11-29T21:10Z') });
    assert.equal(lead.length, 2);
    const half = generateSlots({ timeZone: 'Europe/Istanbul', schedule: [{ day: 'mon', start: '09:00', end: '10:15' }], slotMinutes: 30, from: new Date('2026-11-30T00:00Z'), to: new Date('2026-12-01T00:00Z') });
    assert.equal(half.length, 2, 'a slot must end inside the block');
    assert.equal(localDate(Date.parse('2026-11-29T21:00Z'), 'Europe/Istanbul'), '2026-11-30');
  });
});
