import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, dayKey, groupByDay, labelDay, noonOf, offsetLabel, offsetMinutes, slotLabels, uses12Hour, wallClock } from '../../../src/widgets/booking-scheduler/zones.js';
import { addMonths, alternativeMonths, bookableWindow, firstAvailable, firstDayOfWeek, initialFocus, monthGrid, monthRange, moveFocus, type GridKey } from '../../../src/widgets/booking-scheduler/month.js';
import { googleCalendarUrl, nearestAlternatives, outlookCalendarUrl } from '../../../src/widgets/booking-scheduler/alternatives.js';
import { cityOf, foldText, searchZones, timeZoneOptions } from '../../../src/widgets/booking-scheduler/time-zones.js';
import { zoneName } from '../../../src/widgets/booking-scheduler/zone-name.js';
import { moveActive } from '../../../src/widgets/booking-scheduler/zone-picker.js';
import { CITY_TABLE, cityNames, withCityNames } from '../../../src/widgets/booking-scheduler/city-names.js';
import { holdAnnouncement } from '../../../src/widgets/booking-scheduler/hold.js';
import { DETAILS_SPEC, emptyDetails, prefilled, videoLinkTiming, type DetailsForm } from '../../../src/widgets/booking-scheduler/details.js';
import { validate as validateForm } from '../../../src/core/form/controller.js';
import { generateSlots, type ScheduleBlock } from '../../../server/domains/booking/slots.js';

// Pure functions beside the element: no DOM used (they run in the browser test runner, with the
// browser's own ICU time-zone data, which is what the patient's browser uses).

const CLINIC = 'Europe/Istanbul';
const EVERY_DAY = (start: string, end: string): ScheduleBlock[] => (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, start, end }));
/** Clinic slots as the reference server makes them (30-minute grid in Istanbul). */
function clinicSlots(fromIso: string, toIso: string, start = '09:00', end = '18:00', zone = CLINIC) {
  return generateSlots({ timeZone: zone, schedule: EVERY_DAY(start, end), slotMinutes: 30, from: new Date(fromIso), to: new Date(toIso) }).map((d) => ({
    start: d.toISOString(),
    end: new Date(d.getTime() + 30 * 60_000).toISOString(),
    doctorIds: ['dr-a'],
  }));
}
/** Times as a patient reads them, with every kind of space as a plain one. */
const plain = (s: string) => s.replace(/\s/g, ' ');
const times = (slots: readonly { start: string }[], zone: string, locale: string) => labelDay(slots, zone, CLINIC, locale).map((l) => plain(l.patient));
/** Every slot in exactly one day group, none invented. */
function expectPartition(slots: readonly { start: string }[], groups: Map<string, { start: string }[]>, zone: string) {
  const flat = [...groups.values()].flat();
  expect(flat.length).to.equal(slots.length);
  expect(new Set(flat.map((s) => s.start)).size).to.equal(new Set(slots.map((s) => s.start)).size);
  for (const [day, list] of groups) for (const s of list) expect(dayKey(s.start, zone)).to.equal(day);
  const keys = [...groups.keys()];
  expect(keys).to.deep.equal([...keys].sort());
}

describe('booking scheduler: slots in the patient zone', () => {
  it('New York, spring forward (8 March 2026): the clinic morning jumps from 1:30 AM EST to 3:00 AM EDT, nothing lost', () => {
    const slots = clinicSlots('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
    const days = groupByDay(slots, 'America/New_York');
    expectPartition(slots, days, 'America/New_York');
    expect(slots.length).to.equal(3 * 18);
    const sunday = days.get('2026-03-08')!;
    expect(times(sunday.slice(0, 4), 'America/New_York', 'en-US')).to.deep.equal(['1:00 AM', '1:30 AM', '3:00 AM', '3:30 AM']);
    // The day with the jump shows the offsets, so the missing hour reads as a clock change.
    const labels = labelDay(sunday, 'America/New_York', CLINIC, 'en-US');
    expect(labels.slice(1, 3).map((l) => l.patientOffset)).to.deep.equal(['GMT−5', 'GMT−4']);
    expect(labels.map((l) => plain(l.clinic))).to.include.members(['9:00 AM', '9:30 AM', '10:00 AM']);
    // A normal day has no offset noise.
    expect(labelDay(days.get('2026-03-09')!, 'America/New_York', CLINIC, 'en-US').every((l) => l.patientOffset === undefined)).to.equal(true);
  });

  it('New York, fall back (1 November 2026): two different 1:00 AM slots are told apart by their offset', () => {
    const slots = clinicSlots('2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z', '08:00', '10:00');
    const days = groupByDay(slots, 'America/New_York');
    expectPartition(slots, days, 'America/New_York');
    const labels = labelDay(days.get('2026-11-01')!, 'America/New_York', CLINIC, 'en-US');
    expect(labels.map((l) => `${plain(l.patient)} ${l.patientOffset}`)).to.deep.equal(['1:00 AM GMT−4', '1:30 AM GMT−4', '1:00 AM GMT−5', '1:30 AM GMT−5']);
    expect(new Set(labels.map((l) => `${l.patient}${l.patientOffset}`)).size).to.equal(4);
  });

  it('a slot at 01:00 in Istanbul belongs to the previous evening in New York', () => {
    const slots = clinicSlots('2026-06-09T00:00:00Z', '2026-06-12T00:00:00Z', '00:00', '02:00');
    const days = groupByDay(slots, 'America/New_York');
    const first = slotLabels('2026-06-09T22:00:00Z', 'America/New_York', CLINIC, 'en-US'); // 01:00 Wed in Istanbul
    expect(plain(first.patient)).to.equal('6:00 PM');
    expect(first.patientDay).to.equal('2026-06-09');
    expect(first.clinicDay).to.equal('2026-06-10');
    expect(first.clinicDayShift).to.equal(1);
    expect(days.get('2026-06-09')!.map((s) => s.start)).to.include('2026-06-09T22:00:00.000Z');
  });

  it('London across both changes (29 March, 25 October 2026): 09:00 Istanbul is 06:00 then 07:00, then 06:00 again', () => {
    const at = (d: string) => plain(slotLabels(`${d}T06:00:00Z`, 'Europe/London', CLINIC, 'en-GB').patient);
    expect([at('2026-03-28'), at('2026-03-29'), at('2026-10-24'), at('2026-10-25')]).to.deep.equal(['06:00', '07:00', '07:00', '06:00']);
    for (const [from, to] of [['2026-03-27', '2026-03-31'], ['2026-10-23', '2026-10-27']] as const) {
      const slots = clinicSlots(`${from}T00:00:00Z`, `${to}T00:00:00Z`);
      expectPartition(slots, groupByDay(slots, 'Europe/London'), 'Europe/London');
      expect(slots.length).to.equal(4 * 18);
    }
  });

  it('half- and quarter-hour zones: Kolkata +5:30, Kathmandu +5:45', () => {
    const s = '2026-05-04T06:00:00Z'; // 09:00 Istanbul
    expect(plain(slotLabels(s, 'Asia/Kolkata', CLINIC, 'en-GB').patient)).to.equal('11:30');
    expect(plain(slotLabels(s, 'Asia/Kathmandu', CLINIC, 'en-GB').patient)).to.equal('11:45');
    expect(offsetLabel(Date.parse(s), 'Asia/Kolkata')).to.equal('GMT+5:30');
    expect(offsetLabel(Date.parse(s), 'Asia/Kathmandu')).to.equal('GMT+5:45');
    expect(plain(slotLabels(s, 'Asia/Kolkata', CLINIC, 'en-GB').clinic)).to.equal('09:00');
  });

  it('Adelaide (+10:30 in January, +9:30 in July): a clinic evening is the patient\'s next morning', () => {
    const jan = slotLabels('2026-01-15T17:00:00Z', 'Australia/Adelaide', CLINIC, 'en-AU'); // 20:00 Istanbul
    expect(plain(jan.patient).toLowerCase()).to.equal('3:30 am');
    expect(jan.patientDay).to.equal('2026-01-16');
    expect(jan.clinicDayShift).to.equal(-1);
    expect(offsetMinutes(Date.parse('2026-07-15T17:00:00Z'), 'Australia/Adelaide')).to.equal(570);
    // Adelaide ends DST on 5 April 2026: a week around it, nothing lost or doubled.
    const slots = clinicSlots('2026-04-01T00:00:00Z', '2026-04-08T00:00:00Z', '00:00', '24:00');
    expect(slots.length).to.equal(7 * 48);
    expectPartition(slots, groupByDay(slots, 'Australia/Adelaide'), 'Australia/Adelaide');
  });

  it('Auckland, end of DST (5 April 2026): the repeated 2:30 is shown twice with its offset, both slots kept', () => {
    const slots = clinicSlots('2026-04-04T12:00:00Z', '2026-04-04T16:00:00Z', '00:00', '24:00');
    const day = groupByDay(slots, 'Pacific/Auckland').get('2026-04-05')!;
    const l = labelDay(day, 'Pacific/Auckland', CLINIC, 'en-GB').map((x) => `${plain(x.patient)} ${x.patientOffset}`);
    expect(l).to.include.members(['02:30 GMT+13', '02:30 GMT+12']);
    expect(day.length).to.equal(slots.length);
  });

  it('Kiritimati (+14): one clinic day spans two patient days; every slot counted once', () => {
    const slots = clinicSlots('2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z'); // Monday 09:00–18:00 Istanbul
    const days = groupByDay(slots, 'Pacific/Kiritimati');
    expectPartition(slots, days, 'Pacific/Kiritimati');
    expect([...days.keys()]).to.deep.equal(['2026-02-02', '2026-02-03']);
    expect(days.get('2026-02-02')!.length + days.get('2026-02-03')!.length).to.equal(18);
    expect(plain(times(days.get('2026-02-03')!, 'Pacific/Kiritimati', 'en-GB')[0]!)).to.equal('00:00');
    expect(slotLabels(days.get('2026-02-03')![0]!.start, 'Pacific/Kiritimati', CLINIC, 'en-GB').clinicDayShift).to.equal(-1);
  });

  it('12- or 24-hour clock by locale', () => {
    expect(uses12Hour('en-US')).to.equal(true);
    expect(uses12Hour('de')).to.equal(false);
    expect(uses12Hour('tr')).to.equal(false);
    expect(plain(slotLabels('2026-05-04T13:00:00Z', 'UTC', CLINIC, 'de').patient)).to.equal('13:00');
    expect(plain(slotLabels('2026-05-04T13:00:00Z', 'UTC', CLINIC, 'en-US').patient)).to.equal('1:00 PM');
  });
});

// Temporal (in Chromium) is an independent implementation of zone rules to check ours against.
declare const Temporal: {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(zone: string): { year: number; month: number; day: number; hour: number; minute: number; offsetNanoseconds: number } } };
};
const ZONES = Intl.supportedValuesOf('timeZone');
const zone = fc.constantFrom(...ZONES, 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago');
const instant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) });

describe('booking scheduler: zone properties (fast-check)', () => {
  it('Temporal is there to serve as the oracle', () => {
    expect(typeof Temporal.Instant.fromEpochMilliseconds).to.equal('function');
  });

  it('the wall clock and offset of any zone at any instant agree with Temporal', () => {
    fc.assert(
      fc.property(zone, instant, (z, ms) => {
        const t = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(z);
        const w = new Date(wallClock(ms, z));
        expect([w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()]).to.deep.equal([t.year, t.month, t.day, t.hour, t.minute]);
        expect(offsetMinutes(ms, z)).to.equal(Math.round(t.offsetNanoseconds / 60e9));
      }),
      { numRuns: 400 },
    );
  });

  it('grouping by the patient day loses, duplicates and misplaces no slot, for clinic schedules in any zone', () => {
    fc.assert(
      fc.property(zone, zone, instant, fc.integer({ min: 1, max: 10 }), (clinic, patient, from, days) => {
        const slots = clinicSlots(new Date(from).toISOString(), new Date(from + days * 86_400_000).toISOString(), '07:00', '22:00', clinic);
        const groups = groupByDay(slots, patient);
        expectPartition(slots, groups, patient);
        for (const [day, list] of groups) {
          for (const s of list) {
            const t = Temporal.Instant.fromEpochMilliseconds(Date.parse(s.start)).toZonedDateTimeISO(patient);
            expect(day).to.equal(`${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`);
          }
        }
        // Labels on one day are never two identical readings of different instants.
        for (const list of groups.values()) {
          const l = labelDay(list, patient, clinic, 'en-GB');
          expect(new Set(l.map((x) => `${x.patient}|${x.patientOffset ?? ''}`)).size).to.equal(new Set(list.map((s) => s.start)).size);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the clinic-day shift is the difference of the two calendar dates', () => {
    fc.assert(
      fc.property(zone, zone, instant, (a, b, ms) => {
        const l = slotLabels(ms, a, b, 'en');
        expect(addDays(l.patientDay, l.clinicDayShift)).to.equal(l.clinicDay);
        expect(Math.abs(l.clinicDayShift)).to.be.at.most(2);
      }),
    );
  });
});

describe('booking scheduler: month grid', () => {
  const available = new Set(['2026-03-10', '2026-03-12', '2026-04-02']);
  const win = { min: '2026-03-04', max: '2026-04-20' };

  it('starts weeks on the locale\'s first day', () => {
    expect(firstDayOfWeek('en-US')).to.equal(0);
    expect(firstDayOfWeek('de-DE')).to.equal(1);
    expect(firstDayOfWeek('tr')).to.equal(1);
    expect(firstDayOfWeek('ar-EG')).to.equal(6);
    const g = monthGrid('2026-03', { ...win, firstDay: 1, available, today: '2026-03-04' });
    expect(g.columns).to.deep.equal([1, 2, 3, 4, 5, 6, 0]);
    expect(g.weeks[0]![0]!.key).to.equal('2026-02-23'); // Monday before Sunday 1 March
    expect(g.weeks.at(-1)!.at(-1)!.key).to.equal('2026-04-05');
    const us = monthGrid('2026-03', { ...win, firstDay: 0, available, today: '2026-03-04' });
    expect(us.weeks[0]![0]!.key).to.equal('2026-03-01');
  });

  it('marks the window, availability and today; navigation stops at the window', () => {
    const g = monthGrid('2026-03', { ...win, firstDay: 1, available, today: '2026-03-04' });
    const days = g.weeks.flat().filter((d) => d.inMonth);
    expect(days.length).to.equal(31);
    expect(days.filter((d) => d.available).map((d) => d.key)).to.deep.equal(['2026-03-10', '2026-03-12']);
    expect(days.find((d) => d.key === '2026-03-03')!.inWindow).to.equal(false);
    expect(days.find((d) => d.today)!.key).to.equal('2026-03-04');
    expect([g.canPrev, g.canNext]).to.deep.equal([false, true]);
    const april = monthGrid('2026-04', { ...win, firstDay: 1, available, today: '2026-03-04' });
    expect([april.canPrev, april.canNext]).to.deep.equal([true, false]);
  });

  it('APG keys: arrows, Home/End, PageUp/PageDown, Shift for years; clamped to the window; mirrored in RTL', () => {
    const o = { min: '2025-01-01', max: '2027-12-31', firstDay: 1 };
    const m = (k: string, key: GridKey, extra: object = {}) => moveFocus(k, key, { ...o, ...extra });
    expect(m('2026-03-11', 'ArrowRight')).to.equal('2026-03-12');
    expect(m('2026-03-11', 'ArrowRight', { rtl: true })).to.equal('2026-03-10');
    expect(m('2026-03-11', 'ArrowLeft')).to.equal('2026-03-10');
    expect(m('2026-03-11', 'ArrowUp')).to.equal('2026-03-04');
    expect(m('2026-03-31', 'ArrowDown')).to.equal('2026-04-07');
    expect(m('2026-03-11', 'Home')).to.equal('2026-03-09'); // Monday
    expect(m('2026-03-11', 'End')).to.equal('2026-03-15'); // Sunday
    expect(m('2026-03-11', 'Home', { firstDay: 0 })).to.equal('2026-03-08');
    expect(m('2026-01-31', 'PageDown')).to.equal('2026-02-28');
    expect(m('2026-03-31', 'PageUp')).to.equal('2026-02-28');
    expect(m('2026-03-11', 'PageDown', { shift: true })).to.equal('2027-03-11');
    expect(m('2028-02-29', 'PageUp', { shift: true, max: '2030-01-01' })).to.equal('2027-02-28');
    expect(moveFocus('2026-03-04', 'ArrowLeft', { ...win, firstDay: 1 })).to.equal('2026-03-04');
    expect(moveFocus('2026-04-10', 'PageDown', { ...win, firstDay: 1 })).to.equal('2026-04-20');
  });

  it('focuses the first day with availability first, or the selected day', () => {
    expect(initialFocus('2026-03', { ...win, available })).to.equal('2026-03-10');
    expect(initialFocus('2026-03', { ...win, available, selected: '2026-03-12' })).to.equal('2026-03-12');
    expect(initialFocus('2026-05', { ...win, max: '2026-06-01', available })).to.equal('2026-05-01');
    expect(firstAvailable(available, '2026-03-11', '2026-12-31')).to.equal('2026-03-12');
    expect(bookableWindow('2026-03-04', 120)).to.deep.equal({ min: '2026-03-04', max: '2026-07-02' });
    expect(addMonths('2026-12', 1)).to.equal('2027-01');
    const r = monthRange('2026-03');
    expect([r.from, r.to]).to.deep.equal(['2026-02-28T00:00:00.000Z', '2026-04-02T00:00:00.000Z']);
  });

  it('any key from any day stays in the window; left then right comes back; grids hold every day once', () => {
    const key = fc.constantFrom<GridKey>('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown');
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, key, fc.boolean(), fc.integer({ min: 0, max: 6 }), (d, k, shift, firstDay) => {
        const o = { min: '2026-01-01', max: '2027-02-04', firstDay, shift };
        const n = moveFocus(d, k, o);
        expect(n >= o.min && n <= o.max).to.equal(true);
        if (d > o.min && d < o.max) expect(moveFocus(moveFocus(d, 'ArrowLeft', o), 'ArrowRight', o)).to.equal(d);
        const g = monthGrid(d.slice(0, 7), { ...o, available: new Set(), today: d });
        expect(g.weeks.every((w) => w.length === 7 && w[0]!.key.length === 10 && new Date(`${w[0]!.key}T00:00Z`).getUTCDay() === firstDay)).to.equal(true);
        expect(g.weeks.flat().filter((x) => x.inMonth).length).to.equal(new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate());
      }),
    );
  });
});

describe('booking scheduler: alternatives and calendar links', () => {
  const s = (start: string, ...doctorIds: string[]) => ({ start, end: start, doctorIds });
  const slots = [s('2026-03-10T09:00:00Z', 'b'), s('2026-03-10T09:30:00Z', 'a', 'b'), s('2026-03-10T10:00:00Z', 'b'), s('2026-03-10T12:00:00Z', 'a'), s('2026-03-10T08:00:00Z', 'a')];

  it('after a conflict: nearest with the same doctor first, then with another (named) doctor; never the taken slot with its doctor', () => {
    const alt = nearestAlternatives([...slots, s('2026-03-10T09:15:00Z', 'a', 'c')], '2026-03-10T09:15:00Z', 'a', 3);
    expect(alt.map((x) => [x.slot.start.slice(11, 16), x.doctor])).to.deep.equal([
      ['09:30', 'a'],
      ['08:00', 'a'],
      ['12:00', 'a'],
      ['09:15', 'c'],
      ['09:30', 'b'],
      ['09:00', 'b'],
    ]);
    const any = nearestAlternatives(slots, '2026-03-10T09:45:00Z', 'any', 2);
    expect(any.map((x) => x.slot.start.slice(11, 16))).to.deep.equal(['10:00', '09:30']);
    expect(nearestAlternatives([], '2026-03-10T09:45:00Z', 'a')).to.deep.equal([]);
  });

  const event = { title: 'Video consultation – Dr Ayşe, Aurora', start: '2026-03-29T06:00:00.000Z', end: '2026-03-29T06:30:00.000Z', details: 'Ref B-1 & more', location: 'Video call' };
  it('after a 409 near the end of the month on screen, the next month is searched too (in the patient zone)', () => {
    expect(alternativeMonths('2026-12-29T10:00:00Z', '2026-12', 'Europe/Istanbul')).to.deep.equal(['2026-12', '2027-01']);
    expect(alternativeMonths('2026-12-10T10:00:00Z', '2026-12', 'Europe/Istanbul')).to.deep.equal(['2026-12']);
    // One instant: 23:30 on 24 November in Kiritimati (+14), a week later is 1 December there; in Pago Pago (−11), 30 November.
    expect(alternativeMonths('2026-11-24T09:30:00Z', '2026-11', 'Pacific/Kiritimati')).to.deep.equal(['2026-11', '2026-12']);
    expect(alternativeMonths('2026-11-24T09:30:00Z', '2026-11', 'Pacific/Pago_Pago')).to.deep.equal(['2026-11']);
  });

  it('Google Calendar link carries UTC times and escaped text', () => {
    const u = new URL(googleCalendarUrl(event));
    expect(u.origin + u.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(u.searchParams.get('dates')).to.equal('20260329T060000Z/20260329T063000Z');
    expect(u.searchParams.get('text')).to.equal(event.title);
    expect(u.searchParams.get('details')).to.equal('Ref B-1 & more');
  });
  it('Outlook link (personal and work accounts) carries UTC ISO times', () => {
    const u = new URL(outlookCalendarUrl(event));
    expect(u.host).to.equal('outlook.live.com');
    expect(u.searchParams.get('startdt')).to.equal('2026-03-29T06:00:00Z');
    expect(u.searchParams.get('enddt')).to.equal('2026-03-29T06:30:00Z');
    expect(u.searchParams.get('subject')).to.equal(event.title);
    expect(new URL(outlookCalendarUrl(event, true)).host).to.equal('outlook.office.com');
  });
});

describe('booking scheduler: time-zone list', () => {
  const at = Date.parse('2026-07-01T12:00:00Z');
  const list = timeZoneOptions('en', at, ['Asia/Calcutta']);

  it('lists every zone the browser knows with offset (at the booking date) and city, sorted by offset', () => {
    expect(list.length).to.be.at.least(Intl.supportedValuesOf('timeZone').length);
    const ny = list.find((z) => z.id === 'America/New_York')!;
    expect([ny.city, ny.offset, ny.offsetLabel]).to.deep.equal(['New York', -240, 'GMT−4']);
    const winter = timeZoneOptions('en', Date.parse('2026-01-15T12:00:00Z')).find((z) => z.id === 'America/New_York')!;
    expect(winter.offset).to.equal(-300);
    expect(list.map((z) => z.offset)).to.deep.equal([...list.map((z) => z.offset)].sort((a, b) => a - b));
    expect(list.some((z) => z.id === 'UTC')).to.equal(true);
  });

  it('searches by city, IANA name, localized name and offset, without case or accents', () => {
    const ids = (q: string) => searchZones(list, q).map((z) => z.id);
    expect(ids('new york')).to.include('America/New_York');
    expect(ids('SÃO PAULO')).to.include('America/Sao_Paulo');
    // Chromium lists Kathmandu under its older IANA id, Asia/Katmandu; the city reads as today.
    expect(searchZones(list, '+5:45').map((z) => [z.city, z.offset])).to.deep.equal([['Kathmandu', 345]]);
    expect(ids('eastern')).to.include('America/New_York');
    expect(ids('calcutta')).to.include('Asia/Calcutta');
    expect(searchZones(list, 'kolkata utc+5:30').map((z) => [z.city, z.offset])).to.deep.include(['Kolkata', 330]);
    expect(searchZones(list, 'kyiv').map((z) => z.city)).to.include('Kyiv');
    expect(ids('zzzz')).to.deep.equal([]);
    const fr = timeZoneOptions('fr', at);
    expect(searchZones(fr, 'heure').length).to.be.greaterThan(10);
  });

  it('an offset typed with Arabic-Indic or Persian digits finds what the same offset in ASCII digits finds (Colombo, Kolkata at +5:30)', () => {
    const found = (q: string) => searchZones(list, q).map((z) => z.id);
    const ascii = found('+5:30');
    expect(ascii).to.include('Asia/Colombo').and.include('Asia/Calcutta');
    expect(found('+٥:٣٠'), 'Arabic-Indic').to.deep.equal(ascii);
    expect(found('+۵:۳۰'), 'Persian').to.deep.equal(ascii);
    expect(found('UTC+٥:٤٥').map((id) => cityOf(id))).to.deep.equal(['Kathmandu']);
    expect(foldText('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).to.equal('0123456789 0123456789');
  });
});

describe('booking scheduler: cities searched in Arabic and Russian letters', () => {
  const at = Date.parse('2026-07-01T12:00:00Z');
  const ids = (locale: string, q: string) => searchZones(withCityNames(timeZoneOptions(locale, at)), q).map((z) => z.id);

  it('finds the most-asked cities by the name a patient types in their own letters, however they write hamza and vowels', () => {
    expect(ids('ar', 'نيويورك')).to.deep.equal(['America/New_York']);
    expect(ids('ar', 'نيو يورك')).to.deep.equal(['America/New_York']);
    expect(ids('ar', 'دبي')).to.deep.equal(['Asia/Dubai']);
    expect(ids('ar', 'جدة')).to.include('Asia/Riyadh');
    expect(ids('ar', 'جده')).to.include('Asia/Riyadh'); // taa marbuta typed as haa
    expect(ids('ar', 'اسطنبول')).to.deep.equal(['Europe/Istanbul']); // without the hamza
    expect(ids('ar', 'القاهِرة')).to.deep.equal(['Africa/Cairo']); // with a vowel mark
    expect(ids('ru', 'Дубай')).to.deep.equal(['Asia/Dubai']);
    expect(ids('ru', 'нью-йорк')).to.deep.equal(['America/New_York']);
    expect(ids('ru', 'кишинев')).to.deep.equal(['Europe/Chisinau']); // ё typed as е
    expect(ids('ru', 'санкт-петербург')).to.deep.equal(['Europe/Moscow']);
    expect(ids('ru', 'Москва')).to.include('Europe/Moscow'); // by the zone's own Russian name
    // Any language's names in any widget language (an Arabic speaker reading the widget in English).
    expect(ids('en', 'لندن')).to.deep.equal(['Europe/London']);
    expect(ids('en', 'london')).to.include('Europe/London');
  });

  it('every entry of the table is a zone the browser lists (no dead entry), with Arabic or Russian names', () => {
    const listed = Intl.supportedValuesOf('timeZone');
    const entries = CITY_TABLE.split(';').map((e) => e.split('=') as [string, string]);
    expect(entries.length).to.be.at.least(30);
    for (const [city, names] of entries) {
      const ids = listed.filter((id) => id.endsWith(`/${city}`));
      expect(ids.length, city).to.equal(1);
      expect(cityNames(ids[0]!), city).to.deep.equal(names.split('|'));
      for (const n of names.split('|')) expect(n, city).to.match(/^[\u0600-\u06ff\u0400-\u04ff -]+$/);
    }
  });
});

describe('booking scheduler: zones as the patient reads them', () => {
  const at = Date.parse('2026-07-01T12:00:00Z');

  it('names a zone in the patient\'s language, not by its IANA id', () => {
    expect(zoneName('Asia/Dubai', 'ar', at)).to.equal('توقيت الخليج');
    expect(zoneName('Europe/Istanbul', 'ar', at)).to.equal('توقيت تركيا');
    expect(zoneName('America/New_York', 'en', at)).to.equal('Eastern Time');
    expect(zoneName('America/New_York', 'ru', at)).to.equal('Восточная Америка');
    expect(zoneName('Asia/Calcutta', 'de', at)).to.equal('Indische Normalzeit');
  });

  it('every zone the browser lists, in all seven languages: a name, never an id ("Area/City"), never empty', () => {
    for (const locale of ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'])
      for (const id of Intl.supportedValuesOf('timeZone')) {
        const n = zoneName(id, locale, at);
        expect(n, `${locale} ${id}`).to.match(/\S/);
        expect(n, `${locale} ${id}`).not.to.match(/[A-Za-z]\/[A-Z]/);
      }
  });

  it('a zone with no name of its own gets its city beside the offset; one unknown to the browser, its city', () => {
    expect(zoneName('Etc/GMT-4', 'en', at)).to.equal('GMT+04:00');
    expect(zoneName('Mars/Olympus_Mons', 'ar', at)).to.equal('Olympus Mons');
  });
});

describe('zone picker keys, hold milestones, details form rules', () => {
  it('moveActive: Down/Up wrap, Home/End only once an option is active, always inside the list', () => {
    expect(moveActive('ArrowDown', -1, 5)).to.equal(0);
    expect(moveActive('ArrowDown', 4, 5)).to.equal(0);
    expect(moveActive('ArrowUp', -1, 5)).to.equal(4);
    expect(moveActive('ArrowUp', 0, 5)).to.equal(4);
    expect(moveActive('Home', -1, 5)).to.equal(undefined);
    expect(moveActive('End', 2, 5)).to.equal(4);
    expect(moveActive('ArrowDown', -1, 0)).to.equal(undefined);
    fc.assert(
      fc.property(fc.constantFrom('ArrowDown', 'ArrowUp', 'Home', 'End'), fc.integer({ min: -1, max: 60 }), fc.integer({ min: 1, max: 50 }), (k, cur, n) => {
        const next = moveActive(k, Math.min(cur, n - 1), n);
        return next === undefined || (next >= 0 && next < n);
      }),
    );
  });

  it('holdAnnouncement changes at most 4 times over a whole 8-minute hold, however often it is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 480_000 }), { minLength: 1, maxLength: 500 }), (times) => {
        const said = times.sort((a, b) => b - a).map(holdAnnouncement);
        const changes = said.filter((x, i) => i > 0 && x !== said[i - 1]).length;
        return changes <= 4;
      }),
    );
    expect([480_000, 300_000, 120_000, 60_000, 0].map(holdAnnouncement)).to.deep.equal(['held', 5, 2, 1, 'ended']);
  });

  it('the details form refuses what POST /bookings refuses: phone needed for WhatsApp, Arabic-Indic digits accepted, 4,000-character notes', () => {
    const ok: DetailsForm = { ...emptyDetails(), name: 'Ana', email: 'ana@example.com', consent: true };
    const validate = (v: DetailsForm) => validateForm(DETAILS_SPEC, v);
    expect(validate(ok)).to.deep.equal({});
    expect(validate({ ...ok, channel: 'whatsapp' })).to.deep.equal({ phone: { code: 'required' } });
    expect(validate({ ...ok, channel: 'whatsapp', phone: '+٩٧١ ٥٠ ١٢٣ ٤٥٦٧' })).to.deep.equal({});
    expect(validate({ ...ok, notes: 'x'.repeat(4001) })).to.deep.equal({ notes: { code: 'tooLong', max: 4000 } });
    expect(validate({ ...ok, email: 'name@example.c', consent: false })).to.deep.equal({ email: { code: 'invalid' }, consent: { code: 'required' } });
    expect(prefilled({ ...emptyDetails(), name: 'Typed' }, { name: 'Quote', email: 'q@example.com', country: 'DE' })).to.include({ name: 'Typed', email: 'q@example.com', country: 'DE' });
  });
});

describe('booking scheduler: what the confirmation may promise', () => {
  it('videoLinkTiming: "24 hours before" only while more than a day is left', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(videoLinkTiming('2026-12-02T12:00:00Z', now)).to.equal('soon');
    expect(videoLinkTiming('2026-12-03T10:00:00Z', now)).to.equal('soon');
    expect(videoLinkTiming('2026-12-03T10:30:00Z', now)).to.equal('day-before');
  });
});

describe('booking scheduler: the zone line\'s instant', () => {
  it('noonOf: noon of that day in that zone, so the offset is the day\'s own (New York, March 2027)', () => {
    expect(offsetLabel(noonOf('2027-03-13', 'America/New_York'), 'America/New_York')).to.equal('GMT−5');
    expect(offsetLabel(noonOf('2027-03-14', 'America/New_York'), 'America/New_York')).to.equal('GMT−4');
    expect(new Date(noonOf('2026-12-02', 'Asia/Kolkata')).toISOString()).to.equal('2026-12-02T06:30:00.000Z');
  });
});
