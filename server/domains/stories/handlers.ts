import type { Queryable } from '../../db/types.js';
import { notFound, ok } from '../../http.js';
import { decodeCursor, encodeCursor, pick } from '../shared.js';
import type { Handlers } from '../types.js';

interface StoryRow {
  id: string;
  procedure_id: string;
  language: string;
  country: string;
  date: string;
  verified: boolean;
  data: { displayName: string; title: string; body: string; rating: number; image: { alt: string; width: number; height: number } | null };
  pname: Record<string, string> | null;
}

/** GET /stories: consented, published and approved by staff only, keyset-paginated on (date, id). */
export const storyHandlers: Pick<Handlers, 'listStories' | 'staffListStories' | 'staffApproveStory' | 'staffRejectStory'> = {
  async listStories({ db, clinic, query, apiOrigin }) {
    const limit: number = query.limit ?? 12;
    const params: unknown[] = [clinic.id];
    const cond = ['s.clinic_id = $1', 's.consented', 's.published', "s.status = 'approved'"];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      cond.push(sql.replace('?', `$${params.length}`));
    };
    if (query.procedure) add('s.procedure_id = ?', query.procedure);
    if (query.language) add('s.language = ?', query.language);
    if (query.country) add('s.country = ?', query.country);
    const cur = decodeCursor(query.cursor, 'date', 'slug');
    if (cur) {
      params.push(cur[0], cur[1]);
      cond.push(`(s.date, s.id) < ($${params.length - 1}::date, $${params.length})`);
    }
    params.push(limit + 1);
    const { rows } = await db.query<StoryRow>(
      `SELECT s.id, s.procedure_id, s.language, s.country, s.date::text AS date, s.verified, s.data, p.data->'name' AS pname
       FROM stories s LEFT JOIN procedures p ON p.clinic_id = s.clinic_id AND p.id = s.procedure_id
       WHERE ${cond.join(' AND ')} ORDER BY s.date DESC, s.id DESC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const stories = pageRows.map((r) => ({
      id: r.id,
      procedureId: r.procedure_id,
      procedureName: pick(r.pname ?? {}, r.language) || r.procedure_id,
      language: r.language,
      country: r.country,
      displayName: r.data.displayName,
      title: r.data.title,
      body: r.data.body,
      rating: r.data.rating,
      date: String(r.date).slice(0, 10),
      verified: r.verified,
      image: r.data.image ? { url: `${apiOrigin}/v1/assets/stories/${clinic.id}/${r.id}.svg`, alt: r.data.image.alt, width: r.data.image.width, height: r.data.image.height } : null,
    }));
    const last = pageRows[pageRows.length - 1];
    return ok({ stories, nextCursor: more && last ? encodeCursor(String(last.date).slice(0, 10), last.id) : null });
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
  data: StoryRow['data'];
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
