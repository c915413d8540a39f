import { ok } from '../../http.js';
import type { Handlers } from '../types.js';
import { listServedStories } from './queries.js';

/** GET /stories: consented, published and staff-approved only (server/domains/stories/queries.ts). */
export const storyHandlers: Pick<Handlers, 'listStories'> = {
  async listStories({ db, clinic, query, apiOrigin }) {
    return ok(await listServedStories(db, clinic.id, query, apiOrigin));
  },
};
