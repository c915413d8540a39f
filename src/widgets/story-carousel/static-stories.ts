import type { StoriesResponse, Story } from '../../core/contract/stories.js';
import { StaticStoriesFileSchema as StaticFileSchema } from '../../generated/contract/stories-file.js';

/**
 * Static mode (`src="stories.json"`, clinics without a backend): the file holds the stories the
 * server would serve, `{ "stories": [Story, …] }` (the GET /stories shape; `total`, `averageRating`
 * and `nextCursor` may be left out), each story checked with the same StorySchema.
 */
export type StaticParse = { ok: true; stories: Story[] } | { ok: false; error: string };

/** Parses the file's text; on failure a message that names the file and its first wrong place (`…/bad.json: stories[3].rating: …`). */
export function parseStaticStories(text: string, file = 'stories.json'): StaticParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${file} is not valid JSON (${(e as Error).message})` };
  }
  const r = StaticFileSchema.safeParse(json);
  if (r.success) return { ok: true, stories: r.data.stories };
  const issue = r.error.issues[0]!;
  const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(top level)';
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: `${file}: ${where}: ${issue.message}${more}` };
}

export interface StoryFilters {
  procedure?: string;
  /** Procedure ids of the specialty (static files carry no catalog). */
  specialtyProcedures?: readonly string[];
  country?: string;
  language?: string;
  minRating?: number;
}

/**
 * The server's GET /stories semantics over a static list: filters, then stories written in
 * `language` first, each group newest first (ties by id, descending), with total and mean rating.
 */
export function selectStories(all: readonly Story[], f: StoryFilters): Omit<StoriesResponse, 'nextCursor'> {
  const kept = all.filter(
    (s) =>
      (!f.procedure || s.procedureId === f.procedure) &&
      (!f.specialtyProcedures || f.specialtyProcedures.includes(s.procedureId)) &&
      (!f.country || s.country === f.country) &&
      (!f.minRating || s.rating >= f.minRating),
  );
  const rank = (s: Story) => (f.language && s.language !== f.language ? 1 : 0);
  const stories = [...kept].sort((a, b) => rank(a) - rank(b) || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const averageRating = stories.length ? Math.round((stories.reduce((n, s) => n + s.rating, 0) / stories.length) * 100) / 100 : null;
  return { stories, total: stories.length, averageRating };
}
