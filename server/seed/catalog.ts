/**
 * Demo catalog of Aurora International Hospital (Istanbul). Prices are illustrative demo data in
 * EUR cents; benchmarks are illustrative "typical private list price at home" figures, labelled as
 * demo data in their `source`. Nothing here is medical or pricing advice.
 */
import { t, hospitalNightsShared, hotelNights, type Text } from './catalog-i18n.js';


export interface SeedComponent {
  id: string;
  label: string;
  group: 'medical' | 'stay' | 'travel';
  amount: number;
  amountMax?: number;
}
/** A procedure as written in English; {@link buildProcedure} adds the other six languages. */
export interface SeedProcedure {
  id: string;
  specialty: string;
  name: string;
  description: string;
  components: SeedComponent[];
  hospitalNights: number;
  hotelNights: number;
  treatmentDays: number;
  contingencyPercent: number;
  addOns: { id: string; label: string; group: 'medical' | 'stay' | 'travel'; amount: number; per: 'once' | 'night' }[];
  included: string[];
  notIncluded: string[];
  /** Typical home price relative to our standard tier, per country. */
  homeFactor: number;
}

export const SPECIALTIES: { id: string; name: Text }[] = [
  { id: 'dental', name: { en: 'Dental', tr: 'Diş', de: 'Zahnmedizin', ar: 'طب الأسنان', ru: 'Стоматология', es: 'Odontología', fr: 'Dentaire' } },
  { id: 'hair', name: { en: 'Hair restoration', tr: 'Saç ekimi', de: 'Haartransplantation', ar: 'زراعة الشعر', ru: 'Пересадка волос', es: 'Injerto capilar', fr: 'Greffe de cheveux' } },
  { id: 'ivf', name: { en: 'Fertility (IVF)', tr: 'Tüp bebek', de: 'Kinderwunsch (IVF)', ar: 'أطفال الأنابيب', ru: 'ЭКО', es: 'Fertilidad (FIV)', fr: 'Fertilité (FIV)' } },
  { id: 'orthopaedics', name: { en: 'Orthopaedics', tr: 'Ortopedi', de: 'Orthopädie', ar: 'جراحة العظام', ru: 'Ортопедия', es: 'Ortopedia', fr: 'Orthopédie' } },
  { id: 'cosmetic', name: { en: 'Cosmetic surgery', tr: 'Estetik cerrahi', de: 'Ästhetische Chirurgie', ar: 'جراحة التجميل', ru: 'Пластическая хирургия', es: 'Cirugía estética', fr: 'Chirurgie esthétique' } },
  { id: 'eye', name: { en: 'Eye surgery', tr: 'Göz cerrahisi', de: 'Augenchirurgie', ar: 'جراحة العيون', ru: 'Офтальмология', es: 'Cirugía ocular', fr: 'Chirurgie oculaire' } },
  { id: 'bariatric', name: { en: 'Weight-loss surgery', tr: 'Obezite cerrahisi', de: 'Adipositaschirurgie', ar: 'جراحة السمنة', ru: 'Бариатрия', es: 'Cirugía bariátrica', fr: 'Chirurgie bariatrique' } },
  { id: 'cardiac', name: { en: 'Cardiac', tr: 'Kardiyoloji', de: 'Kardiologie', ar: 'أمراض القلب', ru: 'Кардиология', es: 'Cardiología', fr: 'Cardiologie' } },
];

const c = (id: string, label: string, group: SeedComponent['group'], eur: number, eurMax?: number): SeedComponent =>
  eurMax === undefined ? { id, label, group, amount: eur * 100 } : { id, label, group, amount: eur * 100, amountMax: eurMax * 100 };
const add = (id: string, label: string, eur: number, per: 'once' | 'night' = 'once', group: SeedComponent['group'] = 'medical') => ({ id, label, group, amount: eur * 100, per });

const MED_NOT = ['Flights', 'Travel and health insurance', 'Visa fees', 'Meals outside the hospital'];

export const PROCEDURES: SeedProcedure[] = [
  // dental
  { id: 'dental-implants', specialty: 'dental', name: 'Dental implant (single)', description: 'Titanium implant with abutment and zirconia crown, placed in two visits.', components: [c('implant', 'Implant (Straumann BLT)', 'medical', 520), c('abutment-crown', 'Abutment and zirconia crown', 'medical', 340), c('cbct', '3D CBCT scan and planning', 'medical', 60)], hospitalNights: 0, hotelNights: 5, treatmentDays: 3, contingencyPercent: 5, addOns: [add('bone-graft', 'Bone graft', 250), add('sinus-lift', 'Sinus lift', 450)], included: ['CBCT scan', 'Temporary crown'], notIncluded: MED_NOT, homeFactor: 2.6 },
  { id: 'all-on-4', specialty: 'dental', name: 'All-on-4 full arch', description: 'Four implants carrying a fixed full-arch bridge, one jaw.', components: [c('implants', 'Four implants', 'medical', 2400), c('bridge', 'Fixed acrylic bridge (zirconia in premium)', 'medical', 1800), c('surgery', 'Surgery and sedation', 'medical', 700)], hospitalNights: 1, hotelNights: 6, treatmentDays: 4, contingencyPercent: 5, addOns: [add('bone-graft', 'Bone graft', 250), add('zirconia-upgrade', 'Zirconia bridge upgrade', 1400)], included: ['Temporary bridge', 'Sedation'], notIncluded: MED_NOT, homeFactor: 3.1 },
  { id: 'veneers', specialty: 'dental', name: 'Porcelain veneers (set of 10)', description: 'Ten e.max veneers for a natural smile line.', components: [c('veneers', 'Ten e.max veneers', 'medical', 2500), c('design', 'Digital smile design and mock-up', 'medical', 150)], hospitalNights: 0, hotelNights: 6, treatmentDays: 3, contingencyPercent: 0, addOns: [add('whitening', 'Whitening', 180)], included: ['Digital smile design'], notIncluded: MED_NOT, homeFactor: 3.4 },
  // hair
  { id: 'fue-hair-transplant', specialty: 'hair', name: 'FUE hair transplant', description: 'Follicular unit extraction; graft count confirmed on the day.', components: [c('grafts', 'Grafts (2,500–4,000, counted on the day)', 'medical', 1900, 2600), c('anaesthesia', 'Local anaesthesia and sedation', 'medical', 150), c('aftercare', 'Aftercare kit and first wash', 'medical', 80)], hospitalNights: 0, hotelNights: 3, treatmentDays: 2, contingencyPercent: 0, addOns: [add('prp', 'PRP session', 150), add('beard', 'Beard transplant', 900)], included: ['Blood tests', 'Aftercare kit'], notIncluded: MED_NOT, homeFactor: 3.5 },
  { id: 'dhi-hair-transplant', specialty: 'hair', name: 'DHI hair transplant', description: 'Direct implantation with Choi pens, no recipient slits.', components: [c('grafts', 'Grafts (up to 3,500)', 'medical', 2500, 3100), c('anaesthesia', 'Local anaesthesia and sedation', 'medical', 150)], hospitalNights: 0, hotelNights: 3, treatmentDays: 2, contingencyPercent: 0, addOns: [add('prp', 'PRP session', 150)], included: ['Blood tests', 'Aftercare kit'], notIncluded: MED_NOT, homeFactor: 3.2 },
  { id: 'eyebrow-transplant', specialty: 'hair', name: 'Eyebrow transplant', description: 'Up to 500 grafts for natural eyebrows.', components: [c('grafts', 'Grafts (up to 500)', 'medical', 1100)], hospitalNights: 0, hotelNights: 2, treatmentDays: 1, contingencyPercent: 0, addOns: [], included: ['Aftercare kit'], notIncluded: MED_NOT, homeFactor: 2.8 },
  // ivf
  { id: 'ivf-cycle', specialty: 'ivf', name: 'IVF cycle (ICSI)', description: 'One stimulation cycle, egg retrieval, ICSI and fresh transfer.', components: [c('monitoring', 'Monitoring scans and hormone tests', 'medical', 450), c('retrieval', 'Egg retrieval under sedation', 'medical', 900), c('icsi', 'ICSI and embryo culture', 'medical', 1100), c('transfer', 'Embryo transfer', 'medical', 400), c('medication', 'Stimulation medication (dose-dependent)', 'medical', 900, 1600)], hospitalNights: 0, hotelNights: 12, treatmentDays: 6, contingencyPercent: 5, addOns: [add('freezing', 'Embryo freezing, one year', 450), add('pgt-a', 'PGT-A genetic testing', 1800)], included: ['Monitoring scans'], notIncluded: [...MED_NOT, 'Frozen embryo transfer in a later cycle'], homeFactor: 2.4 },
  { id: 'egg-freezing', specialty: 'ivf', name: 'Egg freezing', description: 'Stimulation, retrieval and vitrification, one year of storage.', components: [c('monitoring', 'Monitoring scans', 'medical', 350), c('retrieval', 'Egg retrieval under sedation', 'medical', 900), c('vitrification', 'Vitrification and one year of storage', 'medical', 600), c('medication', 'Medication (dose-dependent)', 'medical', 800, 1500)], hospitalNights: 0, hotelNights: 11, treatmentDays: 5, contingencyPercent: 5, addOns: [add('storage-extra', 'Extra year of storage', 300)], included: ['One year of storage'], notIncluded: MED_NOT, homeFactor: 2.2 },
  // orthopaedics
  { id: 'knee-replacement', specialty: 'orthopaedics', name: 'Total knee replacement', description: 'One knee, cemented implant, physiotherapy from day one.', components: [c('implant', 'Knee implant (Zimmer Biomet)', 'medical', 3200), c('surgery', 'Surgeon, theatre and anaesthesia', 'medical', 3600), c('physio', 'In-hospital physiotherapy', 'medical', 400)], hospitalNights: 4, hotelNights: 7, treatmentDays: 6, contingencyPercent: 10, addOns: [add('physio-extra', 'Extra physiotherapy sessions (5)', 300), add('robotic', 'Robotic-assisted surgery', 2500)], included: ['Walker and crutches'], notIncluded: MED_NOT, homeFactor: 2.3 },
  { id: 'hip-replacement', specialty: 'orthopaedics', name: 'Total hip replacement', description: 'One hip, cementless implant, physiotherapy from day one.', components: [c('implant', 'Hip implant', 'medical', 3000), c('surgery', 'Surgeon, theatre and anaesthesia', 'medical', 3500), c('physio', 'In-hospital physiotherapy', 'medical', 400)], hospitalNights: 4, hotelNights: 7, treatmentDays: 6, contingencyPercent: 10, addOns: [add('physio-extra', 'Extra physiotherapy sessions (5)', 300)], included: ['Walker and crutches'], notIncluded: MED_NOT, homeFactor: 2.4 },
  { id: 'acl-reconstruction', specialty: 'orthopaedics', name: 'ACL reconstruction', description: 'Arthroscopic reconstruction with hamstring graft.', components: [c('surgery', 'Arthroscopic surgery and anaesthesia', 'medical', 3300), c('brace', 'Knee brace', 'medical', 250)], hospitalNights: 1, hotelNights: 5, treatmentDays: 3, contingencyPercent: 5, addOns: [add('physio-extra', 'Extra physiotherapy sessions (5)', 300)], included: ['Knee brace'], notIncluded: MED_NOT, homeFactor: 2.5 },
  // cosmetic
  { id: 'rhinoplasty', specialty: 'cosmetic', name: 'Rhinoplasty', description: 'Open or closed rhinoplasty under general anaesthesia.', components: [c('surgery', 'Surgeon fee', 'medical', 2200), c('anaesthesia', 'General anaesthesia and theatre', 'medical', 700), c('splint', 'Splint and aftercare', 'medical', 100)], hospitalNights: 1, hotelNights: 6, treatmentDays: 3, contingencyPercent: 5, addOns: [add('septoplasty', 'Septoplasty (breathing)', 600)], included: ['Compression and splint'], notIncluded: MED_NOT, homeFactor: 2.9 },
  { id: 'breast-augmentation', specialty: 'cosmetic', name: 'Breast augmentation', description: 'Silicone implants (Motiva or Mentor), dual-plane.', components: [c('implants', 'Implants (pair)', 'medical', 1100), c('surgery', 'Surgeon, theatre and anaesthesia', 'medical', 2300)], hospitalNights: 1, hotelNights: 6, treatmentDays: 3, contingencyPercent: 5, addOns: [add('lift', 'Breast lift', 1200)], included: ['Compression bra'], notIncluded: MED_NOT, homeFactor: 2.7 },
  { id: 'liposuction', specialty: 'cosmetic', name: 'Liposuction (VASER)', description: 'Up to three areas, VASER-assisted.', components: [c('surgery', 'Surgery, up to three areas', 'medical', 2400, 3200), c('garment', 'Compression garment', 'medical', 90)], hospitalNights: 1, hotelNights: 5, treatmentDays: 3, contingencyPercent: 5, addOns: [add('lymph', 'Lymphatic drainage (5 sessions)', 250)], included: ['Compression garment'], notIncluded: MED_NOT, homeFactor: 2.6 },
  { id: 'tummy-tuck', specialty: 'cosmetic', name: 'Tummy tuck', description: 'Full abdominoplasty with muscle repair.', components: [c('surgery', 'Surgeon, theatre and anaesthesia', 'medical', 3400), c('garment', 'Compression garment', 'medical', 90)], hospitalNights: 2, hotelNights: 7, treatmentDays: 4, contingencyPercent: 10, addOns: [add('lipo', 'Liposuction of flanks', 900)], included: ['Compression garment'], notIncluded: MED_NOT, homeFactor: 2.8 },
  // eye
  { id: 'lasik', specialty: 'eye', name: 'LASIK (both eyes)', description: 'Femtosecond LASIK for both eyes after a full eye examination.', components: [c('exam', 'Full eye examination', 'medical', 120), c('surgery', 'Femto-LASIK, both eyes', 'medical', 1300)], hospitalNights: 0, hotelNights: 3, treatmentDays: 2, contingencyPercent: 0, addOns: [add('smile', 'SMILE Pro instead of LASIK', 700)], included: ['Eye drops', 'Day-after check'], notIncluded: MED_NOT, homeFactor: 2.6 },
  { id: 'cataract-surgery', specialty: 'eye', name: 'Cataract surgery (one eye)', description: 'Phacoemulsification with a monofocal lens; trifocal in premium.', components: [c('exam', 'Full eye examination', 'medical', 120), c('surgery', 'Phaco surgery', 'medical', 900), c('lens', 'Intraocular lens', 'medical', 300)], hospitalNights: 0, hotelNights: 3, treatmentDays: 2, contingencyPercent: 0, addOns: [add('trifocal', 'Trifocal lens upgrade', 800)], included: ['Eye drops', 'Day-after check'], notIncluded: MED_NOT, homeFactor: 2.4 },
  // bariatric
  { id: 'gastric-sleeve', specialty: 'bariatric', name: 'Gastric sleeve', description: 'Laparoscopic sleeve gastrectomy with dietitian follow-up.', components: [c('surgery', 'Laparoscopic surgery and anaesthesia', 'medical', 3500), c('tests', 'Pre-operative tests and endoscopy', 'medical', 400), c('dietitian', 'Dietitian programme (6 months, online)', 'medical', 200)], hospitalNights: 3, hotelNights: 4, treatmentDays: 5, contingencyPercent: 10, addOns: [add('vitamins', 'Vitamin pack (3 months)', 90)], included: ['Dietitian programme'], notIncluded: MED_NOT, homeFactor: 2.9 },
  { id: 'gastric-bypass', specialty: 'bariatric', name: 'Gastric bypass', description: 'Laparoscopic Roux-en-Y gastric bypass.', components: [c('surgery', 'Laparoscopic surgery and anaesthesia', 'medical', 4300), c('tests', 'Pre-operative tests and endoscopy', 'medical', 400), c('dietitian', 'Dietitian programme (6 months, online)', 'medical', 200)], hospitalNights: 3, hotelNights: 5, treatmentDays: 5, contingencyPercent: 10, addOns: [add('vitamins', 'Vitamin pack (3 months)', 90)], included: ['Dietitian programme'], notIncluded: MED_NOT, homeFactor: 2.8 },
  { id: 'gastric-balloon', specialty: 'bariatric', name: 'Gastric balloon (6 months)', description: 'Endoscopic balloon placement, removal after six months.', components: [c('balloon', 'Balloon and endoscopy', 'medical', 2100)], hospitalNights: 0, hotelNights: 2, treatmentDays: 1, contingencyPercent: 0, addOns: [], included: ['Dietitian call'], notIncluded: [...MED_NOT, 'Removal visit travel'], homeFactor: 2.3 },
  // cardiac
  { id: 'coronary-bypass', specialty: 'cardiac', name: 'Coronary bypass (CABG)', description: 'Open-heart bypass surgery with intensive care stay.', components: [c('surgery', 'Cardiac surgery team and theatre', 'medical', 9500), c('icu', 'Intensive care (2 days)', 'medical', 2400), c('tests', 'Angiography review and tests', 'medical', 800)], hospitalNights: 7, hotelNights: 7, treatmentDays: 10, contingencyPercent: 15, addOns: [add('rehab', 'Cardiac rehabilitation (10 sessions)', 900)], included: ['Intensive care'], notIncluded: MED_NOT, homeFactor: 2.6 },
  { id: 'check-up', specialty: 'cardiac', name: 'Executive health check-up', description: 'One-day cardiology-led check-up with imaging and lab work.', components: [c('labs', 'Laboratory panel', 'medical', 250), c('imaging', 'Echo, stress test and chest imaging', 'medical', 450), c('consult', 'Specialist consultations', 'medical', 200)], hospitalNights: 0, hotelNights: 1, treatmentDays: 1, contingencyPercent: 0, addOns: [add('colonoscopy', 'Colonoscopy under sedation', 450)], included: ['Report in English'], notIncluded: MED_NOT, homeFactor: 2.0 },
];

/** Aurora's exchange rates: units per 1 EUR. */
export const RATES = { base: 'EUR', date: '2026-11-20', rates: { EUR: 1, USD: 1.0842, GBP: 0.8461, TRY: 37.412, AED: 3.9817, SAR: 4.0658, CHF: 0.9372, SEK: 11.284 } };

/** Home countries with benchmarks: country → currency. */
export const HOME_COUNTRIES: Record<string, string> = { GB: 'GBP', US: 'USD', DE: 'EUR', FR: 'EUR', NL: 'EUR', IE: 'EUR', AE: 'AED', SA: 'SAR', CH: 'CHF', SE: 'SEK' };
/** Country price level relative to the average (US most expensive). */
export const COUNTRY_LEVEL: Record<string, number> = { GB: 1, US: 1.6, DE: 0.95, FR: 0.9, NL: 1, IE: 1.05, AE: 0.85, SA: 0.8, CH: 1.5, SE: 0.95 };

const NO_BENCHMARK: Record<string, string[]> = { 'gastric-balloon': ['US', 'SA', 'AE'], 'eyebrow-transplant': ['US', 'CH'], 'check-up': ['SE'] };

/** Builds the stored catalog Procedure: every text a patient reads as a map of the seven languages. */
export function buildProcedure(p: SeedProcedure, rates = RATES) {
  const heavy = ['orthopaedics', 'cardiac', 'bariatric'].includes(p.specialty);
  const unitPrices = { hospitalNight: heavy ? 45000 : 35000, hotelNight: 9500, companionNight: 4500, transfers: 12000, interpreterDay: 8000 };
  const components = p.components.map((x) => ({ ...x, label: t(x.label) }));
  const scale = (f: number) => components.map((x) => ({ ...x, amount: Math.round((x.amount * f) / 100) * 100, ...(x.amountMax ? { amountMax: Math.round((x.amountMax * f) / 100) * 100 } : {}) }));
  const hotel4 = Math.min(p.hotelNights, 4);
  const tiers = [
    { id: 'standard', name: t('Standard'), description: t('Everything medically needed.'), components, includedHospitalNights: p.hospitalNights, includedHotelNights: 0, includesTransfers: false, includesInterpreter: false, includes: [t('All medical components listed'), ...(p.hospitalNights ? [hospitalNightsShared(p.hospitalNights)] : [])] },
    { id: 'premium', name: t('Premium'), description: t('Senior surgeon, hotel and transfers arranged.'), components: scale(1.25), includedHospitalNights: p.hospitalNights, includedHotelNights: hotel4, includesTransfers: true, includesInterpreter: false, includes: [t('Senior surgeon'), t('Private room'), ...(hotel4 ? [hotelNights(hotel4, 4)] : []), t('Airport and clinic transfers')] },
    { id: 'vip', name: t('VIP'), description: t('Head of department, suite, interpreter and concierge.'), components: scale(1.6), includedHospitalNights: p.hospitalNights, includedHotelNights: p.hotelNights, includesTransfers: true, includesInterpreter: true, includes: [t('Head of department'), t('Suite'), ...(p.hotelNights ? [hotelNights(p.hotelNights, 5)] : []), t('VIP transfers'), t('Personal interpreter'), t('24/7 concierge')] },
  ];
  const medical = p.components.reduce((s, x) => s + x.amount, 0);
  const standardTotal = medical + Math.round((medical * p.contingencyPercent) / 100);
  // Gaps on purpose: where we have no figure for a country, savings are hidden, never invented.
  const benchmarks = Object.entries(HOME_COUNTRIES)
    .filter(([country]) => !NO_BENCHMARK[p.id]?.includes(country))
    .map(([country, currency]) => {
      const eur = standardTotal * p.homeFactor * COUNTRY_LEVEL[country]!;
      const local = (eur / 100) * (rates.rates as Record<string, number>)[currency]!;
      return { country, currency, amount: Math.round(local / 50) * 50 * 100, source: t('Demo data: illustrative median private list price'), year: 2025 };
    });
  return {
    id: p.id,
    specialty: p.specialty,
    name: t(p.name),
    description: t(p.description),
    currency: 'EUR',
    tiers,
    addOns: p.addOns.map((a) => ({ ...a, label: t(a.label) })),
    unitPrices,
    treatmentDays: p.treatmentDays,
    contingencyPercent: p.contingencyPercent,
    defaults: { tier: 'standard', hospitalNights: p.hospitalNights, hotelNights: p.hotelNights, companions: 0, transfers: true, interpreter: false },
    limits: { hospitalNights: { min: p.hospitalNights, max: Math.max(p.hospitalNights, 30) }, hotelNights: { min: 0, max: 30 }, companions: { min: 0, max: 3 } },
    included: [...new Set(['Pre-operative tests and consultation', 'Post-operative medication', ...p.included])].map(t),
    notIncluded: p.notIncluded.map(t),
    benchmarks,
    validityDays: 30,
  };
}

/** A catalog procedure as stored: the contract's Procedure with a {@link Text} wherever it has a string a patient reads. */
export type StoredProcedure = ReturnType<typeof buildProcedure>;
