import type * as z from 'zod/mini';
import { OkSchema } from './common.js';
import { ClinicConfigSchema } from './config.js';
import { BootstrapQuerySchema, BootstrapResponseSchema } from './bootstrap.js';
import {
  CatalogResponseSchema,
  ExchangeRatesSchema,
  ProcedureParamsSchema,
  ProcedureQuerySchema,
  ProcedureResponseSchema,
  ProceduresQuerySchema,
  ProceduresResponseSchema,
} from './catalog.js';
import { CreateQuoteBodySchema, QuoteResponseSchema } from './quotes.js';
import {
  BookingParamsSchema,
  BookingResponseSchema,
  BookingServicesResponseSchema,
  CreateBookingBodySchema,
  CreateBookingResponseSchema,
  DoctorsQuerySchema,
  DoctorsResponseSchema,
  ManageTokenQuerySchema,
  PatchBookingBodySchema,
  HoldBodySchema,
  HoldParamsSchema,
  HoldResponseSchema,
  HoldSessionQuerySchema,
  ServicesQuerySchema,
  SlotsQuerySchema,
  SlotsResponseSchema,
} from './booking.js';
import {
  CreateFeedbackBodySchema,
  CreateImprovementBodySchema,
  CreateInvitationBodySchema,
  CreateInvitationResponseSchema,
  FeedbackResponseSchema,
  ImprovementParamsSchema,
  ImprovementsQuerySchema,
  ImprovementsResponseSchema,
  InvitationParamsSchema,
  InvitationQuerySchema,
  InvitationSchema,
  PatchImprovementBodySchema,
  StaffImprovementResponseSchema,
  StaffStoriesQuerySchema,
  StaffStoriesResponseSchema,
  StaffStoryParamsSchema,
  StaffStoryResponseSchema,
} from './feedback.js';
import { StoriesQuerySchema, StoriesResponseSchema } from './stories.js';
import {
  ChatEventsQuerySchema,
  ChatMessageEventSchema,
  ConversationParamsSchema,
  ConversationTokenQuerySchema,
  CreateConversationBodySchema,
  CreateConversationResponseSchema,
  AttachmentParamsSchema,
  AttachmentUploadQuerySchema,
  ATTACHMENT_MAX_BYTES,
  FaqQuerySchema,
  FaqResponseSchema,
  FaqSearchQuerySchema,
  FaqSearchResponseSchema,
  PostMessageBodySchema,
  PostMessageResponseSchema,
  ReadBodySchema,
  TypingBodySchema,
  VisitorMessagesQuerySchema,
  VisitorMessagesResponseSchema,
} from './chat.js';
import {
  StaffBookingsResponseSchema,
  StaffConversationsResponseSchema,
  StaffFeedbackResponseSchema,
  StaffLeadsResponseSchema,
  StaffListQuerySchema,
  StaffEventsQuerySchema,
  StaffMessagesResponseSchema,
  HandledBodySchema,
} from './staff.js';
import { PutThemeBodySchema, PutThemeResponseSchema } from './theme.js';

type Schema = z.ZodMiniType;

/**
 * One endpoint of /v1. The registry below drives both the OpenAPI generator and the reference
 * server's validation, so the document and the server cannot drift apart. (Browser code should
 * import the domain files, not this registry: it references every schema.)
 */
export interface Endpoint {
  /** OpenAPI operationId. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path under /v1, Hono/Express style params (`/bookings/:id`). */
  path: string;
  summary: string;
  tag: 'config' | 'catalog' | 'quotes' | 'booking' | 'feedback' | 'stories' | 'chat' | 'staff';
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Success status. */
  status: 200 | 201;
  /** JSON response schema; for `sse` the schema of each `message` event's data. */
  response: Schema;
  /**
   * `json` (default), `sse` (text/event-stream), `ics` (text/calendar), `upload` (the request body
   * is a file's raw bytes, at most `maxBytes`; answers JSON) or `file` (answers a file's bytes).
   */
  kind?: 'json' | 'sse' | 'ics' | 'upload' | 'file';
  /** `upload`: the body cap in bytes (instead of the server-wide JSON cap). */
  maxBytes?: number;
  /** Requires an `Idempotency-Key` header (POSTs that create something). */
  idempotent?: boolean;
  /** Requires `Authorization: Bearer <staff token>`. */
  staff?: boolean;
  /** Counted against the per-key+address write rate limit. */
  rateLimited?: boolean;
}

export const endpoints = [
  { id: 'getConfig', method: 'get', path: '/config', tag: 'config', summary: 'Clinic profile: name, time zone, currencies, locales, theme, channels, office hours, privacy URL, consent text', status: 200, response: ClinicConfigSchema },
  { id: 'getBootstrap', method: 'get', path: '/bootstrap', tag: 'config', summary: 'A page\'s first data in one answer: the clinic profile and, per widget named, what its first GETs answer (keyed by path and sorted query), asked for by the loader while the code downloads', query: BootstrapQuerySchema, status: 200, response: BootstrapResponseSchema },
  { id: 'listProcedures', method: 'get', path: '/procedures', tag: 'catalog', summary: 'Procedure catalog with package tiers, itemised components, add-ons and home-country benchmarks', query: ProceduresQuerySchema, status: 200, response: ProceduresResponseSchema },
  { id: 'getCatalog', method: 'get', path: '/catalog', tag: 'catalog', summary: 'The catalog as a first screen needs it: specialties and, per procedure, its name, description and the default package\'s total in each currency the clinic offers (details with GET /procedures/{id})', query: ProceduresQuerySchema, status: 200, response: CatalogResponseSchema },
  { id: 'getProcedure', method: 'get', path: '/procedures/:id', tag: 'catalog', summary: 'One procedure in full: package tiers, itemised components, add-ons, options, lists and home-country benchmarks', params: ProcedureParamsSchema, query: ProcedureQuerySchema, status: 200, response: ProcedureResponseSchema },
  { id: 'getExchangeRates', method: 'get', path: '/exchange-rates', tag: 'catalog', summary: 'Exchange rates (units per one base unit) with their date', status: 200, response: ExchangeRatesSchema },
  { id: 'createQuote', method: 'post', path: '/quotes', tag: 'quotes', summary: 'Turn an estimate into a lead; the server recomputes the price and is authoritative', body: CreateQuoteBodySchema, status: 201, response: QuoteResponseSchema, idempotent: true, rateLimited: true },
  { id: 'listBookingServices', method: 'get', path: '/booking/services', tag: 'booking', summary: 'Consultation types (video, in person, follow-up) with duration, fee and what to prepare', query: ServicesQuerySchema, status: 200, response: BookingServicesResponseSchema },
  { id: 'listDoctors', method: 'get', path: '/booking/doctors', tag: 'booking', summary: 'Doctors with languages spoken, optionally those offering a service', query: DoctorsQuerySchema, status: 200, response: DoctorsResponseSchema },
  { id: 'listSlots', method: 'get', path: '/booking/slots', tag: 'booking', summary: 'Free slots from doctor schedules in the clinic zone minus bookings', query: SlotsQuerySchema, status: 200, response: SlotsResponseSchema },
  { id: 'createHold', method: 'post', path: '/booking/holds', tag: 'booking', summary: 'Hold a slot for a few minutes while the patient fills in the form; 409 slot_taken when booked or held by someone else', body: HoldBodySchema, status: 201, response: HoldResponseSchema, rateLimited: true },
  { id: 'releaseHold', method: 'delete', path: '/booking/holds/:id', tag: 'booking', summary: 'Release a hold early', params: HoldParamsSchema, query: HoldSessionQuerySchema, status: 200, response: OkSchema, rateLimited: true },
  { id: 'createBooking', method: 'post', path: '/bookings', tag: 'booking', summary: 'Book a slot; 409 slot_taken when it is gone (enforced by a database constraint)', body: CreateBookingBodySchema, status: 201, response: CreateBookingResponseSchema, idempotent: true, rateLimited: true },
  { id: 'getBooking', method: 'get', path: '/bookings/:id', tag: 'booking', summary: 'A booking, with its manage token', params: BookingParamsSchema, query: ManageTokenQuerySchema, status: 200, response: BookingResponseSchema },
  { id: 'rescheduleBooking', method: 'patch', path: '/bookings/:id', tag: 'booking', summary: 'Reschedule a booking to another free slot (Idempotency-Key required: a retried move raises the calendar SEQUENCE once); 409 when it is cancelled or already took place', params: BookingParamsSchema, query: ManageTokenQuerySchema, body: PatchBookingBodySchema, status: 200, response: BookingResponseSchema, idempotent: true, rateLimited: true },
  { id: 'cancelBooking', method: 'delete', path: '/bookings/:id', tag: 'booking', summary: 'Cancel a booking (frees the slot)', params: BookingParamsSchema, query: ManageTokenQuerySchema, status: 200, response: BookingResponseSchema, rateLimited: true },
  { id: 'getBookingIcs', method: 'get', path: '/bookings/:id/ics', tag: 'booking', summary: 'The booking as an iCalendar file (text/calendar)', params: BookingParamsSchema, query: ManageTokenQuerySchema, status: 200, response: OkSchema, kind: 'ics' },
  { id: 'createFeedback', method: 'post', path: '/feedback', tag: 'feedback', summary: 'NPS, per-aspect ratings, comment and optional consent to publish as a story', body: CreateFeedbackBodySchema, status: 201, response: FeedbackResponseSchema, idempotent: true, rateLimited: true },
  { id: 'getFeedbackInvitation', method: 'get', path: '/feedback/invitations/:token', tag: 'feedback', summary: 'A feedback invitation: stage, treatment and reference to prefill, and whether it was answered', params: InvitationParamsSchema, query: InvitationQuerySchema, status: 200, response: InvitationSchema },
  { id: 'listImprovements', method: 'get', path: '/improvements', tag: 'feedback', summary: '"You said, we did" improvements', query: ImprovementsQuerySchema, status: 200, response: ImprovementsResponseSchema },
  { id: 'listStories', method: 'get', path: '/stories', tag: 'stories', summary: 'Consented success stories, cursor-paginated', query: StoriesQuerySchema, status: 200, response: StoriesResponseSchema },
  { id: 'listFaq', method: 'get', path: '/chat/faq', tag: 'chat', summary: 'FAQ entries for the chat assistant', query: FaqQuerySchema, status: 200, response: FaqResponseSchema },
  { id: 'createConversation', method: 'post', path: '/chat/conversations', tag: 'chat', summary: 'Open a chat conversation; returns its visitor token', body: CreateConversationBodySchema, status: 201, response: CreateConversationResponseSchema, idempotent: true, rateLimited: true },
  { id: 'postVisitorMessage', method: 'post', path: '/chat/conversations/:id/messages', tag: 'chat', summary: 'Visitor message', params: ConversationParamsSchema, query: ConversationTokenQuerySchema, body: PostMessageBodySchema, status: 201, response: PostMessageResponseSchema, idempotent: true, rateLimited: true },
  { id: 'conversationEvents', method: 'get', path: '/chat/conversations/:id/events', tag: 'chat', summary: 'Server-sent events of a conversation (message, status); resumes after Last-Event-ID', params: ConversationParamsSchema, query: ChatEventsQuerySchema, status: 200, response: ChatMessageEventSchema, kind: 'sse' },
  { id: 'searchFaq', method: 'get', path: '/chat/faq/search', tag: 'chat', summary: 'FAQ assistant: the entries that answer a question, by full-text search in its language plus trigram similarity; empty when none does', query: FaqSearchQuerySchema, status: 200, response: FaqSearchResponseSchema },
  { id: 'listVisitorMessages', method: 'get', path: '/chat/conversations/:id/messages', tag: 'chat', summary: 'Messages after `after` and the conversation status: the polling fallback when SSE is blocked', params: ConversationParamsSchema, query: VisitorMessagesQuerySchema, status: 200, response: VisitorMessagesResponseSchema },
  { id: 'visitorTyping', method: 'post', path: '/chat/conversations/:id/typing', tag: 'chat', summary: 'Visitor typing indicator (not stored; sent to staff as `event: typing`)', params: ConversationParamsSchema, query: ConversationTokenQuerySchema, body: TypingBodySchema, status: 200, response: OkSchema, rateLimited: true },
  { id: 'visitorRead', method: 'post', path: '/chat/conversations/:id/read', tag: 'chat', summary: 'Visitor read marker (clears the launcher badge)', params: ConversationParamsSchema, query: ConversationTokenQuerySchema, body: ReadBodySchema, status: 200, response: OkSchema },
  { id: 'uploadAttachment', method: 'post', path: '/chat/conversations/:id/attachments', tag: 'chat', summary: 'Attach a photo (JPEG, PNG, WebP, HEIC) or PDF, at most 10 MB, after consent to share health records; the type is checked on the bytes (413 / 415 otherwise)', params: ConversationParamsSchema, query: AttachmentUploadQuerySchema, status: 201, response: PostMessageResponseSchema, kind: 'upload', maxBytes: ATTACHMENT_MAX_BYTES, idempotent: true, rateLimited: true },
  { id: 'getAttachment', method: 'get', path: '/chat/conversations/:id/attachments/:attachmentId', tag: 'chat', summary: 'The bytes of an attachment, with the conversation\'s visitor token', params: AttachmentParamsSchema, query: ConversationTokenQuerySchema, status: 200, response: OkSchema, kind: 'file' },
  { id: 'staffListConversations', method: 'get', path: '/staff/conversations', tag: 'staff', summary: 'Conversations, most recent first', status: 200, response: StaffConversationsResponseSchema, staff: true },
  { id: 'staffListMessages', method: 'get', path: '/staff/conversations/:id/messages', tag: 'staff', summary: 'Messages of a conversation', params: ConversationParamsSchema, status: 200, response: StaffMessagesResponseSchema, staff: true },
  { id: 'staffPostMessage', method: 'post', path: '/staff/conversations/:id/messages', tag: 'staff', summary: 'Staff reply, delivered live to the visitor', params: ConversationParamsSchema, body: PostMessageBodySchema, status: 201, response: PostMessageResponseSchema, staff: true },
  { id: 'staffTyping', method: 'post', path: '/staff/conversations/:id/typing', tag: 'staff', summary: 'Staff typing indicator (not stored; sent to the visitor as `event: typing`)', params: ConversationParamsSchema, body: TypingBodySchema, status: 200, response: OkSchema, staff: true },
  { id: 'staffRead', method: 'post', path: '/staff/conversations/:id/read', tag: 'staff', summary: 'Staff read marker (clears the unread count)', params: ConversationParamsSchema, body: ReadBodySchema, status: 200, response: OkSchema, staff: true },
  { id: 'staffHandled', method: 'post', path: '/staff/conversations/:id/handled', tag: 'staff', summary: 'Mark a conversation handled (or not); a new visitor message un-marks it', params: ConversationParamsSchema, body: HandledBodySchema, status: 200, response: OkSchema, staff: true },
  { id: 'staffGetAttachment', method: 'get', path: '/staff/conversations/:id/attachments/:attachmentId', tag: 'staff', summary: 'The bytes of an attachment, for staff', params: AttachmentParamsSchema, status: 200, response: OkSchema, kind: 'file', staff: true },
  { id: 'staffEvents', method: 'get', path: '/staff/events', tag: 'staff', summary: 'Server-sent events: every new chat message of the clinic, for a live inbox; resumes after Last-Event-ID', query: StaffEventsQuerySchema, status: 200, response: ChatMessageEventSchema, kind: 'sse', staff: true },
  { id: 'staffListLeads', method: 'get', path: '/staff/leads', tag: 'staff', summary: 'Quote leads, newest first', query: StaffListQuerySchema, status: 200, response: StaffLeadsResponseSchema, staff: true },
  { id: 'staffListBookings', method: 'get', path: '/staff/bookings', tag: 'staff', summary: 'Bookings, newest first', query: StaffListQuerySchema, status: 200, response: StaffBookingsResponseSchema, staff: true },
  { id: 'staffListFeedback', method: 'get', path: '/staff/feedback', tag: 'staff', summary: 'Feedback, newest first, with NPS', query: StaffListQuerySchema, status: 200, response: StaffFeedbackResponseSchema, staff: true },
  { id: 'staffCreateImprovement', method: 'post', path: '/staff/improvements', tag: 'staff', summary: 'Publish a "you said, we did" improvement: text per language (English required), linked to aspects', body: CreateImprovementBodySchema, status: 201, response: StaffImprovementResponseSchema, staff: true },
  { id: 'staffPatchImprovement', method: 'patch', path: '/staff/improvements/:id', tag: 'staff', summary: 'Change an improvement (texts are merged per language)', params: ImprovementParamsSchema, body: PatchImprovementBodySchema, status: 200, response: StaffImprovementResponseSchema, staff: true },
  { id: 'staffDeleteImprovement', method: 'delete', path: '/staff/improvements/:id', tag: 'staff', summary: 'Withdraw an improvement', params: ImprovementParamsSchema, status: 200, response: StaffImprovementResponseSchema, staff: true },
  { id: 'staffCreateFeedbackInvitation', method: 'post', path: '/staff/feedback-invitations', tag: 'staff', summary: 'Invite a patient (booking or lead) to give feedback: a token and link, valid 90 days, answered once', body: CreateInvitationBodySchema, status: 201, response: CreateInvitationResponseSchema, staff: true },
  { id: 'staffListStories', method: 'get', path: '/staff/stories', tag: 'staff', summary: 'Stories by approval status (pending by default)', query: StaffStoriesQuerySchema, status: 200, response: StaffStoriesResponseSchema, staff: true },
  { id: 'staffApproveStory', method: 'post', path: '/staff/stories/:id/approve', tag: 'staff', summary: 'Approve a story: GET /stories serves it (when consented)', params: StaffStoryParamsSchema, status: 200, response: StaffStoryResponseSchema, staff: true },
  { id: 'staffRejectStory', method: 'post', path: '/staff/stories/:id/reject', tag: 'staff', summary: 'Reject a story: never served', params: StaffStoryParamsSchema, status: 200, response: StaffStoryResponseSchema, staff: true },
  { id: 'staffPutTheme', method: 'put', path: '/staff/theme', tag: 'staff', summary: 'Replace the clinic theme served in /config', body: PutThemeBodySchema, status: 200, response: PutThemeResponseSchema, staff: true },
] as const satisfies readonly Endpoint[];

export type EndpointId = (typeof endpoints)[number]['id'];

/** Look an endpoint up by its operationId. */
export function endpoint(id: EndpointId): Endpoint {
  const e = endpoints.find((x) => x.id === id);
  if (!e) throw new Error(`unknown endpoint ${id}`);
  return e;
}
