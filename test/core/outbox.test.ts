import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as z from 'zod/mini';
import { ApiClient } from '../../src/core/api/client.js';
import { Outbox, type OutboxState } from '../../src/core/outbox.js';
import { until } from './fixtures/setup.js';

const Answer = z.object({ ok: z.boolean(), n: z.number(), idempotencyKey: z.nullable(z.string()), clinic: z.nullable(z.string()) });
const Count = z.object({ n: z.number() });
const uid = () => Math.random().toString(36).slice(2);
const client = new ApiClient({ baseUrl: location.origin, clinic: 'pk_demo_aurora', retries: 0, backoffBase: 10 });
const count = async (id: string) => (await client.get(`__test/count?id=${id}`, Count)).n;

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

type Body = { name: string; note: string };

function make(path: () => string, storageKey: string, opts: { retryDelays?: number[] } = {}) {
  const host = new Host();
  const states: OutboxState[] = [];
  const keysSent: string[] = [];
  const box = new Outbox<Body, z.infer<typeof Answer>>(host, {
    storageKey: () => storageKey,
    send: (body, key, signal) => {
      keysSent.push(key);
      return client.post(path(), body, Answer, { idempotencyKey: key, signal });
    },
    retryDelays: opts.retryDelays ?? [60_000],
    onChange: (s) => states.push(s),
  });
  host.connect();
  return { host, box, states, keysSent };
}

describe('outbox: nothing is lost', () => {
  const realFetch = window.fetch;
  let storageKey: string;
  beforeEach(() => {
    storageKey = `prm-outbox:test:${uid()}`;
  });
  afterEach(() => {
    window.fetch = realFetch;
    sessionStorage.removeItem(storageKey);
  });

  it('stores nothing before the patient submits', () => {
    const before = { s: sessionStorage.length, l: localStorage.length, c: document.cookie };
    const { box, host } = make(() => `__test/flaky?id=${uid()}`, storageKey);
    expect(box.state).to.equal('idle');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    expect({ s: sessionStorage.length, l: localStorage.length, c: document.cookie }).to.deep.equal(before);
    host.disconnect();
  });

  it('sends with an Idempotency-Key, reports sent with its time and forgets the stored copy', async () => {
    const id = uid();
    const { box, states, host } = make(() => `__test/flaky?id=${id}`, storageKey);
    const r = await box.submit({ name: 'Ana', note: 'knee' });
    expect(r?.idempotencyKey).to.be.a('string').and.equal(box.entry!.key);
    expect(box.state).to.equal('sent');
    expect(box.sentAt).to.be.instanceOf(Date);
    expect(states).to.deep.equal(['sending', 'sent']);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    expect(host.updates).to.be.greaterThan(1);
    host.disconnect();
  });

  it('keeps an offline submission in sessionStorage only, and sends it with the same key once back online', async () => {
    const id = uid();
    const lsBefore = localStorage.length;
    const { box, host, keysSent } = make(() => `__test/flaky?id=${id}`, storageKey);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await box.submit({ name: 'Ana', note: 'knee' });
    expect(box.state).to.equal('pending-offline');
    expect(box.pending).to.equal(true);
    const stored = JSON.parse(sessionStorage.getItem(storageKey)!);
    expect(stored.key).to.equal(box.entry!.key);
    expect(stored.body).to.deep.equal({ name: 'Ana', note: 'knee' });
    expect(localStorage.length, 'never localStorage').to.equal(lsBefore);

    window.fetch = realFetch;
    expect(await count(id), 'nothing reached the server while offline').to.equal(0);
    window.dispatchEvent(new Event('online'));
    await until(() => box.state === 'sent');
    expect(box.result!.idempotencyKey).to.equal(stored.key);
    expect(new Set(keysSent).size, 'every attempt carried one key').to.equal(1);
    expect(keysSent.length).to.equal(2);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    host.disconnect();
  });

  it('retries a 503 on its backoff timer with the same key until the server takes it', async () => {
    const id = uid();
    const { box, host, keysSent } = make(() => `__test/flaky?id=${id}&fail=2&status=503`, storageKey, { retryDelays: [30] });
    await box.submit({ name: 'Ana', note: '' });
    expect(box.state).to.equal('pending-offline');
    await until(() => box.state === 'sent');
    expect(await count(id)).to.equal(3);
    expect(keysSent).to.have.length(3);
    expect(new Set(keysSent).size).to.equal(1);
    expect(box.result!.n).to.equal(3);
    host.disconnect();
  });

  it('a refused body (400) is failed, not stored, and a corrected body gets a new key', async () => {
    let path = '__test/fields';
    const { box, host } = make(() => path, storageKey);
    await box.submit({ name: 'Ana', note: 'x' });
    expect(box.state).to.equal('failed');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    expect(box.entry!.body.note, 'what was typed is kept in memory').to.equal('x');
    const firstKey = box.entry!.key;
    path = `__test/flaky?id=${uid()}`;
    await box.submit({ name: 'Ana', note: 'y' });
    expect(box.state).to.equal('sent');
    expect(box.entry!.key).to.not.equal(firstKey);
    host.disconnect();
  });

  it('a double submit of the same body sends once', async () => {
    const id = uid();
    const { box, host } = make(() => `__test/slow?ms=100&id=${id}`, storageKey);
    const a = box.submit({ name: 'Ana', note: '' });
    const b = box.submit({ name: 'Ana', note: '' });
    expect(a).to.equal(b);
    await a;
    expect(box.state).to.equal('sent');
    host.disconnect();
  });

  it('resumes a submission left pending by an earlier mount in this tab, with its key', async () => {
    const id = uid();
    const first = make(() => `__test/flaky?id=${id}`, storageKey);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await first.box.submit({ name: 'Ana', note: 'hip' });
    const key = first.box.entry!.key;
    first.host.disconnect();
    window.fetch = realFetch;

    const second = make(() => `__test/flaky?id=${id}`, storageKey);
    expect(second.box.entry!.body.note).to.equal('hip');
    await until(() => second.box.state === 'sent');
    expect(second.box.result!.idempotencyKey).to.equal(key);
    expect(await count(id)).to.equal(1);
    second.host.disconnect();
  });

  it('a pending submission carries on when its host is disconnected and connected again', async () => {
    const id = uid();
    const { box, host, keysSent } = make(() => `__test/flaky?id=${id}`, storageKey);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await box.submit({ name: 'Ana', note: 'moved' });
    expect(box.state).to.equal('pending-offline');
    host.disconnect();
    window.fetch = realFetch;
    host.connect();
    await until(() => box.state === 'sent');
    expect(new Set(keysSent).size).to.equal(1);
    expect(await count(id)).to.equal(1);
    host.disconnect();
  });

  it('a request on its way is not abandoned when the host leaves the page', async () => {
    const id = uid();
    const { box, host } = make(() => `__test/slow?ms=200&id=${id}`, storageKey);
    const p = box.submit({ name: 'Ana', note: '' });
    host.disconnect();
    await p;
    expect(box.state).to.equal('sent');
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
  });

  it('clear() forgets memory and storage', async () => {
    const { box, host } = make(() => `__test/flaky?id=${uid()}`, storageKey);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await box.submit({ name: 'Ana', note: '' });
    expect(sessionStorage.getItem(storageKey)).to.not.equal(null);
    box.clear();
    expect(box.state).to.equal('idle');
    expect(box.entry).to.equal(undefined);
    expect(sessionStorage.getItem(storageKey)).to.equal(null);
    host.disconnect();
  });
});
