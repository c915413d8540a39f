import * as z from 'zod/mini';
import { StorySchema } from './stories.js';

/**
 * Static mode's file (`src="stories.json"`, a clinic without a backend): the stories the server
 * would serve; `total`, `averageRating` and `nextCursor` may be left out. A module of its own so
 * its browser check travels with the carousel's static mode only, not with every carousel.
 */
export const StaticStoriesFileSchema = /* @__PURE__ */ z.object({ stories: z.array(StorySchema) });
