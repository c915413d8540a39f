import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { ChatMessageSchema, ChatStatusEventSchema, CreateConversationResponseSchema, PostMessageResponseSchema } from '../../src/core/contract/chat.js';
import { StaffConversationsResponseSchema, StaffMessagesResponseSchema } from '../../src/core/contract/staff.js';
import { AURORA, SECOND, SECOND_STAFF, STAFF, count, drivers, key, startServer, type TestServer } from './helpers.js';
import { sseReader } from './sse-reader.js';


for (const driver of drivers) {
  describe(`chat [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const open = async (message?: string) => {
      const r = await s.request('/v1/chat/conversations', { idem: key(), json: { locale: 'en', name: 'Visitor', context: { quoteReference: 'Q-ABC234' }, consent: { accepted: true, version: '2026-09' }, ...(message ? { message } : {}) } });
      assert.equal(r.status, 201);
      return CreateConversationResponseSchema.parse(await r.json());
    };
    const staffPost = (id: string, body: string, token = STAFF, app = s.app) =>
      app.request(`/v1/staff/conversations/${id}/messages`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ body }) });

    it('a conversation records the patient’s consent (version and time) before its first message; none without it', async () => {
      const conversationsBefore = await count(s.db, 'conversations');
      const body = { locale: 'en', message: 'Do I need a visa?' };
      const missing = await s.request('/v1/chat/conversations', { idem: key(), json: body });
      assert.equal(missing.status, 400);
      const err = (await missing.json()) as { error: { code: string; fields?: Record<string, string> } };
      assert.ok(err.error.fields && Object.keys(err.error.fields).some((f) => f.startsWith('consent')), JSON.stringify(err));
      const stale = await s.request('/v1/chat/conversations', { idem: key(), json: { ...body, consent: { accepted: true, version: '2025-01' } } });
      assert.equal(stale.status, 422);
      assert.match(JSON.stringify(await stale.json()), /2026-09/, 'names the version the clinic shows now');
      const refused = await s.request('/v1/chat/conversations', { idem: key(), json: { ...body, consent: { accepted: false, version: '2026-09' } } });
      assert.equal(refused.status, 400);
      assert.equal(await count(s.db, 'conversations'), conversationsBefore, 'nothing stored for a refused conversation');

      s.clock.now = new Date('2026-11-24T10:07:00Z');
      const c = await open('Do I need a visa?');
      const { rows } = await s.db.query<{ consent_version: string; consented_at: Date; first: Date }>(
        'SELECT c.consent_version, c.consented_at, (SELECT min(created_at) FROM chat_messages m WHERE m.conversation_id = c.id) AS first FROM conversations c WHERE c.id = $1',
        [c.conversation.id],
      );
      assert.equal(rows[0]!.consent_version, '2026-09');
      assert.equal(new Date(rows[0]!.consented_at).toISOString(), '2026-11-24T10:07:00.000Z');
      assert.ok(new Date(rows[0]!.consented_at) <= new Date(rows[0]!.first), 'agreed no later than the first message');
      s.clock.now = new Date('2026-11-24T10:00:00Z');
    });

    it('a clinic without live chat: the profile says so and no conversation can be opened (403); on by default', async () => {
      const cfg = (await (await s.request('/v1/config')).json()) as { channels: Record<string, unknown> };
      assert.equal(cfg.channels['liveChat'], undefined, 'the seed keeps the default: live chat on');
      await s.db.query(`UPDATE clinics SET config = jsonb_set(config, '{channels,liveChat}', 'false') WHERE id = 'aurora'`);
      try {
        const off = (await (await s.request('/v1/config')).json()) as { channels: Record<string, unknown> };
        assert.equal(off.channels['liveChat'], false);
        const before = await count(s.db, 'conversations');
        const r = await s.request('/v1/chat/conversations', { idem: key(), json: { locale: 'en', message: 'Hello', consent: { accepted: true, version: '2026-09' } } });
        assert.equal(r.status, 403);
        assert.match(((await r.json()) as { error: { message: string } }).error.message, /does not offer live chat/);
        assert.equal(await count(s.db, 'conversations'), before);
      } finally {
        await s.db.query(`UPDATE clinics SET config = config #- '{channels,liveChat}' WHERE id = 'aurora'`);
      }
      assert.equal((await s.request('/v1/chat/conversations', { idem: key(), json: { locale: 'en', consent: { accepted: true, version: '2026-09' } } })).status, 201);
    });

    it('visitor opens a conversation, gets the live stream, receives the staff reply; resumes after Last-Event-ID', async () => {
      const c = await open('Hello, is the VIP package available in March?');
      assert.equal(c.messages.length, 1);
      const first = c.messages[0]!;
      const res = await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${c.token}&clinic=${AURORA}`, { key: null });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
      const sse = sseReader(res);
      const status = await sse.next();
      assert.equal(status.event, 'status');
      ChatStatusEventSchema.parse(JSON.parse(status.data));
      const replay = await sse.next();
      assert.equal(replay.event, 'message');
      assert.equal(replay.id, first.id);
      assert.deepEqual(ChatMessageSchema.parse(JSON.parse(replay.data)), first);

      const t0 = performance.now();
      const posted = await staffPost(c.conversation.id, 'Yes, we have availability from 3 March.');
      assert.equal(posted.status, 201);
      const live = await sse.next(3000);
      const ms = Math.round(performance.now() - t0);
      const msg = ChatMessageSchema.parse(JSON.parse(live.data));
      assert.equal(msg.author, 'staff');
      assert.equal(msg.authorName, 'Demo coordinator');
      assert.equal(live.id, msg.id);
      console.log(`  [${driver.name}] staff reply reached the SSE stream in ${ms} ms`);
      await sse.close();

      // Visitor posts while disconnected; reconnecting with Last-Event-ID replays only what was missed.
      const v = await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: 'Great, thanks!' } });
      assert.equal(v.status, 201);
      const mine = PostMessageResponseSchema.parse(await v.json()).message;
      const res2 = await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${c.token}`, { headers: { 'Last-Event-ID': msg.id } });
      const sse2 = sseReader(res2);
      assert.equal((await sse2.next()).event, 'status');
      const missed = await sse2.next();
      assert.equal(missed.id, mine.id);
      await assert.rejects(sse2.next(300), /timed out/);
      await sse2.close();
    });

    it('a message written through another app instance reaches the stream (LISTEN/NOTIFY fan-out)', async () => {
      const c = await open();
      // Second "instance": its own connection pool and LISTEN connection on PostgreSQL.
      const otherDb: Db = driver.name === 'postgres' ? await s.reopen() : s.db;
      const other = createApp({ db: otherDb, logger: false, now: () => s.clock.now });
      try {
        const res = await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${c.token}`);
        const sse = sseReader(res);
        assert.equal((await sse.next()).event, 'status');
        const t0 = performance.now();
        assert.equal((await staffPost(c.conversation.id, 'Hello from instance B', STAFF, other)).status, 201);
        const ev = await sse.next(3000);
        assert.equal(ChatMessageSchema.parse(JSON.parse(ev.data)).body, 'Hello from instance B');
        console.log(`  [${driver.name}] cross-instance fan-out in ${Math.round(performance.now() - t0)} ms`);
        await sse.close();
      } finally {
        await other.chatHub.close();
        if (otherDb !== s.db) await otherDb.close();
      }
    });

    it('staff inbox stream: every new message of the clinic, none of other clinics; token in header or query; resumes', async () => {
      assert.equal((await s.app.request('/v1/staff/events?token=sk_wrong_token')).status, 401);
      const res = await s.app.request(`/v1/staff/events?token=${STAFF}`);
      assert.equal(res.status, 200);
      const sse = sseReader(res);
      assert.equal((await sse.next()).event, 'ready');
      // drain the replay of earlier tests' messages
      let last = '0';
      for (;;) {
        try {
          last = (await sse.next(300)).id ?? last;
        } catch {
          break;
        }
      }
      const a = await open('first visitor');
      const b = await open('second visitor');
      const other = await s.request('/v1/chat/conversations', { key: SECOND, idem: key(), json: { locale: 'de', message: 'andere Klinik', consent: { accepted: true, version: 'sd-1' } } });
      assert.equal(other.status, 201);
      const got = [await sse.next(3000), await sse.next(3000)].map((e) => ChatMessageSchema.parse(JSON.parse(e.data)));
      assert.deepEqual(got.map((m) => m.conversationId).sort(), [a.conversation.id, b.conversation.id].sort());
      await assert.rejects(sse.next(500), /timed out/, 'the other clinic leaked into the stream');
      await sse.close();
      const again = sseReader(await s.app.request('/v1/staff/events', { headers: { Authorization: `Bearer ${STAFF}`, 'Last-Event-ID': last } }));
      assert.equal((await again.next()).event, 'ready');
      assert.deepEqual([(await again.next()).data, (await again.next()).data].map((d) => ChatMessageSchema.parse(JSON.parse(d)).body).sort(), ['first visitor', 'second visitor']);
      await again.close();
    });

    it('tokens and tenants guard conversations', async () => {
      const c = await open('hi');
      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${'x'.repeat(32)}`)).status, 403);
      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${'x'.repeat(32)}`, { idem: key(), json: { body: 'x' } })).status, 403);
      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${c.token}`, { key: SECOND })).status, 404);
      assert.equal((await staffPost(c.conversation.id, 'intruder', SECOND_STAFF)).status, 404);
      const listB = StaffConversationsResponseSchema.parse(await (await s.app.request('/v1/staff/conversations', { headers: { Authorization: `Bearer ${SECOND_STAFF}` } })).json());
      assert.ok(!listB.conversations.some((x) => x.id === c.conversation.id));
      const listA = StaffConversationsResponseSchema.parse(await (await s.app.request('/v1/staff/conversations', { headers: { Authorization: `Bearer ${STAFF}` } })).json());
      const mine = listA.conversations.find((x) => x.id === c.conversation.id)!;
      assert.equal(mine.lastMessage?.body, 'hi');
      assert.equal(mine.context.quoteReference, 'Q-ABC234');
      const msgs = StaffMessagesResponseSchema.parse(await (await s.app.request(`/v1/staff/conversations/${c.conversation.id}/messages`, { headers: { Authorization: `Bearer ${STAFF}` } })).json());
      assert.deepEqual(msgs.messages.map((m) => m.body), ['hi']);
      const empty = await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: '   ' } });
      assert.equal(empty.status, 400);
    });
    it("shows staff where the patient writes from: the page's country, else a trusted proxy's header, else the browser language's region as a hint", async () => {
      const proxied = createApp({ db: s.db, now: () => s.clock.now, logger: false, rateLimit: { max: 1000, windowMs: 60_000 }, countryHeader: 'cf-ipcountry' });
      const create = async (app: typeof s.app, headers: Record<string, string>, context: object = {}) => {
        const r = await app.request('/v1/chat/conversations', { method: 'POST', headers: { 'X-PRM-Clinic': AURORA, 'Idempotency-Key': key(), 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ locale: 'ar', context, consent: { accepted: true, version: '2026-09' } }) });
        assert.equal(r.status, 201);
        return CreateConversationResponseSchema.parse(await r.json()).conversation.id;
      };
      try {
        const cases = [
          // The page knows (and a client cannot claim its answer came from the network).
          [await create(proxied, { 'CF-IPCountry': 'DE', 'Accept-Language': 'ar-SA' }, { country: 'AE', countryFrom: 'network' }), 'AE', undefined],
          // The CDN's geolocation header, when the server is told to trust it.
          [await create(proxied, { 'CF-IPCountry': 'sa', 'Accept-Language': 'ar-EG,ar;q=0.9' }), 'SA', 'network'],
          // The CDN does not know (XX): the browser language's region, marked as a hint.
          [await create(proxied, { 'CF-IPCountry': 'XX', 'Accept-Language': 'ar-EG,ar;q=0.9' }), 'EG', 'language'],
          // Without a configured header the same header is not believed.
          [await create(s.app, { 'CF-IPCountry': 'DE', 'Accept-Language': 'zh-Hant-TW, en;q=0.5' }), 'TW', 'language'],
          // A language without a region says nothing about a country.
          [await create(s.app, { 'Accept-Language': 'ar, en-GB;q=0.8' }), undefined, undefined],
        ] as const;
        const list = StaffConversationsResponseSchema.parse(await (await s.app.request('/v1/staff/conversations', { headers: { Authorization: `Bearer ${STAFF}` } })).json());
        for (const [id, country, from] of cases) {
          const c = list.conversations.find((x) => x.id === id)!;
          assert.deepEqual([c.context.country, c.context.countryFrom], [country, from], id);
        }
      } finally {
        await proxied.chatHub.close();
      }
    });
    it('the FAQ assistant answers a patient message with it, kept in the history and shown to staff, until a coordinator writes', async () => {
      const c = await open();
      const post = async (body: string, extra: object = {}) => {
        const r = await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body, ...extra } });
        assert.equal(r.status, 201);
        return PostMessageResponseSchema.parse(await r.json()).message;
      };
      const visa = await post('Do I need a visa?');
      assert.equal(visa.faq?.id, 'visa', 'answered from the visa entry');
      assert.match(visa.faq!.answer, /e-Visa|visa/i);
      assert.equal((await post('Can I bring my dog?')).faq, null, 'asked, no answer');
      assert.equal((await post('Talk to a person: Can I bring my dog?', { assistant: false })).faq, undefined, 'not asked');
      // The history the patient's next page loads, and the staff inbox, carry the same answers.
      const history = await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`);
      const again = ((await history.json()) as { messages: { id: string; faq?: { id: string } | null }[] }).messages;
      assert.deepEqual(again.map((m) => (m.faq === undefined ? 'none' : (m.faq?.id ?? null))), ['visa', null, 'none']);
      const staff = await s.app.request(`/v1/staff/conversations/${c.conversation.id}/messages`, { headers: { Authorization: `Bearer ${STAFF}` } });
      const seen = StaffMessagesResponseSchema.parse(await staff.json()).messages;
      assert.equal(seen[0]!.faq?.id, 'visa');
      // Once a coordinator has written, a person answers: the assistant is not asked.
      assert.equal((await staffPost(c.conversation.id, 'Hello, I am Ayşe.')).status, 201);
      assert.equal((await post('Do I need a visa?')).faq, undefined);
    });
  });
}
