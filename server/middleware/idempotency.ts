import type { Context } from 'hono';
import type { Db } from '../db/types.js';
import { ApiError, type Reply } from '../http.js';

const IDEMPOTENCY_STALE_MS = 60_000;

/**
 * Runs a write at most once per (clinic, Idempotency-Key) and replays the stored first answer
 * (2xx or 4xx; 5xx and 429 are not stored). Same key + other body → 422; still running → 409.
 */
export function createIdempotency(db: Db, now: () => Date, ttl: number) {
  return async function idempotent(c: Context, clinicId: string, requestHash: string, run: () => Promise<Reply>): Promise<Reply> {
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new ApiError(400, 'idempotency_key_required', 'This endpoint needs an Idempotency-Key header (1-255 visible ASCII characters)', { 'Idempotency-Key': 'Required' });
    }
    const t = now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const ins = await db.query(
        'INSERT INTO idempotency_keys (clinic_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
        [clinicId, key, requestHash, t],
      );
      if (ins.rowCount) {
        if (Math.random() < 0.01) await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(t.getTime() - ttl)]);
        let r: Reply;
        try {
          r = await run();
        } catch (err) {
          if (!(err instanceof ApiError)) {
            await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2', [clinicId, key]);
            throw err;
          }
          r = err.toReply();
        }
        if (r.status >= 500 || r.status === 429) {
          await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2', [clinicId, key]);
        } else {
          await db.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE clinic_id = $1 AND key = $2', [clinicId, key, r.status, JSON.stringify(r.body)]);
        }
        return r;
      }
      const { rows } = await db.query<{ request_hash: string; status: number | null; response: unknown; created_at: Date }>(
        'SELECT request_hash, status, response, created_at FROM idempotency_keys WHERE clinic_id = $1 AND key = $2',
        [clinicId, key],
      );
      const row = rows[0];
      if (!row) continue; // deleted in between: try again
      const age = t.getTime() - new Date(row.created_at).getTime();
      if (age >= ttl || (row.status === null && age >= IDEMPOTENCY_STALE_MS)) {
        await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2 AND created_at = $3', [clinicId, key, row.created_at]);
        continue;
      }
      if (row.request_hash !== requestHash) {
        throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body');
      }
      if (row.status === null) {
        throw new ApiError(409, 'conflict', 'A request with this Idempotency-Key is still being processed', undefined, { 'Retry-After': '1' });
      }
      return { status: row.status, body: row.response, headers: { 'Idempotent-Replayed': 'true' } };
    }
    throw new ApiError(409, 'conflict', 'Could not settle this Idempotency-Key; retry');
  };
}
