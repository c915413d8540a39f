import * as z from 'zod/mini';
import { str, int } from './checked.js';
import { CountryCodeSchema, DateSchema, IdSchema, LocaleSchema, queryInt } from './common.js';

/** `GET /v1/stories?procedure&specialty&country&language&locale&minRating&cursor&limit&offset` */
export const StoriesQuerySchema = /* @__PURE__ */ z.object({
  procedure: /* @__PURE__ */ z.optional(IdSchema),
  /** Stories about any procedure of this specialty. */
  specialty: /* @__PURE__ */ z.optional(IdSchema),
  /** The author's country. */
  country: /* @__PURE__ */ z.optional(CountryCodeSchema),
  /**
   * The patient's language: an ordering, not a filter. Stories written in it come first (newest
   * first), then all others (newest first), each carrying its own `language`; procedure names are
   * given in this language unless `locale` is given.
   */
  language: /* @__PURE__ */ z.optional(LocaleSchema),
  /** The language of the reader's page (the widget's locale): procedure names are given in it. */
  locale: /* @__PURE__ */ z.optional(LocaleSchema),
  /** Only stories rated at least this (1–5). */
  minRating: /* @__PURE__ */ z.optional(queryInt(1, 5)),
  /** Opaque; pass `nextCursor` of the previous page, with the same filters. */
  cursor: /* @__PURE__ */ z.optional(str(z.maxLength(200))),
  limit: /* @__PURE__ */ z.optional(queryInt(1, 50)),
  /**
   * Skip this many stories of the ordered set (ignored with `cursor`): a jump far ahead, e.g. to
   * the last stories, in one request instead of walking every page before it. Its `nextCursor`
   * goes on from there.
   */
  offset: /* @__PURE__ */ z.optional(queryInt(0, 100000)),
});
export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;

/** A story photo: one box (`width`×`height`, the aspect ratio every candidate keeps) and its responsive candidates. */
export const StoryImageSchema = /* @__PURE__ */ z.object({
  /** Fallback `src` (the `width` candidate). */
  url: z.string(),
  /** Describes the photo, in the story's language. */
  alt: z.string(),
  width: int(z.positive()),
  height: int(z.positive()),
  /** For `srcset`: the same photo at these widths (`url 320w, …`), narrowest first. */
  srcset: z.array(z.object({ url: z.string(), width: int(z.positive()) })),
});
export type StoryImage = z.infer<typeof StoryImageSchema>;

/** A video the author shared: shown as a poster (facade) until the patient asks to play it. */
export const StoryVideoSchema = /* @__PURE__ */ z.object({
  provider: z.enum(['youtube', 'vimeo']),
  /** The provider's embed URL (privacy-enhanced host), loaded only after the click. */
  url: z.string(),
  poster: z.object({ url: z.string(), width: int(z.positive()), height: int(z.positive()) }),
});
export type StoryVideo = z.infer<typeof StoryVideoSchema>;

/**
 * A patient story the author consented to publish and staff approved. Only the name the author
 * chose (first name or initials) and their country are ever shown.
 */
export const StorySchema = /* @__PURE__ */ z
  .object({
    id: IdSchema,
    procedureId: IdSchema,
    /** In the requested `language` when given, else in the story's. */
    procedureName: z.string(),
    /** The language the story is written in (title, body, alt text). */
    language: LocaleSchema,
    country: CountryCodeSchema,
    displayName: z.string(),
    title: z.string(),
    body: z.string(),
    rating: int(z.minimum(1), z.maximum(5)),
    date: DateSchema,
    /** The story came through a real booking or a feedback invitation of the clinic. */
    verified: z.boolean(),
    image: z.nullable(StoryImageSchema),
    video: z.nullable(StoryVideoSchema),
  });
export type Story = z.infer<typeof StorySchema>;

export const StoriesResponseSchema = /* @__PURE__ */ z.object({
  stories: z.array(StorySchema),
  /** How many stories these filters select in all (every page): slides say "n of total". */
  total: int(z.minimum(0)),
  /** Mean rating of those `total` stories (2 decimals); null when there are none. */
  averageRating: z.nullable(z.number().check(z.minimum(1), z.maximum(5))),
  /** null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type StoriesResponse = z.infer<typeof StoriesResponseSchema>;
