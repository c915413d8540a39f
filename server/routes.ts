import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Procedure } from '../src/core/contract/catalog.js';
import type { ClinicConfig } from '../src/core/contract/config.js';
import { THEME_MAX_TOKENS } from '../src/core/contract/theme.js';
import type { ChatContext, ChatMessage } from '../src/core/contract/chat.js';
import type { Booking } from '../src/core/contract/booking.js';
import type { Estimate, QuoteSelection } from '../src/core/contract/quotes.js';
import type { CreateFeedbackBody } from '../src/core/contract/feedback.js';
import type { EndpointId, endpoints } from '../src/core/contract/endpoints.js';
import type { Attribution, Contact } from '../src/core/contract/common.js';
import type * as z from 'zod/mini';
import { computeEstimate, PricingError } from '../src/widgets/quote-calculator/pricing.js';
import { lineLabels, localizeDeep } from './domains/catalog/localize.js';
import type { Db, Queryable } from './db/types.js';
import { pgConstraint, pgErrorCode } from './db/types.js';
import { ApiError, notFound, ok, type Reply } from './http.js';
import { generateSlots, type ScheduleBlock } from './slots.js';

/** A contact as stored: the name without surrounding blanks (the contract only requires a non-blank name). */
const storedContact = (c: Contact): Contact => ({ ...c, name: c.name.trim() });

export interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  config: Omit<ClinicConfig, 'id' | 'name' | 'timeZone' | 'theme'>;
  theme: ClinicConfig['theme'];
  theme_updated_at: Date;
}

type EndpointOf<K extends EndpointId> = Extract<(typeof endpoints)[number], { id: K }>;
/** The parsed `params` / `query` / `body` of endpoint K, as its contract schemas define them. */
type Input<K extends EndpointId, F extends 'params' | 'query' | 'body'> = EndpointOf<K> extends { [P in F]: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

export interface HandlerCtx<K extends EndpointId = EndpointId> {
  db: Db;
  now: Date;
  clinic: ClinicRow;
  /** Origin of the API as the client sees it (for absolute asset URLs). */
  apiOrigin: string;
  /** The public key the request came with (staff requests: undefined). */
  clinicKey?: string | undefined;
  params: Input<K, 'params'>;
  query: Input<K, 'query'>;
  body: Input<K, 'body'>;
  staff?: { name: string };
}

export type Handler<K extends EndpointId = EndpointId> = (ctx: HandlerCtx<K>) => Promise<Reply>;
type JsonEndpointId = Exclude<EndpointId, 'conversationEvents' | 'staffEvents'>;

/** Procedure as stored: name and description are locale maps. */
type StoredProcedure = Omit<Procedure, 'name' | 'description'> & { name: Record<string, string>; description: Record<string, string> };
interface ListRow {
  id: string;
  created_at: Date;
}
interface QuoteRow extends ListRow {
  reference: string;
  selection: QuoteSelection;
  currency: string;
  estimate: Estimate;
  contact: Contact;
  preferred_channel: 'whatsapp' | 'email' | 'phone';
  travel_month: string | null;
  notes: string | null;
  consent_version: string;
  locale: string;
  attribution: Attribution | null;
}
interface StoryRow {
  id: string;
  procedure_id: string;
  language: string;
  country: string;
  date: string;
  data: { displayName: string; title: string; body: string; rating: number; image: { alt: string; width: number; height: number } | null };
  pname: Record<string, string> | null;
}
interface ConversationRow {
  id: string;
  status: 'open' | 'closed';
  name: string | null;
  email: string | null;
  locale: string;
  context: ChatContext;
  updated_at: Date;
  m_id: string | null;
  m_author: ChatMessage['author'];
  m_author_name: string | null;
  m_body: string;
  m_created_at: Date;
}
interface FeedbackRow extends ListRow {
  data: CreateFeedbackBody;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newReference = (prefix: string) => prefix + '-' + Array.from(randomBytes(6), (b) => REF_ALPHABET[b % 32]).join('');
const iso = (d: Date | string) => new Date(d).toISOString();
const json = (x: unknown) => JSON.stringify(x);

/** Picks the text for `locale` from a locale map: exact, then language, then English, then any. */
export function pick(map: Record<string, string> | string | undefined, locale: string | undefined, fallback = 'en'): string {
  if (map === undefined) return '';
  if (typeof map === 'string') return map;
  if (locale && map[locale] !== undefined) return map[locale]!;
  const lang = locale?.split('-')[0];
  if (lang && map[lang] !== undefined) return map[lang]!;
  return map[fallback] ?? map['en'] ?? map['default'] ?? Object.values(map)[0] ?? '';
}

// ---------------------------------------------------------------------------------------------
// Cursors: opaque base64url of [createdAt|date, id]

const encodeCursor = (a: string, b: string) => Buffer.from(JSON.stringify([a, b])).toString('base64url');
function decodeCursor(c: string | undefined): [string, string] | null {
  if (!c) return null;
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'invalid_request', 'Invalid cursor', { cursor: 'Invalid cursor' });
}

// ---------------------------------------------------------------------------------------------
// Catalog

async function loadProcedures(db: Queryable, clinicId: string, locale: string | undefined, specialty?: string) {
  const params: unknown[] = [clinicId];
  let sql = 'SELECT data FROM procedures WHERE clinic_id = $1';
  if (specialty) {
    params.push(specialty);
    sql += ' AND specialty = $2';
  }
  const { rows } = await db.query<{ data: StoredProcedure }>(sql + ' ORDER BY position, id', params);
  return rows.map((r) => localizeProcedure(r.data, locale));
}

function localizeProcedure(data: StoredProcedure, locale: string | undefined): Procedure {
  return localizeDeep<Procedure>(data, locale);
}

async function loadRates(db: Queryable, clinicId: string) {
  const { rows } = await db.query<{ base: string; as_of: Date | string; rates: Record<string, number> }>(
    'SELECT base, as_of::text AS as_of, rates FROM exchange_rates WHERE clinic_id = $1',
    [clinicId],
  );
  const r = rows[0];
  return r ? { base: r.base, date: String(r.as_of).slice(0, 10), rates: r.rates } : null;
}

// ---------------------------------------------------------------------------------------------
// Booking helpers

interface DoctorRow {
  id: string;
  data: { name: string; title: string; specialties: string[]; languages: string[]; services: string[]; photoUrl?: string; bio?: string };
  schedule: ScheduleBlock[];
  slot_minutes: number;
}
interface ServiceRow {
  id: string;
  kind: 'video' | 'in-person' | 'follow-up';
  duration_minutes: number;
  data: { name: Record<string, string>; description: Record<string, string> };
}

/** Earliest bookable start: now + 2 h; latest: now + 120 days. */
export const BOOKING_LEAD_MS = 2 * 3600_000;
export const BOOKING_HORIZON_MS = 120 * 86_400_000;

async function loadService(db: Queryable, clinicId: string, id: string, field = 'service'): Promise<ServiceRow> {
  const { rows } = await db.query<ServiceRow>('SELECT id, kind, duration_minutes, data FROM booking_services WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
  if (!rows[0]) throw new ApiError(422, 'unprocessable', 'Unknown service', { [field]: 'Unknown service' });
  return rows[0];
}

async function loadDoctors(db: Queryable, clinicId: string, service?: string, doctor?: string): Promise<DoctorRow[]> {
  const { rows } = await db.query<DoctorRow>('SELECT id, data, schedule, slot_minutes FROM doctors WHERE clinic_id = $1 ORDER BY position, id', [clinicId]);
  return rows.filter((d) => (!service || d.data.services.includes(service)) && (!doctor || doctor === 'any' || d.id === doctor));
}

function slotFree(d: DoctorRow, tz: string, start: Date, now: Date): boolean {
  const s = generateSlots({ timeZone: tz, schedule: d.schedule, slotMinutes: d.slot_minutes, from: start, to: new Date(start.getTime() + 1), notBefore: new Date(now.getTime() + BOOKING_LEAD_MS) });
  return s.length === 1 && start.getTime() < now.getTime() + BOOKING_HORIZON_MS;
}

interface BookingRow extends ListRow {
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
  quote_reference: string | null;
  created_at: Date;
}

async function bookingView(db: Queryable, clinic: ClinicRow, b: BookingRow): Promise<Booking> {
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

async function bookingForToken(ctx: { db: Db; clinic: ClinicRow; params: { id: string }; query: { token: string } }): Promise<BookingRow> {
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
async function claimSlot(
  db: Queryable,
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
  void db;
  throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot; please pick another.');
}

function ics(clinic: ClinicRow, b: Booking, serviceName: string, now: Date): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
  const dt = (s: string | Date) => iso(s).replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const fold = (line: string) => line.match(/.{1,73}/gu)!.join('\r\n ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prm-widgets//reference server//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${b.status === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${b.id}@prm-widgets`,
    `DTSTAMP:${dt(now)}`,
    `DTSTART:${dt(b.start)}`,
    `DTEND:${dt(b.end)}`,
    `SUMMARY:${esc(`${serviceName} – ${b.doctor.name}, ${clinic.name}`)}`,
    `DESCRIPTION:${esc(`Booking reference ${b.reference}. Times are UTC; the clinic is in ${clinic.time_zone}.`)}`,
    `LOCATION:${esc(b.kind === 'in-person' ? (clinic.config.address ?? clinic.name) : 'Video call (link sent by email)')}`,
    `STATUS:${b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Chat helpers

interface MessageRow {
  id: string;
  conversation_id: string;
  author: ChatMessage['author'];
  author_name: string | null;
  body: string;
  created_at: Date;
}
export const messageView = (m: MessageRow): ChatMessage => ({
  id: String(m.id),
  conversationId: m.conversation_id,
  author: m.author,
  authorName: m.author_name,
  body: m.body,
  createdAt: iso(m.created_at),
});
const MSG_COLS = 'id::text AS id, conversation_id, author, author_name, body, created_at';

/** Messages after `afterId`, of one conversation or (conversationId null) of the whole clinic. */
export async function messagesAfter(db: Queryable, clinicId: string, conversationId: string | null, afterId: string): Promise<ChatMessage[]> {
  const { rows } = await db.query<MessageRow>(
    `SELECT ${MSG_COLS} FROM chat_messages WHERE clinic_id = $1 AND ($2::uuid IS NULL OR conversation_id = $2::uuid) AND id > $3::bigint ORDER BY id LIMIT 500`,
    [clinicId, conversationId, afterId],
  );
  return rows.map(messageView);
}

async function insertMessage(db: Queryable, ctx: { clinic: ClinicRow; now: Date }, conversationId: string, author: ChatMessage['author'], authorName: string | null, body: string) {
  const { rows } = await db.query<MessageRow>(
    `INSERT INTO chat_messages (clinic_id, conversation_id, author, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${MSG_COLS}`,
    [ctx.clinic.id, conversationId, author, authorName, body, ctx.now],
  );
  await db.query('UPDATE conversations SET updated_at = $3 WHERE clinic_id = $1 AND id = $2', [ctx.clinic.id, conversationId, ctx.now]);
  return messageView(rows[0]!);
}

export async function conversationForToken(db: Queryable, clinicId: string, id: string, token: string) {
  const { rows } = await db.query<{ id: string; status: 'open' | 'closed'; token_hash: string }>(
    'SELECT id, status, token_hash FROM conversations WHERE clinic_id = $1 AND id = $2',
    [clinicId, id],
  );
  const c = rows[0];
  if (!c) throw notFound('Conversation not found');
  if (c.token_hash !== sha256(token)) throw new ApiError(403, 'forbidden', 'Invalid conversation token');
  return c;
}

/** Whether `now` is within the clinic's office hours. */
export function staffOnline(clinic: ClinicRow, now: Date): boolean {
  const tz = clinic.config.officeHours.timeZone;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3);
  const hm = `${get('hour').padStart(2, '0')}:${get('minute')}`;
  return clinic.config.officeHours.days.some((d) => d.day === day && d.open <= hm && hm < d.close);
}

// ---------------------------------------------------------------------------------------------
// Staff list helper

async function page<R extends ListRow, T>(
  db: Queryable,
  table: 'quotes' | 'bookings' | 'feedback',
  ctx: { clinic: ClinicRow; query: { limit?: number | undefined; cursor?: string | undefined } },
  map: (row: R) => Promise<T> | T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const limit = ctx.query.limit ?? 25;
  const cur = decodeCursor(ctx.query.cursor);
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

// ---------------------------------------------------------------------------------------------
// Handlers, keyed by the registry's endpoint id (the SSE stream lives in app.ts).

export const handlers: { [K in JsonEndpointId]: Handler<K> } = {
  async getConfig({ clinic }) {
    const cfg: ClinicConfig = { id: clinic.id, name: clinic.name, timeZone: clinic.time_zone, ...clinic.config, theme: clinic.theme };
    return ok(cfg);
  },

  async listProcedures({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<{ id: string; name: Record<string, string> }>('SELECT id, name FROM specialties WHERE clinic_id = $1 ORDER BY position, id', [clinic.id]);
    const procedures = await loadProcedures(db, clinic.id, locale, query.specialty);
    const used = new Set(procedures.map((p) => p.specialty));
    return ok({ specialties: rows.filter((s) => used.has(s.id) || !query.specialty).map((s) => ({ id: s.id, name: pick(s.name, locale) })), procedures });
  },

  async getExchangeRates({ db, clinic }) {
    const rates = await loadRates(db, clinic.id);
    if (!rates) throw notFound('No exchange rates');
    return ok(rates);
  },

  async createQuote(ctx) {
    const { db, clinic, body, now } = ctx;
    if (!clinic.config.currencies.includes(body.currency)) throw new ApiError(422, 'unprocessable', 'Currency not offered', { currency: `One of ${clinic.config.currencies.join(', ')}` });
    const { rows } = await db.query<{ data: StoredProcedure }>('SELECT data FROM procedures WHERE clinic_id = $1 AND id = $2', [clinic.id, body.selection.procedureId]);
    if (!rows[0]) throw new ApiError(422, 'unprocessable', 'Unknown procedure', { 'selection.procedureId': 'Unknown procedure' });
    const procedure = localizeProcedure(rows[0].data, body.locale);
    const rates = await loadRates(db, clinic.id);
    let estimate: Estimate;
    try {
      estimate = computeEstimate(procedure, body.selection, rates, body.currency, { homeCountry: body.homeCountry, labels: lineLabels(body.locale) });
    } catch (err) {
      if (err instanceof PricingError) {
        const field = err.field === 'currency' ? 'currency' : `selection.${err.field}`;
        throw new ApiError(422, 'unprocessable', err.message, { [field]: err.message });
      }
      throw err;
    }
    const id = randomUUID();
    const validUntil = new Date(now.getTime() + procedure.validityDays * 86_400_000);
    for (let attempt = 0; ; attempt++) {
      const reference = newReference('Q');
      try {
        await db.query(
          `INSERT INTO quotes (id, clinic_id, reference, procedure_id, selection, currency, estimate, contact, preferred_channel, travel_month, notes, consent_version, locale, attribution, valid_until, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
          [id, clinic.id, reference, procedure.id, json(body.selection), body.currency, json(estimate), json(storedContact(body.contact)), body.preferredChannel, body.travelMonth ?? null, body.notes ?? null, body.consent.version, body.locale, body.attribution ? json(body.attribution) : null, validUntil, now],
        );
        return ok({ id, reference, estimate, priceChanged: body.shownTotal !== undefined && body.shownTotal !== estimate.total, validUntil: iso(validUntil), createdAt: iso(now) }, 201);
      } catch (err) {
        if (pgErrorCode(err) === '23505' && attempt < 3) continue;
        throw err;
      }
    }
  },

  async listBookingServices({ db, clinic }) {
    const locale = clinic.config.defaultLocale;
    const { rows } = await db.query<ServiceRow>('SELECT id, kind, duration_minutes, data FROM booking_services WHERE clinic_id = $1 ORDER BY position, id', [clinic.id]);
    return ok({ services: rows.map((s) => ({ id: s.id, kind: s.kind, name: pick(s.data.name, locale), description: pick(s.data.description, locale), durationMinutes: s.duration_minutes })) });
  },

  async listDoctors({ db, clinic, query }) {
    const doctors = await loadDoctors(db, clinic.id, query.service);
    return ok({ doctors: doctors.map((d) => ({ id: d.id, ...d.data })) });
  },

  async listSlots(ctx) {
    const { db, clinic, query, now } = ctx;
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (!(to > from)) throw new ApiError(400, 'invalid_request', '`to` must be after `from`', { to: 'Must be after from' });
    if (to.getTime() - from.getTime() > 62 * 86_400_000) throw new ApiError(400, 'invalid_request', 'At most 62 days per request', { to: 'At most 62 days after from' });
    const service = await loadService(db, clinic.id, query.service);
    const doctors = await loadDoctors(db, clinic.id, service.id, query.doctor);
    if (query.doctor && query.doctor !== 'any' && !doctors.length) throw new ApiError(422, 'unprocessable', 'Unknown doctor for this service', { doctor: 'Unknown doctor for this service' });
    const horizon = new Date(Math.min(to.getTime(), now.getTime() + BOOKING_HORIZON_MS));
    const { rows: taken } = await db.query<{ doctor_id: string; starts_at: Date }>(
      "SELECT doctor_id, starts_at FROM bookings WHERE clinic_id = $1 AND status = 'confirmed' AND starts_at >= $2 AND starts_at < $3",
      [clinic.id, from, to],
    );
    const takenSet = new Set(taken.map((t) => `${t.doctor_id}|${new Date(t.starts_at).getTime()}`));
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

  async createBooking(ctx) {
    const { db, clinic, body, now } = ctx;
    const service = await loadService(db, clinic.id, body.service);
    const doctors = await loadDoctors(db, clinic.id, service.id, body.doctor);
    if (!doctors.length) throw new ApiError(422, 'unprocessable', 'Unknown doctor for this service', { doctor: 'Unknown doctor for this service' });
    const start = new Date(body.start);
    const token = newToken();
    const id = randomUUID();
    const row = await claimSlot(db, ctx, doctors, start, service, async (d, end) => {
      const { rows } = await db.query<BookingRow>(
        `INSERT INTO bookings (id, clinic_id, reference, service_id, doctor_id, starts_at, ends_at, status, manage_token_hash, contact, patient_time_zone, locale, interpreter, notes, quote_reference, consent_version, attribution, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,'confirmed',$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17) RETURNING *`,
        [id, clinic.id, newReference('B'), service.id, d.id, start, end, sha256(token), json(storedContact(body.contact)), body.timeZone, body.locale, body.interpreter ?? null, body.notes ?? null, body.quoteReference ?? null, body.consent.version, body.attribution ? json(body.attribution) : null, now],
      );
      return rows[0]!;
    });
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
    const { db, clinic, body, now } = ctx;
    const b = await bookingForToken(ctx);
    if (b.status !== 'confirmed') throw new ApiError(409, 'conflict', 'This booking is cancelled');
    const service = await loadService(db, clinic.id, b.service_id);
    const doctors = await loadDoctors(db, clinic.id, service.id, body.doctor ?? b.doctor_id);
    const start = new Date(body.start);
    // Move in one transaction: free the old slot and claim the new one, or change nothing.
    const row = await db.transaction(async (tx) => {
      await tx.query("UPDATE bookings SET status = 'cancelled' WHERE clinic_id = $1 AND id = $2", [clinic.id, b.id]);
      const candidates = doctors.filter((d) => slotFree(d, clinic.time_zone, start, now));
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
          "UPDATE bookings SET status = 'confirmed', doctor_id = $3, starts_at = $4, ends_at = $5, updated_at = $6 WHERE clinic_id = $1 AND id = $2 RETURNING *",
          [clinic.id, b.id, free.id, start, end, now],
        );
        return rows[0]!;
      } catch (err) {
        if (pgErrorCode(err) === '23505') throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot; please pick another.');
        throw err;
      }
    });
    return ok({ booking: await bookingView(db, clinic, row) });
  },

  async cancelBooking(ctx) {
    const b = await bookingForToken(ctx);
    const { rows } = await ctx.db.query<BookingRow>("UPDATE bookings SET status = 'cancelled', updated_at = $3 WHERE clinic_id = $1 AND id = $2 RETURNING *", [ctx.clinic.id, b.id, ctx.now]);
    return ok({ booking: await bookingView(ctx.db, ctx.clinic, rows[0]!) });
  },

  async getBookingIcs(ctx) {
    const b = await bookingForToken(ctx);
    const view = await bookingView(ctx.db, ctx.clinic, b);
    const service = await loadService(ctx.db, ctx.clinic.id, b.service_id);
    return {
      status: 200,
      body: ics(ctx.clinic, view, pick(service.data.name, b.locale), ctx.now),
      contentType: 'text/calendar; charset=utf-8',
      headers: { 'Content-Disposition': `attachment; filename="${view.reference}.ics"` },
    };
  },

  async createFeedback({ db, clinic, body, now }) {
    const id = randomUUID();
    const storyPending = !!body.publishConsent && !!body.comment?.trim();
    await db.query('INSERT INTO feedback (id, clinic_id, data, nps, story_pending, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, clinic.id, json(body), body.nps, storyPending, now]);
    return ok({ id, createdAt: iso(now), storyPending }, 201);
  },

  async listImprovements({ db, clinic, query }) {
    const locale = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<{ id: string; data: { youSaid: Record<string, string>; weDid: Record<string, string>; aspect?: string }; date: string }>('SELECT id, data, date::text AS date FROM improvements WHERE clinic_id = $1 ORDER BY date DESC, id', [clinic.id]);
    return ok({ improvements: rows.map((r) => ({ id: r.id, youSaid: pick(r.data.youSaid, locale), weDid: pick(r.data.weDid, locale), date: String(r.date).slice(0, 10), ...(r.data.aspect ? { aspect: r.data.aspect } : {}) })) });
  },

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
    const cur = decodeCursor(query.cursor);
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

  async listFaq({ db, clinic, query }) {
    const locale: string = query.locale ?? clinic.config.defaultLocale;
    const { rows } = await db.query<{ id: string; locale: string; question: string; answer: string; keywords: string[] }>(
      'SELECT id, locale, question, answer, keywords FROM faq WHERE clinic_id = $1 ORDER BY position, id',
      [clinic.id],
    );
    const byId = new Map<string, Map<string, (typeof rows)[number]>>();
    for (const r of rows) (byId.get(r.id) ?? byId.set(r.id, new Map()).get(r.id)!).set(r.locale, r);
    const lang = locale.split('-')[0]!;
    const faq = [...byId.values()].map((m) => {
      const r = m.get(locale) ?? m.get(lang) ?? m.get('en') ?? [...m.values()][0]!;
      return { id: r.id, question: r.question, answer: r.answer, keywords: r.keywords };
    });
    return ok({ faq });
  },

  async createConversation(ctx) {
    const { db, clinic, body, now } = ctx;
    const id = randomUUID();
    const token = newToken();
    const context = body.context ?? {};
    const messages = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO conversations (id, clinic_id, token_hash, name, email, locale, context, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8)', [id, clinic.id, sha256(token), body.name ?? null, body.email ?? null, body.locale, json(context), now]);
      return body.message ? [await insertMessage(tx, ctx, id, 'visitor', null, body.message)] : [];
    });
    return ok({ conversation: { id, status: 'open', locale: body.locale, context, createdAt: iso(now) }, token, messages }, 201);
  },

  async postVisitorMessage(ctx) {
    const c = await conversationForToken(ctx.db, ctx.clinic.id, ctx.params.id, ctx.query.token);
    if (c.status !== 'open') throw new ApiError(409, 'conflict', 'This conversation is closed');
    return ok({ message: await insertMessage(ctx.db, ctx, c.id, 'visitor', null, ctx.body.body) }, 201);
  },

  async staffListConversations({ db, clinic }) {
    const { rows } = await db.query<ConversationRow>(
      `SELECT c.*, m.id::text AS m_id, m.author AS m_author, m.author_name AS m_author_name, m.body AS m_body, m.created_at AS m_created_at
       FROM conversations c
       LEFT JOIN LATERAL (SELECT * FROM chat_messages WHERE conversation_id = c.id ORDER BY id DESC LIMIT 1) m ON true
       WHERE c.clinic_id = $1 ORDER BY c.updated_at DESC LIMIT 200`,
      [clinic.id],
    );
    return ok({
      conversations: rows.map((r) => ({
        id: r.id,
        status: r.status,
        name: r.name,
        email: r.email,
        locale: r.locale,
        context: r.context,
        lastMessage: r.m_id ? messageView({ id: r.m_id, conversation_id: r.id, author: r.m_author, author_name: r.m_author_name, body: r.m_body, created_at: r.m_created_at }) : null,
        updatedAt: iso(r.updated_at),
      })),
    });
  },

  async staffListMessages({ db, clinic, params }) {
    const { rows } = await db.query('SELECT 1 FROM conversations WHERE clinic_id = $1 AND id = $2', [clinic.id, params.id]);
    if (!rows.length) throw notFound('Conversation not found');
    return ok({ messages: await messagesAfter(db, clinic.id, params.id, '0') });
  },

  async staffPostMessage(ctx) {
    const { rows } = await ctx.db.query('SELECT 1 FROM conversations WHERE clinic_id = $1 AND id = $2', [ctx.clinic.id, ctx.params.id]);
    if (!rows.length) throw notFound('Conversation not found');
    return ok({ message: await insertMessage(ctx.db, ctx, ctx.params.id, 'staff', ctx.staff?.name ?? 'Staff', ctx.body.body) }, 201);
  },

  async staffListLeads(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'quotes', ctx, (r: QuoteRow) => ({
      id: r.id,
      reference: r.reference,
      selection: r.selection,
      currency: r.currency,
      estimate: r.estimate,
      contact: r.contact,
      preferredChannel: r.preferred_channel,
      travelMonth: r.travel_month,
      notes: r.notes,
      consentVersion: r.consent_version,
      locale: r.locale,
      attribution: r.attribution,
      createdAt: iso(r.created_at),
    }));
    return ok({ leads: items, nextCursor });
  },

  async staffListBookings(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'bookings', ctx, async (r: BookingRow) => ({
      booking: await bookingView(ctx.db, ctx.clinic, r),
      contact: r.contact,
      notes: r.notes,
      quoteReference: r.quote_reference,
    }));
    return ok({ bookings: items, nextCursor });
  },

  async staffListFeedback(ctx) {
    const { items, nextCursor } = await page(ctx.db, 'feedback', ctx, (r: FeedbackRow) => ({ id: r.id, feedback: r.data, createdAt: iso(r.created_at) }));
    const { rows } = await ctx.db.query<{ n: number; promoters: number; detractors: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE nps >= 9)::int AS promoters, count(*) FILTER (WHERE nps <= 6)::int AS detractors FROM feedback WHERE clinic_id = $1',
      [ctx.clinic.id],
    );
    const s = rows[0]!;
    return ok({ feedback: items, nextCursor, nps: s.n ? Math.round(((s.promoters - s.detractors) / s.n) * 1000) / 10 : null });
  },

  async staffPutTheme({ db, clinic, body, now }) {
    if (Object.keys(body.tokens).length > THEME_MAX_TOKENS) {
      throw new ApiError(400, 'invalid_request', `At most ${THEME_MAX_TOKENS} tokens`, { tokens: `At most ${THEME_MAX_TOKENS} tokens` });
    }
    await db.query('UPDATE clinics SET theme = $2, theme_updated_at = $3 WHERE id = $1', [clinic.id, json(body), now]);
    return ok({ theme: body, updatedAt: iso(now) });
  },
};
