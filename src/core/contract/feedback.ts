import * as z from 'zod/mini';
import { str, int } from './checked.js';
import {
  AttributionSchema,
  ConsentSchema,
  DateSchema,
  DateTimeSchema,
  IdSchema,
  LocaleSchema,
  PatientTextSchema,
  UuidSchema,
} from './common.js';

export const FeedbackAspectSchema = /* @__PURE__ */ z.enum(['medical', 'communication', 'accommodation', 'transfers', 'interpreter', 'value']);
export type FeedbackAspect = z.infer<typeof FeedbackAspectSchema>;

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
    /** Consent to publish the comment as a story (first name + country only). */
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
  /** Whether the comment was queued for moderation as a story. */
  storyPending: z.boolean(),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;

/** `GET /v1/improvements?locale`: "you said, we did". */
export const ImprovementSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  youSaid: z.string(),
  weDid: z.string(),
  date: DateSchema,
  aspect: z.optional(FeedbackAspectSchema),
});
export type Improvement = z.infer<typeof ImprovementSchema>;
export const ImprovementsQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const ImprovementsResponseSchema = /* @__PURE__ */ z.object({ improvements: z.array(ImprovementSchema) });
