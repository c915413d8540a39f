import * as z from 'zod/mini';
import { str, int, list } from './checked.js';
import {
  AttributionSchema,
  ConsentSchema,
  CountryCodeSchema,
  PreferredChannelSchema,
  ContactSchema,
  DateTimeInputSchema,
  DateTimeSchema,
  HttpUrlSchema,
  IdSchema,
  LocaleSchema,
  KnownTimeZoneSchema,
  MoneySchema,
  PatientTextSchema,
  TimeZoneSchema,
  UuidSchema,
} from './common.js';

export const ConsultationKindSchema = /* @__PURE__ */ z.enum(['video', 'in-person', 'follow-up']);
export type ConsultationKind = z.infer<typeof ConsultationKindSchema>;

/** `GET /v1/booking/services?locale`: text in `locale` (else the clinic's default). */
export const ServicesQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const BookingServiceSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  kind: ConsultationKindSchema,
  name: z.string(),
  description: z.string(),
  durationMinutes: int(z.minimum(5), z.maximum(240)),
  /** Fee, if any (null or absent: free of charge). */
  price: z.optional(z.nullable(MoneySchema)),
  /** What the patient should prepare, one line each. */
  prepare: z.optional(z.array(z.string())),
});
export type BookingService = z.infer<typeof BookingServiceSchema>;
export const BookingServicesResponseSchema = /* @__PURE__ */ z.object({ services: z.array(BookingServiceSchema) });

/** `GET /v1/booking/doctors?service&locale` */
export const DoctorSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  name: z.string(),
  /** Specialty as the patient reads it ("Orthopaedic surgeon"), in the requested locale. */
  title: z.string(),
  specialties: z.array(IdSchema),
  /** Languages spoken (BCP 47). */
  languages: z.array(LocaleSchema),
  /** Services this doctor offers. */
  services: z.array(IdSchema),
  photoUrl: z.optional(z.string()),
  bio: z.optional(z.string()),
});
export type Doctor = z.infer<typeof DoctorSchema>;
export const DoctorsQuerySchema = /* @__PURE__ */ z.object({ service: z.optional(IdSchema), locale: z.optional(LocaleSchema) });
export const DoctorsResponseSchema = /* @__PURE__ */ z.object({ doctors: z.array(DoctorSchema) });

/**
 * `GET /v1/booking/slots?service&doctor&language&from&to`: free slots in [from, to) (UTC instants, at
 * most 62 days apart). `doctor` omitted or `any` returns every doctor free at each start; with
 * `language`, only doctors who speak it ("first available" among them).
 */
export const SlotsQuerySchema = /* @__PURE__ */ z.object({
  service: IdSchema,
  doctor: z.optional(z.union([z.literal('any'), IdSchema])),
  /** With `doctor=any`: only doctors who speak this language (a code of `Doctor.languages`). */
  language: z.optional(LocaleSchema),
  from: DateTimeInputSchema,
  to: DateTimeInputSchema,
  /** The asking tab's hold session: a slot it holds itself is still listed for it. */
  session: z.optional(str(z.minLength(16), z.maxLength(64))),
});
export type SlotsQuery = z.infer<typeof SlotsQuerySchema>;
export const SlotSchema = /* @__PURE__ */ z.object({
  start: DateTimeSchema,
  end: DateTimeSchema,
  doctorIds: list(IdSchema, z.minLength(1)),
});
export type Slot = z.infer<typeof SlotSchema>;
export const SlotsResponseSchema = /* @__PURE__ */ z.object({
  /** The clinic's zone; show slots in the patient's zone beside it. */
  timeZone: TimeZoneSchema,
  service: IdSchema,
  slots: z.array(SlotSchema),
});
export type SlotsResponse = z.infer<typeof SlotsResponseSchema>;

/** `POST /v1/bookings` (Idempotency-Key required). 409 `slot_taken` when someone was faster. */
export const CreateBookingBodySchema = /* @__PURE__ */ z
  .object({
    service: IdSchema,
    /** A doctor id, or `any` to let the clinic pick whoever is free. */
    doctor: z.union([z.literal('any'), IdSchema]),
    /** With `doctor: 'any'`: pick only among doctors who speak this language. */
    language: z.optional(LocaleSchema),
    start: DateTimeInputSchema,
    contact: ContactSchema,
    /** The patient's own zone, for confirmations. */
    timeZone: KnownTimeZoneSchema,
    locale: LocaleSchema,
    /** Where the patient lives (ISO 3166-1 alpha-2). */
    country: z.optional(CountryCodeSchema),
    /** How the patient wants the clinic to reach them. */
    preferredChannel: z.optional(PreferredChannelSchema),
    /** Language the patient wants an interpreter for, if any. */
    interpreter: z.optional(LocaleSchema),
    notes: z.optional(PatientTextSchema),
    /** Quote reference this consultation follows up on. */
    quoteReference: z.optional(str(z.maxLength(32))),
    consent: ConsentSchema,
    attribution: z.optional(AttributionSchema),
    /** The hold session that held this slot (its hold is used up; others' holds block the slot). */
    session: z.optional(str(z.minLength(16), z.maxLength(64))),
    /**
     * The page the patient booked on: the calendar file links to it with the booking's id and manage
     * token (`?prm-booking=…&prm-token=…`), the manage link the confirmation offers. Kept only when it
     * is of the request's own origin (a page of the clinic's site), else ignored.
     */
    managePage: z.optional(HttpUrlSchema),
  });
export type CreateBookingBody = z.infer<typeof CreateBookingBodySchema>;

export const BookingStatusSchema = /* @__PURE__ */ z.enum(['confirmed', 'cancelled']);
export const BookingSchema = /* @__PURE__ */ z
  .object({
    id: UuidSchema,
    reference: z.string(),
    status: BookingStatusSchema,
    service: IdSchema,
    kind: ConsultationKindSchema,
    doctor: z.object({ id: IdSchema, name: z.string() }),
    start: DateTimeSchema,
    end: DateTimeSchema,
    /** Clinic zone. */
    timeZone: TimeZoneSchema,
    /** Patient zone, as given. */
    patientTimeZone: TimeZoneSchema,
    interpreter: z.nullable(LocaleSchema),
    createdAt: DateTimeSchema,
  });
export type Booking = z.infer<typeof BookingSchema>;

/** Answer of POST /bookings: the booking plus its manage token (shown once, never stored in clear). */
export const CreateBookingResponseSchema = /* @__PURE__ */ z.object({
  booking: BookingSchema,
  manageToken: z.string(),
  /** Paths (relative to the API base) to manage the booking and download the calendar file. */
  links: z.object({ manage: z.string(), ics: z.string() }),
});
export type CreateBookingResponse = z.infer<typeof CreateBookingResponseSchema>;

/** `GET|PATCH|DELETE /v1/bookings/:id?token=` */
export const BookingParamsSchema = /* @__PURE__ */ z.object({ id: UuidSchema });
export const ManageTokenQuerySchema = /* @__PURE__ */ z.object({ token: str(z.minLength(16), z.maxLength(128)) });
export const BookingResponseSchema = /* @__PURE__ */ z.object({ booking: BookingSchema });
export type BookingResponse = z.infer<typeof BookingResponseSchema>;
/** Reschedule: a new start, optionally another doctor (or `any`). */
export const PatchBookingBodySchema = /* @__PURE__ */ z.object({
  start: DateTimeInputSchema,
  /** The patient's zone now (they may manage from another zone than they booked from): the booking and its calendar text then read in it. */
  timeZone: z.optional(TimeZoneSchema),
  doctor: z.optional(z.union([z.literal('any'), IdSchema])),
  session: z.optional(str(z.minLength(16), z.maxLength(64))),
});
export type PatchBookingBody = z.infer<typeof PatchBookingBodySchema>;

/**
 * `POST /v1/booking/holds`: holds a slot for a few minutes while the patient fills in the form.
 * A session holds at most one slot: a new hold releases its previous one. 409 `slot_taken` when
 * the slot is booked or held by another session. Holding is a courtesy; the booking constraint
 * stays the guarantee.
 */
export const HoldBodySchema = /* @__PURE__ */ z.object({
  service: IdSchema,
  doctor: z.union([z.literal('any'), IdSchema]),
  /** With `doctor: 'any'`: hold only with a doctor who speaks this language. */
  language: z.optional(LocaleSchema),
  start: DateTimeInputSchema,
  /** Random id of the patient's tab (not personal data), 16–64 characters. */
  session: str(z.minLength(16), z.maxLength(64)),
});
export type HoldBody = z.infer<typeof HoldBodySchema>;
export const HoldSchema = /* @__PURE__ */ z.object({
  id: UuidSchema,
  start: DateTimeSchema,
  doctorId: IdSchema,
  expiresAt: DateTimeSchema,
});
export type Hold = z.infer<typeof HoldSchema>;
export const HoldResponseSchema = /* @__PURE__ */ z.object({ hold: HoldSchema });
/** `DELETE /v1/booking/holds/:id?session=` releases a hold early (the patient went back). */
export const HoldParamsSchema = /* @__PURE__ */ z.object({ id: UuidSchema });
export const HoldSessionQuerySchema = /* @__PURE__ */ z.object({ session: str(z.minLength(16), z.maxLength(64)) });
