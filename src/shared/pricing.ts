import type { ExchangeRates, PriceGroup, Procedure } from '../core/contract/catalog.js';
import type { Estimate, EstimateGroup, EstimateLine, QuoteSelection, Savings } from '../core/contract/quotes.js';
import { minorDigits } from '../core/i18n/format.js';

/**
 * THE pricing rules, shared by `<prm-quote-calculator>` and the reference server (which recomputes
 * on `POST /v1/quotes` and is authoritative). Pure: no I/O, no clock, no DOM.
 *
 * Rules, in order:
 * 1. Every line is a billed quantity times a unit price from the catalog: tier components (quantity
 *    1, fixed or a min–max range), hospital/hotel nights beyond what the tier includes, companions
 *    per night of stay, transfers and interpreter unless the tier includes them (then quantity 0),
 *    add-ons (`once` or per hotel `night`).
 * 2. The unit price is converted to the target currency and rounded half-up to its minor unit
 *    first, then multiplied by the quantity: so a line's shown unit price times its quantity is
 *    its shown amount in every currency ("convert the unit, then multiply"). Conversion is exact
 *    decimal arithmetic with rates taken to 8 decimal places, so results do not depend on
 *    floating-point accidents.
 * 3. The contingency is `contingencyPercent` of the medical lines as shown (half-up, on min and
 *    max separately); group subtotals and the total are sums of the shown lines.
 * 4. Savings compare the home-country benchmark (converted the same way) with the total; with no
 *    benchmark for that country, or no rate for its currency, savings are `null`, never invented.
 */

export const ROUNDING = 'half-up-per-line-after-conversion' as const;
export const GROUP_ORDER: readonly PriceGroup[] = ['medical', 'stay', 'travel'];

/** A selection the catalog does not allow (unknown tier or add-on, option outside its limits). */
export class PricingError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

/** Number of minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD). */
export const minorUnitExponent = minorDigits;

const RATE_SCALE = 100_000_000n; // rates are exact to 8 decimal places
const scaledRate = (rates: ExchangeRates, currency: string): bigint | undefined => {
  if (currency === rates.base) return RATE_SCALE;
  const r = rates.rates[currency];
  if (r === undefined || !(r > 0)) return undefined;
  return BigInt(Math.round(r * 1e8));
};

/** Divides non-negative-denominator rationals rounding half away from zero. */
function divHalfUp(num: bigint, den: bigint): bigint {
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return neg ? -q : q;
}

/** Whether `rates` can convert between the two currencies. */
export function canConvert(rates: ExchangeRates | null | undefined, from: string, to: string): boolean {
  if (from === to) return true;
  return !!rates && scaledRate(rates, from) !== undefined && scaledRate(rates, to) !== undefined;
}

/**
 * Converts an amount in minor units of `from` to minor units of `to`, rounding half-up (away from
 * zero). Throws when a rate is missing.
 */
export function convertMinor(amount: number, from: string, to: string, rates: ExchangeRates | null | undefined): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer in minor units, got ${amount}`);
  if (from === to) return amount;
  const rf = rates ? scaledRate(rates, from) : undefined;
  const rt = rates ? scaledRate(rates, to) : undefined;
  if (rf === undefined || rt === undefined) throw new PricingError('currency', `No exchange rate for ${from} → ${to}`);
  const ef = minorUnitExponent(from);
  const et = minorUnitExponent(to);
  // amount / 10^ef / (rf/S) * (rt/S) * 10^et
  const num = BigInt(amount) * rt * 10n ** BigInt(et);
  const den = rf * 10n ** BigInt(ef);
  const out = divHalfUp(num, den);
  if (out > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${amount} ${from} in ${to} exceeds the safe integer range`);
  return Number(out);
}

/** Percent of an integer amount, half-up, percent exact to 2 decimals. */
function percentOf(amount: number, percent: number): number {
  const bp = BigInt(Math.round(percent * 100));
  return Number(divHalfUp(BigInt(amount) * bp, 10_000n));
}

export interface EstimateOptions {
  /** ISO 3166 country for savings; omitted means no savings. */
  homeCountry?: string | undefined;
  /** Labels of the computed lines (the widget passes translated ones). */
  labels?: Partial<Record<'hospitalNights' | 'hotelNights' | 'companions' | 'transfers' | 'interpreter' | 'contingency' | 'included', string>>;
}

const DEFAULT_LABELS = {
  hospitalNights: 'Hospital nights',
  hotelNights: 'Hotel nights (recovery)',
  companions: 'Companion stay (per night)',
  transfers: 'Airport and clinic transfers',
  interpreter: 'Medical interpreter (per day)',
  contingency: 'Contingency reserve',
  included: 'included in the package',
};

/** Checks a selection against the procedure; returns the problems, keyed by field. */
export function validateSelection(procedure: Procedure, selection: QuoteSelection): Record<string, string> {
  const errors: Record<string, string> = {};
  if (selection.procedureId !== procedure.id) errors['procedureId'] = `Selection is for ${selection.procedureId}, not ${procedure.id}`;
  if (!procedure.tiers.some((t) => t.id === selection.tier)) errors['tier'] = `Unknown package tier "${selection.tier}"`;
  const within = (field: 'hospitalNights' | 'hotelNights' | 'companions') => {
    const v = selection[field];
    const { min, max } = procedure.limits[field];
    if (!Number.isInteger(v) || v < min || v > max) errors[field] = `Must be between ${min} and ${max}`;
  };
  within('hospitalNights');
  within('hotelNights');
  within('companions');
  const seen = new Set<string>();
  selection.addOns.forEach((id, i) => {
    if (seen.has(id)) errors[`addOns.${i}`] = `Add-on "${id}" chosen twice`;
    else if (!procedure.addOns.some((a) => a.id === id)) errors[`addOns.${i}`] = `Unknown add-on "${id}"`;
    seen.add(id);
  });
  return errors;
}

/** The default selection of a procedure (what the widget shows before any change). */
export function defaultSelection(procedure: Procedure): QuoteSelection {
  const d = procedure.defaults;
  return {
    procedureId: procedure.id,
    tier: d.tier,
    hospitalNights: d.hospitalNights,
    hotelNights: d.hotelNights,
    companions: d.companions,
    transfers: d.transfers,
    interpreter: d.interpreter,
    addOns: [],
  };
}

interface RawLine {
  id: string;
  label: string;
  group: PriceGroup;
  /** Billed units (0 when the tier includes the item). */
  quantity: number;
  /** Unit price in the catalog currency; `unitMax` for a range (quantity 1 only). */
  unit: number;
  unitMax?: number;
  note?: string;
}

/**
 * Itemised estimate for `selection` of `procedure`, in `currency`. Throws {@link PricingError} for
 * a selection the catalog does not allow or a currency without a rate.
 */
export function computeEstimate(
  procedure: Procedure,
  selection: QuoteSelection,
  rates: ExchangeRates | null | undefined,
  currency: string,
  options: EstimateOptions = {},
): Estimate {
  const problems = validateSelection(procedure, selection);
  const first = Object.entries(problems)[0];
  if (first) throw new PricingError(first[0], first[1]);
  if (!canConvert(rates, procedure.currency, currency)) {
    throw new PricingError('currency', `No exchange rate for ${procedure.currency} → ${currency}`);
  }
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const tier = procedure.tiers.find((t) => t.id === selection.tier)!;
  const u = procedure.unitPrices;
  const raw: RawLine[] = [];

  for (const c of tier.components) {
    raw.push({ id: c.id, label: c.label, group: c.group, quantity: 1, unit: c.amount, unitMax: Math.max(c.amount, c.amountMax ?? c.amount) });
  }
  const nights = (id: string, label: string, chosen: number, included: number, unit: number) => {
    if (chosen <= 0) return;
    const line: RawLine = { id, label, group: 'stay', quantity: Math.max(0, chosen - included), unit };
    if (included > 0) line.note = `${Math.min(included, chosen)} ${labels.included}`;
    raw.push(line);
  };
  nights('hospital-nights', labels.hospitalNights, selection.hospitalNights, tier.includedHospitalNights, u.hospitalNight);
  nights('hotel-nights', labels.hotelNights, selection.hotelNights, tier.includedHotelNights, u.hotelNight);
  if (selection.companions > 0) {
    const q = selection.companions * (selection.hospitalNights + selection.hotelNights);
    raw.push({ id: 'companions', label: labels.companions, group: 'stay', quantity: q, unit: u.companionNight });
  }
  const extra = (id: string, label: string, included: boolean, chosen: boolean, days: number, unit: number) => {
    if (!included && !chosen) return;
    const line: RawLine = { id, label, group: 'travel', quantity: included ? 0 : days, unit };
    if (included) line.note = labels.included;
    raw.push(line);
  };
  extra('transfers', labels.transfers, tier.includesTransfers, selection.transfers, 1, u.transfers);
  extra('interpreter', labels.interpreter, tier.includesInterpreter, selection.interpreter, procedure.treatmentDays, u.interpreterDay);
  for (const id of selection.addOns) {
    const a = procedure.addOns.find((x) => x.id === id)!;
    raw.push({ id: `addon-${a.id}`, label: a.label, group: a.group, quantity: a.per === 'night' ? selection.hotelNights : 1, unit: a.amount });
  }

  // Convert each unit price, then multiply: what is shown multiplies out.
  const conv = (x: number) => convertMinor(x, procedure.currency, currency, rates);
  const shown: EstimateLine[] = raw.map((l) => {
    const unitAmount = conv(l.unit);
    const line: EstimateLine = {
      id: l.id,
      label: l.label,
      group: l.group,
      quantity: l.quantity,
      unitAmount,
      amount: l.quantity * unitAmount,
      amountMax: l.quantity * (l.unitMax === undefined ? unitAmount : conv(l.unitMax)),
    };
    if (l.note !== undefined) line.note = l.note;
    return line;
  });
  if (procedure.contingencyPercent > 0) {
    // A percent of the medical lines as shown, so it checks out in the currency the patient reads.
    const med = shown.filter((l) => l.group === 'medical');
    const min = percentOf(med.reduce((s, l) => s + l.amount, 0), procedure.contingencyPercent);
    const max = percentOf(med.reduce((s, l) => s + l.amountMax, 0), procedure.contingencyPercent);
    shown.push({ id: 'contingency', label: labels.contingency, group: 'medical', quantity: 1, unitAmount: min, amount: min, amountMax: max, note: `${procedure.contingencyPercent}%` });
  }

  const groups: EstimateGroup[] = [];
  for (const g of GROUP_ORDER) {
    const lines = shown.filter((l) => l.group === g);
    if (!lines.length) continue;
    groups.push({
      group: g,
      lines,
      subtotal: lines.reduce((s, l) => s + l.amount, 0),
      subtotalMax: lines.reduce((s, l) => s + l.amountMax, 0),
    });
  }
  const total = groups.reduce((s, g) => s + g.subtotal, 0);
  const totalMax = groups.reduce((s, g) => s + g.subtotalMax, 0);

  return {
    procedureId: procedure.id,
    tier: tier.id,
    currency,
    groups,
    total,
    totalMax,
    isRange: totalMax > total,
    rounding: ROUNDING,
    ratesDate: currency === procedure.currency && !rates ? null : (rates?.date ?? null),
    savings: computeSavings(procedure, options.homeCountry, total, totalMax, currency, rates),
    included: [...tier.includes, ...procedure.included],
    notIncluded: [...procedure.notIncluded],
  };
}

/** Savings against the home-country benchmark; null when there is none or it cannot be converted. */
export function computeSavings(
  procedure: Procedure,
  country: string | undefined,
  total: number,
  totalMax: number,
  currency: string,
  rates: ExchangeRates | null | undefined,
): Savings | null {
  if (!country) return null;
  const b = procedure.benchmarks.find((x) => x.country === country);
  if (!b || !canConvert(rates, b.currency, currency)) return null;
  const benchmark = convertMinor(b.amount, b.currency, currency, rates);
  if (benchmark <= 0) return null;
  const amount = benchmark - totalMax;
  return {
    country: b.country,
    benchmark: { amount: benchmark, currency },
    benchmarkOriginal: { amount: b.amount, currency: b.currency },
    source: b.source,
    year: b.year,
    amount,
    amountMax: benchmark - total,
    percent: Math.round((amount / benchmark) * 1000) / 10,
  };
}
