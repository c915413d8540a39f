import { ok } from '../../http.js';
import { bookingView, type BookingRow } from '../booking/queries.js';
import { assertConversation, insertMessage, listConversations, messagesAfter } from '../chat/queries.js';
import { lastEventId, messageStream } from '../chat/sse.js';
import { feedbackView, type FeedbackRow } from '../feedback/queries.js';
import { leadView, type QuoteRow } from '../quotes/queries.js';
import type { Handlers, Streams } from '../types.js';
import { npsSummary, page } from './queries.js';

type StaffEndpoints = 'staffListConversations' | 'staffListMessages' | 'staffPostMessage' | 'staffListLeads' | 'staffListBookings' | 'staffListFeedback';

/** /staff/*: the clinic's inbox and lists (bearer token decides the clinic). The theme lives in config/. */
export const staffHandlers: Pick<Handlers, StaffEndpoints> = {
  async staffListConversations({ db, clinic }) {
    return ok({ conversations: await listConversations(db, clinic.id) });
  },

  async staffListMessages({ db, clinic, params }) {
    await assertConversation(db, clinic.id, params.id);
    return ok({ messages: await messagesAfter(db, clinic.id, params.id, '0') });
  },

  async staffPostMessage(ctx) {
    await assertConversation(ctx.db, ctx.clinic.id, ctx.params.id);
    return ok({ message: await insertMessage(ctx.db, ctx, ctx.params.id, 'staff', ctx.staff?.name ?? 'Staff', ctx.body.body) }, 201);
  },

  async staffListLeads(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'quotes', ctx, (r: QuoteRow) => leadView(r));
    return ok({ leads: items, nextCursor });
  },

  async staffListBookings(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'bookings', ctx, async (r: BookingRow) => ({
      booking: await bookingView(ctx.db, ctx.clinic, r),
      contact: r.contact,
      notes: r.notes,
      quoteReference: r.quote_reference,
    }));
    return ok({ bookings: items, nextCursor });
  },

  async staffListFeedback(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'feedback', ctx, (r: FeedbackRow) => feedbackView(r));
    return ok({ feedback: items, nextCursor, nps: await npsSummary(ctx.db, ctx.clinic.id) });
  },
};

/** GET /staff/events (SSE): every new message of the clinic, for a live inbox. */
export const staffStreams: Pick<Streams, 'staffEvents'> = {
  async staffEvents(ctx, deps) {
    return messageStream(ctx.db, deps, ctx.clinic, null, lastEventId(deps.c, ctx.query.lastEventId));
  },
};
