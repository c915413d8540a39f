import { randomUUID } from 'node:crypto';
import { ApiError, ok } from '../../http.js';
import { iso, json, newReference, newToken, pick, sha256, storedContact } from '../shared.js';
import type { Handlers } from '../types.js';
import { bookingIcs, videoLinkNote } from './ics.js';
import { icsText } from './ics-text.js';
// The widget's own: the calendar file's manage link and zone names are the confirmation's.
import { manageUrl } from '../../../src/widgets/booking-scheduler/urls.js';
import { zoneName } from '../../../src/widgets/booking-scheduler/zone-name.js';
import { createHold, heldStarts, releaseHold, releaseSession, unheldDoctors } from './holds.js';
import { BOOKING_HORIZON_MS, BOOKING_LEAD_MS, bookingForToken, bookingView, claimSlot, listServices, loadDoctors, loadService, moveBooking, takenStarts, type BookingRow } from './queries.js';
import { generateSlots } from './slots.js';

type BookingEndpoints = 'listBookingServices' | 'listDoctors' | 'listSlots' | 'createHold' | 'releaseHold' | 'createBooking' | 'getBooking' | 'rescheduleBooking' | 'cancelBooking' | 'getBookingIcs';

/** Services, doctors, slots and the booking lifecycle (create, view, reschedule, cancel, ICS). */
export const bookingHandlers: Pick<Handlers, BookingEndpoints> = {
  async listBookingServices({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const rows = await listServices(db, clinic.id);
    return ok({
      services: rows.map((s) => ({
        id: s.id,
        kind: s.kind,
        name: pick(s.data.name, locale),
        description: pick(s.data.description, locale),
        durationMinutes: s.duration_minutes,
        price: s.data.price ?? null,
        prepare: (s.data.prepare ?? []).map((line) => pick(line, locale)),
      })),
    });
  },

  async listDoctors({ db, clinic, query, apiOrigin }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const doctors = await loadDoctors(db, clinic.id, query.service);
    return ok({
      doctors: doctors.map(({ id, data: d }) => ({
        id,
        name: d.name,
        title: pick(d.title, locale),
        specialties: d.specialties,
        languages: d.languages,
        services: d.services,
        ...(d.photo ? { photoUrl: `${apiOrigin}/v1/assets/doctors/${clinic.id}/${id}.svg` } : d.photoUrl ? { photoUrl: d.photoUrl } : {}),
        ...(d.bio ? { bio: pick(d.bio, locale) } : {}),
      })),
    });
  },

  async listSlots(ctx) {
    const { db, clinic, query, now } = ctx;
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (!(to > from)) throw new ApiError(400, 'invalid_request', '`to` must be after `from`', { to: 'Must be after from' });
    if (to.getTime() - from.getTime() > 62 * 86_400_000) throw new ApiError(400, 'invalid_request', 'At most 62 days per request', { to: 'At most 62 days after from' });
    const service = await loadService(db, clinic.id, query.service);
    const doctors = await loadDoctors(db, clinic.id, service.id, query.doctor, query.language);
    if (query.doctor && query.doctor !== 'any' && !doctors.length) throw new ApiError(422, 'unprocessable', 'Unknown doctor for this service', { doctor: 'Unknown doctor for this service' });
    const horizon = new Date(Math.min(to.getTime(), now.getTime() + BOOKING_HORIZON_MS));
    const takenSet = await takenStarts(db, clinic.id, from, to);
    // Slots other patients hold while they fill in the form read as taken (the asker's own do not).
    for (const k of await heldStarts(db, clinic.id, from, to, now, query.session)) takenSet.add(k);
    const byStart = new Map<number, string[]>();
    for (const d of doctors) {
      const starts = generateSlots({ timeZone: clinic.time_zone, schedule: d.schedule, slotMinutes: d.slot_minutes, from, to: horizon, notBefore: new Date(now.getTime() + BOOKING_LEAD_MS) });
      for (const s of starts) {
        if (takenSet.has(`${d.id}|${s.getTime()}`)) continue;
        const list = byStart.get(s.getTime()) ?? [];
        list.push(d.id);
        byStart.set(s.getTime(), list);
      }
    }
    const slots = [...byStart.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([t, doctorIds]) => ({ start: iso(new Date(t)), end: iso(new Date(t + service.duration_minutes * 60_000)), doctorIds }));
    return ok({ timeZone: clinic.time_zone, service: service.id, slots });
  },

  async createHold(ctx) {
    const { db, clinic, body } = ctx;
    const service = await loadService(db, clinic.id, body.service);
    const doctors = await loadDoctors(db, clinic.id, service.id, body.doctor, body.language);
    if (!doctors.length) throw noDoctor(body);
    return ok({ hold: await createHold(db, ctx, doctors, service, new Date(body.start), body.session) }, 201);
  },

  async releaseHold({ db, clinic, params, query }) {
    await releaseHold(db, clinic.id, params.id, query.session);
    return ok({ ok: true as const });
  },

  async createBooking(ctx) {
    const { db, clinic, body, now } = ctx;
    const service = await loadService(db, clinic.id, body.service);
    const all = await loadDoctors(db, clinic.id, service.id, body.doctor, body.language);
    if (!all.length) throw noDoctor(body);
    const start = new Date(body.start);
    const doctors = await unheldDoctors(db, ctx, all, start, body.session);
    const token = newToken();
    const id = randomUUID();
    const row = await claimSlot(ctx, doctors, start, service, async (d, end) => {
      const { rows } = await db.query<BookingRow>(
        `INSERT INTO bookings (id, clinic_id, reference, service_id, doctor_id, starts_at, ends_at, status, manage_token_hash, contact, patient_time_zone, locale, interpreter, notes, quote_reference, consent_version, attribution, created_at, updated_at, country, preferred_channel, manage_page)
         VALUES ($1,$2,$3,$4,$5,$6,$7,'confirmed',$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17,$18,$19,$20) RETURNING *`,
        [id, clinic.id, newReference('B'), service.id, d.id, start, end, sha256(token), json(storedContact(body.contact)), body.timeZone, body.locale, body.interpreter ?? null, body.notes ?? null, body.quoteReference ?? null, body.consent.version, body.attribution ? json(body.attribution) : null, now, body.country ?? null, body.preferredChannel ?? null, managePage(body.managePage, ctx.origin)],
      );
      return rows[0]!;
    });
    await releaseSession(db, clinic.id, body.session);
    const booking = await bookingView(db, clinic, row);
    // Links work without headers (calendar downloads, e-mails): the key travels in the query.
    const q = `token=${encodeURIComponent(token)}&clinic=${encodeURIComponent(ctx.clinicKey ?? '')}`;
    return ok({ booking, manageToken: token, links: { manage: `/v1/bookings/${booking.id}?${q}`, ics: `/v1/bookings/${booking.id}/ics?${q}` } }, 201);
  },

  async getBooking(ctx) {
    const b = await bookingForToken(ctx);
    return ok({ booking: await bookingView(ctx.db, ctx.clinic, b) });
  },

  async rescheduleBooking(ctx) {
    const { db, clinic, body } = ctx;
    const b = await bookingForToken(ctx);
    if (b.status !== 'confirmed') throw new ApiError(409, 'conflict', 'This booking is cancelled');
    if (new Date(b.starts_at) <= ctx.now) throw new ApiError(409, 'conflict', 'This consultation has already taken place');
    const start = new Date(body.start);
    // Moving a booking to where it already is changes nothing (a retry whose key has expired):
    // SEQUENCE stays, so calendars see no new version.
    if (start.getTime() === new Date(b.starts_at).getTime() && (!body.doctor || body.doctor === 'any' || body.doctor === b.doctor_id)) {
      return ok({ booking: await bookingView(db, clinic, b) });
    }
    const service = await loadService(db, clinic.id, b.service_id);
    const doctors = await loadDoctors(db, clinic.id, service.id, body.doctor ?? b.doctor_id);
    const row = await moveBooking(db, ctx, b, doctors, service, start, body.session, body.timeZone);
    await releaseSession(db, clinic.id, body.session);
    return ok({ booking: await bookingView(db, clinic, row) });
  },

  async cancelBooking(ctx) {
    const b = await bookingForToken(ctx);
    // Cancelling twice changes nothing (a retried DELETE); a consultation that took place stays.
    if (b.status === 'cancelled') return ok({ booking: await bookingView(ctx.db, ctx.clinic, b) });
    if (new Date(b.starts_at) <= ctx.now) throw new ApiError(409, 'conflict', 'This consultation has already taken place');
    const { rows } = await ctx.db.query<BookingRow>(
      "UPDATE bookings SET status = 'cancelled', updated_at = $3, sequence = sequence + 1 WHERE clinic_id = $1 AND id = $2 AND status = 'confirmed' RETURNING *",
      [ctx.clinic.id, b.id, ctx.now],
    );
    const row = rows[0] ?? (await bookingForToken(ctx));
    return ok({ booking: await bookingView(ctx.db, ctx.clinic, row) });
  },

  async getBookingIcs(ctx) {
    const { clinic } = ctx;
    const b = await bookingForToken(ctx);
    const view = await bookingView(ctx.db, clinic, b);
    const service = await loadService(ctx.db, clinic.id, b.service_id);
    // Everything in the booking's language, the zones by the names the confirmation shows.
    const t = icsText(b.locale);
    const at = Date.parse(view.start);
    const when = (zone: string) => `${new Intl.DateTimeFormat(b.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(at)} (${zoneName(zone, b.locale, at)})`;
    // The confirmation's manage link: the page booked on, with this booking's id and the token this file was asked with.
    const manage = b.manage_page ? manageUrl(b.manage_page, view.id, ctx.query.token) : undefined;
    const name = clinic.config.names?.[b.locale] ?? clinic.name;
    const description = [
      t.reference(view.reference),
      t.yourTime(when(view.patientTimeZone)),
      t.clinicTime(when(view.timeZone)),
      view.kind === 'in-person' ? t.arrive : videoLinkNote(new Date(b.starts_at), ctx.now, b.preferred_channel, b.locale),
      ...(view.interpreter ? [t.interpreter(new Intl.DisplayNames(b.locale, { type: 'language' }).of(view.interpreter) ?? view.interpreter)] : []),
      ...(manage ? [t.manage(manage)] : []),
    ].join('\n');
    return {
      status: 200,
      body: bookingIcs({
        uid: `${view.id}@prm-widgets`,
        sequence: b.sequence,
        status: view.status,
        start: view.start,
        end: view.end,
        stamp: ctx.now,
        modified: new Date(b.updated_at),
        summary: `${pick(service.data.name, b.locale)} – ${view.doctor.name}, ${name}`,
        description,
        location: view.kind === 'in-person' ? (clinic.config.address ?? name) : t.videoCall,
        organizer: { name: clinic.name, email: clinic.config.channels?.email ?? 'bookings@prm-widgets.invalid' },
        ...(manage ? { url: manage } : {}),
        alarmMinutes: 60,
      }),
      contentType: 'text/calendar; charset=utf-8',
      headers: { 'Content-Disposition': `attachment; filename="${view.reference}.ics"` },
    };
  },
};

/**
 * The page to link the calendar file's manage link to: the one the patient booked on, when it is
 * of the request's own origin (the tenant step allowed that origin for this clinic's key), without
 * its fragment and without another booking's manage query (a patient who opened a manage link and
 * then booked anew: its token is never stored in clear). A request from no browser page, or naming
 * another site, stores none.
 */
export function managePage(page: string | undefined, origin: string | undefined): string | null {
  if (!page || !origin) return null;
  try {
    const u = new URL(page);
    if (u.origin !== origin) return null;
    u.hash = '';
    u.searchParams.delete('prm-booking');
    u.searchParams.delete('prm-token');
    return u.href;
  } catch {
    return null;
  }
}

/** No doctor to hold or book with: an unknown one, or (first available) none who speaks the language asked for. */
function noDoctor(body: { doctor: string; language?: string | undefined }): ApiError {
  return body.language && body.doctor === 'any'
    ? new ApiError(422, 'unprocessable', 'No doctor of this service speaks this language', { language: 'No doctor of this service speaks this language' })
    : new ApiError(422, 'unprocessable', 'Unknown doctor for this service', { doctor: 'Unknown doctor for this service' });
}
