import * as z from 'zod/mini';
import { str } from './checked.js';
import { AttributionSchema, ConsentSchema, CountryCodeSchema, DateTimeSchema, EmailSchema, IdSchema, LocaleSchema, UuidSchema } from './common.js';

export const ChatAuthorSchema = /* @__PURE__ */ z.enum(['visitor', 'staff', 'system']);
export type ChatAuthor = z.infer<typeof ChatAuthorSchema>;

/** What the conversation is about; carried into the hand-off to WhatsApp / email / phone too. */
export const ChatContextSchema = /* @__PURE__ */ z.object({
  quoteReference: z.optional(str(z.maxLength(32))),
  bookingReference: z.optional(str(z.maxLength(32))),
  procedureId: z.optional(IdSchema),
  page: z.optional(str(z.maxLength(2000))),
  /** The patient's country when the page knows it (shown to staff). */
  country: z.optional(CountryCodeSchema),
  /**
   * Set by the server when the page gave no country: `network` (a trusted proxy's geolocation
   * header) or `language` (the region of the browser's language, a hint). Absent: the page's own.
   */
  countryFrom: z.optional(z.enum(['network', 'language'])),
  /** UTM parameters, referrer, agent code (shown to staff). */
  attribution: z.optional(AttributionSchema),
});
export type ChatContext = z.infer<typeof ChatContextSchema>;

/** A file the patient attached (photo or PDF); its bytes are fetched with the conversation or staff token. */
export const ChatAttachmentSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  name: z.string(),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf']),
  size: z.int(),
});
export type ChatAttachment = z.infer<typeof ChatAttachmentSchema>;
/** What attachments may be, checked on the bytes (magic numbers), not on the name or Content-Type. */
export { ATTACHMENT_MAX_BYTES } from '../../shared/attachments.js';

export const FaqAnswerSchema = /* @__PURE__ */ z.object({
  /** The FAQ entry answered from (shown as the source). */
  id: IdSchema,
  question: z.string(),
  answer: z.string(),
  /** The entry's language: the one the patient asked in, which may not be the page's. */
  locale: z.optional(LocaleSchema),
  /** 0..1; only answers above the server's threshold are returned. */
  score: z.number(),
});
export type FaqAnswer = z.infer<typeof FaqAnswerSchema>;

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
    /** Present on a message that carries an attachment (its body is the file name). */
    attachment: z.optional(ChatAttachmentSchema),
    /**
     * The FAQ assistant's answer to this patient message, kept with it so the patient sees it again
     * on the next page and staff see what the patient was told: absent when it was not asked (a
     * coordinator had joined, or the patient asked for a person), null when it had no answer.
     */
    faq: z.optional(z.nullable(FaqAnswerSchema)),
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
    /**
     * The patient's consent to the clinic's processing of what they write (the chat's consent line,
     * the clinic's `consent` text), with the version shown: required, and the clinic's current
     * version (422 otherwise). The server records it with the time, before the first message.
     */
    consent: ConsentSchema,
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
export const PostMessageBodySchema = /* @__PURE__ */ z.object({
  body: MessageText,
  /** `false`: not a question for the FAQ assistant (e.g. "Talk to a person: …"). Default: asked until a coordinator joins. */
  assistant: z.optional(z.boolean()),
});
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
  /** Staff messages after the visitor's read marker (the launcher's badge after a page change). */
  unread: z.optional(z.int()),
});
export type ChatStatusEvent = z.infer<typeof ChatStatusEventSchema>;
/** `event: typing` (no id: not replayed): someone started or stopped typing. */
export const ChatTypingEventSchema = /* @__PURE__ */ z.object({
  conversationId: UuidSchema,
  author: z.enum(['visitor', 'staff']),
  typing: z.boolean(),
});
export type ChatTypingEvent = z.infer<typeof ChatTypingEventSchema>;
export const CHAT_EVENT_TYPES = ['message', 'status', 'typing'] as const;

/** `POST …/typing`: the author started (true) or stopped (false) typing; not stored. */
export const TypingBodySchema = /* @__PURE__ */ z.object({ typing: z.boolean() });
/** `POST …/read`: everything up to this message id has been seen. */
export const ReadBodySchema = /* @__PURE__ */ z.object({ lastReadId: str(z.regex(/^\d{1,18}$/)) });

/** `GET /v1/chat/conversations/:id/messages?token=&after=`: polling fallback when SSE is blocked. */
export const VisitorMessagesQuerySchema = /* @__PURE__ */ z.object({
  token: str(z.minLength(16), z.maxLength(128)),
  after: z.optional(str(z.regex(/^\d{1,18}$/))),
});
export const VisitorMessagesResponseSchema = /* @__PURE__ */ z.object({
  messages: z.array(ChatMessageSchema),
  status: ChatStatusEventSchema,
});

/**
 * `POST /v1/chat/conversations/:id/attachments?token=&consent=&name=`: the raw bytes of one photo
 * (JPEG, PNG, WebP, HEIC) or PDF, at most {@link ATTACHMENT_MAX_BYTES}; `consent` is the version
 * of the consent text to share health records the patient accepted. 413 / 415 otherwise.
 */
export const AttachmentUploadQuerySchema = /* @__PURE__ */ z.object({
  token: str(z.minLength(16), z.maxLength(128)),
  consent: str(z.minLength(1), z.maxLength(64)),
  name: z.optional(str(z.maxLength(200))),
});
export const AttachmentParamsSchema = /* @__PURE__ */ z.object({ id: UuidSchema, attachmentId: UuidSchema });

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

/** `GET /v1/chat/faq/search?q&locale` — the FAQ assistant: entries that answer a question (`locale`: the page's). */
export const FaqSearchQuerySchema = /* @__PURE__ */ z.object({
  q: str(z.trim(), z.minLength(1), z.maxLength(500)),
  locale: z.optional(LocaleSchema),
});
/**
 * `answers` is empty when the FAQ has no answer: the assistant says so and offers a person.
 * `locale` is the language of the answers: the question's (an Arabic question on an English page
 * is answered from the Arabic entries), or the page's when nothing answers.
 */
export const FaqSearchResponseSchema = /* @__PURE__ */ z.object({ locale: LocaleSchema, answers: z.array(FaqAnswerSchema) });
