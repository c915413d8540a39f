import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BookingResponseSchema, CreateBookingResponseSchema, SlotsResponseSchema } from '../../src/core/contract/booking.js';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { SECOND, bookingBody, count, drivers, firstSlot, key, startServer, type TestServer } from './helpers.js';

for (const driver of drivers) {
  describe(`bookings [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    it('20 concurrent POST /bookings for one slot → exactly one 201 and nineteen 409 slot_taken', async () => {
      const start = await firstSlot(s);
      const before = await count(s.db, 'bookings');
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.request('/v1/bookings', { json: bookingBody(start, { contact: { name: `P${i}`, email: `p${i}@example.org` } }), idem: key() }),
        ),
      );
      const ms = Math.round(performance.now() - t0);
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, ...Array(19).fill(409)]);
      for (const r of answers.filter((a) => a.status === 409)) {
        assert.equal(ErrorBodySchema.parse(await r.json()).error.code, 'slot_taken');
      }
      assert.equal(await count(s.db, 'bookings'), before + 1);
      console.log(`  [${driver.name}] 20 concurrent bookings settled in ${ms} ms`);
    });

    it('the database constraint itself rejects a second confirmed booking (not only the handler)', async () => {
      const start = await firstSlot(s, 'video-consultation', 'dr-petrova');
      const r = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-petrova' }), idem: key() });
      assert.equal(r.status, 201);
      const { booking } = CreateBookingResponseSchema.parse(await r.json());
      await assert.rejects(
        s.db.query(
          `INSERT INTO bookings (id, clinic_id, reference, service_id, doctor_id, starts_at, ends_at, status, manage_token_hash, contact, patient_time_zone, locale, consent_version, created_at, updated_at)
           VALUES (gen_random_uuid(), 'aurora', 'B-RAW', 'video-consultation', 'dr-petrova', $1, $1, 'confirmed', 'x', '{}', 'UTC', 'en', 'v', now(), now())`,
          [booking.start],
        ),
        (err: { code?: string }) => err.code === '23505',
      );
    });

    it('a booked slot disappears from /booking/slots, reappears after cancel; manage token guards GET/PATCH/DELETE and ICS', async () => {
      const slotsOf = async () =>
        SlotsResponseSchema.parse(await (await s.request('/v1/booking/slots?service=in-person-consultation&doctor=dr-schneider&from=2026-11-25T00:00:00Z&to=2026-12-10T00:00:00Z')).json()).slots.map((x) => x.start);
      const free = await slotsOf();
      const start = free[0]!;
      const r = await s.request('/v1/bookings', { json: bookingBody(start, { service: 'in-person-consultation', doctor: 'dr-schneider', interpreter: 'de' }), idem: key() });
      assert.equal(r.status, 201);
      const created = CreateBookingResponseSchema.parse(await r.json());
      assert.equal(created.booking.timeZone, 'Europe/Istanbul');
      assert.equal(created.booking.patientTimeZone, 'Europe/London');
      assert.equal(new Date(created.booking.end).getTime() - new Date(created.booking.start).getTime(), 30 * 60_000);
      assert.ok(!(await slotsOf()).includes(start), 'booked slot still listed');

      const id = created.booking.id;
      const tok = created.manageToken;
      assert.equal((await s.request(`/v1/bookings/${id}?token=${'x'.repeat(32)}`)).status, 403);
      assert.equal((await s.request(`/v1/bookings/${id}?token=${tok}`, { key: SECOND })).status, 404, 'other tenant must not see it');
      const got = BookingResponseSchema.parse(await (await s.request(`/v1/bookings/${id}?token=${tok}`)).json());
      assert.equal(got.booking.reference, created.booking.reference);

      assert.match(created.links.ics, /[?&]clinic=pk_demo_aurora/);
      const icsRes = await s.request(created.links.ics, { key: null }); // a plain link: no headers
      assert.equal(icsRes.status, 200);
      assert.match(icsRes.headers.get('content-type') ?? '', /^text\/calendar/);
      const ics = await icsRes.text();
      assert.match(ics, /BEGIN:VCALENDAR\r\n/);
      assert.ok(ics.includes(`DTSTART:${start.replace(/[-:]/g, '').replace('.000', '')}`), ics);
      assert.ok(ics.split('\r\n').every((l) => l.length <= 75));

      // Reschedule to the next free slot: old one frees up, new one is taken.
      const next = free[1]!;
      // From another zone than the booking's: the booking then reads in the zone the patient is in now.
      const moved = await s.request(`/v1/bookings/${id}?token=${tok}`, { method: 'PATCH', json: { start: next, timeZone: 'America/New_York' }, idem: key() });
      assert.equal(moved.status, 200);
      const movedBooking = BookingResponseSchema.parse(await moved.json()).booking;
      assert.equal(movedBooking.start, next);
      assert.equal(movedBooking.patientTimeZone, 'America/New_York');
      // Its zone by name, as the confirmation shows it (lines unfolded: a long line may break anywhere).
      assert.match((await (await s.request(created.links.ics, { key: null })).text()).replace(/\r\n /g, ''), /\(Eastern Time\)/);
      let now = await slotsOf();
      assert.ok(now.includes(start) && !now.includes(next));

      // Someone else takes the old slot; rescheduling back onto it → 409 and nothing changes.
      assert.equal((await s.request('/v1/bookings', { json: bookingBody(start, { service: 'in-person-consultation', doctor: 'dr-schneider' }), idem: key() })).status, 201);
      const clash = await s.request(`/v1/bookings/${id}?token=${tok}`, { method: 'PATCH', json: { start }, idem: key() });
      assert.equal(clash.status, 409);
      assert.equal(BookingResponseSchema.parse(await (await s.request(`/v1/bookings/${id}?token=${tok}`)).json()).booking.start, next);

      const del = await s.request(`/v1/bookings/${id}?token=${tok}`, { method: 'DELETE' });
      assert.equal(del.status, 200);
      assert.equal(BookingResponseSchema.parse(await del.json()).booking.status, 'cancelled');
      now = await slotsOf();
      assert.ok(now.includes(next), 'cancelled slot should be free again');
    });

    it('a start that is not on the schedule → 422 slot_unavailable; in the past or inside the lead time too', async () => {
      const start = await firstSlot(s);
      const off = new Date(new Date(start).getTime() + 7 * 60_000).toISOString();
      const r = await s.request('/v1/bookings', { json: bookingBody(off), idem: key() });
      assert.equal(r.status, 422);
      assert.equal(ErrorBodySchema.parse(await r.json()).error.code, 'slot_unavailable');
      const past = await s.request('/v1/bookings', { json: bookingBody('2026-11-23T07:00:00Z'), idem: key() });
      assert.equal(past.status, 422);
    });

    it('doctor "any" picks a free doctor and spreads concurrent bookings over the doctors free at that time', async () => {
      const r = await s.request('/v1/booking/slots?service=follow-up&doctor=any&from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z');
      const slot = SlotsResponseSchema.parse(await r.json()).slots.find((x) => x.doctorIds.length >= 2)!;
      const n = slot.doctorIds.length;
      const answers = await Promise.all(Array.from({ length: n + 2 }, () => s.request('/v1/bookings', { json: bookingBody(slot.start, { service: 'follow-up', doctor: 'any' }), idem: key() })));
      const ok = answers.filter((a) => a.status === 201);
      assert.equal(ok.length, n);
      assert.equal(answers.filter((a) => a.status === 409).length, 2);
      const docs = await Promise.all(ok.map(async (a) => CreateBookingResponseSchema.parse(await a.json()).booking.doctor.id));
      assert.deepEqual([...docs].sort(), [...slot.doctorIds].sort());
      assert.equal((await s.request('/v1/booking/slots?service=follow-up&doctor=any&from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z').then((x) => x.json()) as { slots: { start: string }[] }).slots.some((x) => x.start === slot.start), false);
    });

    it('slots follow the clinic zone across a DST change (Berlin tenant, 09:00 local = 08:00Z in winter, 07:00Z in summer)', async () => {
      s.clock.now = new Date('2027-03-20T10:00:00Z');
      try {
        const r = await s.request('/v1/booking/slots?service=video-consultation&from=2027-03-26T00:00:00Z&to=2027-03-30T00:00:00Z', { key: SECOND });
        const body = SlotsResponseSchema.parse(await r.json());
        assert.equal(body.timeZone, 'Europe/Berlin');
        const firstOfDay = (d: string) => body.slots.find((x) => x.start.startsWith(d))?.start;
        assert.equal(firstOfDay('2027-03-26'), '2027-03-26T08:00:00.000Z'); // Friday, CET
        assert.equal(firstOfDay('2027-03-27'), undefined); // Saturday: closed
        assert.equal(firstOfDay('2027-03-29'), '2027-03-29T07:00:00.000Z'); // Monday, CEST
        assert.equal(body.slots.filter((x) => x.start.startsWith('2027-03-29')).length, 6); // 09:00–12:00 in 30 min
      } finally {
        s.clock.now = new Date('2026-11-24T10:00:00Z');
      }
    });

    it('slot queries are validated: missing service → 400 with fields; range over 62 days → 400', async () => {
      const r = await s.request('/v1/booking/slots?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z');
      assert.equal(r.status, 400);
      assert.ok(ErrorBodySchema.parse(await r.json()).error.fields?.['service']);
      const long = await s.request('/v1/booking/slots?service=video-consultation&from=2026-11-25T00:00:00Z&to=2027-03-26T00:00:00Z');
      assert.equal(long.status, 400);
    });

    it('"first available" with a language: slots, hold and booking only with doctors who speak it (Arabic: Kaya, Haddad), even when a non-speaker is free first', async () => {
      const q = (extra: string) => s.request(`/v1/booking/slots?service=video-consultation&doctor=any&from=2026-11-25T00:00:00Z&to=2026-12-10T00:00:00Z${extra}`);
      const speakers = ['dr-kaya', 'dr-haddad'];
      const all = SlotsResponseSchema.parse(await (await q('')).json()).slots;
      const ar = SlotsResponseSchema.parse(await (await q('&language=ar')).json()).slots;
      assert.ok(ar.length > 0, 'Arabic speakers have free times');
      assert.ok(ar.every((x) => x.doctorIds.every((d) => speakers.includes(d))), 'only Arabic speakers listed');
      // A start where a doctor who does not speak Arabic is free too, and listed before the speakers.
      const mixed = all.find((x) => x.doctorIds.some((d) => !speakers.includes(d)) && x.doctorIds.some((d) => speakers.includes(d)) && !speakers.includes(x.doctorIds[0]!));
      assert.ok(mixed, 'a start shared by a speaker and a non-speaker');
      const start = mixed.start;
      const hold = await s.request('/v1/booking/holds', { json: { service: 'video-consultation', doctor: 'any', language: 'ar', start, session: 'audit-language-hold-1' }, idem: key() });
      assert.equal(hold.status, 201);
      assert.ok(speakers.includes(((await hold.json()) as { hold: { doctorId: string } }).hold.doctorId), 'held with a speaker');
      const r = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'any', language: 'ar', session: 'audit-language-hold-1' }), idem: key() });
      assert.equal(r.status, 201);
      assert.ok(speakers.includes(CreateBookingResponseSchema.parse(await r.json()).booking.doctor.id), 'booked with a speaker');
      // No doctor of the service speaks the language: no times, and a booking says why.
      assert.deepEqual(SlotsResponseSchema.parse(await (await q('&language=ja')).json()).slots, []);
      const none = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'any', language: 'ja' }), idem: key() });
      assert.equal(none.status, 422);
      assert.ok(ErrorBodySchema.parse(await none.json()).error.fields?.['language']);
    });

    it('tenant isolation: bookings of aurora are invisible to the second tenant (same doctor id, different clinic)', async () => {
      const start = await firstSlot(s, 'video-consultation', 'dr-aydin', SECOND);
      // dr-aydin exists in both tenants; booking at Berlin must not block Istanbul and vice versa.
      assert.equal((await s.request('/v1/bookings', { key: SECOND, json: bookingBody(start), idem: key() })).status, 201);
      const aurora = await s.request('/v1/staff/bookings?limit=100', { key: null, headers: { Authorization: 'Bearer sk_demo_staff' } });
      const mine = (await aurora.json()) as { bookings: { booking: { start: string; doctor: { name: string } } }[] };
      assert.ok(mine.bookings.every((b) => b.booking.doctor.name !== 'Dr. Jonas Weber'));
      const staff = await s.request('/v1/staff/bookings', { key: null, headers: { Authorization: 'Bearer sk_demo_second_staff' } });
      const list = (await staff.json()) as { bookings: { booking: { doctor: { name: string } } }[] };
      assert.ok(list.bookings.length >= 1);
      assert.ok(list.bookings.every((b) => b.booking.doctor.name === 'Dr. Jonas Weber'));
    });
  });
}

