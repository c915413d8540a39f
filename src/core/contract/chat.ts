import * as z from 'zod/mini';
import { str } from './checked.js';
import { DateTimeSchema, EmailSchema, IdSchema, LocaleSchema, UuidSchema } from './common.js';

export const ChatAuthorSchema = /* @__PURE__ */ z.enum(['visitor', 'staff', 'system']);
export type ChatAuthor = z.infer<typeof ChatAuthorSchema>;

/** What the conversation is about; carried into the hand-off to WhatsApp / email / phone too. */
export const ChatContextSchema = /* @__PURE__ */ z.object({
  quoteReference: z.optional(str(z.maxLength(32))),
  bookingReference: z.optional(str(z.maxLength(32))),
  procedureId: z.optional(IdSchema),
  page: z.optional(str(z.maxLength(2000))),
});
export type ChatContext = z.infer<typeof ChatContextSchema>;

export const ChatMessageSchema = /* @__PURE__ */ z
  .object({
    /** Monotonic per clinic; also the SSE event id (`Last-Event-ID`). */
    id: str(z.regex(/^\d+$/)),
    conversationId: UuidSchema,
    author: ChatAuthorSchema,
    /** Staff member's display name for staff messages. */
    authorName: z.nullable(z.string()),
    body: z.string(),
    createdAt: DateTimeSchema,
  });
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ConversationSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  status: z.enum(['open', 'closed']),
  locale: LocaleSchema,
  context: ChatContextSchema,
  createdAt: DateTimeSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

const MessageText = /* @__PURE__ */ str(z.trim(), z.minLength(1), z.maxLength(2000));

/** `POST /v1/chat/conversations`: opens a conversation (optionally with its first message). */
export const CreateConversationBodySchema = /* @__PURE__ */ z
  .object({
    locale: LocaleSchema,
    name: z.optional(str(z.maxLength(200))),
    /** Needed for "leave a message" when nobody is online. */
    email: z.optional(EmailSchema),
    context: z.optional(ChatContextSchema),
    message: z.optional(MessageText),
  });
export type CreateConversationBody = z.infer<typeof CreateConversationBodySchema>;

export const CreateConversationResponseSchema = /* @__PURE__ */ z.object({
  conversation: ConversationSchema,
  /** Visitor token for this conversation: `?token=` on messages and events. Keep it in memory. */
  token: z.string(),
  messages: z.array(ChatMessageSchema),
});
export type CreateConversationResponse = z.infer<typeof CreateConversationResponseSchema>;

export const ConversationParamsSchema = /* @__PURE__ */ z.object({ id: UuidSchema });
export const ConversationTokenQuerySchema = /* @__PURE__ */ z.object({ token: str(z.minLength(16), z.maxLength(128)) });

/** `POST /v1/chat/conversations/:id/messages?token=` and the staff equivalent. */
export const PostMessageBodySchema = /* @__PURE__ */ z.object({ body: MessageText });
export type PostMessageBody = z.infer<typeof PostMessageBodySchema>;
export const PostMessageResponseSchema = /* @__PURE__ */ z.object({ message: ChatMessageSchema });

/**
 * `GET /v1/chat/conversations/:id/events?token=&clinic=` — `text/event-stream`. EventSource cannot
 * send headers, so the clinic key and token travel in the query. Each event has `id:` = message id;
 * reconnecting with `Last-Event-ID` (or `?lastEventId=`) replays what was missed.
 *
 * - `event: message`, data = {@link ChatMessage}
 * - `event: status`, data = {@link ChatStatusEvent}
 * - comment lines (`: ping`) every 15 s keep proxies from closing the stream.
 */
export const ChatEventsQuerySchema = /* @__PURE__ */ z.object({
  token: str(z.minLength(16), z.maxLength(128)),
  lastEventId: z.optional(str(z.regex(/^\d+$/))),
});
export const ChatMessageEventSchema = ChatMessageSchema;
export const ChatStatusEventSchema = /* @__PURE__ */ z.object({
  conversationId: UuidSchema,
  status: z.enum(['open', 'closed']),
  /** Whether staff are within office hours right now. */
  staffOnline: z.boolean(),
});
export type ChatStatusEvent = z.infer<typeof ChatStatusEventSchema>;
export const CHAT_EVENT_TYPES = ['message', 'status'] as const;

/** `GET /v1/chat/faq?locale` — entries for the FAQ assistant. */
export const FaqQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const FaqEntrySchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;
export const FaqResponseSchema = /* @__PURE__ */ z.object({ faq: z.array(FaqEntrySchema) });
