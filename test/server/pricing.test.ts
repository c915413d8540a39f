import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ProcedureSchema, type ExchangeRates, type Procedure } from '../../src/core/contract/catalog.js';
import { EstimateSchema, type QuoteSelection } from '../../src/core/contract/quotes.js';
import { computeEstimate, convertMinor, defaultSelection, minorUnitExponent, PricingError } from '../../src/shared/pricing.js';
import { PROCEDURES, RATES } from '../../server/seed/catalog.js';
import { buildProcedure } from '../../server/seed/index.js';
import { localizeDeep } from '../../server/domains/catalog/localize.js';

const catalog: Procedure[] = PROCEDURES.map((p) => ProcedureSchema.parse(localizeDeep(buildProcedure(p), 'en')));
const CURRENCIES = Object.keys(RATES.rates);

const selectionFor = (p: Procedure): fc.Arbitrary<QuoteSelection> =>
  fc.record({
    procedureId: fc.constant(p.id),
    tier: fc.constantFrom(...p.tiers.map((t) => t.id)),
    hospitalNights: fc.integer(p.limits.hospitalNights),
    hotelNights: fc.integer(p.limits.hotelNights),
    companions: fc.integer(p.limits.companions),
    transfers: fc.boolean(),
    interpreter: fc.boolean(),
    addOns: fc.subarray(p.addOns.map((a) => a.id)),
  });

/** Rates 0.01–10,000 per EUR with 4 decimals; amounts up to 10 million in major units below. */
const ratesArb: fc.Arbitrary<ExchangeRates> = fc
  .tuple(...CURRENCIES.filter((c) => c !== 'EUR').map(() => fc.integer({ min: 100, max: 100_000_000 })))
  .map((ints) => ({
    base: 'EUR',
    date: '2026-11-20',
    rates: Object.fromEntries([['EUR', 1], ...CURRENCIES.filter((c) => c !== 'EUR').map((c, i) => [c, ints[i]! / 10_000])]),
  }));

const scenario = fc
  .constantFrom(...catalog)
  .chain((p) => fc.tuple(fc.constant(p), selectionFor(p), ratesArb, fc.constantFrom(...CURRENCIES), fc.option(fc.constantFrom('GB', 'US', 'DE', 'AE', 'SA', 'CH', 'SE', 'JP'), { nil: undefined })));

describe('pricing (property-based)', () => {
  it('totals equal the sum of the lines; group subtotals equal their lines; the estimate matches the contract', () => {
    fc.assert(
      fc.property(scenario, ([p, sel, rates, cur, home]) => {
        const e = computeEstimate(p, sel, rates, cur, { homeCountry: home });
        EstimateSchema.parse(e);
        const lines = e.groups.flatMap((g) => g.lines);
        assert.equal(e.total, lines.reduce((s, l) => s + l.amount, 0));
        assert.equal(e.totalMax, lines.reduce((s, l) => s + l.amountMax, 0));
        for (const g of e.groups) {
          assert.equal(g.subtotal, g.lines.reduce((s, l) => s + l.amount, 0));
          assert.equal(g.subtotalMax, g.lines.reduce((s, l) => s + l.amountMax, 0));
          assert.ok(g.lines.every((l) => l.group === g.group));
        }
        assert.equal(e.isRange, e.totalMax > e.total);
      }),
      { numRuns: 500 },
    );
  });

  it('nothing is ever negative, every amount is an integer, and max ≥ min', () => {
    fc.assert(
      fc.property(scenario, ([p, sel, rates, cur]) => {
        const e = computeEstimate(p, sel, rates, cur);
        for (const l of e.groups.flatMap((g) => g.lines)) {
          assert.ok(Number.isSafeInteger(l.amount) && l.amount >= 0);
          assert.ok(Number.isSafeInteger(l.amountMax) && l.amountMax >= l.amount);
          assert.ok(Number.isSafeInteger(l.unitAmount) && l.unitAmount >= 0);
        }
        assert.ok(e.total >= 0 && e.totalMax >= e.total);
      }),
      { numRuns: 500 },
    );
  });

  it('conversion round-trips within one minor unit (of the coarser currency; exactly one when converting to a finer one)', () => {
    fc.assert(
      fc.property(ratesArb, fc.constantFrom(...CURRENCIES), fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 1e9 }), (rates, a, b, x) => {
        const there = convertMinor(x, a, b, rates);
        const back = convertMinor(there, b, a, rates);
        // value of one minor unit of b, in minor units of a
        const unitB = (rates.rates[a]! / rates.rates[b]!) * 10 ** (minorUnitExponent(a) - minorUnitExponent(b));
        const tolerance = Math.max(1, unitB);
        assert.ok(Math.abs(back - x) <= tolerance + 1e-9, `${x} ${a}→${there} ${b}→${back} ${a} (tolerance ${tolerance})`);
        if (unitB <= 1) assert.ok(Math.abs(back - x) <= 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('changing the currency never changes which lines there are, only their amounts', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...CURRENCIES), ([p, sel, rates, cur], other) => {
        const a = computeEstimate(p, sel, rates, cur);
        const b = computeEstimate(p, sel, rates, other);
        assert.deepEqual(a.groups.map((g) => g.lines.map((l) => l.id)), b.groups.map((g) => g.lines.map((l) => l.id)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pricing (examples)', () => {
  const implant = catalog.find((p) => p.id === 'dental-implants')!;
  const hair = catalog.find((p) => p.id === 'fue-hair-transplant')!;

  it('rounds half-up per line after conversion', () => {
    const r = (x: number): ExchangeRates => ({ base: 'EUR', date: '2026-01-01', rates: { EUR: 1, USD: x } });
    assert.equal(convertMinor(1, 'EUR', 'USD', r(1.5)), 2);
    assert.equal(convertMinor(1, 'EUR', 'USD', r(1.49999999)), 1);
    assert.equal(convertMinor(5, 'EUR', 'USD', r(0.5)), 3); // 2.5 → 3
    assert.equal(convertMinor(3, 'EUR', 'USD', r(0.5)), 2); // 1.5 → 2
    assert.equal(convertMinor(1005, 'EUR', 'USD', r(1.1)), 1106); // 1105.5 → 1106 (floating point would say 1105.4999…)
  });

  it('converts between currencies with different minor units (JPY has none, KWD has three)', () => {
    const rates: ExchangeRates = { base: 'EUR', date: '2026-01-01', rates: { EUR: 1, JPY: 160.25, KWD: 0.3312 } };
    assert.equal(convertMinor(10_000, 'EUR', 'JPY', rates), 16_025); // €100.00 → ¥16,025
    assert.equal(convertMinor(10_000, 'EUR', 'KWD', rates), 33_120); // €100.00 → KWD 33.120
  });

  it('an unknown currency is an error, not a guess', () => {
    assert.throws(() => computeEstimate(implant, defaultSelection(implant), RATES, 'XYZ'), PricingError);
  });

  it('savings: present for a benchmarked country, null without one — never invented', () => {
    const e = computeEstimate(implant, defaultSelection(implant), RATES, 'GBP', { homeCountry: 'GB' });
    const gb = implant.benchmarks.find((b) => b.country === 'GB')!;
    assert.ok(e.savings);
    assert.deepEqual(e.savings.benchmarkOriginal, { amount: gb.amount, currency: 'GBP' });
    assert.equal(e.savings.benchmark.amount, gb.amount); // same currency: no conversion
    assert.equal(e.savings.amount, gb.amount - e.totalMax);
    assert.equal(e.savings.percent, Math.round(((gb.amount - e.totalMax) / gb.amount) * 1000) / 10);
    assert.equal(computeEstimate(implant, defaultSelection(implant), RATES, 'GBP', { homeCountry: 'JP' }).savings, null);
    assert.equal(computeEstimate(implant, defaultSelection(implant), RATES, 'GBP').savings, null);
    const missing = catalog.find((p) => !p.benchmarks.some((b) => b.country === 'US'))!;
    assert.ok(missing, 'seed should have a procedure without a US benchmark');
    assert.equal(computeEstimate(missing, defaultSelection(missing), RATES, 'USD', { homeCountry: 'US' }).savings, null);
  });

  it('shows a range when the catalog gives one (grafts counted on the day)', () => {
    const e = computeEstimate(hair, defaultSelection(hair), RATES, 'EUR');
    assert.ok(e.isRange && e.totalMax > e.total);
    const grafts = e.groups[0]!.lines.find((l) => l.id === 'grafts')!;
    assert.deepEqual([grafts.amount, grafts.amountMax], [190_000, 260_000]);
  });

  it('itemises groups medical / stay / travel, bills nights beyond the tier, and shows included extras at zero', () => {
    const sel = { ...defaultSelection(implant), hotelNights: 6, companions: 1, transfers: true, interpreter: true };
    const std = computeEstimate(implant, sel, RATES, 'EUR');
    assert.deepEqual(std.groups.map((g) => g.group), ['medical', 'stay', 'travel']);
    const hotel = std.groups[1]!.lines.find((l) => l.id === 'hotel-nights')!;
    assert.equal(hotel.amount, 6 * implant.unitPrices.hotelNight);
    const companions = std.groups[1]!.lines.find((l) => l.id === 'companions')!;
    assert.equal(companions.amount, 6 * implant.unitPrices.companionNight);
    assert.equal(std.groups[2]!.lines.find((l) => l.id === 'interpreter')!.amount, implant.treatmentDays * implant.unitPrices.interpreterDay);
    const vip = computeEstimate(implant, { ...sel, tier: 'vip' }, RATES, 'EUR');
    assert.equal(vip.groups[1]!.lines.find((l) => l.id === 'hotel-nights')!.amount, (6 - implant.tiers[2]!.includedHotelNights) * implant.unitPrices.hotelNight);
    assert.equal(vip.groups[2]!.lines.find((l) => l.id === 'transfers')!.amount, 0);
    assert.ok(vip.groups[2]!.lines.find((l) => l.id === 'transfers')!.note);
    // contingency is 5 % of the medical subtotal, half-up
    const medical = std.groups[0]!.lines.filter((l) => l.id !== 'contingency').reduce((s, l) => s + l.amount, 0);
    assert.equal(std.groups[0]!.lines.find((l) => l.id === 'contingency')!.amount, Math.round(medical * 0.05));
  });

  it('rejects selections the catalog does not allow', () => {
    const base = defaultSelection(implant);
    for (const bad of [{ tier: 'gold' }, { hotelNights: 99 }, { companions: 4 }, { addOns: ['nope'] }, { addOns: ['bone-graft', 'bone-graft'] }, { procedureId: 'lasik' }]) {
      assert.throws(() => computeEstimate(implant, { ...base, ...bad } as QuoteSelection, RATES, 'EUR'), PricingError, JSON.stringify(bad));
    }
  });

  it('is fast: recomputing an estimate takes far less than a frame', () => {
    const sel = { ...defaultSelection(hair), addOns: ['prp'], companions: 2 };
    computeEstimate(hair, sel, RATES, 'GBP', { homeCountry: 'GB' });
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) computeEstimate(hair, { ...sel, hotelNights: i % 10 }, RATES, i % 2 ? 'GBP' : 'TRY', { homeCountry: 'GB' });
    const per = (performance.now() - t0) / n;
    console.log(`  computeEstimate: ${(per * 1000).toFixed(1)} µs per call`);
    assert.ok(per < 2, `${per} ms per estimate`);
  });
});
