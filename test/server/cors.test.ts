import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { createSite } from '../../server/site.js';
import { AURORA, STAFF, drivers, key, quoteBody, startServer, type TestServer } from './helpers.js';

const ALLOWED = 'https://aurora-hospital.example';
const EVIL = 'https://evil.example';
const UUID = '00000000-0000-4000-8000-000000000000';

/** The answer is readable by a page on `origin`: what the browser checks, plus the contract's error body. */
async function readableError(r: Response, status: number, allowOrigin: string) {
  assert.equal(r.status, status);
  assert.equal(r.headers.get('access-control-allow-origin'), allowOrigin, `${status} must carry Access-Control-Allow-Origin: ${allowOrigin}`);
  assert.match(r.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  assert.ok(ErrorBodySchema.safeParse(await r.json()).success, `${status} body in the contract's error shape`);
}

for (const driver of drivers) {
  describe(`CORS on every answer [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver, { rateLimit: { max: 2, windowMs: 60_000 }, bodyLimit: 1024 });
    });
    after(() => s.close());

    it('an unknown or missing clinic key: 401 readable from any origin (it reveals nothing), on JSON and SSE routes alike', async () => {
      await readableError(await s.request('/v1/config', { key: 'pk_typo', headers: { Origin: EVIL } }), 401, '*');
      await readableError(await s.request('/v1/procedures', { key: null, headers: { Origin: ALLOWED } }), 401, '*');
      await readableError(await s.request(`/v1/chat/conversations/${UUID}/events?token=${'x'.repeat(20)}&clinic=pk_typo`, { key: null, headers: { Origin: EVIL } }), 401, '*');
      await readableError(await s.request('/v1/staff/leads', { key: null, headers: { Origin: EVIL, Authorization: 'Bearer sk_wrong_token' } }), 401, '*');
    });

    it("a known key's error answers (400, 403, 404, 413, 429, 500) carry its allowed origin", async () => {
      await readableError(await s.request('/v1/booking/slots?service=x', { headers: { Origin: ALLOWED } }), 400, ALLOWED);
      await readableError(await s.request(`/v1/bookings/${UUID}?token=${'x'.repeat(32)}`, { headers: { Origin: ALLOWED } }), 404, ALLOWED);
      await readableError(await s.request('/v1/no-such-route', { headers: { Origin: ALLOWED } }), 404, ALLOWED);
      await readableError(await s.request('/v1/feedback', { headers: { Origin: ALLOWED }, json: { nps: 1, comment: 'x'.repeat(2000) }, idem: key() }), 413, ALLOWED);
      // 403: a wrong conversation token.
      const conv = await s.request('/v1/chat/conversations', { headers: { Origin: ALLOWED }, json: { locale: 'en', consent: { accepted: true, version: '2026-09' } }, idem: key() });
      const { conversation } = (await conv.json()) as { conversation: { id: string } };
      await readableError(await s.request(`/v1/chat/conversations/${conversation.id}/messages?token=${'y'.repeat(32)}`, { headers: { Origin: ALLOWED }, json: { body: 'hi' }, idem: key() }), 403, ALLOWED);
      // 429 after max (2) writes in the window: Retry-After must be readable too.
      let r: Response;
      do r = await s.request('/v1/chat/conversations', { headers: { Origin: ALLOWED }, json: { locale: 'en', consent: { accepted: true, version: '2026-09' } }, idem: key() });
      while (r.status === 201);
      assert.ok(r.headers.get('retry-after'));
      await readableError(r, 429, ALLOWED);
    });

    it('a 500 is the contract error body with CORS, also on an SSE route (it was a plain-text 500)', async () => {
      const query = s.db.query.bind(s.db);
      s.db.query = (async (sql: string, params?: unknown[]) => {
        if (/FROM (procedures|conversations) WHERE/.test(sql)) throw new Error('database on fire');
        return query(sql, params);
      }) as typeof s.db.query;
      const errors = console.error;
      console.error = () => {};
      try {
        await readableError(await s.request('/v1/procedures', { headers: { Origin: ALLOWED } }), 500, ALLOWED);
        const sse = await s.request(`/v1/chat/conversations/${UUID}/events?token=${'x'.repeat(20)}`, { headers: { Origin: ALLOWED } });
        assert.match(sse.headers.get('content-type') ?? '', /^application\/json/);
        await readableError(sse, 500, ALLOWED);
      } finally {
        s.db.query = query;
        console.error = errors;
      }
    });

    it("a known key's answers never unlock an origin it does not allow, errors included", async () => {
      const r = await s.request(`/v1/bookings/${UUID}?token=${'x'.repeat(32)}`, { headers: { Origin: EVIL } });
      assert.equal(r.status, 404);
      assert.equal(r.headers.get('access-control-allow-origin'), null);
      const big = await s.request('/v1/quotes', { headers: { Origin: EVIL }, json: quoteBody({ notes: 'x'.repeat(2000) }), idem: key() });
      assert.equal(big.status, 413);
      assert.equal(big.headers.get('access-control-allow-origin'), null, 'a 413 thrown before the tenant step still follows the key');
      const staff = await s.request('/v1/staff/leads', { key: null, headers: { Origin: EVIL, Authorization: `Bearer ${STAFF}` } });
      assert.equal(staff.status, 403);
      assert.equal(staff.headers.get('access-control-allow-origin'), null);
      assert.equal((await s.request('/v1/config', { key: AURORA, headers: { Origin: EVIL } })).headers.get('access-control-allow-origin'), null);
    });
  });
}

describe('demo server /cdn/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prm-cdn-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the module scripts with Access-Control-Allow-Origin: * (a page on another origin can load loader.js)', async () => {
    writeFileSync(join(dir, 'loader.js'), 'export {};\n'.repeat(200));
    const { Hono } = await import('hono');
    const site = createSite(new Hono(), { demo: true, cdnRoot: dir, demoRoot: dir });
    const r = await site.request('/cdn/loader.js', { headers: { Origin: 'https://clinic.example', 'Accept-Encoding': 'gzip' } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /javascript/);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });
});
