import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/types.js';
import { buildProcedure, PROCEDURES, RATES, SPECIALTIES, type SeedProcedure } from './catalog.js';
import { FAQ } from './faq.js';

export { buildProcedure };
import { STORIES } from './stories.js';
import { FEEDBACK_CONFIG, IMPROVEMENTS } from './feedback.js';
import { storyRows } from './story-rows.js';
import { BOOKING_DOCTORS, BOOKING_SERVICES, doctorData, serviceData } from './booking.js';

export const DEMO_PUBLIC_KEY = 'pk_demo_aurora';
export const SECOND_PUBLIC_KEY = 'pk_demo_second';
/** Dev-only staff tokens, printed on first start and documented in docs/backend.md. */
export const DEMO_STAFF_TOKEN = 'sk_demo_staff';
export const SECOND_STAFF_TOKEN = 'sk_demo_second_staff';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
type Block = { day: string; start: string; end: string };
const weekly = (days: readonly string[], ...ranges: [string, string][]): Block[] =>
  days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));

const AURORA_CONFIG = {
  // The hospital's own names in its patients' languages (the demo site's Arabic page uses the Arabic one).
  names: { ar: 'مستشفى أورورا الدولي' },
  currencies: ['EUR', 'USD', 'GBP', 'TRY', 'AED', 'SAR', 'CHF', 'SEK'],
  defaultCurrency: 'EUR',
  locales: ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'],
  defaultLocale: 'en',
  channels: { whatsapp: '+905321234567', telegram: 'aurora_hospital', phone: '+902124445566', email: 'care@aurora-hospital.example' },
  officeHours: { timeZone: 'Europe/Istanbul', days: [...weekly(WEEKDAYS, ['08:00', '20:00']).map((b) => ({ day: b.day, open: b.start, close: b.end })), { day: 'sat', open: '09:00', close: '17:00' }] },
  privacyUrl: 'https://aurora-hospital.example/privacy',
  consent: {
    version: '2026-09',
    text: {
      default: 'I agree that Aurora International Hospital processes the health information I provide to prepare my treatment plan and contact me about it.',
      en: 'I agree that Aurora International Hospital processes the health information I provide to prepare my treatment plan and contact me about it.',
      de: 'Ich willige ein, dass das Aurora International Hospital meine Gesundheitsangaben verarbeitet, um meinen Behandlungsplan zu erstellen und mich dazu zu kontaktieren.',
      tr: 'Aurora International Hospital’ın tedavi planımı hazırlamak ve benimle iletişime geçmek için verdiğim sağlık bilgilerini işlemesini kabul ediyorum.',
      ar: 'أوافق على أن يعالج مستشفى أورورا الدولي المعلومات الصحية التي أقدمها لإعداد خطة علاجي والتواصل معي بشأنها.',
      ru: 'Я согласен(на), чтобы Aurora International Hospital обрабатывал предоставленные мной медицинские данные для подготовки плана лечения и связи со мной.',
      es: 'Acepto que Aurora International Hospital trate la información de salud que facilito para preparar mi plan de tratamiento y contactarme.',
      fr: 'J’accepte qu’Aurora International Hospital traite les informations de santé que je fournis pour préparer mon plan de traitement et me contacter.',
    },
  },
  feedback: FEEDBACK_CONFIG,
  country: 'TR',
  address: 'Büyükdere Cd. 120, 34394 Şişli, Istanbul, Türkiye',
};

// The demo clinic gives one brand colour, as most clinics do: GET /config serves it with a derived
// dark value (and on-primary) that meet WCAG AA (src/core/theme/derive.ts).
const AURORA_THEME = { mode: 'auto', tokens: { '--prm-color-primary': '#0b5f5a', '--prm-radius': '0.75em', '--prm-font-family': "Inter, system-ui, sans-serif" } };

const ALL_SERVICES = BOOKING_SERVICES.map((s) => s.id);

async function insertClinic(tx: Queryable, id: string, name: string, timeZone: string, config: object, theme: object) {
  await tx.query('INSERT INTO clinics (id, name, time_zone, config, theme) VALUES ($1, $2, $3, $4, $5)', [id, name, timeZone, config, theme]);
}

async function seedAurora(tx: Queryable) {
  const clinic = 'aurora';
  await insertClinic(tx, clinic, 'Aurora International Hospital', 'Europe/Istanbul', AURORA_CONFIG, AURORA_THEME);
  await tx.query('INSERT INTO api_keys (key, clinic_id, allowed_origins, allow_localhost) VALUES ($1, $2, $3, true)', [DEMO_PUBLIC_KEY, clinic, ['https://aurora-hospital.example', 'https://www.aurora-hospital.example']]);
  await tx.query('INSERT INTO staff_tokens (token_hash, clinic_id, name) VALUES ($1, $2, $3)', [sha256(DEMO_STAFF_TOKEN), clinic, 'Demo coordinator']);
  for (const [i, s] of SPECIALTIES.entries()) await tx.query('INSERT INTO specialties (clinic_id, id, name, position) VALUES ($1, $2, $3, $4)', [clinic, s.id, s.name, i]);
  for (const [i, p] of PROCEDURES.entries()) await tx.query('INSERT INTO procedures (clinic_id, id, specialty, position, data) VALUES ($1, $2, $3, $4, $5)', [clinic, p.id, p.specialty, i, buildProcedure(p)]);
  await tx.query('INSERT INTO exchange_rates (clinic_id, base, as_of, rates) VALUES ($1, $2, $3, $4)', [clinic, RATES.base, RATES.date, RATES.rates]);
  for (const [i, s] of BOOKING_SERVICES.entries()) await tx.query('INSERT INTO booking_services (clinic_id, id, kind, duration_minutes, data, position) VALUES ($1, $2, $3, $4, $5, $6)', [clinic, s.id, s.kind, s.duration, serviceData(s), i]);
  for (const [i, d] of BOOKING_DOCTORS.entries()) await tx.query('INSERT INTO doctors (clinic_id, id, data, schedule, slot_minutes, position) VALUES ($1, $2, $3, $4, 30, $5)', [clinic, d.id, doctorData(d, ALL_SERVICES), JSON.stringify(d.schedule), i]);
  for (const r of storyRows(STORIES)) {
    await tx.query('INSERT INTO stories (clinic_id, id, procedure_id, language, country, consented, published, date, data, status, verified) VALUES ($1, $2, $3, $4, $5, true, true, $6, $7, $8, $9)', [clinic, r.id, r.procedureId, r.language, r.country, r.date, r.data, r.status, r.verified]);
  }
  // A story without consent must never be served.
  await tx.query("INSERT INTO stories (clinic_id, id, procedure_id, language, country, consented, published, date, data) VALUES ($1, 'story-unconsented', 'lasik', 'en', 'GB', false, true, '2026-11-01', $2)", [clinic, { displayName: 'Hidden', title: 'Should never appear', body: 'Not consented.', rating: 5, image: null }]);
  for (const [i, f] of FAQ.entries()) for (const locale of Object.keys(f.q) as (keyof typeof f.q)[]) await tx.query('INSERT INTO faq (clinic_id, id, locale, question, answer, keywords, position) VALUES ($1, $2, $3, $4, $5, $6, $7)', [clinic, f.id, locale, f.q[locale], f.a[locale], f.keywords[locale], i]);
  for (const m of IMPROVEMENTS) await tx.query('INSERT INTO improvements (clinic_id, id, data, date) VALUES ($1, $2, $3, $4)', [clinic, m.id, { youSaid: m.youSaid, weDid: m.weDid, aspects: m.aspects }, m.date]);
}

/** Second tenant (Berlin, a DST zone) sharing ids with Aurora on purpose, to prove isolation. */
async function seedSecond(tx: Queryable) {
  const clinic = 'second';
  await insertClinic(tx, clinic, 'Spree Dental Berlin', 'Europe/Berlin', {
    currencies: ['EUR', 'GBP', 'USD'],
    defaultCurrency: 'EUR',
    locales: ['de', 'en'],
    defaultLocale: 'de',
    channels: { phone: '+493012345678', email: 'praxis@spree-dental.example' },
    officeHours: { timeZone: 'Europe/Berlin', days: WEEKDAYS.map((day) => ({ day, open: '08:00', close: '18:00' })) },
    privacyUrl: 'https://spree-dental.example/datenschutz',
    consent: {
      version: 'sd-1',
      text: {
        default: 'I consent to Spree Dental processing my health data.',
        en: 'I consent to Spree Dental processing my health data.',
        de: 'Ich willige in die Verarbeitung meiner Gesundheitsdaten durch Spree Dental ein.',
        ar: 'أوافق على أن تعالج عيادة شبريه دنتال بياناتي الصحية.',
        es: 'Acepto que Spree Dental trate mis datos de salud.',
        fr: 'J’accepte que Spree Dental traite mes données de santé.',
        ru: 'Я согласен(на) на обработку моих медицинских данных клиникой Spree Dental.',
        tr: 'Spree Dental’in sağlık verilerimi işlemesine onay veriyorum.',
      },
    },
    country: 'DE',
  }, { mode: 'light', tokens: { '--prm-color-primary': '#1d4ed8' } });
  await tx.query('INSERT INTO api_keys (key, clinic_id, allowed_origins, allow_localhost) VALUES ($1, $2, $3, true)', [SECOND_PUBLIC_KEY, clinic, ['https://spree-dental.example']]);
  await tx.query('INSERT INTO staff_tokens (token_hash, clinic_id, name) VALUES ($1, $2, $3)', [sha256(SECOND_STAFF_TOKEN), clinic, 'Second staff']);
  await tx.query('INSERT INTO specialties (clinic_id, id, name, position) VALUES ($1, $2, $3, 0)', [clinic, 'dental', SPECIALTIES.find((x) => x.id === 'dental')!.name]);
  const implant = PROCEDURES.find((p) => p.id === 'dental-implants')!;
  const berlin: SeedProcedure = { ...implant, name: 'Dental implant (Berlin)', components: implant.components.map((x) => ({ ...x, amount: x.amount * 2 })), hotelNights: 0 };
  await tx.query('INSERT INTO procedures (clinic_id, id, specialty, position, data) VALUES ($1, $2, $3, 0, $4)', [clinic, berlin.id, 'dental', buildProcedure(berlin)]);
  await tx.query('INSERT INTO exchange_rates (clinic_id, base, as_of, rates) VALUES ($1, $2, $3, $4)', [clinic, 'EUR', '2026-11-19', { EUR: 1, GBP: 0.85, USD: 1.08 }]);
  await tx.query('INSERT INTO booking_services (clinic_id, id, kind, duration_minutes, data, position) VALUES ($1, $2, $3, $4, $5, 0)', [clinic, 'video-consultation', 'video', 20, { name: { en: 'Video consultation', de: 'Videosprechstunde' }, description: { en: 'Video call with the dentist.' } }]);
  await tx.query('INSERT INTO doctors (clinic_id, id, data, schedule, slot_minutes, position) VALUES ($1, $2, $3, $4, 30, 0)', [clinic, 'dr-aydin', { name: 'Dr. Jonas Weber', title: 'Dentist', specialties: ['dental'], languages: ['de', 'en'], services: ['video-consultation'] }, JSON.stringify(weekly(WEEKDAYS, ['09:00', '12:00']))]);
  await tx.query("INSERT INTO stories (clinic_id, id, procedure_id, language, country, consented, published, date, data) VALUES ($1, 'story-01', 'dental-implants', 'de', 'DE', true, true, '2026-10-01', $2)", [clinic, { displayName: 'Second-tenant Jana', title: 'Berlin story', body: 'Only visible with pk_demo_second.', rating: 5, image: null }]);
  await tx.query("INSERT INTO faq (clinic_id, id, locale, question, answer, keywords) VALUES ($1, 'hours', 'en', 'When are you open?', 'Mon–Fri 08:00–18:00.', '{hours}')", [clinic]);
}

/** Seeds both demo tenants when the database has no clinic yet. Returns whether it seeded. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Instances starting together on one PostgreSQL: the first seeds, the others then see clinics.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [72_431_002]);
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM clinics');
    if (rows[0]!.n > 0) return false;
    await seedAurora(tx);
    await seedSecond(tx);
    return true;
  });
}
