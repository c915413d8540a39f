import type { Booking } from '../../../src/core/contract/booking.js';
import type { Contact } from '../../../src/core/contract/common.js';
import type { Db, Queryable } from '../../db/types.js';
import { pgConstraint, pgErrorCode } from '../../db/types.js';
import { ApiError, notFound } from '../../http.js';
import { iso, sha256 } from '../shared.js';
import type { ClinicRow } from '../types.js';
import { unheldDoctors } from './holds.js';
import { generateSlots, type ScheduleBlock } from './slots.js';

export interface DoctorRow {
  id: string;
  /** `title` is a locale map (or a plain string in older data); `photo`: a portrait is served under /v1/assets/doctors. */
  data: { name: string; title: Record<string, string> | string; specialties: string[]; languages: string[]; services: string[]; photo?: boolean; photoUrl?: string; bio?: Record<string, string> | string };
  schedule: ScheduleBlock[];
  slot_minutes: number;
}
export interface ServiceRow {
  id: string;
  kind: 'video' | 'in-person' | 'follow-up';
  duration_minutes: number;
  data: { name: Record<string, string>; description: Record<string, string>; prepare?: Record<string, string>[]; price?: { amount: number; currency: string } | null };
}
export interface BookingRow {
  id: string;
  reference: string;
  status: 'confirmed' | 'cancelled';
  service_id: string;
  doctor_id: string;
  starts_at: Date;
  ends_at: Date;
  manage_token_hash: string;
  contact: Contact;
  patient_time_zone: string;
  locale: string;
  interpreter: string | null;
  notes: string | null;
  preferred_channel: string | null;
  /** The page the booking was made on (migration 022), for the calendar file's manage link. */
  manage_page: string | null;
  quote_reference: string | null;
  /** iCalendar SEQUENCE: 0 when booked, +1 on each reschedule and on cancel. */
  sequence: number;
  created_at: Date;
  updated_at: Date;
}

/** Earliest bookable start: now + 2 h; latest: now + 120 days. */
export const BOOKING_LEAD_MS = 2 * 3600_000;
export const BOOKING_HORIZON_MS = 120 * 86_400_000;

export async function listServices(db: Queryable, clinicId: string): Promise<ServiceRow[]> {
  const { rows } = await db.query<ServiceRow>('SELECT id, kind, duration_minutes, data FROM booking_services WHERE clinic_id = $1 ORDER BY position, id', [clinicId]);
  return rows;
}

export async function loadService(db: Queryable, clinicId: string, id: string, field = 'service'): Promise<ServiceRow> {
  const { rows } = await db.query<ServiceRow>('SELECT id, kind, duration_minutes, data FROM booking_services WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  if (!rows[0]) throw new ApiError(422, 'unprocessable', 'Unknown service', { [field]: 'Unknown service' });
  return rows[0];
}

/** The clinic's doctors for `service`: one (`doctor`), or all (`any`/none), with `language` only those who speak it. */
export async function loadDoctors(db: Queryable, clinicId: string, service?: string, doctor?: string, language?: string): Promise<DoctorRow[]> {
  const { rows } = await db.query<DoctorRow>('SELECT id, data, schedule, slot_minutes FROM doctors WHERE clinic_id = $1 ORDER BY position, id', [clinicId]);
  return rows.filter(
    (d) => (!service || d.data.services.includes(service)) && (!doctor || doctor === 'any' || d.id === doctor) && (!language || (doctor && doctor !== 'any') || d.data.languages.includes(language)),
  );
}

/** Confirmed bookings starting in [from, to), as `doctor|epoch-ms` keys. */
export async function takenStarts(db: Queryable, clinicId: string, from: Date, to: Date): Promise<Set<string>> {
  const { rows } = await db.query<{ doctor_id: string; starts_at: Date }>(
    "SELECT doctor_id, starts_at FROM bookings WHERE clinic_id = $1 AND status = 'confirmed' AND starts_at >= $2 AND starts_at < $3",
    [clinicId, from, to],
  );
  return new Set(rows.map((t) => `${t.doctor_id}|${new Date(t.starts_at).getTime()}`));
}

export function slotFree(d: DoctorRow, tz: string, start: Date, now: Date): boolean {
  // Beyond the horizon first: a start of 9999-12-31 must be "not bookable", not a date the slot
  // generator cannot step past (it answered 500 to the fuzz test).
  if (!(start.getTime() < now.getTime() + BOOKING_HORIZON_MS)) return false;
  const s = generateSlots({ timeZone: tz, schedule: d.schedule, slotMinutes: d.slot_minutes, from: start, to: new Date(start.getTime() + 1), notBefore: new Date(now.getTime() + BOOKING_LEAD_MS) });
  return s.length === 1;
}

export async function bookingView(db: Queryable, clinic: ClinicRow, b: BookingRow): Promise<Booking> {
  const { rows: d } = await db.query<{ data: { name: string } }>('SELECT data FROM doctors WHERE clinic_id = $1 AND id = $2', [clinic.id, b.doctor_id]);
  const { rows: s } = await db.query<{ kind: Booking['kind'] }>('SELECT kind FROM booking_services WHERE clinic_id = $1 AND id = $2', [clinic.id, b.service_id]);
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    service: b.service_id,
    kind: s[0]!.kind,
    doctor: { id: b.doctor_id, name: d[0]!.data.name },
    start: iso(b.starts_at),
    end: iso(b.ends_at),
    timeZone: clinic.time_zone,
    patientTimeZone: b.patient_time_zone,
    interpreter: b.interpreter,
    createdAt: iso(b.created_at),
  };
}

export async function bookingForToken(ctx: { db: Db; clinic: ClinicRow; params: { id: string }; query: { token: string } }): Promise<BookingRow> {
  const { rows } = await ctx.db.query<BookingRow>('SELECT * FROM bookings WHERE clinic_id = $1 AND id = $2', [ctx.clinic.id, ctx.params.id]);
  const b = rows[0];
  if (!b) throw notFound('Booking not found');
  if (b.manage_token_hash !== sha256(ctx.query.token)) throw new ApiError(403, 'forbidden', 'Invalid manage token');
  return b;
}

/**
 * Tries `doctors` in order for `start`; the partial unique index bookings_one_per_slot decides
 * races. Returns the inserted row, or throws 409 slot_taken / 422 slot_unavailable.
 */
export async function claimSlot(
  ctx: { clinic: ClinicRow; now: Date },
  doctors: DoctorRow[],
  start: Date,
  service: ServiceRow,
  insert: (doctor: DoctorRow, end: Date) => Promise<BookingRow>,
): Promise<BookingRow> {
  const candidates = doctors.filter((d) => slotFree(d, ctx.clinic.time_zone, start, ctx.now));
  if (!candidates.length) throw new ApiError(422, 'slot_unavailable', 'That time is not a bookable slot', { start: 'Not a bookable slot' });
  const end = new Date(start.getTime() + service.duration_minutes * 60_000);
  for (const d of candidates) {
    try {
      return await insert(d, end);
    } catch (err) {
      if (pgErrorCode(err) === '23505' && pgConstraint(err) !== 'bookings_clinic_id_reference_key') continue;
      throw err;
    }
  }
  throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot; please pick another.');
}

/**
 * Moves booking `b` to `start` in one transaction: frees the old slot and claims the new one, or
 * changes nothing. Throws 422 slot_unavailable / 409 slot_taken.
 */
export async function moveBooking(db: Db, ctx: { clinic: ClinicRow; now: Date }, b: BookingRow, doctors: DoctorRow[], service: ServiceRow, start: Date, session?: string, timeZone?: string): Promise<BookingRow> {
  const { clinic, now } = ctx;
  return db.transaction(async (tx) => {
    await tx.query("UPDATE bookings SET status = 'cancelled' WHERE clinic_id = $1 AND id = $2", [clinic.id, b.id]);
    // Another patient's hold on the new slot blocks the move too (their own hold does not).
    const open = await unheldDoctors(tx, ctx, doctors, start, session);
    const candidates = open.filter((d) => slotFree(d, clinic.time_zone, start, now));
    if (!candidates.length) throw new ApiError(422, 'slot_unavailable', 'That time is not a bookable slot', { start: 'Not a bookable slot' });
    const end = new Date(start.getTime() + service.duration_minutes * 60_000);
    const { rows: clash } = await tx.query<{ doctor_id: string }>(
      "SELECT doctor_id FROM bookings WHERE clinic_id = $1 AND status = 'confirmed' AND starts_at = $2 AND doctor_id = ANY($3::text[]) FOR UPDATE",
      [clinic.id, start, candidates.map((d) => d.id)],
    );
    const free = candidates.find((d) => !clash.some((c) => c.doctor_id === d.id));
    if (!free) throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot; please pick another.');
    try {
      const { rows } = await tx.query<BookingRow>(
        "UPDATE bookings SET status = 'confirmed', doctor_id = $3, starts_at = $4, ends_at = $5, updated_at = $6, sequence = sequence + 1, patient_time_zone = COALESCE($7, patient_time_zone) WHERE clinic_id = $1 AND id = $2 RETURNING *",
        [clinic.id, b.id, free.id, start, end, now, timeZone ?? null],
      );
      return rows[0]!;
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot; please pick another.');
      throw err;
    }
  });
}
