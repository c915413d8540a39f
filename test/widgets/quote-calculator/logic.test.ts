import { expect } from '@open-wc/testing';
import { ProceduresResponseSchema, ExchangeRatesSchema } from '../../../src/core/contract/catalog.js';
import { computeEstimate, defaultSelection } from '../../../src/shared/pricing.js';
import { benchmarkCountries, clampSelection, filterProcedures, fold, guessHomeCountry, parseCount, pickCurrency, stepCount, usedSpecialties } from '../../../src/widgets/quote-calculator/selection.js';
import { buildQuoteBody, emptyLead, travelMonths, validateLead } from '../../../src/widgets/quote-calculator/lead.js';
import { attribution } from '../../../src/core/attribution.js';
import { toE164 } from '../../../src/core/form/digits.js';
import { CreateQuoteBodySchema } from '../../../src/core/contract/quotes.js';
import { bookingHref } from '../../../src/widgets/quote-calculator/estimate-view.js';
import { catalog, rates } from './fixtures.js';

// Pure functions beside the element: no DOM used (they run in the browser test runner for speed).

describe('quote calculator: selection logic', () => {
  const { procedures, specialties } = catalog();
  const fue = procedures[0]!;

  it('reads a count only when it is a whole number in range, in any digits a patient types', () => {
    expect(parseCount('2', 0, 3)).to.equal(2);
    expect(parseCount(' ٣ ', 0, 3), 'Arabic-Indic').to.equal(3);
    expect(parseCount('۱۲', 0, 30), 'Persian').to.equal(12);
    expect(parseCount('０', 0, 3), 'full-width').to.equal(0);
    for (const bad of ['', ' ', '1e1', '2.5', '-1', '99', '0x2', '+1', '1 2']) expect(parseCount(bad, 0, 3), JSON.stringify(bad)).to.equal(undefined);
  });

  it('builds the booking page link with the quote reference, only for http(s)', () => {
    expect(bookingHref('/book?lang=ar', 'Q-ABC234', 'https://clinic.example/prices')).to.equal('https://clinic.example/book?lang=ar&quote=Q-ABC234');
    expect(bookingHref('https://cal.example/aurora', 'Q-1')).to.equal('https://cal.example/aurora?quote=Q-1');
    expect(bookingHref('javascript:alert(1)', 'Q-1')).to.equal(undefined);
    expect(bookingHref(undefined, 'Q-1')).to.equal(undefined);
  });

  it('steps a count like an APG spinbutton, within its limits', () => {
    expect(stepCount('ArrowUp', 2, 0, 3)).to.equal(3);
    expect(stepCount('ArrowUp', 3, 0, 3)).to.equal(3);
    expect(stepCount('ArrowDown', 0, 0, 3)).to.equal(0);
    expect(stepCount('PageUp', 1, 0, 30)).to.equal(6);
    expect(stepCount('Home', 7, 2, 30)).to.equal(2);
    expect(stepCount('End', 7, 2, 30)).to.equal(30);
    expect(stepCount('a', 7, 2, 30)).to.equal(undefined);
  });

  it('folds case and diacritics for search (Turkish dotless i too)', () => {
    expect(fold('İmplant Café')).to.equal('implant cafe');
    expect(fold('DIŞ')).to.equal('dis');
  });

  it('filters by specialty and by every word of the query in name or description', () => {
    expect(filterProcedures(procedures, 'dental', '').map((p) => p.id)).to.deep.equal(['implant', 'veneers']);
    expect(filterProcedures(procedures, undefined, 'hair transplant').map((p) => p.id)).to.deep.equal(['fue']);
    expect(filterProcedures(procedures, undefined, 'VENEERS description').map((p) => p.id)).to.deep.equal(['veneers']);
    expect(filterProcedures(procedures, 'hair', 'veneers')).to.deep.equal([]);
  });

  it('lists only specialties that have procedures', () => {
    expect(usedSpecialties([...specialties, { id: 'cardiac', name: 'Cardiac' }], procedures).map((s) => s.id)).to.deep.equal(['hair', 'dental']);
  });

  it('clamps a selection into the procedure limits, drops unknown tiers and add-ons, dedupes', () => {
    const s = clampSelection(fue, { ...defaultSelection(fue), tier: 'gold', hospitalNights: 99, hotelNights: -3, companions: 1.6, addOns: ['prp', 'prp', 'nope'] });
    expect(s).to.deep.include({ tier: 'standard', hospitalNights: 10, hotelNights: 0, companions: 2 });
    expect(s.addOns).to.deep.equal(['prp']);
    expect(clampSelection(fue, { ...defaultSelection(fue), procedureId: 'other' })).to.deep.equal(defaultSelection(fue));
    expect(clampSelection(fue, undefined)).to.deep.equal(defaultSelection(fue));
  });

  it('guesses the home country from browser regions first, then the language, only among benchmarks', () => {
    const allowed = benchmarkCountries(fue);
    expect(allowed).to.deep.equal(['GB', 'DE']);
    expect(guessHomeCountry('en', ['en-US', 'de-DE'], allowed)).to.equal('DE');
    expect(guessHomeCountry('en', ['en-GB'], allowed)).to.equal('GB');
    expect(guessHomeCountry('de', ['ja'], allowed)).to.equal('DE');
    expect(guessHomeCountry('ar', ['ar'], allowed), 'never invented').to.equal(undefined);
    expect(guessHomeCountry('en', ['x-bad-tag-!!'], allowed)).to.equal('GB');
  });

  it('picks the display currency among those offered', () => {
    expect(pickCurrency('GBP', ['EUR', 'GBP'], 'EUR')).to.equal('GBP');
    expect(pickCurrency('JPY', ['EUR', 'GBP'], 'EUR')).to.equal('EUR');
    expect(pickCurrency(undefined, ['USD'], 'EUR')).to.equal('USD');
  });
});

describe('quote calculator: lead form logic', () => {
  it('normalises phone numbers to E.164 or rejects them', () => {
    expect(toE164('+90 (555) 123-45-67')).to.equal('+905551234567');
    expect(toE164('0044 20 7946 0958')).to.equal('+442079460958');
    expect(toE164('020 7946 0958')).to.equal(undefined);
    expect(toE164('+0 123')).to.equal(undefined);
  });

  it('validates with the contract: name, email, phone unless email is the channel, consent; notes length', () => {
    const required = { code: 'required' };
    const invalid = { code: 'invalid' };
    expect(validateLead(emptyLead())).to.deep.equal({ name: required, email: required, phone: required, consent: required });
    const ok = { ...emptyLead(), name: 'Ana', email: 'ana@example.com', phone: '+44 20 7946 0958', consent: true };
    expect(validateLead(ok)).to.deep.equal({});
    expect(validateLead({ ...ok, name: '   ' })).to.deep.equal({ name: required });
    expect(validateLead({ ...ok, name: 'x'.repeat(201) })).to.deep.equal({ name: { code: 'tooLong', max: 200 } });
    expect(validateLead({ ...ok, channel: 'email', phone: '' })).to.deep.equal({});
    expect(validateLead({ ...ok, channel: 'email', phone: '12' })).to.deep.equal({ phone: invalid });
    expect(validateLead({ ...ok, phone: '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨' }), 'Arabic-Indic digits').to.deep.equal({});
    expect(validateLead({ ...ok, email: 'a@b' })).to.deep.equal({ email: invalid });
    expect(validateLead({ ...ok, email: 'a b@c.de' })).to.deep.equal({ email: invalid });
    // The server's rule (a top-level domain of 2+ characters), refused here too, before sending.
    expect(validateLead({ ...ok, email: 'ana@example.c' })).to.deep.equal({ email: invalid });
    expect(validateLead({ ...ok, notes: 'x'.repeat(4001) })).to.deep.equal({ notes: { code: 'tooLong', max: 4000 } });
    expect(validateLead({ ...ok, travelMonth: '2026-13' })).to.deep.equal({ travelMonth: invalid });
  });

  it('lists the next twelve months across a year end', () => {
    const m = travelMonths(new Date(Date.UTC(2026, 10, 24)));
    expect(m).to.have.length(12);
    expect(m.slice(0, 3)).to.deep.equal(['2026-11', '2026-12', '2027-01']);
  });

  it('builds a body the contract accepts, with flat attribution and no empty optionals', () => {
    const sel = defaultSelection(catalog().procedures[0]!);
    const body = buildQuoteBody({
      selection: sel,
      currency: 'EUR',
      homeCountry: 'GB',
      shownTotal: 123,
      lead: { ...emptyLead(), name: ' Ana ', email: 'ana@example.com', phone: '+44 20 7946 0958', consent: true, notes: '  ' },
      consent: { accepted: true, version: 'v3' },
      locale: 'ar',
      attribution: attribution('ag-1', new URL('https://clinic.example/prices?utm_source=fb&utm_campaign=spring') as unknown as Location, 'https://r.example/'),
    });
    expect(CreateQuoteBodySchema.safeParse(body).success).to.equal(true);
    expect(body.contact).to.deep.equal({ name: 'Ana', email: 'ana@example.com', phone: '+442079460958' });
    expect(body).to.not.have.property('notes');
    expect(body).to.not.have.property('travelMonth');
    expect(body.attribution).to.deep.equal({ agent: 'ag-1', source: 'fb', campaign: 'spring', referrer: 'https://r.example/', landingPage: 'https://clinic.example/prices' });
    expect(body.consent).to.deep.equal({ accepted: true, version: 'v3' });
  });
});

describe('quote calculator: recompute cost', () => {
  // Timed as a ratio by the benchmark (quote-recompute micro-benchmark); here only logged, since an
  // absolute limit in a test measures the machine's load, not the code.
  it('1,000 recomputes on the real catalog (converted, with add-ons and savings) all give a total', async () => {
    const res = await fetch('/v1/procedures', { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } });
    const { procedures } = ProceduresResponseSchema.parse(await res.json());
    const r = ExchangeRatesSchema.parse(await (await fetch('/v1/exchange-rates', { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } })).json());
    const p = procedures.find((x) => x.addOns.length > 1 && x.contingencyPercent > 0)!;
    const sel = { ...defaultSelection(p), companions: 1, transfers: true, interpreter: true, addOns: p.addOns.map((a) => a.id) };
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 1000; i++) {
      const e = computeEstimate(p, { ...sel, hotelNights: i % 5 }, r, i % 2 ? 'GBP' : 'USD', { homeCountry: 'GB' });
      sum += e.total;
    }
    const per = (performance.now() - t0) / 1000;
    console.log(`computeEstimate: ${(per * 1000).toFixed(1)} µs per recompute (${p.id}, ${sel.addOns.length} add-ons, converted, with savings)`);
    expect(sum).to.be.greaterThan(0);
  });

  it('the fixture catalog is valid against the contract', () => {
    expect(ProceduresResponseSchema.safeParse(catalog()).success).to.equal(true);
    expect(ExchangeRatesSchema.safeParse(rates).success).to.equal(true);
  });
});
