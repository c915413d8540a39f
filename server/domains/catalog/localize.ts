import type { EstimateOptions } from '../../../src/shared/pricing.js';
import { pick } from '../shared.js';

/**
 * The catalog is stored with a locale map (`{ en, ar, de, … }`) wherever a patient reads text;
 * answers carry the one language asked for.
 */

const isTextMap = (x: object): x is Record<string, string> => 'en' in x && Object.values(x).every((v) => typeof v === 'string');

/** Replaces every locale map inside `data` (objects, arrays, nested) with its text in `locale`. */
export function localizeDeep<T>(data: unknown, locale: string | undefined): T {
  if (Array.isArray(data)) return data.map((x) => localizeDeep(x, locale)) as T;
  if (data && typeof data === 'object') {
    if (isTextMap(data)) return pick(data, locale) as T;
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, localizeDeep(v, locale)])) as T;
  }
  return data as T;
}

type Labels = NonNullable<EstimateOptions['labels']>;
/**
 * Labels of the lines the pricing function computes itself, for the estimate the server returns
 * on `POST /v1/quotes` (the confirmation shows it): the same words as the widget's translations.
 */
const LINE_LABELS: Record<string, Required<Labels>> = {
  en: { hospitalNights: 'Hospital nights', hotelNights: 'Hotel nights (recovery)', companions: 'Companion stay (per night)', transfers: 'Airport and clinic transfers', interpreter: 'Medical interpreter (per day)', contingency: 'Contingency reserve', included: 'included in the package' },
  ar: { hospitalNights: 'ليالي المستشفى', hotelNights: 'ليالي الفندق (فترة التعافي)', companions: 'إقامة المرافق (لكل ليلة)', transfers: 'التنقل من المطار وإلى العيادة', interpreter: 'مترجم طبي (لكل يوم)', contingency: 'احتياطي للطوارئ', included: 'مشمولة في الباقة' },
  de: { hospitalNights: 'Nächte in der Klinik', hotelNights: 'Hotelnächte (Erholung)', companions: 'Aufenthalt der Begleitperson (pro Nacht)', transfers: 'Transfers Flughafen und Klinik', interpreter: 'Medizinischer Dolmetscher (pro Tag)', contingency: 'Reserve für Unvorhergesehenes', included: 'im Paket enthalten' },
  es: { hospitalNights: 'Noches de hospital', hotelNights: 'Noches de hotel (recuperación)', companions: 'Estancia del acompañante (por noche)', transfers: 'Traslados al aeropuerto y a la clínica', interpreter: 'Intérprete médico (por día)', contingency: 'Reserva para imprevistos', included: 'incluido en el paquete' },
  fr: { hospitalNights: 'Nuits à l’hôpital', hotelNights: 'Nuits d’hôtel (convalescence)', companions: 'Séjour de l’accompagnant (par nuit)', transfers: 'Transferts aéroport et clinique', interpreter: 'Interprète médical (par jour)', contingency: 'Réserve pour imprévus', included: 'inclus dans le forfait' },
  ru: { hospitalNights: 'Ночи в клинике', hotelNights: 'Ночи в отеле (восстановление)', companions: 'Проживание сопровождающего (за ночь)', transfers: 'Трансферы из аэропорта и в клинику', interpreter: 'Медицинский переводчик (за день)', contingency: 'Резерв на непредвиденные расходы', included: 'входит в пакет' },
  tr: { hospitalNights: 'Hastane geceleri', hotelNights: 'Otel geceleri (iyileşme)', companions: 'Refakatçi konaklaması (gecelik)', transfers: 'Havalimanı ve klinik transferleri', interpreter: 'Tıbbi tercüman (günlük)', contingency: 'Öngörülemeyen giderler payı', included: 'pakete dahil' },
};

/** The computed lines' labels in `locale` (English for a language we do not speak). */
export const lineLabels = (locale: string | undefined): Required<Labels> => LINE_LABELS[locale?.split('-')[0] ?? 'en'] ?? LINE_LABELS['en']!;
