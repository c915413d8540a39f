import { ok } from '../../http.js';
import { decodeCursor, encodeCursor, pick } from '../shared.js';
import type { Handlers } from '../types.js';

interface StoryRow {
  id: string;
  procedure_id: string;
  language: string;
  country: string;
  date: string;
  data: { displayName: string; title: string; body: string; rating: number; image: { alt: string; width: number; height: number } | null };
  pname: Record<string, string> | null;
}

/** GET /stories: consented + published only, keyset-paginated on (date, id). */
export const storyHandlers: Pick<Handlers, 'listStories'> = {
  async listStories({ db, clinic, query, apiOrigin }) {
    const limit: number = query.limit ?? 12;
    const params: unknown[] = [clinic.id];
    const cond = ['s.clinic_id = $1', 's.consented', 's.published'];
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
      `SELECT s.id, s.procedure_id, s.language, s.country, s.date::text AS date, s.data, p.data->'name' AS pname
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
      image: r.data.image ? { url: `${apiOrigin}/v1/assets/stories/${clinic.id}/${r.id}.svg`, alt: r.data.image.alt, width: r.data.image.width, height: r.data.image.height } : null,
    }));
    const last = pageRows[pageRows.length - 1];
    return ok({ stories, nextCursor: more && last ? encodeCursor(String(last.date).slice(0, 10), last.id) : null });
  },
};
