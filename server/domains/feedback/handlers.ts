import { randomUUID } from 'node:crypto';
import { ApiError, ok } from '../../http.js';
import { loadStoredProcedure } from '../catalog/queries.js';
import { iso, json, pick } from '../shared.js';
import type { Handlers } from '../types.js';

/** POST /feedback, GET /improvements ("you said, we did"). */
export const feedbackHandlers: Pick<Handlers, 'createFeedback' | 'listImprovements'> = {
  async createFeedback({ db, clinic, body, now }) {
    // A reference to a procedure the clinic does not offer is refused, not stored blindly.
    if (body.procedureId && !(await loadStoredProcedure(db, clinic.id, body.procedureId))) {
      throw new ApiError(422, 'unprocessable', 'Unknown procedure', { procedureId: 'Unknown procedure' });
    }
    const id = randomUUID();
    const storyPending = !!body.publishConsent && !!body.comment?.trim();
    await db.query('INSERT INTO feedback (id, clinic_id, data, nps, story_pending, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, clinic.id, json(body), body.nps, storyPending, now]);
    return ok({ id, createdAt: iso(now), storyPending }, 201);
  },

  async listImprovements({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<{ id: string; data: { youSaid: Record<string, string>; weDid: Record<string, string>; aspect?: string }; date: string }>('SELECT id, data, date::text AS date FROM improvements WHERE clinic_id = $1 ORDER BY date DESC, id', [clinic.id]);
    return ok({ improvements: rows.map((r) => ({ id: r.id, youSaid: pick(r.data.youSaid, locale), weDid: pick(r.data.weDid, locale), date: String(r.date).slice(0, 10), ...(r.data.aspect ? { aspect: r.data.aspect } : {}) })) });
  },
};
