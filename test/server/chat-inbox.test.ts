import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import {
  ChatMessageSchema,
  ChatStatusEventSchema,
  ChatTypingEventSchema,
  CreateConversationResponseSchema,
  FaqSearchResponseSchema,
  PostMessageResponseSchema,
  VisitorMessagesResponseSchema,
} from '../../src/core/contract/chat.js';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { StaffConversationEventSchema, StaffConversationsResponseSchema } from '../../src/core/contract/staff.js';
import { AURORA, SECOND, SECOND_STAFF, STAFF, drivers, key, startServer, type TestServer } from './helpers.js';
import { sseReader, type SseEvent } from './sse-reader.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML_AS_PDF = new TextEncoder().encode('<html><script>alert(1)</script></html>');

/** Next event of one type (and matching `where`), skipping others (e.g. typing while waiting for a message). */
async function nextOf(sse: ReturnType<typeof sseReader>, event: string, timeoutMs = 3000, where: (data: Record<string, unknown>) => boolean = () => true): Promise<SseEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const e = await sse.next(Math.max(1, deadline - Date.now()));
    if (e.event === event && where(JSON.parse(e.data) as Record<string, unknown>)) return e;
  }
}

for (const driver of drivers) {
  describe(`chat inbox, typing, unread, attachments, FAQ endpoint [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const staff = (path: string, init: RequestInit & { json?: unknown } = {}, token = STAFF, app = s.app) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      if (init.json !== undefined) headers.set('Content-Type', 'application/json');
      return Promise.resolve(app.request(`/v1${path}`, { ...init, headers, ...(init.json !== undefined ? { method: init.method ?? 'POST', body: JSON.stringify(init.json) } : {}) }));
    };
    const open = async (message?: string) => {
      const r = await s.request('/v1/chat/conversations', { idem: key(), json: { locale: 'en', name: 'Visitor', context: { quoteReference: 'Q-ABC234', country: 'GB', attribution: { source: 'newsletter' } }, consent: { accepted: true, version: '2026-09' }, ...(message ? { message } : {}) } });
      assert.equal(r.status, 201);
      return CreateConversationResponseSchema.parse(await r.json());
    };
    const visitorEvents = async (c: { conversation: { id: string }; token: string }, lastEventId?: string) => {
      const res = await s.request(`/v1/chat/conversations/${c.conversation.id}/events?token=${c.token}`, lastEventId ? { headers: { 'Last-Event-ID': lastEventId } } : {});
      assert.equal(res.status, 200);
      const sse = sseReader(res);
      const status = await sse.next();
      assert.equal(status.event, 'status');
      return { sse, status: ChatStatusEventSchema.parse(JSON.parse(status.data)) };
    };
    const upload = (c: { conversation: { id: string }; token: string }, bytes: Uint8Array, q = 'consent=2026-09&name=xray.png', idem = key()) =>
      s.request(`/v1/chat/conversations/${c.conversation.id}/attachments?token=${c.token}&${q}`, { method: 'POST', body: new Blob([bytes as Uint8Array<ArrayBuffer>]), headers: { 'Content-Type': 'application/octet-stream', 'Idempotency-Key': idem } });
    const inbox = async (token = STAFF) => StaffConversationsResponseSchema.parse(await (await staff('/staff/conversations', {}, token)).json()).conversations;

    it('FAQ endpoint: answers in the question’s language with its source entry; "no answer" is an empty list, not a guess', async () => {
      const en = FaqSearchResponseSchema.parse(await (await s.request('/v1/chat/faq/search?q=do%20i%20need%20a%20vissa&locale=en')).json());
      assert.equal(en.answers[0]?.id, 'visa');
      const ar = FaqSearchResponseSchema.parse(await (await s.request(`/v1/chat/faq/search?q=${encodeURIComponent('هل يوجد مترجم')}&locale=ar`)).json());
      assert.equal(ar.answers[0]?.id, 'interpreter');
      assert.match(ar.answers[0]!.answer, /مترجم/);
      const none = FaqSearchResponseSchema.parse(await (await s.request('/v1/chat/faq/search?q=Can%20I%20bring%20my%20dog%3F&locale=en')).json());
      assert.deepEqual(none.answers, []);
      assert.equal((await s.request('/v1/chat/faq/search?q=%20%20&locale=en')).status, 400);
    });

    it('typing travels both ways and is not replayed; staff sees context, country and attribution', async () => {
      const c = await open('Hello');
      const { sse } = await visitorEvents(c);
      await nextOf(sse, 'message');
      const staffStream = sseReader(await staff('/staff/events?lastEventId=999999999'));
      assert.equal((await staffStream.next()).event, 'ready');

      assert.equal((await staff(`/staff/conversations/${c.conversation.id}/typing`, { json: { typing: true } })).status, 200);
      const t = ChatTypingEventSchema.parse(JSON.parse((await nextOf(sse, 'typing')).data));
      assert.deepEqual(t, { conversationId: c.conversation.id, author: 'staff', typing: true });

      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/typing?token=${c.token}`, { json: { typing: true } })).status, 200);
      const v = ChatTypingEventSchema.parse(JSON.parse((await nextOf(staffStream, 'typing', 3000, (d) => d['author'] === 'visitor')).data));
      assert.equal(v.author, 'visitor');
      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/typing?token=${'x'.repeat(32)}`, { json: { typing: true } })).status, 403);
      await sse.close();
      await staffStream.close();

      // A reconnect replays messages only: no stale "typing…".
      const again = await visitorEvents(c, '0');
      assert.equal((await again.sse.next()).event, 'message');
      await assert.rejects(again.sse.next(300), /timed out/);
      await again.sse.close();

      const row = (await inbox()).find((x) => x.id === c.conversation.id)!;
      assert.equal(row.context.country, 'GB');
      assert.equal(row.context.attribution?.source, 'newsletter');
      assert.equal(row.context.quoteReference, 'Q-ABC234');
    });

    it('unread counts on both sides, read markers, marking handled; a new visitor message un-handles', async () => {
      const c = await open('First question');
      const second = PostMessageResponseSchema.parse(await (await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: 'Second question' } })).json()).message;
      let row = (await inbox()).find((x) => x.id === c.conversation.id)!;
      assert.deepEqual([row.unread, row.handled], [2, false]);

      const staffStream = sseReader(await staff('/staff/events?lastEventId=999999999'));
      assert.equal((await staffStream.next()).event, 'ready');
      assert.equal((await staff(`/staff/conversations/${c.conversation.id}/read`, { json: { lastReadId: second.id } })).status, 200);
      assert.deepEqual(StaffConversationEventSchema.parse(JSON.parse((await nextOf(staffStream, 'conversation')).data)), { conversationId: c.conversation.id, unread: 0, handled: false });
      // A late marker from another tab never raises the count again.
      await staff(`/staff/conversations/${c.conversation.id}/read`, { json: { lastReadId: '1' } });
      assert.equal(StaffConversationEventSchema.parse(JSON.parse((await nextOf(staffStream, 'conversation')).data)).unread, 0);
      assert.equal((await inbox()).find((x) => x.id === c.conversation.id)!.unread, 0);

      const reply = PostMessageResponseSchema.parse(await (await staff(`/staff/conversations/${c.conversation.id}/messages`, { json: { body: 'Answer' } })).json()).message;
      assert.equal((await staff(`/staff/conversations/${c.conversation.id}/handled`, { json: { handled: true } })).status, 200);
      assert.equal(StaffConversationEventSchema.parse(JSON.parse((await nextOf(staffStream, 'conversation')).data)).handled, true);
      row = (await inbox()).find((x) => x.id === c.conversation.id)!;
      assert.deepEqual([row.unread, row.handled], [0, true]);

      // Visitor side: the staff reply is unread until the visitor marks it read (badge after a page change).
      const { sse, status } = await visitorEvents(c);
      assert.equal(status.unread, 1);
      await sse.close();
      assert.equal((await s.request(`/v1/chat/conversations/${c.conversation.id}/read?token=${c.token}`, { json: { lastReadId: reply.id } })).status, 200);
      const polled = VisitorMessagesResponseSchema.parse(await (await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}&after=${second.id}`)).json());
      assert.equal(polled.status.unread, 0);
      assert.deepEqual(polled.messages.map((m) => m.body), ['Answer'], 'polling fallback returns what came after `after`');

      await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: 'One more thing' } });
      row = (await inbox()).find((x) => x.id === c.conversation.id)!;
      assert.deepEqual([row.unread, row.handled], [1, false]);
      assert.equal((await staff(`/staff/conversations/${c.conversation.id}/handled`, { json: { handled: true } }, SECOND_STAFF)).status, 404);
      await staffStream.close();
    });

    it('an SSE drop mid-conversation resumes after Last-Event-ID with every missed message once, in order', async () => {
      const c = await open();
      const { sse } = await visitorEvents(c);
      const seen: string[] = [];
      for (let i = 1; i <= 3; i++) {
        await staff(`/staff/conversations/${c.conversation.id}/messages`, { json: { body: `live ${i}` } });
        const m = ChatMessageSchema.parse(JSON.parse((await nextOf(sse, 'message')).data));
        seen.push(m.body);
      }
      const lastId = (await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`).then((r) => r.json()) as { messages: { id: string }[] }).messages.at(-1)!.id;
      await sse.close(); // the phone locks; the connection drops
      // Enough to cross from one-digit to two-digit ids whatever ran before (ids once sorted as text).
      const AWAY = 15;
      for (let i = 4; i <= AWAY; i++) {
        if (i % 2) await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: `visitor ${i}` } });
        else await staff(`/staff/conversations/${c.conversation.id}/messages`, { json: { body: `while away ${i}` } });
      }
      const again = await visitorEvents(c, lastId);
      for (let i = 4; i <= AWAY; i++) {
        const e = await nextOf(again.sse, 'message');
        seen.push(ChatMessageSchema.parse(JSON.parse(e.data)).body);
      }
      await staff(`/staff/conversations/${c.conversation.id}/messages`, { json: { body: 'live again' } });
      seen.push(ChatMessageSchema.parse(JSON.parse((await nextOf(again.sse, 'message')).data)).body);
      await assert.rejects(nextOf(again.sse, 'message', 300), /timed out/, 'a duplicate arrived');
      await again.sse.close();
      const away = Array.from({ length: AWAY - 3 }, (_, k) => (k % 2 ? `visitor ${k + 4}` : `while away ${k + 4}`));
      assert.deepEqual(seen, ['live 1', 'live 2', 'live 3', ...away, 'live again']);
    });

    it('a staff reply and typing posted through another instance reach the patient’s stream (LISTEN/NOTIFY)', async () => {
      const c = await open('Anyone there?');
      const otherDb: Db = driver.name === 'postgres' ? await s.reopen() : s.db;
      const other = createApp({ db: otherDb, logger: false, now: () => s.clock.now });
      try {
        const { sse } = await visitorEvents(c);
        await nextOf(sse, 'message');
        await staff(`/staff/conversations/${c.conversation.id}/typing`, { json: { typing: true } }, STAFF, other);
        assert.equal(ChatTypingEventSchema.parse(JSON.parse((await nextOf(sse, 'typing')).data)).author, 'staff');
        await staff(`/staff/conversations/${c.conversation.id}/messages`, { json: { body: 'From instance B' } }, STAFF, other);
        assert.equal(ChatMessageSchema.parse(JSON.parse((await nextOf(sse, 'message')).data)).body, 'From instance B');
        await sse.close();
      } finally {
        await other.chatHub.close();
        if (otherDb !== s.db) await otherDb.close();
      }
    });

    it('attachments: photo or PDF after consent, checked on the bytes, readable only with the conversation or a staff token', async () => {
      const c = await open('I have an X-ray');
      const other = await open('someone else');
      const r = await upload(c, PNG);
      assert.equal(r.status, 201);
      const msg = PostMessageResponseSchema.parse(await r.json()).message;
      assert.deepEqual(msg.attachment && { name: msg.attachment.name, mediaType: msg.attachment.mediaType, size: msg.attachment.size }, { name: 'xray.png', mediaType: 'image/png', size: PNG.byteLength });
      const path = `/v1/chat/conversations/${c.conversation.id}/attachments/${msg.attachment!.id}`;

      const mine = await s.request(`${path}?token=${c.token}`);
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('content-type'), 'image/png');
      assert.equal(mine.headers.get('x-content-type-options'), 'nosniff');
      assert.match(mine.headers.get('content-disposition') ?? '', /^attachment/);
      assert.deepEqual(new Uint8Array(await mine.arrayBuffer()), PNG);
      assert.equal((await s.request(`${path}?token=${other.token}`)).status, 403, 'another conversation’s token');
      assert.equal((await s.request(`${path}?token=${c.token}`, { key: SECOND })).status, 404, 'another clinic');
      const st = await staff(`/staff/conversations/${c.conversation.id}/attachments/${msg.attachment!.id}`);
      assert.equal(st.status, 200);
      assert.deepEqual(new Uint8Array(await st.arrayBuffer()), PNG);
      assert.equal((await staff(`/staff/conversations/${c.conversation.id}/attachments/${msg.attachment!.id}`, {}, SECOND_STAFF)).status, 404);
      assert.equal((await s.app.request(`/v1/staff/conversations/${c.conversation.id}/attachments/${msg.attachment!.id}`)).status, 401);

      const pdf = await upload(c, PDF, 'consent=2026-09&name=..%2F..%2Freport.pdf');
      assert.equal(pdf.status, 201);
      assert.equal(PostMessageResponseSchema.parse(await pdf.json()).message.attachment?.name, 'report.pdf');

      // Same Idempotency-Key: the first answer, no second file.
      const idem = key();
      const a1 = PostMessageResponseSchema.parse(await (await upload(c, PDF, 'consent=2026-09&name=a.pdf', idem)).json());
      const a2 = await upload(c, PDF, 'consent=2026-09&name=a.pdf', idem);
      assert.equal(a2.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(PostMessageResponseSchema.parse(await a2.json()), a1);
      const { rows } = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_attachments WHERE conversation_id = $1', [c.conversation.id]);
      assert.equal(rows[0]!.n, 3);
    });

    it('attachment refusals say why, in the contract’s error shape: type by content 415, over 10 MB 413, no consent 400/422', async () => {
      const c = await open();
      const html = await upload(c, HTML_AS_PDF, 'consent=2026-09&name=scan.pdf');
      assert.equal(html.status, 415);
      const e415 = ErrorBodySchema.parse(await html.json());
      assert.equal(e415.error.code, 'unsupported_media_type');
      assert.match(e415.error.message, /JPEG.*PDF/);

      const big = new Uint8Array(10 * 1024 * 1024 + 1);
      big.set(PNG);
      const tooBig = await upload(c, big);
      assert.equal(tooBig.status, 413);
      assert.equal(ErrorBodySchema.parse(await tooBig.json()).error.code, 'payload_too_large');
      const atLimit = new Uint8Array(10 * 1024 * 1024);
      atLimit.set(PNG);
      assert.equal((await upload(c, atLimit)).status, 201, 'exactly 10 MB is allowed');

      const noConsent = await upload(c, PNG, 'name=x.png');
      assert.equal(noConsent.status, 400);
      assert.ok(ErrorBodySchema.parse(await noConsent.json()).error.fields?.['consent']);
      const oldConsent = await upload(c, PNG, 'consent=2020-01');
      assert.equal(oldConsent.status, 422);
      assert.equal((await upload(c, new Uint8Array(0))).status, 400);
      // The JSON cap still holds everywhere else.
      const huge = await s.request(`/v1/chat/conversations/${c.conversation.id}/messages?token=${c.token}`, { idem: key(), json: { body: 'x'.repeat(70_000) } });
      assert.equal(huge.status, 413);
      const { rows } = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_attachments WHERE conversation_id = $1', [c.conversation.id]);
      assert.equal(rows[0]!.n, 1);
    });
  });
}
void AURORA;
