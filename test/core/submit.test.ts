import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient } from '../../src/core/api/client.js';
import { PrmApiError } from '../../src/core/api/errors.js';
import { QUEUE_BACKOFF, isTransient, retryDelay } from '../../src/core/api/retry.js';
import { FeedbackResponseSchema, type CreateFeedbackBody, type FeedbackResponse } from '../../src/core/contract/feedback.js';
import { SubmitQueue, type SubmitEntry, type SubmitStatus } from '../../src/core/submit/queue.js';
import { until } from './fixtures/setup.js';

/**
 * The submission queue against the real reference server (`POST /v1/feedback`, Idempotency-Key
 * required); what reached the database is read back through the staff API. Network failures are
 * injected by wrapping `fetch`: the requests that do go out reach the real server.
 */

const uid = () => Math.random().toString(36).slice(2);
const client = new ApiClient({ baseUrl: location.origin, clinic: 'pk_demo_aurora', retries: 0 });
const realFetch = window.fetch;

/** The comments of the feedback rows stored on the server containing `marker`, oldest first. */
async function stored(marker: string): Promise<string[]> {
  const res = await realFetch(`/v1/staff/feedback?limit=100`, { headers: { Authorization: 'Bearer sk_demo_staff' } });
  const data = (await res.json()) as { feedback: { feedback: { comment?: string } }[] };
  return data.feedback
    .map((f) => f.feedback.comment ?? '')
    .filter((c) => c.includes(marker))
    .reverse();
}

/** The smallest reactive host: records updates, connects its controllers on demand. */
class Host extends EventTarget implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  connect() {
    this.controllers.forEach((c) => c.hostConnected?.());
  }
  disconnect() {
    this.controllers.forEach((c) => c.hostDisconnected?.());
  }
}

const feedback = (comment: string): CreateFeedbackBody => ({ nps: 9, ratings: {}, comment, locale: 'en' });

interface Sent {
  key: string;
  comment: string;
}

function make(storageKey: string, backoff = { base: 60_000, cap: 60_000 }) {
  const host = new Host();
  const changes: [string, SubmitStatus][] = [];
  const attempts: Sent[] = [];
  const queue = new SubmitQueue<CreateFeedbackBody, FeedbackResponse>(host, {
    storageKey: () => storageKey,
    send: (body, key, signal) => {
      attempts.push({ key, comment: body.comment ?? '' });
      return client.post('feedback', body, FeedbackResponseSchema, { idempotencyKey: key, signal });
    },
    backoff,
    onChange: (e) => changes.push([e.body.comment ?? '', e.status]),
  });
  host.connect();
  return { host, queue, changes, attempts };
}

const offline = () => {
  window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
};

describe('retry policy (shared by the API client and the submission queue)', () => {
  it('treats network, timeout, 429, 5xx, 408 and a busy idempotency key as transient; 4xx and aborts not', () => {
    const http = (status: number, retryAfter?: number) => new PrmApiError('http', 'x', { status, retryAfter });
    expect(isTransient(new PrmApiError('network', 'x'))).to.equal(true);
    expect(isTransient(new PrmApiError('timeout', 'x'))).to.equal(true);
    expect(isTransient(new PrmApiError('rate_limited', 'x', { status: 429 }))).to.equal(true);
    expect(isTransient(http(500))).to.equal(true);
    expect(isTransient(http(503))).to.equal(true);
    expect(isTransient(http(408))).to.equal(true);
    expect(isTransient(http(409, 1)), '409 "still being processed" with Retry-After').to.equal(true);
    expect(isTransient(http(409)), '409 slot_taken').to.equal(false);
    expect(isTransient(http(400))).to.equal(false);
    expect(isTransient(http(422))).to.equal(false);
    expect(isTransient(new PrmApiError('aborted', 'x'))).to.equal(false);
    expect(isTransient(new PrmApiError('invalid_response', 'x'))).to.equal(false);
    expect(isTransient(new Error('bug'))).to.equal(false);
  });

  it('waits as long as Retry-After says, else doubles from the base up to the cap', () => {
    const b = { base: 100, cap: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, b))).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
    expect(retryDelay(0, new PrmApiError('rate_limited', 'x', { status: 429, retryAfter: 7 }), b)).to.equal(7000);
    expect(retryDelay(3, new PrmApiError('rate_limited', 'x', { status: 429, retryAfter: 0 }), QUEUE_BACKOFF)).to.equal(0);
  });
});

describe('submission queue: ordered, nothing lost, nothing duplicated', () => {
  let storageKey: string;
  let marker: string;
  beforeEach(() => {
    storageKey = `prm-submit:test:${uid()}`;
    marker = uid();
  });
  afterEach(() => {
    window.fetch = realFetch;
    sessionStorage.removeItem(storageKey);
  });

  it('stores nothing before the patient submits', () => {
    const before = { s: sessionStorage.length, l: localStorage.length, c: document.cookie };
    const { queue, host } = make(storageKey);
    expect(queue.entries).to.deep.equal([]);
    expect({ s: sessionStorage.length, l: localStorage.length, c: document.cookie }).to.deep.equal(before);
    host.disconnect();
  });

  it('sends with an Idempotency-Key, reports sent with its time and keeps nothing stored', async () => {
    const { queue, changes, host } = make(storageKey);
    const e = queue.submit(feedback(`${marker} one`));
    expect(e.status).to.equal('sending');
    expect(JSON.parse(sessionStorage.getItem(storageKey)!)[0].key, 'saved while on its way').to.equal(e.key);
    await e.done;
    expect(e.status).to.equal('sent');
    expect(e.result!.id).to.be.a('string');
    expect(e.sentAt).to.be.instanceOf(Date);
    expect(changes).to.deep.equal([
      [`${marker} one`, 'sending'],
      [`${marker} one`, 'sent'],
    ]);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    expect(await stored(marker)).to.deep.equal([`${marker} one`]);
    host.disconnect();
  });

  it('two submissions while offline stay two, are stored in sessionStorage only, and go in order once online', async () => {
    const lsBefore = localStorage.length;
    const { queue, host, attempts } = make(storageKey);
    offline();
    const a = queue.submit(feedback(`${marker} first`));
    const b = queue.submit(feedback(`${marker} second`));
    await until(() => a.status === 'pending-offline' && b.status === 'pending-offline');
    const saved = JSON.parse(sessionStorage.getItem(storageKey)!) as { key: string; body: CreateFeedbackBody }[];
    expect(saved.map((s) => s.body.comment)).to.deep.equal([`${marker} first`, `${marker} second`]);
    expect(saved.map((s) => s.key)).to.deep.equal([a.key, b.key]);
    expect(a.key).to.not.equal(b.key);
    expect(localStorage.length, 'never localStorage').to.equal(lsBefore);
    expect(attempts.map((x) => x.comment), 'the second waits behind the first').to.deep.equal([`${marker} first`]);

    window.fetch = realFetch;
    expect(await stored(marker), 'nothing reached the server while offline').to.deep.equal([]);
    window.dispatchEvent(new Event('online'));
    await Promise.all([a.done, b.done]);
    expect([a.status, b.status]).to.deep.equal(['sent', 'sent']);
    expect(await stored(marker)).to.deep.equal([`${marker} first`, `${marker} second`]);
    const sent = attempts.slice(1);
    expect(sent.map((x) => x.comment)).to.deep.equal([`${marker} first`, `${marker} second`]);
    expect(sent.map((x) => x.key)).to.deep.equal([a.key, b.key]);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    host.disconnect();
  });

  it('identical bodies are two entries with two keys, and two rows on the server', async () => {
    const { queue, host } = make(storageKey);
    const body = feedback(`${marker} same`);
    const a = queue.submit(body);
    const b = queue.submit({ ...body });
    expect(queue.entries).to.have.length(2);
    expect(a.key).to.not.equal(b.key);
    await Promise.all([a.done, b.done]);
    expect(await stored(marker)).to.deep.equal([`${marker} same`, `${marker} same`]);
    host.disconnect();
  });

  it('a reload restores unsent entries in order, with their keys, and sends them: one row each', async () => {
    const first = make(storageKey);
    offline();
    const a = first.queue.submit(feedback(`${marker} a`));
    const b = first.queue.submit(feedback(`${marker} b`));
    await until(() => b.status === 'pending-offline');
    first.host.disconnect();
    window.fetch = realFetch;

    const second = make(storageKey);
    expect(second.queue.entries.map((e) => e.body.comment)).to.deep.equal([`${marker} a`, `${marker} b`]);
    expect(second.queue.entries.map((e) => e.key)).to.deep.equal([a.key, b.key]);
    await Promise.all(second.queue.entries.map((e) => e.done));
    expect(second.queue.entries.map((e) => e.status)).to.deep.equal(['sent', 'sent']);
    expect(await stored(marker)).to.deep.equal([`${marker} a`, `${marker} b`]);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    second.host.disconnect();
  });

  it('500 then ok: retried on the backoff timer with the same key, exactly one row', async () => {
    let fails = 1;
    window.fetch = (input, init) => {
      if (init?.method === 'POST' && fails-- > 0) {
        return Promise.resolve(new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500, headers: { 'Content-Type': 'application/json' } }));
      }
      return realFetch(input, init);
    };
    const { queue, host, attempts } = make(storageKey, { base: 30, cap: 30 });
    const e = queue.submit(feedback(`${marker} flaky`));
    await until(() => e.status === 'pending-offline');
    expect((e.error as PrmApiError).status).to.equal(500);
    await e.done;
    expect(e.status).to.equal('sent');
    expect(attempts).to.have.length(2);
    expect(new Set(attempts.map((x) => x.key))).to.deep.equal(new Set([e.key]));
    expect(await stored(marker)).to.deep.equal([`${marker} flaky`]);
    host.disconnect();
  });

  it('429 with Retry-After: waits what the server asked before the next attempt, exactly one row', async () => {
    let fails = 1;
    const times: number[] = [];
    window.fetch = (input, init) => {
      if (init?.method === 'POST') times.push(performance.now());
      if (init?.method === 'POST' && fails-- > 0) {
        return Promise.resolve(new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '1' } }));
      }
      return realFetch(input, init);
    };
    // The backoff alone would retry after 10 ms: the gap shows Retry-After won.
    const { queue, host } = make(storageKey, { base: 10, cap: 10 });
    const e = queue.submit(feedback(`${marker} busy`));
    await until(() => e.status === 'pending-offline');
    expect((e.error as PrmApiError).kind).to.equal('rate_limited');
    await until(() => e.status === 'sent', 5000);
    expect(times).to.have.length(2);
    expect(times[1]! - times[0]!).to.be.greaterThan(950);
    expect(await stored(marker)).to.deep.equal([`${marker} busy`]);
    host.disconnect();
  });

  it('the response lost after the server stored it: the resend with the same key writes nothing new', async () => {
    let lose = 1;
    window.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      if (init?.method === 'POST' && lose-- > 0) throw new TypeError('Failed to fetch'); // stored, answer lost
      return res;
    };
    const { queue, host, attempts } = make(storageKey, { base: 30, cap: 30 });
    const e = queue.submit(feedback(`${marker} lost`));
    await until(() => e.status === 'pending-offline');
    expect(await stored(marker), 'the first attempt did reach the server').to.deep.equal([`${marker} lost`]);
    await e.done;
    expect(e.status).to.equal('sent');
    expect(attempts).to.have.length(2);
    expect(await stored(marker), 'still one row').to.deep.equal([`${marker} lost`]);
    host.disconnect();
  });

  it('a refused body (400) is refused, not stored, and the next entry still goes', async () => {
    const { queue, host } = make(storageKey);
    const bad = queue.submit({ ...feedback(`${marker} bad`), nps: 11 });
    const good = queue.submit(feedback(`${marker} good`));
    await Promise.all([bad.done, good.done]);
    expect(bad.status).to.equal('refused');
    expect((bad.error as PrmApiError).status).to.equal(400);
    expect(good.status).to.equal('sent');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    expect(await stored(marker)).to.deep.equal([`${marker} good`]);
    host.disconnect();
  });

  it('carries on when its host is disconnected and connected again', async () => {
    const { queue, host } = make(storageKey);
    offline();
    const e = queue.submit(feedback(`${marker} moved`));
    await until(() => e.status === 'pending-offline');
    host.disconnect();
    window.fetch = realFetch;
    host.connect();
    await e.done;
    expect(e.status).to.equal('sent');
    expect(await stored(marker)).to.deep.equal([`${marker} moved`]);
    host.disconnect();
  });

  it('a request on its way is not abandoned when the host leaves the page', async () => {
    const { queue, host } = make(storageKey);
    const e = queue.submit(feedback(`${marker} leaving`));
    host.disconnect();
    await e.done;
    expect(e.status).to.equal('sent');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
  });

  it('forget() and clear() drop entries from memory and storage', async () => {
    const { queue, host } = make(storageKey);
    offline();
    const a = queue.submit(feedback(`${marker} x`));
    queue.submit(feedback(`${marker} y`));
    await until(() => a.status === 'pending-offline');
    queue.forget(a);
    expect((JSON.parse(sessionStorage.getItem(storageKey)!) as SubmitEntry<CreateFeedbackBody>[]).map((s) => s.body.comment)).to.deep.equal([`${marker} y`]);
    queue.clear();
    expect(queue.entries).to.deep.equal([]);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    host.disconnect();
  });
});
