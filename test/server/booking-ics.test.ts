import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { bookingIcs, fold, videoLinkNote, type IcsEvent } from '../../server/domains/booking/ics.js';

/** Parses with ical.js (a maintained RFC 5545 parser) and returns what a calendar would read. */
function read(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const ve = cal.getFirstSubcomponent('vevent')!;
  const ev = new ICAL.Event(ve);
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: ev.uid,
    sequence: ev.sequence,
    start: ev.startDate.toJSDate().toISOString(),
    end: ev.endDate.toJSDate().toISOString(),
    startIsUtc: ev.startDate.zone === ICAL.Timezone.utcTimezone,
    summary: ev.summary,
    description: ev.description,
    location: ev.location,
    status: ve.getFirstPropertyValue('status'),
    organizer: ve.getFirstPropertyValue('organizer'),
    alarm: (ve.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger') as ICAL.Duration | undefined)?.toSeconds() ?? null,
  };
}

const base: IcsEvent = {
  uid: '3f1c2f9e-4e7c-4d3c-9a1e-0c7d4a1b2c3d@prm-widgets',
  sequence: 0,
  status: 'confirmed',
  start: '2026-03-29T06:00:00.000Z', // the morning London moves to BST; 09:00 in Istanbul
  end: '2026-03-29T06:20:00.000Z',
  stamp: new Date('2026-03-01T10:00:00Z'),
  summary: 'Görüntülü görüşme – Dr. Elif Aydın, Aurora International Hospital; ref B-7K2M',
  description: 'Booking reference B-7K2M.\nYour time: 07:00 (Europe/London); clinic time: 09:00 (Europe/Istanbul).\nاستشارة بالفيديو — 20 دقيقة, "quoted", back\\slash',
  location: 'Büyükdere Cd. 120, 34394 Şişli, Istanbul, Türkiye',
  organizer: { name: 'Aurora International Hospital', email: 'care@aurora-hospital.example' },
  url: 'https://aurora-hospital.example/booking?booking=3f1c&token=abc',
  alarmMinutes: 60,
};

describe('booking .ics, read back by ical.js', () => {
  it('create: same instant in UTC, UID, SEQUENCE 0, PUBLISH, text with commas, semicolons, newlines and Arabic intact', () => {
    const r = read(bookingIcs(base));
    assert.equal(r.method, 'PUBLISH');
    assert.equal(r.uid, base.uid);
    assert.equal(r.sequence, 0);
    assert.equal(r.start, '2026-03-29T06:00:00.000Z');
    assert.equal(r.end, '2026-03-29T06:20:00.000Z');
    assert.equal(r.startIsUtc, true);
    assert.equal(r.summary, base.summary);
    assert.equal(r.description, base.description);
    assert.equal(r.location, base.location);
    assert.equal(r.status, 'CONFIRMED');
    assert.equal(r.organizer, 'mailto:care@aurora-hospital.example');
    assert.equal(r.alarm, -3600);
  });

  it('reschedule: same UID, higher SEQUENCE, the new instant', () => {
    const r = read(bookingIcs({ ...base, sequence: 1, start: '2026-10-25T06:00:00Z', end: '2026-10-25T06:20:00Z', modified: new Date('2026-03-02T10:00:00Z') }));
    assert.deepEqual([r.uid, r.sequence, r.start, r.method], [base.uid, 1, '2026-10-25T06:00:00.000Z', 'PUBLISH']);
  });

  it('cancel: METHOD:CANCEL, STATUS:CANCELLED, same UID, SEQUENCE bumped, no reminder', () => {
    const r = read(bookingIcs({ ...base, sequence: 2, status: 'cancelled' }));
    assert.deepEqual([r.method, r.status, r.uid, r.sequence, r.start, r.alarm], ['CANCEL', 'CANCELLED', base.uid, 2, '2026-03-29T06:00:00.000Z', null]);
  });

  it('folds lines at 75 octets without cutting a multi-byte character; CRLF line ends', () => {
    const ics = bookingIcs({ ...base, description: 'ş'.repeat(50) + 'استشارة'.repeat(20) + '😀'.repeat(30) });
    for (const line of ics.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${line}`);
    assert.ok(!/[^\r]\n/.test(ics), 'bare LF');
    assert.equal(read(ics).description, 'ş'.repeat(50) + 'استشارة'.repeat(20) + '😀'.repeat(30));
    assert.equal(fold('short'), 'short');
  });
});

describe('booking .ics: what happens next', () => {
  it('a video consultation less than a day away promises no "24 hours before", and names the channel the patient chose', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    assert.equal(videoLinkNote(new Date('2026-12-02T13:00:00Z'), now, 'whatsapp'), 'The video link arrives on WhatsApp before the consultation.');
    assert.equal(videoLinkNote(new Date('2026-12-05T13:00:00Z'), now, 'email'), 'The video link arrives by email 24 hours before the consultation.');
    assert.equal(videoLinkNote(new Date('2026-12-02T13:00:00Z'), now, 'phone'), 'The clinic sends you the video link before the consultation.');
  });
});

describe('booking .ics: escaping and folding over arbitrary text (fast-check)', () => {
  // Any text a clinic or patient may bring (Arabic, emoji, backslashes, commas, semicolons, line
  // breaks, control characters): ical.js reads back the same text, CR/CRLF read as a line break and
  // control characters other than tab (which TEXT may not carry) left out; every line is at most
  // 75 octets; every line break is CRLF.
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('\\', ',', ';', ':', '\n', '\r', '\r\n', '\t', '\x00', '\x1b', '"', 'ş', 'ع', '😀', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 300 });
  const expected = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[^\P{Cc}\t\n]/gu, '');

  it('summary, description and location read back as written; lines ≤ 75 octets; CRLF only', () => {
    fc.assert(
      fc.property(text, text, text, fc.option(fc.webUrl(), { nil: undefined }), (summary, description, location, url) => {
        const ics = bookingIcs({ ...base, summary, description, location, url });
        for (const line of ics.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${JSON.stringify(line)}`);
        assert.ok(!/[^\r]\n|\r(?!\n)/.test(ics), 'a bare LF or CR');
        const r = read(ics);
        assert.equal(r.summary, expected(summary));
        assert.equal(r.description, expected(description));
        assert.equal(r.location, expected(location));
      }),
      { numRuns: 300 },
    );
  });

  it('a manage link of any length survives folding: the URL property reads back whole', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: false }), (url) => {
        const ve = new ICAL.Component(ICAL.parse(bookingIcs({ ...base, url }))).getFirstSubcomponent('vevent')!;
        assert.equal(ve.getFirstPropertyValue('url'), url);
      }),
      { numRuns: 200 },
    );
  });
});
