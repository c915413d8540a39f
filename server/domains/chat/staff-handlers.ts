import { ok } from '../../http.js';
import type { Handlers } from '../types.js';
import { attachmentReply } from './handlers.js';
import { publishChatEvent } from './hub.js';
import { assertConversation, markRead, setHandled } from './queries.js';

/** The staff side of chat beyond list / read / reply (which live in the staff domain). */
export const chatStaffHandlers: Pick<Handlers, 'staffTyping' | 'staffRead' | 'staffHandled' | 'staffGetAttachment'> = {
  async staffTyping({ db, clinic, params, body }) {
    await assertConversation(db, clinic.id, params.id);
    await publishChatEvent(db, { type: 'typing', clinicId: clinic.id, conversationId: params.id, author: 'staff', typing: body.typing });
    return ok({ ok: true });
  },

  async staffRead({ db, clinic, params, body }) {
    await assertConversation(db, clinic.id, params.id);
    await markRead(db, clinic.id, params.id, 'staff', body.lastReadId);
    await publishChatEvent(db, { type: 'conversation', clinicId: clinic.id, conversationId: params.id });
    return ok({ ok: true });
  },

  async staffHandled({ db, clinic, params, body, now }) {
    await assertConversation(db, clinic.id, params.id);
    await setHandled(db, clinic.id, params.id, body.handled, now);
    await publishChatEvent(db, { type: 'conversation', clinicId: clinic.id, conversationId: params.id });
    return ok({ ok: true });
  },

  async staffGetAttachment({ db, clinic, params }) {
    await assertConversation(db, clinic.id, params.id);
    return attachmentReply(db, clinic.id, params.id, params.attachmentId);
  },
};
