import type { Queryable } from '../../db/types.js';
import { decodeCursor, encodeCursor, iso } from '../shared.js';
import type { ClinicRow } from '../types.js';

/** One page of `table`, newest first, keyset-paginated on (created_at, id). */
export async function page<R extends { id: string; created_at: Date }, T>(
  db: Queryable,
  table: 'quotes' | 'bookings' | 'feedback',
  ctx: { clinic: ClinicRow; query: { limit?: number | undefined; cursor?: string | undefined } },
  map: (row: R) => Promise<T> | T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const limit = ctx.query.limit ?? 25;
  const cur = decodeCursor(ctx.query.cursor, 'instant', 'uuid');
  const params: unknown[] = [ctx.clinic.id, limit + 1];
  let where = 'clinic_id = $1';
  if (cur) {
    params.push(cur[0], cur[1]);
    where += ' AND (created_at, id) < ($3::timestamptz, $4::uuid)';
  }
  const { rows } = await db.query<R>(`SELECT * FROM ${table} WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`, params);
  const more = rows.length > limit;
  const slice = rows.slice(0, limit);
  const items = await Promise.all(slice.map(map));
  const lastRow = slice[slice.length - 1];
  return { items, nextCursor: more && lastRow ? encodeCursor(iso(lastRow.created_at), lastRow.id) : null };
}

/** NPS of all the clinic's feedback (−100…100, one decimal), or null without any. */
export async function npsSummary(db: Queryable, clinicId: string): Promise<number | null> {
  const { rows } = await db.query<{ n: number; promoters: number; detractors: number }>(
    'SELECT count(*)::int AS n, count(*) FILTER (WHERE nps >= 9)::int AS promoters, count(*) FILTER (WHERE nps <= 6)::int AS detractors FROM feedback WHERE clinic_id = $1',
    [clinicId],
  );
  const s = rows[0]!;
  return s.n ? Math.round(((s.promoters - s.detractors) / s.n) * 1000) / 10 : null;
}
