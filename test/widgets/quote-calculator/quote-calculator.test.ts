import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator, QuoteChangeDetail } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { currentLocale } from '../../../src/core/i18n/localization.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { interceptFetch, json } from './fixtures.js';

// Everything here talks to the real reference server (mounted at /v1 by web-test-runner), except
// where a test deliberately breaks the network or the answer (500, garbage, timeout, offline).

const $ = <T extends Element = HTMLElement>(el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const $$ = (el: PrmQuoteCalculator, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const active = (el: PrmQuoteCalculator) => el.shadowRoot!.activeElement as HTMLElement | null;
const loaded = (el: PrmQuoteCalculator) => until(() => !!$(el, '[part=choices]'), 10_000);
/** Opens the treatment list as a pointer does: focus, then a click on the combobox. */
const openList = (el: PrmQuoteCalculator) => {
  const search = $<HTMLInputElement>(el, '#search')!;
  search.focus();
  search.click();
};
let clinicN = 0;
/** A clinic key the shared profile cache has not seen (each test gets its own /v1/config call). */
const freshConfig = () => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', currency: undefined, _n: clinicN++ });

/** Presses Tab (Shift+Tab with `back`) until the focused element inside the widget matches `selector` (keyboard only). */
async function tabTo(el: PrmQuoteCalculator, selector: string, max = 60, back = false) {
  for (let i = 0; i < max; i++) {
    const a = active(el);
    if (a?.matches(selector)) return a;
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
    await el.updateComplete;
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${active(el)?.outerHTML.slice(0, 120)}`);
}

async function mount(attrs: Partial<Record<string, string>> = {}, wrapAttrs = ''): Promise<PrmQuoteCalculator> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  if (wrapAttrs) wrap.setAttribute('style', wrapAttrs);
  const el = document.createElement('prm-quote-calculator');
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  wrap.append(el);
  return el;
}

/** Fills the lead form the way a patient would (values set + input events), ticking consent. */
async function fillLead(el: PrmQuoteCalculator, o: { name?: string; email?: string; phone?: string; notes?: string } = {}) {
  const set = async (sel: string, v: string) => {
    const i = $<HTMLInputElement>(el, sel)!;
    i.value = v;
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  };
  await set('#f-name', o.name ?? 'Ana Test');
  await set('#f-email', o.email ?? 'ana@example.com');
  await set('#f-phone', o.phone ?? '+44 20 7946 0958');
  if (o.notes) await set('#f-notes', o.notes);
  $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
}

/** Opens an estimate section (its disclosure button) and waits for its content. */
async function openSection(el: PrmQuoteCalculator, key: string) {
  $<HTMLButtonElement>(el, `#d-${key}`)!.click();
  await until(() => !!$(el, `#p-${key}`) && !$(el, `#p-${key} > .hint`), 10_000);
}

async function openLead(el: PrmQuoteCalculator) {
  $<HTMLButtonElement>(el, '.cta')!.click();
  await until(() => !!$(el, '#f-name'));
}

describe('<prm-quote-calculator> against the reference server', function () {
  this.timeout(60_000);
  // The reference server starts (and seeds its in-memory database) on the first /v1 request.
  before(async () => {
    const res = await fetch('/v1/procedures', { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } });
    expect(res.status).to.equal(200);
  });
  beforeEach(() => {
    freshConfig();
    sessionStorage.clear();
  });
  afterEach(() => document.documentElement.removeAttribute('lang'));

  for (const width of [760, 390]) {
    it(`loading at ${width} px: an accessible skeleton with exactly the reserved box, then its content with no empty card below it`, async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const net = interceptFetch(async (url) => {
        if (url.pathname === '/v1/catalog') await gate;
        return undefined;
      });
      try {
        const el = await mount({}, `width: ${width}px`);
        await until(() => !!$(el, '[part=loading]'));
        const loading = $(el, '[part=loading]')!;
        expect(loading.getAttribute('aria-busy')).to.equal('true');
        const reserved = parseFloat(getComputedStyle(el).minBlockSize);
        expect(reserved, 'the box prm-reserve.css reserves').to.equal(46 * parseFloat(getComputedStyle(el).fontSize));
        const skeletonBox = el.getBoundingClientRect();
        expect(skeletonBox.height).to.equal(reserved);
        await expect(el).to.be.accessible();
        release();
        await loaded(el);
        // No procedure here, so the content is shorter than the box reserved for the README's
        // snippet: once shown, the reservation gives way (reserve.test.ts: the snippet's own box
        // is its content's, so nothing moves there).
        const card = $(el, '[part=base]')!;
        const cs = getComputedStyle(card);
        const contentEnd = Math.max(...[...card.children].map((c) => c.getBoundingClientRect().bottom));
        const empty = card.getBoundingClientRect().bottom - contentEnd - parseFloat(cs.paddingBlockEnd) - parseFloat(cs.borderBlockEndWidth);
        expect(Math.round(empty), 'empty card below the content').to.equal(0);
        expect(el.getBoundingClientRect().height).to.be.below(skeletonBox.height);
      } finally {
        net.restore();
      }
    });
  }

  it('success: itemised estimate from the real catalog, grouped, with a total and disclaimers; axe clean', async () => {
    const el = await mount({ procedure: 'dental-implants', 'home-country': 'GB' });
    await until(() => !!$(el, '[part=breakdown]'), 10_000);
    // Each group first shows its subtotal; its lines render when it is opened.
    const groups = $$(el, '[part=group] .disclose');
    expect(groups.map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(['false', 'false', 'false']);
    expect(groups[0]!.textContent).to.contain('Medical');
    expect(groups[1]!.textContent).to.contain('Hospital and hotel stay');
    expect($(el, '[part=line]')).to.equal(null);
    expect($(el, '[part=total]')!.textContent).to.match(/€[\d,]+\.\d\d/);
    expect($(el, '[part=disclaimer]')!.textContent).to.contain('valid for');
    await expect(el).to.be.accessible();
    await openSection(el, 'medical');
    expect($(el, '#d-medical')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#d-medical')!.getAttribute('aria-controls')).to.equal('p-medical');
    expect($(el, '#p-medical')!.textContent).to.contain('Implant (Straumann BLT)');
    await openSection(el, 'included');
    expect($(el, '[part=included]')!.textContent).to.contain('Not included');
    await openSection(el, 'savings');
    expect($(el, '#saving')!.textContent).to.match(/You save €/).and.not.match(/at least/);
    await expect(el).to.be.accessible();
  });

  it('error: a 500 from the backend shows a message a patient understands, prm-error, and a retry that works', async () => {
    const net = interceptFetch((url, _m, n) => (url.pathname === '/v1/catalog' && n <= 3 ? json({ error: { code: 'internal', message: 'boom' } }, 500) : undefined));
    try {
      const el = document.createElement('prm-quote-calculator');
      const err = oneEvent(el, 'prm-error');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      const { detail } = await err;
      expect(detail).to.include({ widget: 'prm-quote-calculator', reason: 'http', status: 500 });
      await until(() => !!$(el, '[part=error]'));
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
      expect($(el, '[part=error]')!.textContent).to.contain('Something went wrong');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=error] button')!.click();
      await loaded(el);
    } finally {
      net.restore();
    }
  });

  it('data: the first screen asks for the catalog summary and the preselected treatment only; another treatment’s details come once, when chosen', async () => {
    const net = interceptFetch();
    try {
      const el = await mount({ procedure: 'dental-implants' });
      await until(() => !!$(el, '[part=breakdown]'), 15_000);
      const gets = () => net.seen.filter((r) => r.method === 'GET').map((r) => r.url.pathname);
      expect(gets(), 'never the whole catalog').not.to.include('/v1/procedures');
      expect(gets().filter((p) => p.startsWith('/v1/procedures/')), 'the preselected treatment, in full').to.deep.equal(['/v1/procedures/dental-implants']);
      expect(gets()).to.include('/v1/catalog');
      // The list shows every treatment with its "from" price, from the summary alone.
      openList(el);
      await until(() => $$(el, '[role=option]').length > 5);
      expect($(el, '#proc-rhinoplasty .opt-meta')!.textContent).to.match(/\d/);
      $(el, '#proc-rhinoplasty')!.click();
      await until(() => !!$(el, '[part=breakdown]') && $<HTMLInputElement>(el, '#search')!.value === 'Rhinoplasty');
      openList(el);
      await until(() => !!$(el, '#proc-dental-implants'));
      $(el, '#proc-dental-implants')!.click();
      await until(() => $<HTMLInputElement>(el, '#search')!.value.startsWith('Dental implant') && !!$(el, '[part=breakdown]'));
      openList(el);
      await until(() => !!$(el, '#proc-rhinoplasty'));
      $(el, '#proc-rhinoplasty')!.click();
      await until(() => $<HTMLInputElement>(el, '#search')!.value === 'Rhinoplasty' && !!$(el, '[part=breakdown]'));
      expect(gets().filter((p) => p.startsWith('/v1/procedures/')), 'each treatment fetched once').to.deep.equal(['/v1/procedures/dental-implants', '/v1/procedures/rhinoplasty']);
    } finally {
      net.restore();
    }
  });

  it('error: a treatment’s details that do not come show a message in the estimate and a retry that works; the list stays usable', async () => {
    const net = interceptFetch((url, _m, n) => (url.pathname === '/v1/procedures/rhinoplasty' && n <= 3 ? json({ error: { code: 'internal', message: 'boom' } }, 500) : undefined));
    try {
      const el = await mount();
      await loaded(el);
      openList(el);
      await until(() => !!$(el, '#proc-rhinoplasty'));
      $(el, '#proc-rhinoplasty')!.click();
      await until(() => !!$(el, '[part=estimate] [part=error]'), 15_000);
      expect($(el, '[part=estimate] [part=error]')!.textContent).to.contain('Something went wrong');
      expect($<HTMLInputElement>(el, '#search')!.value, 'the choice is kept').to.equal('Rhinoplasty');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=estimate] [part=error] button')!.click();
      await until(() => !!$(el, '[part=breakdown]'), 15_000);
      expect($(el, '[part=estimate] [part=error]')).to.equal(null);
    } finally {
      net.restore();
    }
  });

  for (const [name, answer, text] of [
    ['garbage (wrong shape)', () => json({ procedures: 'nope' }), 'Something went wrong'],
    ['not JSON', () => new Response('<html>oops</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'Something went wrong'],
    ['a timeout', () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')), 'taking too long'],
    // A failed fetch while the browser is online: the clinic's server, not the patient's connection.
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch')), 'cannot be reached'],
  ] as const) {
    it(`error: ${name} gives the error state, never an exception or a blank box`, async () => {
      const net = interceptFetch((url) => (url.pathname === '/v1/exchange-rates' ? (answer() as Response | Promise<Response>) : undefined));
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      try {
        const el = await mount({ procedure: 'lasik' });
        await until(() => !!$(el, '[part=error]'), 15_000);
        expect($(el, '[part=error]')!.textContent).to.contain(text);
        expect($(el, '[part=error] button')).to.exist;
        await expect(el).to.be.accessible();
        expect(errors).to.deep.equal([]);
      } finally {
        net.restore();
        window.removeEventListener('error', onError);
      }
    });
  }

  it('empty: a specialty with no procedures shows the empty state', async () => {
    const el = await mount({ specialty: 'no-such-specialty' });
    await until(() => !!$(el, '[part=empty]'), 10_000);
    expect($(el, '[part=empty]')!.textContent).to.contain('No treatments can be priced online yet');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: specialty → procedure → tier → options → currency → savings → lead form → submit → reference', async () => {
    // A plain element standing in for the booking widget (built in parallel): the calculator hands it the quote.
    const wrap = await fixture<HTMLDivElement>(html`<div><button id="before">before</button><prm-quote-calculator home-country="DE"></prm-quote-calculator><prm-booking-scheduler></prm-booking-scheduler></div>`);
    const el = wrap.querySelector('prm-quote-calculator')!;
    const changes: QuoteChangeDetail[] = [];
    el.addEventListener('prm-quote-change', (e) => changes.push(e.detail));
    await loaded(el);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();

    // Specialty: the radio group; arrows choose.
    await sendKeys({ press: 'Tab' });
    await tabTo(el, 'input[name=specialty]');
    while ((active(el) as HTMLInputElement).value !== 'dental') {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
    }
    expect(changes.at(-1)!.field).to.equal('specialty');
    // The treatment combobox: type to filter, arrow to an option, Enter chooses (APG combobox).
    await tabTo(el, '#search');
    await sendKeys({ type: 'implant' });
    await until(() => $$(el, '[role=option]').length > 0);
    const found = $$(el, '[role=option]').map((o) => o.id.replace(/^proc-/, ''));
    expect(found[0]).to.equal('dental-implants');
    expect(found.every((id) => ['dental-implants', 'all-on-4'].includes(id)), 'only dental procedures mentioning implants').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)!.getAttribute('aria-activedescendant')).to.equal('proc-dental-implants');
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part=breakdown]'));
    expect(changes.at(-1)!.selection!.procedureId).to.equal('dental-implants');
    expect(active(el)!.id, 'focus stays in the combobox').to.equal('search');
    expect((active(el) as HTMLInputElement).value).to.equal('Dental implant (single)');
    const first = changes.at(-1)!.estimate!.total;

    // Currency: the select, changed with the keyboard.
    await tabTo(el, '#currency');
    const before = changes.length;
    await sendKeys({ press: 'ArrowDown' });
    await until(() => changes.length > before);
    expect(changes.at(-1)!.field).to.equal('currency');
    expect(changes.at(-1)!.currency).to.not.equal('EUR');
    const currency = changes.at(-1)!.currency;
    expect($(el, '[part=total]')!.textContent).to.not.contain('€');

    // Savings: open the comparison; DE was preselected; move to another country.
    await tabTo(el, '#d-savings');
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#country'));
    await tabTo(el, '#country');
    const c0 = changes.length;
    await sendKeys({ press: 'ArrowDown' });
    await until(() => changes.length > c0);
    expect(changes.at(-1)!.field).to.equal('homeCountry');
    expect($(el, '[part=savings]')!.textContent).to.match(/Typical price in/);

    // Tier: arrow to the next package.
    await tabTo(el, 'input[name=tier]');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(changes.at(-1)!.field).to.equal('tier');
    const tier = changes.at(-1)!.selection!.tier;
    expect(tier).to.not.equal('standard');

    // Options: one more hotel night, add the first add-on.
    await tabTo(el, '#opt-hotelNights');
    const nights = changes.at(-1)!.selection!.hotelNights;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(changes.at(-1)!.selection!.hotelNights).to.equal(nights + 1);
    await tabTo(el, 'input[name=addon]');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(changes.at(-1)!.selection!.addOns).to.have.length(1);
    expect(changes.at(-1)!.estimate!.total).to.be.greaterThan(first);

    // Lead form: its button sits under the estimate, before the package (Shift+Tab back to it).
    await tabTo(el, '.cta', 60, true);
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'lead-title');
    await tabTo(el, '#f-name');
    await sendKeys({ type: 'Keyboard Patient' });
    await tabTo(el, '#f-email');
    await sendKeys({ type: 'kb@example.com' });
    await tabTo(el, '#f-phone');
    await sendKeys({ type: '+49 30 901820' });
    await tabTo(el, '#f-consent');
    await sendKeys({ press: 'Space' });
    const success = oneEvent(el, 'prm-quote-success');
    await tabTo(el, 'button[type=submit]');
    await sendKeys({ press: 'Enter' });
    const { detail } = await success;
    expect(detail.reference).to.match(/^Q-/);
    expect(detail.estimate.currency).to.equal(currency);
    expect(detail.estimate.tier).to.equal(tier);
    await until(() => active(el)?.id === 'done-title');
    expect($(el, '#reference')!.textContent).to.equal(detail.reference);
    // The server's own itemised estimate is there too (it recomputed the price).
    expect($(el, '.final [part=breakdown]')!.textContent).to.contain('Implant (Straumann BLT)');
    expect(decodeURIComponent($<HTMLAnchorElement>(el, '#whatsapp')!.href)).to.contain(detail.reference);
    await expect(el).to.be.accessible();
    // "Book a consultation" hands the reference on to the scheduler on the page and moves there.
    const book = oneEvent(el, 'prm-quote-book');
    await tabTo(el, '#book');
    await sendKeys({ press: 'Enter' });
    expect((await book).detail).to.include({ reference: detail.reference, procedureId: 'dental-implants' });
    const scheduler = wrap.querySelector('prm-booking-scheduler')!;
    expect(scheduler.getAttribute('quote')).to.equal(detail.reference);
    expect(document.activeElement, 'focus moves to the scheduler').to.equal(scheduler);
    // "New estimate": back to the estimate, focus kept inside the widget.
    el.shadowRoot!.querySelector<HTMLElement>('#book')!.focus();
    await tabTo(el, 'button:not(#book):not([type=submit])');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.classList.contains('cta') ?? false);
  });

  for (const [name, attrs, shown] of [
    ['no scheduler on the page and no booking-url: no "Book a consultation" button', {}, false],
    ['a booking-url: the button is there', { 'booking-url': '/book' }, true],
  ] as const) {
    it(`confirmation, ${name}`, async () => {
      const el = await mount({ procedure: 'lasik', ...attrs });
      await until(() => !!$(el, '.cta'), 10_000);
      await openLead(el);
      await fillLead(el);
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#reference'), 15_000);
      expect(!!$(el, '#book')).to.equal(shown);
      await expect(el).to.be.accessible();
    });
  }

  it('lead form: errors inline and announced, focus on the first, nothing typed is lost; axe clean', async () => {
    const el = await mount({ procedure: 'rhinoplasty' });
    await until(() => !!$(el, '.cta'), 10_000);
    await openLead(el);
    await expect(el).to.be.accessible();
    const notes = $<HTMLTextAreaElement>(el, '#f-notes')!;
    notes.value = 'Asthma, mild';
    notes.dispatchEvent(new Event('input'));
    const email = $<HTMLInputElement>(el, '#f-email')!;
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[role=alert]'));
    expect($(el, '[role=alert]')!.textContent).to.contain('highlighted fields: 4');
    expect(active(el)?.id).to.equal('f-name');
    expect($(el, '#f-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-email')!.getAttribute('aria-describedby')).to.equal('e-email');
    expect($(el, '#e-email')!.textContent).to.contain('name@example.com');
    expect($(el, '#e-consent')).to.exist;
    expect($<HTMLTextAreaElement>(el, '#f-notes')!.value).to.equal('Asthma, mild');
    await expect(el).to.be.accessible();
  });

  it('what the server refuses the form refuses first, with the same rule and no request', async () => {
    const net = interceptFetch();
    try {
      const el = await mount({ procedure: 'lasik' });
      await until(() => !!$(el, '.cta'), 10_000);
      await openLead(el);
      // The contract's email rule (a 2+ letter top-level domain), the server's own.
      await fillLead(el, { email: 'ana@example.c', notes: 'keep me' });
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#e-email'), 10_000);
      expect(net.seen.filter((x) => x.method === 'POST'), 'nothing sent').to.have.length(0);
      expect($(el, '#e-email')!.textContent).to.contain('name@example.com');
      expect(active(el)?.id).to.equal('f-email');
      expect($<HTMLTextAreaElement>(el, '#f-notes')!.value).to.equal('keep me');
    } finally {
      net.restore();
    }
  });

  it('a field the server refuses (400 with fields) is shown inline on that field, focused, and not stored', async () => {
    const real = window.fetch;
    // The request leaves with a valid email; on its way, it is changed into one the real server
    // refuses: a rule only the server knows, as far as the form can tell.
    const net = interceptFetch((url, method) => {
      if (method !== 'POST') return undefined;
      const last = net.seen.at(-1)!;
      const sent = JSON.parse(last.body!);
      sent.contact.email = 'ana@example.c';
      return real(url, { method, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': last.key! }, body: JSON.stringify(sent) });
    });
    try {
      const el = await mount({ procedure: 'lasik' });
      await until(() => !!$(el, '.cta'), 10_000);
      await openLead(el);
      await fillLead(el, { notes: 'keep me' });
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#e-email'), 10_000);
      const post = net.seen.find((x) => x.method === 'POST')!;
      expect(post.url.pathname).to.equal('/v1/quotes');
      expect(active(el)?.id).to.equal('f-email');
      expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true');
      expect($<HTMLTextAreaElement>(el, '#f-notes')!.value).to.equal('keep me');
      expect(sessionStorage.getItem('prm-outbox:quote:pk_demo_aurora')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      net.restore();
    }
  });

  it('offline submit: kept in sessionStorage, shown as pending, sent with the same Idempotency-Key once online', async () => {
    let offline = true;
    const net = interceptFetch((url, method) => (offline && method === 'POST' && url.pathname === '/v1/quotes' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount({ procedure: 'lasik', agent: 'ag-77' });
      await until(() => !!$(el, '.cta'), 10_000);
      await openLead(el);
      await fillLead(el, { notes: 'Dry eyes' });
      const submit = oneEvent(el, 'prm-quote-submit');
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      const sub = (await submit).detail;
      expect(sub).to.not.have.any.keys('contact', 'name', 'email');
      await until(() => !!$(el, '#pending'), 15_000);
      expect($(el, '#pending')!.textContent).to.contain('saved in this tab');
      const stored = JSON.parse(sessionStorage.getItem('prm-outbox:quote:pk_demo_aurora')!)[0];
      expect(stored.key).to.equal(sub.idempotencyKey);
      expect(stored.body.notes).to.equal('Dry eyes');
      expect(localStorage.getItem('prm-outbox:quote:pk_demo_aurora')).to.equal(null);
      await expect(el).to.be.accessible();

      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '#reference'), 15_000);
      expect($(el, '#sent-late')!.textContent).to.contain('once the connection was back');
      const posts = net.seen.filter((s) => s.method === 'POST');
      expect(posts.length).to.be.greaterThan(1);
      expect(new Set(posts.map((p) => p.key))).to.deep.equal(new Set([sub.idempotencyKey]));
      const body = JSON.parse(posts.at(-1)!.body!);
      expect(body.attribution.agent).to.equal('ag-77');
      expect(body.attribution.landingPage).to.contain(location.pathname);
      expect(body.consent).to.deep.equal({ accepted: true, version: body.consent.version });
      expect(body.contact.phone).to.equal('+442079460958');
      expect(sessionStorage.getItem('prm-outbox:quote:pk_demo_aurora')).to.equal(null);
    } finally {
      net.restore();
    }
  });

  it('a pending submission survives a reload of the widget in the same tab and is sent with its key', async () => {
    const net = interceptFetch((url, method) => (method === 'POST' && url.pathname === '/v1/quotes' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const el = await mount({ procedure: 'lasik' });
    await until(() => !!$(el, '.cta'), 10_000);
    await openLead(el);
    await fillLead(el);
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '#pending'), 15_000);
    const key = JSON.parse(sessionStorage.getItem('prm-outbox:quote:pk_demo_aurora')!)[0].key;
    el.remove();
    net.restore();

    const again = interceptFetch(async (url, method) => {
      // Hold the resend a moment so the restored form can be checked while it is pending.
      if (method === 'POST' && url.pathname === '/v1/quotes') await new Promise((r) => setTimeout(r, 400));
      return undefined;
    });
    try {
      const el2 = await mount({});
      await until(() => !!$(el2, '#f-name'), 15_000);
      expect($<HTMLInputElement>(el2, '#f-name')!.value, 'the restored form shows what was sent').to.equal('Ana Test');
      expect($<HTMLInputElement>(el2, '#search')!.value, 'and the same treatment').to.equal('LASIK (both eyes)');
      await until(() => !!$(el2, '#reference'), 15_000);
      const post = again.seen.find((s) => s.method === 'POST')!;
      expect(post.key).to.equal(key);
    } finally {
      again.restore();
    }
  });

  it('the honeypot: a filled hidden field sends nothing', async () => {
    const net = interceptFetch();
    try {
      const el = await mount({ procedure: 'lasik' });
      await until(() => !!$(el, '.cta'), 10_000);
      await openLead(el);
      await fillLead(el);
      const hp = $<HTMLInputElement>(el, '#f-hp')!;
      expect(hp.tabIndex).to.equal(-1);
      expect(hp.getAttribute('autocomplete')).to.equal('off');
      expect(hp.name).to.not.match(/name|mail|phone|tel|address/i);
      hp.value = 'http://spam.example';
      hp.dispatchEvent(new Event('input'));
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#done-title'));
      expect(net.seen.filter((s) => s.method === 'POST')).to.have.length(0);
    } finally {
      net.restore();
    }
  });

  it('events: prm-quote-view once; no prm-quote-change when properties are set from code', async () => {
    const el = document.createElement('prm-quote-calculator');
    el.setAttribute('procedure', 'lasik');
    let views = 0;
    let changes = 0;
    el.addEventListener('prm-quote-view', () => views++);
    el.addEventListener('prm-quote-change', () => changes++);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(() => !!$(el, '[part=breakdown]'), 10_000);
    el.procedure = 'rhinoplasty';
    el.homeCountry = 'GB';
    el.currency = 'USD';
    await el.updateComplete;
    await until(() => !!$(el, '[part=breakdown]')?.textContent?.includes('$'));
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('Rhinoplasty');
    expect(views).to.equal(1);
    expect(changes).to.equal(0);
  });

  it('Arabic: right-to-left with the layout mirrored (boxes), Arabic text and Arabic-locale money', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="ar" style="width: 1000px"><prm-quote-calculator procedure="dental-implants"></prm-quote-calculator></div>`);
    const el = wrap.querySelector('prm-quote-calculator')!;
    await until(() => currentLocale() === 'ar' && !!$(el, '[part=breakdown]'), 10_000);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const choices = $(el, '[part=choices]')!.getBoundingClientRect();
    const estimate = $(el, '[part=estimate]')!.getBoundingClientRect();
    expect(choices.left, 'choices column on the right').to.be.greaterThan(estimate.left);
    const pills = $$(el, '.pill');
    expect(pills[0]!.getBoundingClientRect().left, 'first specialty pill rightmost').to.be.greaterThan(pills[1]!.getBoundingClientRect().left);
    await openSection(el, 'medical');
    const row = $(el, '[part=line]')!;
    expect(row.querySelector('th')!.getBoundingClientRect().left, 'label right of amount').to.be.greaterThan(row.querySelector('td')!.getBoundingClientRect().left);
    expect($(el, '#p-medical')!.textContent, 'line labels from the seed in Arabic').to.match(/[\u0600-\u06FF]/);
    expect($<HTMLInputElement>(el, '#search')!.value, 'the procedure name in Arabic').to.match(/[\u0600-\u06FF]/);
    expect($(el, '.title')!.textContent).to.match(/[\u0600-\u06FF]/);
    await expect(el).to.be.accessible();
  });

  it('English: the same boxes in left-to-right order', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en" style="width: 1000px"><prm-quote-calculator procedure="dental-implants"></prm-quote-calculator></div>`);
    const el = wrap.querySelector('prm-quote-calculator')!;
    await until(() => currentLocale() === 'en' && !!$(el, '[part=breakdown]'), 10_000);
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect($(el, '[part=choices]')!.getBoundingClientRect().left).to.be.lessThan($(el, '[part=estimate]')!.getBoundingClientRect().left);
    await openSection(el, 'medical');
    const row = $(el, '[part=line]')!;
    expect(row.querySelector('th')!.getBoundingClientRect().left).to.be.lessThan(row.querySelector('td')!.getBoundingClientRect().left);
  });

  it('works at 320 px: no horizontal overflow, targets at least 24 px, dark theme axe clean', async () => {
    // The clinic's remote theme sets one primary colour for both modes; a clinic offering dark mode
    // sets its dark primary on the tag (page CSS wins over the remote theme).
    const el = await mount({ procedure: 'knee-replacement', theme: 'dark' }, 'width: 320px');
    el.style.setProperty('--prm-color-primary', '#6fd6cc');
    await until(() => !!$(el, '[part=breakdown]'), 10_000);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    for (const c of $$(el, 'button, select, input:not([type=radio]):not([type=checkbox]), .pill span, .option')) {
      const r = c.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.height, c.outerHTML.slice(0, 80)).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });

  // Speed is the benchmark's job (`npm run bench`: the quote-recompute micro-benchmark, as a ratio
  // against a calibration task in the same run); an absolute limit here failed on a loaded machine.
  it('200 changes in a row: each re-prices and re-renders the total', async () => {
    const el = await mount({ procedure: 'knee-replacement', 'home-country': 'GB' });
    await until(() => !!$(el, '#opt-hotelNights'), 10_000);
    const input = $<HTMLInputElement>(el, '#opt-hotelNights')!;
    const totals = new Set<string>();
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) {
      input.value = String(2 + (i % 10));
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      totals.add($(el, '[part=total]')!.textContent!);
    }
    const per = (performance.now() - t0) / 200;
    console.log(`change → recompute → re-render: ${per.toFixed(2)} ms per change`);
    expect(totals.size, 'the total follows the nights').to.equal(10);
  });
});
