import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { BookingServicesResponseSchema, CreateBookingResponseSchema, DoctorsResponseSchema, HoldResponseSchema, SlotsResponseSchema } from '../../src/core/contract/booking.js';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { bookingBody, count, drivers, key, startServer, type TestServer } from './helpers.js';

const SESSION_A = 'session-a-0123456789abcdef';
const SESSION_B = 'session-b-0123456789abcdef';
const RANGE = 'from=2026-11-25T00:00:00Z&to=2026-12-05T00:00:00Z';
const LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'] as const;

for (const driver of drivers) {
  describe(`booking holds, content, reschedule/cancel [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const slots = async (doctor: string, session?: string, service = 'video-consultation') =>
      SlotsResponseSchema.parse(await (await s.request(`/v1/booking/slots?service=${service}&doctor=${doctor}&${RANGE}${session ? `&session=${session}` : ''}`)).json()).slots.map((x) => x.start);
    const hold = (start: string, session: string, doctor = 'dr-petrova') => s.request('/v1/booking/holds', { json: { service: 'video-consultation', doctor, start, session } });

    it('a held slot reads as taken to other sessions, stays listed for its holder, and blocks their booking with 409 slot_taken', async () => {
      const start = (await slots('dr-petrova'))[0]!;
      const r = await hold(start, SESSION_A);
      assert.equal(r.status, 201);
      const { hold: h } = HoldResponseSchema.parse(await r.json());
      assert.equal(h.doctorId, 'dr-petrova');
      assert.equal(Date.parse(h.expiresAt) - s.clock.now.getTime(), 8 * 60_000);
      assert.ok(!(await slots('dr-petrova', SESSION_B)).includes(start), 'held slot offered to another session');
      assert.ok((await slots('dr-petrova', SESSION_A)).includes(start), 'holder no longer sees its slot');
      assert.equal((await hold(start, SESSION_B)).status, 409);
      const other = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-petrova', session: SESSION_B }), idem: key() });
      assert.equal(other.status, 409);
      assert.equal(ErrorBodySchema.parse(await other.json()).error.code, 'slot_taken');
      // The holder books it; its hold is used up.
      const mine = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-petrova', session: SESSION_A }), idem: key() });
      assert.equal(mine.status, 201);
      assert.equal(await count(s.db, 'booking_holds'), 0);
    });

    it('picking another slot releases the previous hold; a hold expires by itself; DELETE releases early', async () => {
      const [a, b, c] = await slots('dr-petrova');
      await hold(a!, SESSION_A);
      await hold(b!, SESSION_A);
      const others = await slots('dr-petrova', SESSION_B);
      assert.ok(others.includes(a!) && !others.includes(b!), 'the first hold was not released when the session picked another slot');
      s.clock.now = new Date(s.clock.now.getTime() + 8 * 60_000 + 1000);
      assert.ok((await slots('dr-petrova', SESSION_B)).includes(b!), 'expired hold still hides the slot');
      assert.equal((await hold(b!, SESSION_B)).status, 201, 'an expired hold still blocks another session');
      const { hold: h } = HoldResponseSchema.parse(await (await hold(c!, SESSION_A)).json());
      assert.ok(!(await slots('dr-petrova', SESSION_B)).includes(c!));
      assert.equal((await s.request(`/v1/booking/holds/${h.id}?session=${SESSION_B}`, { method: 'DELETE' })).status, 200);
      assert.ok(!(await slots('dr-petrova', SESSION_B)).includes(c!), 'another session released a hold it does not own');
      assert.equal((await s.request(`/v1/booking/holds/${h.id}?session=${SESSION_A}`, { method: 'DELETE' })).status, 200);
      assert.ok((await slots('dr-petrova', SESSION_B)).includes(c!));
    });

    it('a start far beyond the booking horizon (9999-12-31) is "not a bookable slot" (422) for a hold and a booking, never a 5xx', async () => {
      for (const start of ['9999-12-31T23:59:59Z', '9999-12-31T00:00:00Z']) {
        const h = await hold(start, SESSION_A, 'any');
        assert.equal(h.status, 422, `hold at ${start}`);
        assert.equal(ErrorBodySchema.parse(await h.json()).error.code, 'slot_unavailable');
        const b = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'any', session: SESSION_A }), idem: key() });
        assert.equal(b.status, 422, `booking at ${start}`);
      }
    });

    it('ten sessions holding one slot at once: exactly one hold', async () => {
      const start = (await slots('dr-ozturk'))[0]!;
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => hold(start, `race-session-${i}-0123456789`, 'dr-ozturk')));
      assert.deepEqual(answers.map((r) => r.status).sort(), [201, ...Array(9).fill(409)]);
    });

    it('"any doctor" holds the next free doctor at that time, so another patient can still book it with someone else', async () => {
      const both = SlotsResponseSchema.parse(await (await s.request(`/v1/booking/slots?service=video-consultation&doctor=any&${RANGE}`)).json()).slots.find((x) => x.doctorIds.length >= 2)!;
      const { hold: h } = HoldResponseSchema.parse(await (await hold(both.start, 'any-session-0123456789', 'any')).json());
      assert.equal(h.doctorId, both.doctorIds[0]);
      const after = SlotsResponseSchema.parse(await (await s.request(`/v1/booking/slots?service=video-consultation&doctor=any&${RANGE}`)).json()).slots.find((x) => x.start === both.start)!;
      assert.deepEqual(after.doctorIds, both.doctorIds.slice(1));
      const r = await s.request('/v1/bookings', { json: bookingBody(both.start, { doctor: 'any' }), idem: key() });
      assert.equal(r.status, 201);
      assert.equal(CreateBookingResponseSchema.parse(await r.json()).booking.doctor.id, both.doctorIds[1]);
    });

    it('services and doctors in all seven languages, with fee, what to prepare, photo and languages spoken', async () => {
      const names = new Set<string>();
      for (const locale of LOCALES) {
        const { services } = BookingServicesResponseSchema.parse(await (await s.request(`/v1/booking/services?locale=${locale}`)).json());
        const { doctors } = DoctorsResponseSchema.parse(await (await s.request(`/v1/booking/doctors?locale=${locale}`)).json());
        assert.equal(services.length, 3);
        for (const sv of services) {
          assert.ok(sv.prepare && sv.prepare.length >= 2, `${locale} ${sv.id}: nothing to prepare`);
          names.add(`${sv.id}|${sv.name}`);
        }
        assert.deepEqual(services.find((x) => x.id === 'in-person-consultation')!.price, { amount: 5000, currency: 'EUR' });
        assert.equal(services.find((x) => x.id === 'video-consultation')!.price, null);
        for (const d of doctors) {
          assert.match(d.photoUrl ?? '', /\/v1\/assets\/doctors\/aurora\/dr-[a-z]+\.svg$/);
          assert.ok(d.languages.length >= 2 && d.title.length > 3);
          names.add(`${d.id}|${d.title}`);
        }
      }
      // Every service name and doctor title differs in each language (real translations, not English copies).
      assert.equal(names.size, 7 * (3 + 7));
      const photo = await s.request('/v1/assets/doctors/aurora/dr-kaya.svg', { key: null });
      assert.equal(photo.headers.get('content-type'), 'image/svg+xml');
    });

    it('.ics through create, reschedule, cancel: one UID, SEQUENCE 0 → 1 → 2, the right instant, METHOD:CANCEL at the end', async () => {
      const [first, second] = await slots('dr-schneider', undefined, 'in-person-consultation');
      const created = CreateBookingResponseSchema.parse(await (await s.request('/v1/bookings', { json: bookingBody(first!, { service: 'in-person-consultation', doctor: 'dr-schneider', locale: 'tr' }), idem: key() })).json());
      const read = async () => {
        const r = await s.request(created.links.ics, { key: null });
        assert.equal(r.status, 200);
        const cal = new ICAL.Component(ICAL.parse(await r.text()));
        const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
        return { method: cal.getFirstPropertyValue('method'), uid: ev.uid, seq: ev.sequence, start: ev.startDate.toJSDate().toISOString(), summary: ev.summary, location: ev.location };
      };
      const c = await read();
      assert.deepEqual([c.method, c.seq, c.start], ['PUBLISH', 0, created.booking.start]);
      assert.match(c.summary, /^Yüz yüze muayene – Dr\. Anna Schneider, Aurora International Hospital$/);
      assert.match(c.location, /Şişli, Istanbul/);
      const q = `token=${encodeURIComponent(created.manageToken)}`;
      const moved = await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'PATCH', json: { start: second }, idem: key() });
      assert.equal(moved.status, 200);
      const r2 = await read();
      assert.deepEqual([r2.uid, r2.seq, r2.start, r2.method], [c.uid, 1, second, 'PUBLISH']);
      assert.equal((await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'DELETE' })).status, 200);
      const r3 = await read();
      assert.deepEqual([r3.uid, r3.seq, r3.method], [c.uid, 2, 'CANCEL']);
      // A second DELETE (a retry) changes nothing; a cancelled booking cannot be rescheduled.
      assert.equal((await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'DELETE' })).status, 200);
      assert.equal((await read()).seq, 2);
      assert.equal((await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'PATCH', json: { start: first }, idem: key() })).status, 409);
    });

    it('a retried reschedule moves once: the same Idempotency-Key replays (SEQUENCE 1, not 2), the same move under a new key changes nothing, no key → 400, a past booking cannot be moved', async () => {
      const [first, second, third] = await slots('dr-kaya');
      const created = CreateBookingResponseSchema.parse(await (await s.request('/v1/bookings', { json: bookingBody(first!, { doctor: 'dr-kaya' }), idem: key() })).json());
      const seq = async () => {
        const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(await (await s.request(created.links.ics, { key: null })).text())).getFirstSubcomponent('vevent')!);
        return [ev.sequence, ev.startDate.toJSDate().toISOString()];
      };
      const url = `/v1/bookings/${created.booking.id}?token=${encodeURIComponent(created.manageToken)}`;
      const k = key();
      const once = await s.request(url, { method: 'PATCH', json: { start: second, doctor: 'dr-kaya' }, idem: k });
      assert.equal(once.status, 200);
      // The answer was lost; the widget's queue sends the same request with the same key.
      const again = await s.request(url, { method: 'PATCH', json: { start: second, doctor: 'dr-kaya' }, idem: k });
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await seq(), [1, second]);
      // The key expired or another tab asks for the same move: nothing changes either.
      const same = await s.request(url, { method: 'PATCH', json: { start: second }, idem: key() });
      assert.equal(same.status, 200);
      assert.deepEqual(await seq(), [1, second]);
      const bare = await s.request(url, { method: 'PATCH', json: { start: third } });
      assert.equal(bare.status, 400);
      assert.equal(ErrorBodySchema.parse(await bare.json()).error.code, 'idempotency_key_required');
      const was = s.clock.now;
      try {
        s.clock.now = new Date(Date.parse(second!) + 3600_000);
        const late = await s.request(url, { method: 'PATCH', json: { start: third }, idem: key() });
        assert.equal(late.status, 409);
        assert.match(ErrorBodySchema.parse(await late.json()).error.message, /already taken place/);
      } finally {
        s.clock.now = was;
      }
      assert.deepEqual(await seq(), [1, second]);
    });

    it('rescheduling onto a slot another patient holds is refused; a past consultation cannot be cancelled', async () => {
      const [a, b] = await slots('dr-aydin');
      const created = CreateBookingResponseSchema.parse(await (await s.request('/v1/bookings', { json: bookingBody(a!), idem: key() })).json());
      await hold(b!, SESSION_B, 'dr-aydin');
      const q = `token=${encodeURIComponent(created.manageToken)}`;
      const moved = await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'PATCH', json: { start: b }, idem: key() });
      assert.equal(moved.status, 409);
      assert.equal(ErrorBodySchema.parse(await moved.json()).error.code, 'slot_taken');
      s.clock.now = new Date(Date.parse(a!) + 3600_000);
      const late = await s.request(`/v1/bookings/${created.booking.id}?${q}`, { method: 'DELETE' });
      assert.equal(late.status, 409);
    });
  });
}
