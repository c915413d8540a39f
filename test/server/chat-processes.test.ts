// Issue 14: "a staff reply posted to one server instance reaches a patient connected to another
// (two processes on one PostgreSQL)". chat-inbox.test.ts covers two app instances inside one Node
// process; this one starts the reference server (`server/start.ts`) as a real second process on the
// same PostgreSQL database, so the reply can only travel through LISTEN/NOTIFY.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ChatMessageSchema, ChatTypingEventSchema, CreateConversationResponseSchema } from '../../src/core/contract/chat.js';
import { AURORA, STAFF, drivers, key, startServer, type TestServer } from './helpers.js';
import { sseReader, type SseEvent } from './sse-reader.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const postgres = drivers.find((d) => d.name === 'postgres');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** `server/start.ts` on a free loopback port with `DATABASE_URL`; resolves once it answers. */
async function startProcess(databaseUrl: string): Promise<{ base: string; child: ChildProcess; stop(): Promise<void>; log: string[] }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
  if (env.NODE_ENV === 'production') delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  // Whatever happens to this test run, the server does not outlive it.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const stop = async () => {
    process.removeListener('exit', kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const base = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server/start.ts exited (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(`${base}/config?clinic=${AURORA}`)).ok) return { base, child, stop, log };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server/start.ts did not answer within 120 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function nextOf(sse: ReturnType<typeof sseReader>, event: string, timeoutMs = 5000): Promise<SseEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const e = await sse.next(Math.max(1, deadline - Date.now()));
    if (e.event === event) return e;
  }
}

describe('chat across two server processes on one PostgreSQL', () => {
  if (!postgres) {
    it('a staff reply posted to one process reaches a patient connected to another', { skip: 'needs PostgreSQL (TEST_DATABASE_URL, set by `npm run test:server`): PGlite is one process\'s embedded database' }, () => {});
    return;
  }
  let s: TestServer;
  let other: Awaited<ReturnType<typeof startProcess>> | undefined;
  before(async () => {
    s = await startServer(postgres); // process A: this test process (migrated and seeded)
    other = await startProcess(s.url!); // process B: server/start.ts on the same database
  });
  after(async () => {
    await other?.stop();
    await s?.close();
  });

  it('a staff reply (and typing) posted to this process reaches the patient’s SSE stream on the other process', async () => {
    const b = other!;
    assert.notEqual(b.child.pid, process.pid);
    // The patient talks only to process B.
    const created = await fetch(`${b.base}/chat/conversations`, {
      method: 'POST',
      headers: { 'X-PRM-Clinic': AURORA, 'Content-Type': 'application/json', 'Idempotency-Key': key() },
      body: JSON.stringify({ locale: 'en', message: 'Is anyone there?', consent: { accepted: true, version: '2026-09' } }),
    });
    assert.equal(created.status, 201);
    const c = CreateConversationResponseSchema.parse(await created.json());
    const abort = new AbortController();
    const res = await fetch(`${b.base}/chat/conversations/${c.conversation.id}/events?token=${c.token}&clinic=${AURORA}`, { signal: abort.signal });
    assert.equal(res.status, 200);
    const sse = sseReader(res);
    try {
      assert.equal((await nextOf(sse, 'status')).event, 'status');
      assert.equal(ChatMessageSchema.parse(JSON.parse((await nextOf(sse, 'message')).data)).body, 'Is anyone there?');
      // Staff answer through process A (this test process's app, its own pool and LISTEN connection).
      const staff = (path: string, body: unknown) =>
        s.app.request(`/v1/staff/conversations/${c.conversation.id}/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${STAFF}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal((await staff('typing', { typing: true })).status, 200);
      assert.equal(ChatTypingEventSchema.parse(JSON.parse((await nextOf(sse, 'typing')).data)).author, 'staff');
      const posted = await staff('messages', { body: 'Hello from process A' });
      assert.equal(posted.status, 201);
      const m = ChatMessageSchema.parse(JSON.parse((await nextOf(sse, 'message')).data));
      assert.deepEqual([m.author, m.body, m.conversationId], ['staff', 'Hello from process A', c.conversation.id]);
    } finally {
      abort.abort();
      await sse.close().catch(() => {});
    }
  });
});
