import type { Queryable } from '../../db/types.js';
import { notFound, ok } from '../../http.js';
import type { Handlers } from '../types.js';
import { listServedStories } from './queries.js';

/** GET /stories: consented, published and staff-approved only (server/domains/stories/queries.ts). */
export const storyHandlers: Pick<Handlers, 'listStories' | 'staffListStories' | 'staffApproveStory' | 'staffRejectStory'> = {
  async listStories({ db, clinic, query, apiOrigin }) {
    return ok(await listServedStories(db, clinic.id, query, apiOrigin));
  },

  async staffListStories({ db, clinic, query }) {
    const { rows } = await db.query<StaffStoryRow>(`${STAFF_STORY_SQL} WHERE clinic_id = $1 AND status = $2 ORDER BY date DESC, id DESC LIMIT 200`, [clinic.id, query.status ?? 'pending']);
    return ok({ stories: rows.map(staffStoryView) });
  },

  async staffApproveStory({ db, clinic, params }) {
    return ok({ story: await setStatus(db, clinic.id, params.id, 'approved') });
  },

  async staffRejectStory({ db, clinic, params }) {
    return ok({ story: await setStatus(db, clinic.id, params.id, 'rejected') });
  },
};

interface StaffStoryRow {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  procedure_id: string;
  language: string;
  country: string;
  verified: boolean;
  consent_version: string | null;
  date: string;
  data: { displayName: string; body: string; rating: number };
}
const STAFF_STORY_SQL = 'SELECT id, status, procedure_id, language, country, verified, consent_version, date::text AS date, data FROM stories';
const staffStoryView = (r: StaffStoryRow) => ({
  id: r.id,
  status: r.status,
  procedureId: r.procedure_id,
  language: r.language,
  country: r.country,
  displayName: r.data.displayName,
  body: r.data.body,
  rating: r.data.rating,
  verified: r.verified,
  consentVersion: r.consent_version,
  date: String(r.date).slice(0, 10),
});

async function setStatus(db: Queryable, clinicId: string, id: string, status: 'approved' | 'rejected') {
  const r = await db.query('UPDATE stories SET status = $3 WHERE clinic_id = $1 AND id = $2', [clinicId, id, status]);
  if (!r.rowCount) throw notFound('No such story');
  const { rows } = await db.query<StaffStoryRow>(`${STAFF_STORY_SQL} WHERE clinic_id = $1 AND id = $2`, [clinicId, id]);
  return staffStoryView(rows[0]!);
}
