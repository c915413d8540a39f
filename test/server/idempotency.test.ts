import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { FeedbackResponseSchema } from '../../src/core/contract/feedback.js';
import { QuoteResponseSchema } from '../../src/core/contract/quotes.js';
import { bookingBody, count, drivers, firstSlot, key, quoteBody, startServer, type TestServer } from './helpers.js';

for (const driver of drivers) {
  describe(`idempotency [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    it('same key + same body → the first response again, nothing new written', async () => {
      const k = key();
      const before = await count(s.db, 'quotes');
      const first = await s.request('/v1/quotes', { json: quoteBody(), idem: k });
      assert.equal(first.status, 201);
      const a = QuoteResponseSchema.parse(await first.json());
      for (let i = 0; i < 3; i++) {
        const again = await s.request('/v1/quotes', { json: quoteBody(), idem: k });
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
        assert.deepEqual(QuoteResponseSchema.parse(await again.json()), a);
      }
      assert.equal(await count(s.db, 'quotes'), before + 1);
    });

    it('concurrent duplicates with one key write once', async () => {
      const k = key();
      const before = await count(s.db, 'feedback');
      const body = { nps: 9, ratings: { medical: 5 }, comment: 'Great', locale: 'en' };
      const answers = await Promise.all(Array.from({ length: 5 }, () => s.request('/v1/feedback', { json: body, idem: k })));
      assert.equal(await count(s.db, 'feedback'), before + 1);
      const created = answers.filter((r) => r.status === 201);
      assert.ok(created.length >= 1);
      // The rest are either replays of the same answer or 409 "still in progress" (safe to retry).
      const ids = new Set(await Promise.all(created.map(async (r) => FeedbackResponseSchema.parse(await r.json()).id)));
      assert.equal(ids.size, 1);
      assert.ok(answers.every((r) => r.status === 201 || r.status === 409));
    });

    it('same key + different body → 422 idempotency_key_reused, nothing written', async () => {
      const k = key();
      assert.equal((await s.request('/v1/quotes', { json: quoteBody(), idem: k })).status, 201);
      const before = await count(s.db, 'quotes');
      const r = await s.request('/v1/quotes', { json: quoteBody({ currency: 'EUR' }), idem: k });
      assert.equal(r.status, 422);
      assert.equal(ErrorBodySchema.parse(await r.json()).error.code, 'idempotency_key_reused');
      assert.equal(await count(s.db, 'quotes'), before);
    });

    it('the first answer is replayed even when it was an error (409 slot_taken stays 409)', async () => {
      const start = await firstSlot(s, 'video-consultation', 'dr-demir');
      assert.equal((await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-demir' }), idem: key() })).status, 201);
      const k = key();
      const lost = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-demir' }), idem: k });
      assert.equal(lost.status, 409);
      const replay = await s.request('/v1/bookings', { json: bookingBody(start, { doctor: 'dr-demir' }), idem: k });
      assert.equal(replay.status, 409);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    });

    it('keys expire after 24 h: replayed at 23 h 59 min, a new write after 24 h', async () => {
      const k = key();
      const t0 = s.clock.now;
      try {
        const first = QuoteResponseSchema.parse(await (await s.request('/v1/quotes', { json: quoteBody(), idem: k })).json());
        s.clock.now = new Date(t0.getTime() + 24 * 3600_000 - 60_000);
        const replay = QuoteResponseSchema.parse(await (await s.request('/v1/quotes', { json: quoteBody(), idem: k })).json());
        assert.equal(replay.id, first.id);
        const before = await count(s.db, 'quotes');
        s.clock.now = new Date(t0.getTime() + 24 * 3600_000 + 1000);
        const fresh = await s.request('/v1/quotes', { json: quoteBody(), idem: k });
        assert.equal(fresh.status, 201);
        assert.notEqual(QuoteResponseSchema.parse(await fresh.json()).id, first.id);
        assert.equal(await count(s.db, 'quotes'), before + 1);
      } finally {
        s.clock.now = t0;
      }
    });

    it('keys are per clinic: the same key at another tenant is a different request', async () => {
      const k = key();
      assert.equal((await s.request('/v1/feedback', { json: { nps: 7, ratings: {}, locale: 'en' }, idem: k })).status, 201);
      const other = await s.request('/v1/feedback', { key: 'pk_demo_second', json: { nps: 7, ratings: {}, locale: 'en' }, idem: k });
      assert.equal(other.status, 201);
      assert.equal(other.headers.get('Idempotent-Replayed'), null);
    });

    it('POSTs that create something require an Idempotency-Key (400 without)', async () => {
      for (const [path, body] of [
        ['/v1/quotes', quoteBody()],
        ['/v1/feedback', { nps: 5, ratings: {}, locale: 'en' }],
        ['/v1/bookings', bookingBody('2026-11-30T07:00:00Z')],
      ] as const) {
        const r = await s.request(path, { json: body });
        assert.equal(r.status, 400, path);
        assert.equal(ErrorBodySchema.parse(await r.json()).error.code, 'idempotency_key_required');
      }
    });
  });
}
