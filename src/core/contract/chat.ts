import * as z from 'zod/mini';
import { DateTimeSchema, IdSchema, LocaleSchema, UuidSchema } from './common.js';

export const ChatAuthorSchema = z.enum(['visitor', 'staff', 'system']);
export type ChatAuthor = z.infer<typeof ChatAuthorSchema>;

/** What the conversation is about; carried into the hand-off to WhatsApp / email / phone too. */
export const ChatContextSchema = z.object({
  quoteReference: z.optional(z.string().check(z.maxLength(32))),
  bookingReference: z.optional(z.string().check(z.maxLength(32))),
  procedureId: z.optional(IdSchema),
  page: z.optional(z.string().check(z.maxLength(2000))),
});
export type ChatContext = z.infer<typeof ChatContextSchema>;

export const ChatMessageSchema = z
  .object({
    /** Monotonic per clinic; also the SSE event id (`Last-Event-ID`). */
    id: z.string().check(z.regex(/^\d+$/)),
    conversationId: UuidSchema,
    author: ChatAuthorSchema,
    /** Staff member's display name for staff messages. */
    authorName: z.nullable(z.string()),
    body: z.string(),
    createdAt: DateTimeSchema,
  })
  .check(z.meta({ id: 'ChatMessage' }));
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ConversationSchema = z.object({
  id: UuidSchema,
  status: z.enum(['open', 'closed']),
  locale: LocaleSchema,
  context: ChatContextSchema,
  createdAt: DateTimeSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

const MessageText = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** `POST /v1/chat/conversations`: opens a conversation (optionally with its first message). */
export const CreateConversationBodySchema = z
  .object({
    locale: LocaleSchema,
    name: z.optional(z.string().check(z.maxLength(200))),
    /** Needed for "leave a message" when nobody is online. */
    email: z.optional(z.email()),
    context: z.optional(ChatContextSchema),
    message: z.optional(MessageText),
  })
  .check(z.meta({ id: 'CreateConversationBody' }));
export type CreateConversationBody = z.infer<typeof CreateConversationBodySchema>;

export const CreateConversationResponseSchema = z.object({
  conversation: ConversationSchema,
  /** Visitor token for this conversation: `?token=` on messages and events. Keep it in memory. */
  token: z.string(),
  messages: z.array(ChatMessageSchema),
});
export type CreateConversationResponse = z.infer<typeof CreateConversationResponseSchema>;

export const ConversationParamsSchema = z.object({ id: UuidSchema });
export const ConversationTokenQuerySchema = z.object({ token: z.string().check(z.minLength(16), z.maxLength(128)) });

/** `POST /v1/chat/conversations/:id/messages?token=` and the staff equivalent. */
export const PostMessageBodySchema = z.object({ body: MessageText });
export type PostMessageBody = z.infer<typeof PostMessageBodySchema>;
export const PostMessageResponseSchema = z.object({ message: ChatMessageSchema });

/**
 * `GET /v1/chat/conversations/:id/events?token=&clinic=` — `text/event-stream`. EventSource cannot
 * send headers, so the clinic key and token travel in the query. Each event has `id:` = message id;
 * reconnecting with `Last-Event-ID` (or `?lastEventId=`) replays what was missed.
 *
 * - `event: message`, data = {@link ChatMessage}
 * - `event: status`, data = {@link ChatStatusEvent}
 * - comment lines (`: ping`) every 15 s keep proxies from closing the stream.
 */
export const ChatEventsQuerySchema = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(128)),
  lastEventId: z.optional(z.string().check(z.regex(/^\d+$/))),
});
export const ChatMessageEventSchema = ChatMessageSchema;
export const ChatStatusEventSchema = z.object({
  conversationId: UuidSchema,
  status: z.enum(['open', 'closed']),
  /** Whether staff are within office hours right now. */
  staffOnline: z.boolean(),
});
export type ChatStatusEvent = z.infer<typeof ChatStatusEventSchema>;
export const CHAT_EVENT_TYPES = ['message', 'status'] as const;

/** `GET /v1/chat/faq?locale` — entries for the FAQ assistant. */
export const FaqQuerySchema = z.object({ locale: z.optional(LocaleSchema) });
export const FaqEntrySchema = z.object({
  id: IdSchema,
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;
export const FaqResponseSchema = z.object({ faq: z.array(FaqEntrySchema) });
