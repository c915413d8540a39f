import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ProcedureSchema, type Procedure } from '../../src/core/contract/catalog.js';
import { QuoteResponseSchema, type Estimate, type QuoteSelection } from '../../src/core/contract/quotes.js';
import { computeEstimate } from '../../src/shared/pricing.js';
import { PROCEDURES, RATES } from '../../server/seed/catalog.js';
import { buildProcedure } from '../../server/seed/index.js';
import { localizeDeep } from '../../server/domains/catalog/localize.js';
import { drivers, key, quoteBody, startServer, type TestServer } from './helpers.js';

// "Hotel nights 6 × $103.00 = $617.99": a line's shown unit price times its quantity must be its
// shown amount, in every currency, and subtotals and totals the sums of the shown lines.

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

/** Every way a line can fail to add up, as readable strings (empty when the estimate is honest). */
function problems(e: Estimate): string[] {
  const out: string[] = [];
  for (const g of e.groups) {
    for (const l of g.lines) {
      if (l.amountMax === l.amount && l.quantity * l.unitAmount !== l.amount) out.push(`${e.procedureId}/${e.tier} ${l.id}: ${l.quantity} × ${l.unitAmount} ≠ ${l.amount} ${e.currency}`);
      if (l.quantity > 1 && l.amountMax !== l.amount && l.quantity * l.unitAmount !== l.amount) out.push(`${l.id}: range line with a quantity that does not multiply`);
    }
    if (g.subtotal !== g.lines.reduce((s, l) => s + l.amount, 0)) out.push(`${g.group} subtotal`);
    if (g.subtotalMax !== g.lines.reduce((s, l) => s + l.amountMax, 0)) out.push(`${g.group} subtotalMax`);
  }
  if (e.total !== e.groups.reduce((s, g) => s + g.subtotal, 0)) out.push('total');
  if (e.totalMax !== e.groups.reduce((s, g) => s + g.subtotalMax, 0)) out.push('totalMax');
  return out;
}

describe('estimate lines add up as shown', () => {
  it('every seeded procedure, default options, every tier and currency: unit × quantity = amount', () => {
    const bad: string[] = [];
    for (const p of catalog)
      for (const t of p.tiers)
        for (const cur of CURRENCIES) {
          const sel: QuoteSelection = { procedureId: p.id, tier: t.id, hospitalNights: p.defaults.hospitalNights + 1, hotelNights: p.defaults.hotelNights + 1, companions: 1, transfers: true, interpreter: true, addOns: p.addOns.map((a) => a.id) };
          bad.push(...problems(computeEstimate(p, sel, RATES, cur)));
        }
    assert.deepEqual(bad, []);
  });

  it('property: any procedure, option and currency of the seed (fast-check)', () => {
    const scenario = fc.constantFrom(...catalog).chain((p) => fc.tuple(selectionFor(p), fc.constantFrom(...CURRENCIES)));
    fc.assert(
      fc.property(scenario, ([sel, cur]) => {
        const p = catalog.find((x) => x.id === sel.procedureId)!;
        assert.deepEqual(problems(computeEstimate(p, sel, RATES, cur, { homeCountry: 'GB' })), []);
      }),
      { numRuns: 3000 },
    );
  });

  it('the contingency line is its percent of the medical lines as shown, in every currency', () => {
    for (const p of catalog.filter((x) => x.contingencyPercent > 0))
      for (const cur of CURRENCIES) {
        const e = computeEstimate(p, { ...computeDefaults(p) }, RATES, cur);
        const med = e.groups.find((g) => g.group === 'medical')!.lines;
        const base = med.filter((l) => l.id !== 'contingency').reduce((s, l) => s + l.amount, 0);
        const c = med.find((l) => l.id === 'contingency')!;
        assert.equal(c.amount, Math.round((base * p.contingencyPercent) / 100), `${p.id} ${cur}`);
      }
  });
});

const computeDefaults = (p: Procedure): QuoteSelection => ({ procedureId: p.id, tier: p.defaults.tier, hospitalNights: p.defaults.hospitalNights, hotelNights: p.defaults.hotelNights, companions: p.defaults.companions, transfers: p.defaults.transfers, interpreter: p.defaults.interpreter, addOns: [] });

for (const driver of drivers) {
  describe(`POST /quotes agrees with the widget's estimate (${driver.name})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    it('the server recomputes the same lines and totals for sampled procedures, options and currencies', async () => {
      const samples = fc.sample(
        fc.constantFrom(...catalog).chain((p) => fc.tuple(selectionFor(p), fc.constantFrom(...CURRENCIES))),
        { numRuns: 40, seed: 4242 },
      );
      for (const [sel, cur] of samples) {
        const p = catalog.find((x) => x.id === sel.procedureId)!;
        const local = computeEstimate(p, sel, RATES, cur, { homeCountry: 'GB' });
        const r = await s.request('/v1/quotes', { json: quoteBody({ selection: sel, currency: cur, shownTotal: local.total }), idem: key() });
        assert.equal(r.status, 201, await r.clone().text());
        const q = QuoteResponseSchema.parse(await r.json());
        assert.equal(q.priceChanged, false, `${p.id} ${cur}`);
        assert.deepEqual(problems(q.estimate), []);
        const amounts = (e: Estimate) => e.groups.map((g) => [g.group, g.subtotal, g.subtotalMax, g.lines.map((l) => [l.id, l.quantity, l.unitAmount, l.amount, l.amountMax])]);
        assert.deepEqual(amounts(q.estimate), amounts(local));
        assert.equal(q.estimate.total, local.total);
      }
    });

    it("the estimate the confirmation shows is in the patient's language: every line, included and not-included item (Arabic)", async () => {
      const sel: QuoteSelection = { procedureId: 'knee-replacement', tier: 'premium', hospitalNights: 5, hotelNights: 8, companions: 1, transfers: true, interpreter: true, addOns: ['robotic'] };
      const r = await s.request('/v1/quotes', { json: quoteBody({ selection: sel, currency: 'SAR', homeCountry: 'SA', locale: 'ar' }), idem: key() });
      const q = QuoteResponseSchema.parse(await r.json());
      const texts = [...q.estimate.groups.flatMap((g) => g.lines.flatMap((l) => [l.label, l.note ?? 'ليلة'])), ...q.estimate.included, ...q.estimate.notIncluded, q.estimate.savings!.source];
      const notArabic = texts.filter((x) => !/[\u0600-\u06FF]/.test(x) && !/^\d+%$/.test(x));
      assert.deepEqual(notArabic, []);
    });
  });
}
