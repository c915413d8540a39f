import { randomUUID } from 'node:crypto';
import { ApiError, ok } from '../../http.js';
import { iso, newToken, sha256 } from '../shared.js';
import type { Handlers, Streams } from '../types.js';
import { conversationForToken, insertConversation, insertMessage, listFaq, staffOnline } from './queries.js';
import { lastEventId, messageStream } from './sse.js';

/** The visitor side of chat: FAQ, conversations, messages. */
export const chatHandlers: Pick<Handlers, 'listFaq' | 'createConversation' | 'postVisitorMessage'> = {
  async listFaq({ db, clinic, query }) {
    const locale: string = query.locale ?? clinic.config.defaultLocale;
    return ok({ faq: await listFaq(db, clinic.id, locale) });
  },

  async createConversation(ctx) {
    const { db, clinic, body, now } = ctx;
    const id = randomUUID();
    const token = newToken();
    const context = body.context ?? {};
    const messages = await db.transaction(async (tx) => {
      await insertConversation(tx, { id, clinicId: clinic.id, tokenHash: sha256(token), name: body.name ?? null, email: body.email ?? null, locale: body.locale, context, now });
      return body.message ? [await insertMessage(tx, ctx, id, 'visitor', null, body.message)] : [];
    });
    return ok({ conversation: { id, status: 'open', locale: body.locale, context, createdAt: iso(now) }, token, messages }, 201);
  },

  async postVisitorMessage(ctx) {
    const c = await conversationForToken(ctx.db, ctx.clinic.id, ctx.params.id, ctx.query.token);
    if (c.status !== 'open') throw new ApiError(409, 'conflict', 'This conversation is closed');
    return ok({ message: await insertMessage(ctx.db, ctx, c.id, 'visitor', null, ctx.body.body) }, 201);
  },
};

/** GET /chat/conversations/:id/events (SSE). EventSource cannot send headers: key and token come in the query. */
export const chatStreams: Pick<Streams, 'conversationEvents'> = {
  async conversationEvents(ctx, deps) {
    const { db, clinic, params, query, now } = ctx;
    const conv = await conversationForToken(db, clinic.id, params.id, query.token);
    const status = { conversationId: conv.id, status: conv.status, staffOnline: staffOnline(clinic, now) };
    return messageStream(db, deps, clinic, conv.id, lastEventId(deps.c, query.lastEventId), { event: 'status', data: status });
  },
};
