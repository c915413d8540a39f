import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator, QuoteSubmitDetail } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { until } from '../../core/fixtures/setup.js';
import { $, mountQuote } from './helpers.js';
import { interceptFetch } from './fixtures.js';

// Findings of the patient-style review of 2026-12-02, each against the real reference server
// mounted at /v1 (the network is broken on purpose only where a test says offline).

const $$ = (el: PrmQuoteCalculator, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const active = (el: PrmQuoteCalculator) => el.shadowRoot!.activeElement as HTMLElement | null;
const mount = (attrs: Record<string, string>, style?: string) => mountQuote(attrs, { ready: '[part=choices]', currency: 'EUR', ...(style ? { style } : {}) });

/** Sets a field's text the way a browser does (value, then one input event). */
async function type(el: PrmQuoteCalculator, sel: string, text: string) {
  const i = $<HTMLInputElement>(el, sel)!;
  i.value = text;
  i.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function openLeadAndFill(el: PrmQuoteCalculator, email = 'omar1@example.com') {
  await until(() => !!$(el, '.cta'), 10_000);
  $<HTMLButtonElement>(el, '.cta')!.click();
  await until(() => !!$(el, '#f-name'), 10_000);
  await type(el, '#f-name', 'Omar');
  await type(el, '#f-email', email);
  await type(el, '#f-phone', '+971 50 123 4567');
  $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
}

const send = async (el: PrmQuoteCalculator) => {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
};

describe('<prm-quote-calculator>: review of 2026-12-02', function () {
  this.timeout(60_000);
  beforeEach(() => sessionStorage.clear());

  it('2. edits made while a request waits for the network replace it: the clinic gets the corrected email and companions', async () => {
    let offline = true;
    const net = interceptFetch((url, method) => (offline && method === 'POST' && url.pathname === '/v1/quotes' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount({ procedure: 'dental-implants' });
      const submits: QuoteSubmitDetail[] = [];
      el.addEventListener('prm-quote-submit', (e) => submits.push(e.detail));
      await openLeadAndFill(el);
      await send(el);
      await until(() => !!$(el, '#pending'), 15_000);

      // Corrected while waiting: the email, and three companions (the total on screen changes).
      await type(el, '#f-email', 'omar2@example.com');
      await type(el, '#opt-companions', '3');
      const shown = $(el, '[part=total] strong')!.textContent;
      await send(el);
      await until(() => submits.length === 2, 5_000);
      expect(submits[1]!.idempotencyKey, 'a new request, not the old one again').to.not.equal(submits[0]!.idempotencyKey);
      const stored = JSON.parse(sessionStorage.getItem('prm-outbox:quote:pk_demo_aurora')!) as { key: string; body: { contact: { email: string } } }[];
      expect(stored.map((s) => s.key), 'only the corrected request is kept').to.deep.equal([submits[1]!.idempotencyKey]);

      const before = net.seen.length;
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '#reference'), 15_000);
      const sent = net.seen.filter((s) => s.method === 'POST' && s.key === submits[1]!.idempotencyKey).map((s) => JSON.parse(s.body!));
      expect(sent.length).to.be.greaterThan(0);
      expect(sent.at(-1).contact.email).to.equal('omar2@example.com');
      expect(sent.at(-1).selection.companions).to.equal(3);
      expect(net.seen.slice(before).filter((s) => s.method === 'POST' && s.key === submits[0]!.idempotencyKey).length, 'the old request never went out online').to.equal(0);
      // The confirmation shows the total the patient saw when sending.
      expect($(el, '[part=success] [part=total] strong')!.textContent).to.equal(shown);
    } finally {
      net.restore();
    }
  });

  it('2. pressing Send again without a change while waiting tries the same request again (same key)', async () => {
    const net = interceptFetch((url, method) => (method === 'POST' && url.pathname === '/v1/quotes' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount({ procedure: 'lasik' });
      await openLeadAndFill(el);
      await send(el);
      await until(() => !!$(el, '#pending'), 15_000);
      await send(el);
      await until(() => net.seen.filter((s) => s.method === 'POST').length >= 2, 5_000);
      expect(new Set(net.seen.filter((s) => s.method === 'POST').map((s) => s.key)).size).to.equal(1);
      // Leave nothing in this tab for the next test's widget to send.
      await until(() => !!$(el, '#pending'), 15_000);
      el.remove();
      sessionStorage.clear();
    } finally {
      net.restore();
    }
  });

  it('3. Send with a count field out of range sends nothing and takes focus to the field', async () => {
    const net = interceptFetch();
    try {
      const el = await mount({ procedure: 'dental-implants' });
      await openLeadAndFill(el);
      await type(el, '#opt-companions', '99');
      await send(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(net.seen.filter((s) => s.method === 'POST').map((s) => s.url.pathname), 'nothing sent').to.have.length(0);
      expect(active(el)?.id).to.equal('opt-companions');
      expect($(el, '#opt-companions')!.getAttribute('aria-invalid')).to.equal('true');
      // Fixed, it goes, with what the field shows.
      await type(el, '#opt-companions', '2');
      await send(el);
      await until(() => !!$(el, '#reference'), 15_000);
      const post = net.seen.find((s) => s.method === 'POST')!;
      expect(JSON.parse(post.body!).selection.companions).to.equal(2);
    } finally {
      net.restore();
    }
  });

  it('4. a specialty chip keeps the treatment and its options and offers the specialty\'s treatments; arrowing through the chips loses nothing', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    await until(() => !!$(el, '[part=total]'), 10_000);
    await type(el, '#opt-companions', '2');
    const total = $(el, '[part=total] strong')!.textContent;
    const chip = (id: string) => $$(el, 'input[name=specialty]').find((i) => (i as HTMLInputElement).value === id)!;
    chip('hair').click();
    await el.updateComplete;
    expect($(el, '[part=total] strong')?.textContent, 'the estimate stays').to.equal(total);
    expect($<HTMLInputElement>(el, '#opt-companions')!.value).to.equal('2');
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('Dental implant (single)');
    const names = () => $$(el, '#short button .opt-name').map((b) => b.textContent);
    expect(names()).to.have.members(['FUE hair transplant', 'DHI hair transplant', 'Eyebrow transplant']);

    // The keyboard moves through the chips (and so through specialties): nothing is thrown away.
    chip('hair').focus();
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect($(el, '[part=total] strong')?.textContent, `after ${i + 1} arrow presses`).to.equal(total);
    }
    expect($<HTMLInputElement>(el, '#opt-companions')!.value).to.equal('2');
    // Back on the treatment's own specialty: no list, the same estimate.
    chip('dental').click();
    await el.updateComplete;
    expect($(el, '#short')).to.equal(null);
    chip('hair').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#short-fue-hair-transplant')!.click();
    await until(() => $<HTMLInputElement>(el, '#search')!.value === 'FUE hair transplant' && !!$(el, '[part=total]'), 10_000);
    expect($(el, '#short'), 'chosen: the list has done its job').to.equal(null);
    expect(active(el)?.id, 'focus is not lost with the list').to.equal('search');
    expect($(el, '[part=total] strong')!.textContent).to.not.equal(total);
  });

  it('10. combobox: typing after Escape replaces the name; Enter picks the only match; Home/End return to the field', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    const search = $<HTMLInputElement>(el, '#search')!;
    search.focus();
    await sendKeys({ type: 'hair' });
    await el.updateComplete;
    expect(search.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(search.value).to.equal('Dental implant (single)');
    await sendKeys({ type: 'lasik' });
    await el.updateComplete;
    expect(search.value, 'typing replaces the restored name').to.equal('lasik');
    expect($$(el, '[role=option]')).to.have.length(1);
    await sendKeys({ press: 'Enter' });
    await until(() => search.value === 'LASIK (both eyes)' && search.getAttribute('aria-expanded') === 'false', 10_000);

    await sendKeys({ type: 'ey' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(search.getAttribute('aria-activedescendant')).to.not.equal('');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(search.getAttribute('aria-activedescendant'), 'Home: back in the field').to.equal('');
    expect(search.selectionStart).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(search.getAttribute('aria-activedescendant'), 'End: back in the field').to.equal('');
    expect(search.selectionStart).to.equal(search.value.length);
  });

  it("11. Arabic: an opened section's arrow points down as in English; amounts use tabular figures", async () => {
    const arrows: string[] = [];
    const figures: string[] = [];
    for (const lang of ['en', 'ar']) {
      const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1000px"><prm-quote-calculator procedure="dental-implants"></prm-quote-calculator></div>`);
      const el = wrap.querySelector('prm-quote-calculator')!;
      await until(() => !!$(el, '#d-medical') && el.getAttribute('dir') === (lang === 'ar' ? 'rtl' : 'ltr'), 10_000);
      $<HTMLButtonElement>(el, '#d-medical')!.click();
      await until(() => !!$(el, '#p-medical td'), 10_000);
      // The transition is 0.15 s: read the arrow once it has settled.
      await new Promise((r) => setTimeout(r, 300));
      arrows.push(getComputedStyle($(el, '#d-medical')!, '::before').transform);
      figures.push(getComputedStyle($(el, '#p-medical td')!).fontVariantNumeric, getComputedStyle($(el, '#d-medical .amt')!).fontVariantNumeric);
    }
    expect(arrows[1], 'Arabic opened arrow').to.equal(arrows[0]);
    expect(figures, 'line amounts and subtotals line up their digits').to.deep.equal(Array(4).fill('tabular-nums'));
  });

  it('12. at 1280 px Tab follows what is seen: treatment, package, options, then the estimate and its button', async () => {
    const el = await mount({ procedure: 'dental-implants' }, 'width: 1280px');
    await until(() => !!$(el, '.cta'), 10_000);
    $<HTMLInputElement>(el, '#search')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 40 && active(el) !== $(el, '.cta'); i++) {
      await sendKeys({ press: 'Tab' });
      const a = active(el);
      if (a) order.push(a.closest('[part]')?.classList.contains('more') ? 'more' : (a.closest('[part=estimate]') ? 'est' : 'other'));
    }
    expect(order[0], 'after the treatment: the package beneath it').to.equal('more');
    const firstEst = order.indexOf('est');
    expect(firstEst, 'the estimate is reached').to.be.greaterThan(0);
    expect(order.slice(firstEst), 'no step back to the left column after the estimate').to.not.include('more');
    expect(order.slice(0, firstEst), 'package and options first').to.include('more');
  });

  it('13. savings: the closed comparison shows the figure; "at least" only for a range', async () => {
    const one = await mount({ procedure: 'dental-implants', 'home-country': 'GB' });
    await until(() => !!$(one, '#d-savings'), 10_000);
    const closed = $(one, '#d-savings')!.textContent!.replace(/\s+/g, ' ');
    expect(closed).to.match(/You save €[\d,.]+/);
    expect(closed).to.not.contain('at least');
    $<HTMLButtonElement>(one, '#d-savings')!.click();
    await until(() => !!$(one, '#saving'), 10_000);
    expect($(one, '#saving')!.textContent).to.not.contain('at least');

    const range = await mount({ procedure: 'fue-hair-transplant', 'home-country': 'GB' });
    await until(() => !!$(range, '#d-savings'), 10_000);
    expect($(range, '[part=total]')!.textContent).to.contain('range');
    expect($(range, '#d-savings')!.textContent!.replace(/\s+/g, ' ')).to.match(/You save at least €[\d,.]+/);
  });
});
