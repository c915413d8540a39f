import type { Queryable } from '../db/types.js';

/** Public key of the test clinic with many stories (browser tests only; never seeded by `npm start`). */
export const MANY_STORIES_KEY = 'pk_test_many_stories';

/**
 * A clinic like Aurora (same profile, theme and catalog) with `count` approved, consented stories
 * in the seven languages, dates one day apart: the carousel's windowing and paging are tested
 * against the real GET /v1/stories with a thousand stories. Idempotent.
 */
export async function seedManyStories(db: Queryable, count = 1000): Promise<void> {
  const clinic = 'many-stories';
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clinics WHERE id = $1', [clinic]);
  if (rows[0]!.n) return;
  await db.query(`INSERT INTO clinics (id, name, time_zone, config, theme) SELECT $1, 'Many Stories Test Clinic', time_zone, config, theme FROM clinics WHERE id = 'aurora'`, [clinic]);
  await db.query('INSERT INTO api_keys (key, clinic_id, allow_localhost) VALUES ($1, $2, true)', [MANY_STORIES_KEY, clinic]);
  await db.query(`INSERT INTO specialties (clinic_id, id, name, position) SELECT $1, id, name, position FROM specialties WHERE clinic_id = 'aurora'`, [clinic]);
  await db.query(`INSERT INTO procedures (clinic_id, id, specialty, position, data) SELECT $1, id, specialty, position, data FROM procedures WHERE clinic_id = 'aurora'`, [clinic]);
  // Story i: language and procedure cycle, newest first by index (story 0 is the newest).
  await db.query(
    `INSERT INTO stories (clinic_id, id, procedure_id, language, country, consented, published, date, data, status, verified)
     SELECT $1, 'many-' || lpad(i::text, 4, '0'), (ARRAY['dental-implants','lasik','knee-replacement','rhinoplasty'])[1 + i % 4],
            (ARRAY['en','de','ar','ru','tr','es','fr'])[1 + i % 7], (ARRAY['GB','DE','SA','SE','NL','US','FR'])[1 + i % 7], true, true,
            DATE '2026-11-01' - i, jsonb_build_object('displayName', 'Patient ' || (i + 1), 'title', 'Story ' || (i + 1),
            'body', 'A short account of the treatment and the stay.', 'rating', 4 + i % 2, 'image', null), 'approved', i % 2 = 0
     FROM generate_series(0, $2::int - 1) AS i`,
    [clinic, count],
  );
}
