import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '../../../src/core/contract/chat.js';
import { ApiError, ok, type Reply } from '../../http.js';
import { loadStoredProcedure } from '../catalog/queries.js';
import { iso, newToken, sha256 } from '../shared.js';
import type { ClinicRow, Handlers, Streams } from '../types.js';
import type { Queryable } from '../../db/types.js';
import { safeFileName, sniffAttachment } from './attachments.js';
import { answerFaq } from './faq.js';
import { publishChatEvent } from './hub.js';
import {
  conversationForToken,
  getAttachment,
  insertAttachment,
  insertConversation,
  insertMessage,
  listFaq,
  markRead,
  messagesAfter,
  staffOnline,
  visitorUnread,
} from './queries.js';
import { lastEventId, messageStream } from './sse.js';

/** The `status` a visitor sees: open/closed, staff within office hours, unread staff messages. */
async function visitorStatus(db: Queryable, clinic: ClinicRow, conv: { id: string; status: 'open' | 'closed' }, now: Date) {
  return { conversationId: conv.id, status: conv.status, staffOnline: staffOnline(clinic, now), unread: await visitorUnread(db, conv.id) };
}

/** An attachment's bytes: never rendered by the API origin (download, sandboxed, not sniffed, not cached). */
export async function attachmentReply(db: Queryable, clinicId: string, conversationId: string, attachmentId: string): Promise<Reply> {
  const a = await getAttachment(db, clinicId, conversationId, attachmentId);
  return {
    status: 200,
    body: a.data,
    contentType: a.media_type,
    headers: {
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  };
}

/** The visitor side of chat: FAQ, conversations, messages. */
export const chatHandlers: Pick<
  Handlers,
  'listFaq' | 'searchFaq' | 'createConversation' | 'postVisitorMessage' | 'listVisitorMessages' | 'visitorTyping' | 'visitorRead' | 'uploadAttachment' | 'getAttachment'
> = {
  async listFaq({ db, clinic, query }) {
    const locale: string = query.locale ?? clinic.config.defaultLocale;
    return ok({ faq: await listFaq(db, clinic.id, locale) });
  },

  async searchFaq({ db, clinic, query }) {
    // `locale` is the page's; the answer comes in the question's language (and says which).
    return ok(await answerFaq(db, clinic.id, query.locale ?? clinic.config.defaultLocale, query.q));
  },

  async createConversation(ctx) {
    const { db, clinic, body, now } = ctx;
    if (clinic.config.channels.liveChat === false) throw new ApiError(403, 'forbidden', 'This clinic does not offer live chat: use its other channels');
    const id = randomUUID();
    const token = newToken();
    // The page's own country wins; otherwise the request's (proxy header, or browser language as a hint).
    const { countryFrom: _, ...given } = body.context ?? {};
    const context = given.country || !ctx.country ? given : { ...given, country: ctx.country.code, countryFrom: ctx.country.from };
    // The context's procedure must be one the clinic offers (staff open it from the inbox).
    if (context.procedureId && !(await loadStoredProcedure(db, clinic.id, context.procedureId))) {
      throw new ApiError(422, 'unprocessable', 'Unknown procedure', { 'context.procedureId': 'Unknown procedure' });
    }
    // Consent before the first message, to the text the clinic shows now (as for attachments).
    if (body.consent.version !== clinic.config.consent.version) {
      throw new ApiError(422, 'unprocessable', 'Consent to the current privacy notice is required', { 'consent.version': `Expected version ${clinic.config.consent.version}` });
    }
    const messages = await db.transaction(async (tx) => {
      await insertConversation(tx, { id, clinicId: clinic.id, tokenHash: sha256(token), name: body.name ?? null, email: body.email ?? null, locale: body.locale, context, consentVersion: body.consent.version, now });
      return body.message ? [await insertMessage(tx, ctx, id, 'visitor', null, body.message, null, await assistantAnswer(tx, clinic.id, id, body.locale, body.message))] : [];
    });
    return ok({ conversation: { id, status: 'open', locale: body.locale, context, createdAt: iso(now) }, token, messages }, 201);
  },

  async postVisitorMessage(ctx) {
    const c = await conversationForToken(ctx.db, ctx.clinic.id, ctx.params.id, ctx.query.token);
    if (c.status !== 'open') throw new ApiError(409, 'conflict', 'This conversation is closed');
    const faq = ctx.body.assistant === false ? undefined : await assistantAnswer(ctx.db, ctx.clinic.id, c.id, c.locale, ctx.body.body);
    return ok({ message: await insertMessage(ctx.db, ctx, c.id, 'visitor', null, ctx.body.body, null, faq) }, 201);
  },

  async listVisitorMessages({ db, clinic, params, query, now }) {
    const c = await conversationForToken(db, clinic.id, params.id, query.token);
    return ok({ messages: await messagesAfter(db, clinic.id, c.id, query.after ?? '0'), status: await visitorStatus(db, clinic, c, now) });
  },

  async visitorTyping({ db, clinic, params, query, body }) {
    const c = await conversationForToken(db, clinic.id, params.id, query.token);
    await publishChatEvent(db, { type: 'typing', clinicId: clinic.id, conversationId: c.id, author: 'visitor', typing: body.typing });
    return ok({ ok: true });
  },

  async visitorRead({ db, clinic, params, query, body }) {
    const c = await conversationForToken(db, clinic.id, params.id, query.token);
    await markRead(db, clinic.id, c.id, 'visitor', body.lastReadId);
    return ok({ ok: true });
  },

  async uploadAttachment(ctx) {
    const { db, clinic, params, query, now } = ctx;
    const c = await conversationForToken(db, clinic.id, params.id, query.token);
    if (c.status !== 'open') throw new ApiError(409, 'conflict', 'This conversation is closed');
    const data = ctx.file;
    if (!data?.byteLength) throw new ApiError(400, 'invalid_request', 'Send the file as the request body', { file: 'Required' });
    if (data.byteLength > ATTACHMENT_MAX_BYTES) throw new ApiError(413, 'payload_too_large', 'The file is larger than 10 MB');
    const mediaType = sniffAttachment(data);
    if (!mediaType) throw new ApiError(415, 'unsupported_media_type', 'Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be attached');
    if (query.consent !== clinic.config.consent.version) {
      throw new ApiError(422, 'unprocessable', 'Consent to share health records (current version) is required', { consent: `Expected version ${clinic.config.consent.version}` });
    }
    const id = randomUUID();
    const name = safeFileName(query.name, mediaType);
    const message = await db.transaction(async (tx) => {
      await insertAttachment(tx, { id, clinicId: clinic.id, conversationId: c.id, name, mediaType, data, sha256: createHash('sha256').update(data).digest('hex'), consentVersion: query.consent, now });
      return insertMessage(tx, ctx, c.id, 'visitor', null, name, { id, name, mediaType, size: data.byteLength });
    });
    return ok({ message }, 201);
  },

  async getAttachment({ db, clinic, params, query }) {
    const c = await conversationForToken(db, clinic.id, params.id, query.token);
    return attachmentReply(db, clinic.id, c.id, params.attachmentId);
  },
};

/** GET /chat/conversations/:id/events (SSE). EventSource cannot send headers: key and token come in the query. */
export const chatStreams: Pick<Streams, 'conversationEvents'> = {
  async conversationEvents(ctx, deps) {
    const { db, clinic, params, query, now } = ctx;
    const conv = await conversationForToken(db, clinic.id, params.id, query.token);
    const status = await visitorStatus(db, clinic, conv, now);
    return messageStream(db, deps, clinic, conv.id, lastEventId(deps.c, query.lastEventId), { event: 'status', data: status });
  },
};

/**
 * The FAQ assistant's answer to a patient's message (its best entry, in the language the patient
 * wrote in, whatever the conversation's `locale`, or null), stored with the message; undefined once a coordinator has written in the conversation (a person answers then).
 */
async function assistantAnswer(db: Queryable, clinicId: string, conversationId: string, locale: string, question: string) {
  const { rows } = await db.query<{ staff: boolean }>(`SELECT EXISTS (SELECT 1 FROM chat_messages WHERE conversation_id = $1 AND author = 'staff') AS staff`, [conversationId]);
  if (rows[0]?.staff) return undefined;
  const { answers } = await answerFaq(db, clinicId, locale, question, { limit: 1 });
  return answers[0] ?? null;
}
