import * as z from 'zod/mini';
import { CountryCodeSchema, DateSchema, IdSchema, LocaleSchema, queryInt } from './common.js';

/** `GET /v1/stories?procedure&language&country&cursor&limit` */
export const StoriesQuerySchema = z.object({
  procedure: z.optional(IdSchema),
  language: z.optional(LocaleSchema),
  country: z.optional(CountryCodeSchema),
  /** Opaque; pass `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(queryInt(1, 50)),
});
export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;

/** A consented, published patient story. Only first name and country are ever shown. */
export const StorySchema = z
  .object({
    id: IdSchema,
    procedureId: IdSchema,
    procedureName: z.string(),
    language: LocaleSchema,
    country: CountryCodeSchema,
    displayName: z.string(),
    title: z.string(),
    body: z.string(),
    rating: z.int().check(z.minimum(1), z.maximum(5)),
    date: DateSchema,
    image: z.nullable(
      z.object({ url: z.string(), alt: z.string(), width: z.int().check(z.positive()), height: z.int().check(z.positive()) }),
    ),
  })
  .check(z.meta({ id: 'Story' }));
export type Story = z.infer<typeof StorySchema>;

export const StoriesResponseSchema = z.object({
  stories: z.array(StorySchema),
  /** null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type StoriesResponse = z.infer<typeof StoriesResponseSchema>;
