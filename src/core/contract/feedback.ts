import * as z from 'zod/mini';
import { str, int, list } from './checked.js';
import {
  AttributionSchema,
  ConsentSchema,
  DateSchema,
  DateTimeSchema,
  HttpUrlSchema,
  IdSchema,
  LocaleSchema,
  PatientTextSchema,
  UuidSchema,
} from './common.js';

// The aspects, stages and the config part live in config.ts: the clinic config is in the shared
// runtime, and importing this module from there would split it into a chunk of its own.
export { FeedbackAspectSchema, FeedbackStageSchema, FeedbackConfigSchema } from './config.js';
export type { FeedbackAspect, FeedbackStage, FeedbackConfig } from './config.js';
import { FeedbackAspectSchema, FeedbackStageSchema } from './config.js';

/** A feedback invitation's token (base64url, from `POST /v1/staff/feedback-invitations`). */
export const InvitationTokenSchema = /* @__PURE__ */ str(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** `POST /v1/feedback` (Idempotency-Key required). */
export const CreateFeedbackBodySchema = /* @__PURE__ */ z
  .object({
    nps: int(z.minimum(0), z.maximum(10)),
    /** 1–5 per aspect, any subset. */
    ratings: z.partialRecord(FeedbackAspectSchema, int(z.minimum(1), z.maximum(5))),
    comment: z.optional(PatientTextSchema),
    procedureId: z.optional(IdSchema),
    /** Booking or quote reference, when the patient came from one. */
    reference: z.optional(str(z.maxLength(32))),
    stage: z.optional(FeedbackStageSchema),
    /** When the treatment took place (or is planned), if the patient says. */
    treatmentDate: z.optional(DateSchema),
    /** The invitation token: an invitation accepts one answer; a second submit gets the first one back. */
    invitation: z.optional(InvitationTokenSchema),
    /** Consent to publish the comment as a story (display name + country only), with the text version shown. */
    publishConsent: z.optional(ConsentSchema),
    displayName: z.optional(str(z.maxLength(80))),
    country: z.optional(str(z.regex(/^[A-Z]{2}$/))),
    locale: LocaleSchema,
    attribution: z.optional(AttributionSchema),
  });
export type CreateFeedbackBody = z.infer<typeof CreateFeedbackBodySchema>;

export const FeedbackResponseSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  createdAt: DateTimeSchema,
  /** Whether the comment was queued for staff approval as a story. */
  storyPending: z.boolean(),
  /**
   * `true` when this request's answer was not stored: its invitation had been answered already
   * (another tab, another device) and this is that first answer, replayed. Absent otherwise, and
   * absent on a replay of the same Idempotency-Key (that is this request's own answer).
   */
  alreadyAnswered: z.optional(z.literal(true)),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;

/** `GET /v1/improvements?locale`: "you said, we did", in the patient's language. */
export const ImprovementSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  youSaid: z.string(),
  weDid: z.string(),
  date: DateSchema,
  /** The aspects it answers (used to show those matching what the patient rated lowest). */
  aspects: z.array(FeedbackAspectSchema),
});
export type Improvement = z.infer<typeof ImprovementSchema>;
export const ImprovementsQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const ImprovementsResponseSchema = /* @__PURE__ */ z.object({ improvements: z.array(ImprovementSchema) });

/** `GET /v1/feedback/invitations/:token`: what the widget prefills. */
export const InvitationParamsSchema = /* @__PURE__ */ z.object({ token: InvitationTokenSchema });
export const InvitationQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const InvitationSchema = /* @__PURE__ */ z.object({
  stage: FeedbackStageSchema,
  procedureId: z.nullable(IdSchema),
  /** The treatment's name in `locale` (then the clinic's default language), shown to the patient. */
  procedureName: z.nullable(z.string()),
  reference: z.nullable(z.string()),
  /** Whether it was answered already (a new submit returns that answer). */
  answered: z.boolean(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

// ---- staff (server and staff tools only: not imported by the widget) ----

const LocalizedTextSchema = /* @__PURE__ */ z.record(LocaleSchema, str(z.minLength(1), z.maxLength(1000)));

/** `POST /v1/staff/improvements`: text in several languages (English required), linked to aspects. */
export const CreateImprovementBodySchema = /* @__PURE__ */ z.object({
  youSaid: LocalizedTextSchema,
  weDid: LocalizedTextSchema,
  aspects: list(FeedbackAspectSchema, z.maxLength(8)),
  date: z.optional(DateSchema),
});
export type CreateImprovementBody = z.infer<typeof CreateImprovementBodySchema>;
export const PatchImprovementBodySchema = /* @__PURE__ */ z.partial(CreateImprovementBodySchema);
export const ImprovementParamsSchema = /* @__PURE__ */ z.object({ id: IdSchema });
export const StaffImprovementSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  youSaid: z.record(z.string(), z.string()),
  weDid: z.record(z.string(), z.string()),
  aspects: z.array(FeedbackAspectSchema),
  date: DateSchema,
});
export const StaffImprovementResponseSchema = /* @__PURE__ */ z.object({ improvement: StaffImprovementSchema });

/** `POST /v1/staff/feedback-invitations`, for a booking or a lead (by its reference). */
export const CreateInvitationBodySchema = /* @__PURE__ */ z.object({
  stage: FeedbackStageSchema,
  procedureId: z.optional(IdSchema),
  reference: z.optional(str(z.maxLength(32))),
  /** The clinic page that shows `<prm-feedback-form>`; the answer's `link` adds the token to it. */
  pageUrl: z.optional(HttpUrlSchema),
});
export const CreateInvitationResponseSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  token: InvitationTokenSchema,
  /** `pageUrl` with `?prm-feedback=<token>`, or null without a pageUrl. */
  link: z.nullable(z.string()),
  expiresAt: DateTimeSchema,
});

/** `GET /v1/staff/stories?status`: stories waiting for approval (or any status). */
export const StoryStatusSchema = /* @__PURE__ */ z.enum(['pending', 'approved', 'rejected']);
export const StaffStoriesQuerySchema = /* @__PURE__ */ z.object({ status: z.optional(StoryStatusSchema) });
export const StaffStoryParamsSchema = /* @__PURE__ */ z.object({ id: IdSchema });
export const StaffStorySchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  status: StoryStatusSchema,
  procedureId: IdSchema,
  language: LocaleSchema,
  country: z.string(),
  displayName: z.string(),
  body: z.string(),
  rating: int(z.minimum(1), z.maximum(5)),
  verified: z.boolean(),
  consentVersion: z.nullable(z.string()),
  date: DateSchema,
});
export const StaffStoriesResponseSchema = /* @__PURE__ */ z.object({ stories: z.array(StaffStorySchema) });
export const StaffStoryResponseSchema = /* @__PURE__ */ z.object({ story: StaffStorySchema });
