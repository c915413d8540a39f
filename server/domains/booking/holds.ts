import { randomUUID } from 'node:crypto';
import type { Hold } from '../../../src/core/contract/booking.js';
import type { Queryable } from '../../db/types.js';
import { ApiError } from '../../http.js';
import { iso } from '../shared.js';
import type { ClinicRow } from '../types.js';
import { slotFree, type DoctorRow, type ServiceRow } from './queries.js';

/**
 * Slot holds (the Cal.com "reservation" idea, cf. their #5386: slots stolen while a slow patient
 * types). A hold lasts HOLD_MS; a session (one browser tab) holds at most one slot, so picking
 * another slot releases the previous one. Held slots are hidden from other sessions' slot lists
 * and refused to their bookings. The partial unique index on bookings stays the final guarantee:
 * a hold only makes a conflict rarer and earlier.
 */
export const HOLD_MS = 8 * 60_000;

interface HoldRow {
  id: string;
  doctor_id: string;
  starts_at: Date;
  expires_at: Date;
}

const view = (h: HoldRow): Hold => ({ id: h.id, start: iso(h.starts_at), doctorId: h.doctor_id, expiresAt: iso(h.expires_at) });

/** Holds `start` for `session` with the first free doctor of `doctors`; 409 slot_taken when none. */
export async function createHold(db: Queryable, ctx: { clinic: ClinicRow; now: Date }, doctors: DoctorRow[], service: ServiceRow, start: Date, session: string): Promise<Hold> {
  const { clinic, now } = ctx;
  const candidates = doctors.filter((d) => slotFree(d, clinic.time_zone, start, now));
  if (!candidates.length) throw new ApiError(422, 'slot_unavailable', 'That time is not a bookable slot', { start: 'Not a bookable slot' });
  // The session's previous hold goes (it picked another slot), and so do expired holds.
  await db.query('DELETE FROM booking_holds WHERE clinic_id = $1 AND (session = $2 OR expires_at <= $3)', [clinic.id, session, now]);
  const { rows: booked } = await db.query<{ doctor_id: string }>(
    "SELECT doctor_id FROM bookings WHERE clinic_id = $1 AND status = 'confirmed' AND starts_at = $2 AND doctor_id = ANY($3::text[])",
    [clinic.id, start, candidates.map((d) => d.id)],
  );
  for (const d of candidates) {
    if (booked.some((b) => b.doctor_id === d.id)) continue;
    // ON CONFLICT: another session holds it now (the unique index decides between two at once).
    const { rows } = await db.query<HoldRow>(
      `INSERT INTO booking_holds (id, clinic_id, session, service_id, doctor_id, starts_at, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (clinic_id, doctor_id, starts_at) DO NOTHING RETURNING id, doctor_id, starts_at, expires_at`,
      [randomUUID(), clinic.id, session, service.id, d.id, start, new Date(now.getTime() + HOLD_MS), now],
    );
    if (rows[0]) return view(rows[0]);
  }
  throw new ApiError(409, 'slot_taken', 'Someone has just taken this slot; please pick another.');
}

/** Releases `id` if `session` owns it (silently nothing otherwise: releasing is idempotent). */
export async function releaseHold(db: Queryable, clinicId: string, id: string, session: string): Promise<void> {
  await db.query('DELETE FROM booking_holds WHERE clinic_id = $1 AND id = $2 AND session = $3', [clinicId, id, session]);
}

/** Releases every hold of `session` (after it booked). */
export async function releaseSession(db: Queryable, clinicId: string, session: string | undefined): Promise<void> {
  if (session) await db.query('DELETE FROM booking_holds WHERE clinic_id = $1 AND session = $2', [clinicId, session]);
}

/** Live holds of other sessions starting in [from, to), as `doctor|epoch-ms` keys. */
export async function heldStarts(db: Queryable, clinicId: string, from: Date, to: Date, now: Date, session?: string): Promise<Set<string>> {
  const { rows } = await db.query<{ doctor_id: string; starts_at: Date }>(
    'SELECT doctor_id, starts_at FROM booking_holds WHERE clinic_id = $1 AND starts_at >= $2 AND starts_at < $3 AND expires_at > $4 AND session IS DISTINCT FROM $5',
    [clinicId, from, to, now, session ?? null],
  );
  return new Set(rows.map((r) => `${r.doctor_id}|${new Date(r.starts_at).getTime()}`));
}

/**
 * The doctors of `doctors` a booking by `session` may take at `start`: those not held by another
 * session. 409 slot_taken when every doctor free then is held by someone else.
 */
export async function unheldDoctors(db: Queryable, ctx: { clinic: ClinicRow; now: Date }, doctors: DoctorRow[], start: Date, session?: string): Promise<DoctorRow[]> {
  const held = await heldStarts(db, ctx.clinic.id, start, new Date(start.getTime() + 1), ctx.now, session);
  if (!held.size) return doctors;
  const open = doctors.filter((d) => !held.has(`${d.id}|${start.getTime()}`));
  const free = (list: DoctorRow[]) => list.some((d) => slotFree(d, ctx.clinic.time_zone, start, ctx.now));
  if (!free(open) && free(doctors)) throw new ApiError(409, 'slot_taken', 'Someone is booking this slot right now; please pick another.');
  return open;
}
