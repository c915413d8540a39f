import * as z from 'zod/mini';
import { str } from './checked.js';
import {
  AttributionSchema,
  ContactSchema,
  CurrencyCodeSchema,
  DateTimeSchema,
  LocaleSchema,
  PreferredChannelSchema,
  queryInt,
  UuidSchema,
} from './common.js';
import { BookingSchema } from './booking.js';
import { ChatContextSchema, ChatMessageSchema } from './chat.js';
import { CreateFeedbackBodySchema } from './feedback.js';
import { EstimateSchema, QuoteSelectionSchema } from './quotes.js';

/** Staff endpoints need `Authorization: Bearer <staff token>`; tokens are stored hashed. */
export const StaffListQuerySchema = /* @__PURE__ */ z.object({
  cursor: z.optional(str(z.maxLength(200))),
  limit: z.optional(queryInt(1, 100)),
});

export const LeadSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  reference: z.string(),
  selection: QuoteSelectionSchema,
  currency: CurrencyCodeSchema,
  estimate: EstimateSchema,
  contact: ContactSchema,
  preferredChannel: PreferredChannelSchema,
  travelMonth: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  consentVersion: z.string(),
  locale: LocaleSchema,
  attribution: z.nullable(AttributionSchema),
  createdAt: DateTimeSchema,
});
export type Lead = z.infer<typeof LeadSchema>;
export const StaffLeadsResponseSchema = /* @__PURE__ */ z.object({ leads: z.array(LeadSchema), nextCursor: z.nullable(z.string()) });

export const StaffBookingSchema = /* @__PURE__ */ z.object({
  booking: BookingSchema,
  contact: ContactSchema,
  notes: z.nullable(z.string()),
  quoteReference: z.nullable(z.string()),
});
export const StaffBookingsResponseSchema = /* @__PURE__ */ z.object({
  bookings: z.array(StaffBookingSchema),
  nextCursor: z.nullable(z.string()),
});

export const StaffFeedbackSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  feedback: CreateFeedbackBodySchema,
  createdAt: DateTimeSchema,
});
export const StaffFeedbackResponseSchema = /* @__PURE__ */ z.object({
  feedback: z.array(StaffFeedbackSchema),
  nextCursor: z.nullable(z.string()),
  /** NPS over everything received, −100..100, null when there is nothing yet. */
  nps: z.nullable(z.number()),
});

export const StaffConversationSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  status: z.enum(['open', 'closed']),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  locale: LocaleSchema,
  context: ChatContextSchema,
  lastMessage: z.nullable(ChatMessageSchema),
  updatedAt: DateTimeSchema,
  /** Visitor messages after staff's read marker. */
  unread: z.int(),
  /** Marked handled by staff, and no visitor message since. */
  handled: z.boolean(),
});
/** `event: conversation` on the staff stream (no id): unread count or handled state changed. */
export const StaffConversationEventSchema = /* @__PURE__ */ z.object({ conversationId: UuidSchema, unread: z.int(), handled: z.boolean() });
/** `POST /v1/staff/conversations/:id/handled`. */
export const HandledBodySchema = /* @__PURE__ */ z.object({ handled: z.boolean() });
export const StaffConversationsResponseSchema = /* @__PURE__ */ z.object({ conversations: z.array(StaffConversationSchema) });
export const StaffMessagesResponseSchema = /* @__PURE__ */ z.object({ messages: z.array(ChatMessageSchema) });

/**
 * `GET /v1/staff/events` — `text/event-stream` of every new chat message of the clinic (`event:
 * message`, data = ChatMessage, `id:` = message id), for a live inbox. Authorization header, or
 * `?token=` because EventSource cannot send headers. Resumes after `Last-Event-ID`/`?lastEventId=`.
 */
export const StaffEventsQuerySchema = /* @__PURE__ */ z.object({
  token: z.optional(str(z.minLength(8), z.maxLength(200))),
  lastEventId: z.optional(str(z.regex(/^\d+$/))),
});
