import * as z from 'zod/mini';
import { str, int } from './checked.js';
import { CountryCodeSchema, DateSchema, IdSchema, LocaleSchema, queryInt } from './common.js';

/** `GET /v1/stories?procedure&language&country&cursor&limit` */
export const StoriesQuerySchema = /* @__PURE__ */ z.object({
  procedure: z.optional(IdSchema),
  language: z.optional(LocaleSchema),
  country: z.optional(CountryCodeSchema),
  /** Opaque; pass `nextCursor` of the previous page. */
  cursor: z.optional(str(z.maxLength(200))),
  limit: z.optional(queryInt(1, 50)),
});
export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;

/** A consented, published patient story. Only first name and country are ever shown. */
export const StorySchema = /* @__PURE__ */ z
  .object({
    id: IdSchema,
    procedureId: IdSchema,
    procedureName: z.string(),
    language: LocaleSchema,
    country: CountryCodeSchema,
    displayName: z.string(),
    title: z.string(),
    body: z.string(),
    rating: int(z.minimum(1), z.maximum(5)),
    date: DateSchema,
    /** The story came through a real booking or a feedback invitation of the clinic. */
    verified: z.boolean(),
    image: z.nullable(
      z.object({ url: z.string(), alt: z.string(), width: int(z.positive()), height: int(z.positive()) }),
    ),
  });
export type Story = z.infer<typeof StorySchema>;

export const StoriesResponseSchema = /* @__PURE__ */ z.object({
  stories: z.array(StorySchema),
  /** null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type StoriesResponse = z.infer<typeof StoriesResponseSchema>;
