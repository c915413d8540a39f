import type { StoriesQuery, StoriesResponse, Story } from '../../../src/core/contract/stories.js';
import type { Queryable } from '../../db/types.js';
import { PHOTO_WIDTHS } from './assets.js';
import { decodeCursor, encodeCursor, pick } from '../shared.js';

interface StoryRow {
  id: string;
  procedure_id: string;
  language: string;
  country: string;
  date: string;
  verified: boolean;
  rank: number;
  data: {
    displayName: string;
    title: string;
    body: string;
    rating: number;
    image: { alt: string; width: number; height: number } | null;
    video?: { url: string; provider: 'youtube' | 'vimeo' } | null;
  };
  pname: Record<string, string> | null;
}

/**
 * The stories a patient may see: the author consented, the story is published and staff approved
 * it (the only gate: every query of GET /stories goes through here). Ordered by rank (0 = written
 * in `language`, 1 = any other; all 0 without `language`), then newest first; keyset-paginated on
 * (rank, date, id), so a page never repeats or skips a story while the patient scrolls.
 */
export async function listServedStories(db: Queryable, clinicId: string, query: StoriesQuery, apiOrigin: string): Promise<StoriesResponse> {
  const limit: number = query.limit ?? 12;
  const params: unknown[] = [clinicId];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const cond = ['s.clinic_id = $1', 's.consented', 's.published', "s.status = 'approved'"];
  if (query.procedure) cond.push(`s.procedure_id = ${p(query.procedure)}`);
  if (query.specialty) cond.push(`p.specialty = ${p(query.specialty)}`);
  if (query.country) cond.push(`s.country = ${p(query.country)}`);
  if (query.minRating) cond.push(`(s.data->>'rating')::int >= ${p(query.minRating)}`);
  // The whole set these filters select (before the cursor): the carousel labels slides "n of N".
  const summary = db.query<{ total: number; average: string | null }>(
    `SELECT count(*)::int AS total, round(avg((s.data->>'rating')::numeric), 2)::text AS average
     FROM stories s LEFT JOIN procedures p ON p.clinic_id = s.clinic_id AND p.id = s.procedure_id WHERE ${cond.join(' AND ')}`,
    [...params],
  );
  const rank = query.language ? `(CASE WHEN s.language = ${p(query.language)} THEN 0 ELSE 1 END)` : '0';
  const cur = decodeCursor(query.cursor, 'rankedDate', 'slug');
  if (cur) {
    const r = p(Number(cur[0][0]));
    const d = p(cur[0].slice(2));
    const id = p(cur[1]);
    cond.push(`(${rank} > ${r} OR (${rank} = ${r} AND (s.date, s.id) < (${d}::date, ${id})))`);
  }
  const { rows } = await db.query<StoryRow>(
    `SELECT s.id, s.procedure_id, s.language, s.country, s.date::text AS date, s.verified, s.data, ${rank} AS rank, p.data->'name' AS pname
     FROM stories s LEFT JOIN procedures p ON p.clinic_id = s.clinic_id AND p.id = s.procedure_id
     WHERE ${cond.join(' AND ')} ORDER BY 8, s.date DESC, s.id DESC LIMIT ${p(limit + 1)}${!cur && query.offset ? ` OFFSET ${p(query.offset)}` : ''}`,
    params,
  );
  const page = rows.slice(0, limit);
  const asset = (id: string, suffix: string) => `${apiOrigin}/v1/assets/stories/${clinicId}/${id}${suffix}.svg`;
  const stories = page.map((r): Story => {
    const img = r.data.image;
    const video = r.data.video;
    return {
      id: r.id,
      procedureId: r.procedure_id,
      procedureName: pick(r.pname ?? {}, query.locale ?? query.language ?? r.language) || r.procedure_id,
      language: r.language,
      country: r.country,
      displayName: r.data.displayName,
      title: r.data.title,
      body: r.data.body,
      rating: r.data.rating,
      date: String(r.date).slice(0, 10),
      verified: r.verified,
      image: img
        ? {
            url: asset(r.id, ''),
            alt: img.alt,
            width: img.width,
            height: img.height,
            srcset: PHOTO_WIDTHS.map((w) => ({ url: asset(r.id, `-${w}w`), width: w })),
          }
        : null,
      video: video ? { provider: video.provider, url: video.url, poster: { url: asset(r.id, '-poster'), width: 1280, height: 720 } } : null,
    };
  });
  const last = page[page.length - 1];
  const sum = (await summary).rows[0]!;
  return { stories, total: sum.total, averageRating: sum.average === null ? null : Number(sum.average), nextCursor: rows.length > limit && last ? encodeCursor(`${Number(last.rank)}:${String(last.date).slice(0, 10)}`, last.id) : null };
}
