import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { ApiClient, newIdempotencyKey } from '../../src/core/api/client.js';
import { PrmApiError } from '../../src/core/api/errors.js';
import { isTransient } from '../../src/core/api/retry.js';

const Answer = z.object({ ok: z.boolean(), n: z.number(), idempotencyKey: z.nullable(z.string()), clinic: z.nullable(z.string()) });
const Count = z.object({ n: z.number() });
const uid = () => Math.random().toString(36).slice(2);
const client = (o: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) =>
  new ApiClient({ baseUrl: location.origin, clinic: 'pk_demo_aurora', backoffBase: 20, ...o });
const count = async (id: string) => (await client().get(`__test/count?id=${id}`, Count)).n;

async function failure(p: Promise<unknown>): Promise<PrmApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(PrmApiError);
    return e as PrmApiError;
  }
  throw new Error('expected the call to fail');
}

describe('api client', () => {
  it('sends the clinic key and parses the answer with its schema', async () => {
    const id = uid();
    const res = await client().get(`__test/flaky?id=${id}`, Answer);
    expect(res).to.deep.equal({ ok: true, n: 1, idempotencyKey: null, clinic: 'pk_demo_aurora' });
  });

  it('keeps the path’s query, adds the caller’s and the clinic key, and sends no custom header (no CORS preflight)', async () => {
    const Echo = z.object({ query: z.record(z.string(), z.string()), headers: z.array(z.string()) });
    const res = await client().get('__test/echo?a=1', Echo, { searchParams: { b: 2, c: undefined } });
    expect(res.query).to.deep.equal({ a: '1', b: '2', clinic: 'pk_demo_aurora' });
    const custom = res.headers.filter((h) => /^x-|^idempotency/i.test(h));
    expect(custom).to.deep.equal([]);
  });

  it('retries a GET on 503 with backoff, then succeeds: 3 requests in all', async () => {
    const id = uid();
    const res = await client().get(`__test/flaky?id=${id}&fail=2&status=503`, Answer);
    expect(res.n).to.equal(3);
    expect(await count(id)).to.equal(3);
  });

  it('gives up after the retry limit with an http error carrying status and server code', async () => {
    const id = uid();
    const err = await failure(client({ retries: 1 }).get(`__test/flaky?id=${id}&fail=5&status=503&code=maintenance`, Answer));
    expect(err.kind).to.equal('http');
    expect(err.status).to.equal(503);
    expect(err.code).to.equal('maintenance');
    expect(isTransient(err), 'the shared retry policy').to.equal(true);
    expect(await count(id)).to.equal(2);
  });

  it('does not retry a 4xx the patient must fix, and carries per-field messages', async () => {
    const err = await failure(client().get(`__test/fields`, Answer));
    expect(err.kind).to.equal('http');
    expect(err.status).to.equal(400);
    expect(err.code).to.equal('validation_failed');
    expect(err.fields).to.deep.equal({ email: 'Enter a valid email' });
    expect(isTransient(err), 'the shared retry policy').to.equal(false);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    const id = uid();
    const t0 = performance.now();
    const res = await client().get(`__test/flaky?id=${id}&fail=1&status=429&retryAfter=1`, Answer);
    const waited = performance.now() - t0;
    expect(res.n).to.equal(2);
    expect(waited).to.be.greaterThan(950);
  });

  it('reports rate_limited with the wait when Retry-After is longer than we will wait', async () => {
    const id = uid();
    const t0 = performance.now();
    const err = await failure(client({ maxRetryAfter: 2000 }).get(`__test/flaky?id=${id}&fail=1&status=429&retryAfter=30`, Answer));
    expect(err.kind).to.equal('rate_limited');
    expect(err.retryAfter).to.equal(30);
    expect(performance.now() - t0).to.be.lessThan(2000);
    expect(await count(id)).to.equal(1);
  });

  it('does not retry a POST without an Idempotency-Key', async () => {
    const id = uid();
    const err = await failure(client().post(`__test/flaky?id=${id}&fail=1&status=503`, { a: 1 }, Answer));
    expect(err.status).to.equal(503);
    expect(await count(id)).to.equal(1);
  });

  it('retries a POST that carries an Idempotency-Key, sending the same key each time', async () => {
    const id = uid();
    const key = newIdempotencyKey();
    const res = await client().post(`__test/flaky?id=${id}&fail=2&status=503`, { a: 1 }, Answer, { idempotencyKey: key });
    expect(res.n).to.equal(3);
    expect(res.idempotencyKey).to.equal(key);
  });

  it('times out a slow answer', async () => {
    const err = await failure(client({ timeout: 200, retries: 0 }).get(`__test/slow?ms=1500`, Answer));
    expect(err.kind).to.equal('timeout');
  });

  it('a call’s own timeout wins over the client’s (an upload waits longer, or a ping shorter)', async () => {
    const err = await failure(client({ timeout: 10_000, retries: 0 }).post(`__test/slow?ms=1500`, new Blob(['x']), Answer, { timeout: 200 }));
    expect(err.kind).to.equal('timeout');
    const ok = await client({ timeout: 100, retries: 0 }).post(`__test/slow?ms=300`, new Blob(['x']), Answer, { timeout: 5000 });
    expect(ok.ok).to.equal(true);
  });

  it('stops when the caller aborts', async () => {
    const ac = new AbortController();
    const p = client().get(`__test/slow?ms=1500`, Answer, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    const err = await failure(p);
    expect(err.kind).to.equal('aborted');
    expect(isTransient(err), 'the shared retry policy').to.equal(false);
  });

  it('turns an answer of the wrong shape into invalid_response', async () => {
    const err = await failure(client().get(`__test/garbage`, Answer));
    expect(err.kind).to.equal('invalid_response');
    expect(err.message).to.contain('ok');
  });

  it('turns a non-JSON answer into invalid_response', async () => {
    const err = await failure(client().get(`__test/notjson`, Answer));
    expect(err.kind).to.equal('invalid_response');
  });

  it('reports an unreachable server as network', async () => {
    const err = await failure(client({ baseUrl: 'http://127.0.0.1:9', retries: 0 }).get(`x`, Answer));
    expect(err.kind).to.equal('network');
  });

  it('an unknown clinic key (401 from the real server) is unauthorized, not retried, and named once on the console', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const c = client({ clinic: `pk_typo_${uid()}` });
      const Any = z.object({});
      const first = await failure(c.get('config', Any));
      expect(first.kind).to.equal('unauthorized');
      expect(first.status).to.equal(401);
      expect(isTransient(first)).to.equal(false);
      await failure(c.get('procedures', Any));
      expect(errors.length).to.equal(1);
      expect(String(errors[0]![0])).to.contain(c.options.clinic).and.to.contain('not known');
    } finally {
      console.error = original;
    }
    const id = uid();
    await failure(client({ clinic: `pk_other_${uid()}` }).get(`__test/flaky?id=${id}&fail=5&status=401&code=unauthorized`, Answer));
    expect(await count(id)).to.equal(1);
  });

  it('makes distinct v4 idempotency keys', () => {
    const a = newIdempotencyKey();
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.to.equal(a);
  });
});
