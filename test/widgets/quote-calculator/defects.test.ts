import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator, QuoteChangeDetail } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { until } from '../../core/fixtures/setup.js';
import { $, mountQuote } from './helpers.js';

// Defects found trying the calculator as a new patient would (issue 10), each against the real
// reference server mounted at /v1.

const mount = (attrs: Record<string, string>, style?: string) => mountQuote(attrs, { ready: '#opt-companions', ...(style ? { style } : {}) });

/** Types `text` into a field the way a browser does: value set, then one input event. */
async function type(el: PrmQuoteCalculator, input: HTMLInputElement, text: string) {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<prm-quote-calculator>: what is shown is what is priced', function () {
  this.timeout(60_000);

  it('number fields: 1e1, empty and 99 are not priced as something else; the range is said; Arabic-Indic digits count', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    const changes: QuoteChangeDetail[] = [];
    el.addEventListener('prm-quote-change', (e) => changes.push(e.detail));
    const companions = $<HTMLInputElement>(el, '#opt-companions')!;
    const total = () => $(el, '[part=total]')!.textContent;
    const hint = () => $(el, `#${companions.getAttribute('aria-describedby')}`)!.textContent!;
    const t0 = total();

    for (const text of ['1e1', '', '99', '-1', '2.5']) {
      await type(el, companions, text);
      expect(companions.value, `the field keeps "${text}"`).to.equal(text);
      expect(companions.getAttribute('aria-invalid'), text).to.equal('true');
      expect(hint(), `"${text}" says the range`).to.match(/0\D+3/);
      expect(total(), `"${text}" is not priced`).to.equal(t0);
    }
    expect(changes, 'nothing priced, nothing announced as a change').to.have.length(0);
    // The personalised quote waits until the field reads as a count.
    $<HTMLButtonElement>(el, '.cta')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(companions);
    expect($(el, '#f-name')).to.equal(null);

    await type(el, companions, '٢');
    expect(companions.getAttribute('aria-invalid')).to.equal('false');
    expect(changes).to.have.length(1);
    expect(changes[0]!.selection!.companions).to.equal(2);
    expect(total()).to.not.equal(t0);
  });

  it('one arrow-key step is one prm-quote-change (not one for input and one for change)', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    const changes: QuoteChangeDetail[] = [];
    el.addEventListener('prm-quote-change', (e) => changes.push(e.detail));
    const nights = $<HTMLInputElement>(el, '#opt-hotelNights')!;
    const before = Number(nights.value);
    nights.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    nights.blur(); // a `change` event would fire here for a number input
    await el.updateComplete;
    expect(changes.map((c) => c.field)).to.deep.equal(['hotelNights']);
    expect(changes[0]!.selection!.hotelNights).to.equal(before + 1);
    expect(nights.value).to.equal(String(before + 1));
    expect(nights.getAttribute('aria-valuenow')).to.equal(String(before + 1));
    nights.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(nights.value).to.equal(nights.getAttribute('aria-valuemax'));
    expect(changes).to.have.length(2);
  });
});

/** Every node in the shadow root: elements, text and Lit's marker comments. */
function nodes(el: PrmQuoteCalculator): number {
  const w = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
  let count = 0;
  while (w.nextNode()) count++;
  return count;
}

describe('<prm-quote-calculator>: renders only what is seen', function () {
  this.timeout(60_000);

  for (const attrs of [{ procedure: 'dental-implants', 'home-country': 'GB' }, {}] as Record<string, string>[]) {
    it(`first view ${attrs['procedure'] ?? 'without a procedure'}: at most 500 DOM nodes in the shadow root`, async () => {
      const el = await mountQuote(attrs, { ready: '[part=choices]' });
      await el.updateComplete;
      const count = nodes(el);
      console.log(`first view (${attrs['procedure'] ?? 'no procedure'}): ${count} nodes in the shadow root`);
      expect(count).to.be.at.most(500);
    });
  }
});

describe('<prm-quote-calculator>: the treatment combobox (WAI-ARIA APG) and the 375 px first screen', function () {
  this.timeout(60_000);

  it('closed, it is one field; arrows open and move, Escape closes then clears, a click chooses', async () => {
    const el = await mount({ procedure: 'lasik' });
    const input = $<HTMLInputElement>(el, '#search')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[role=listbox]'), 'no list in the first view').to.equal(null);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => !!$(el, '[role=option]'));
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant'), 'opens on the chosen treatment').to.equal('proc-lasik');
    expect($(el, '#proc-lasik')!.getAttribute('aria-selected')).to.equal('true');
    const options = el.shadowRoot!.querySelectorAll('[role=option]').length;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.not.equal('proc-lasik');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value, 'closing keeps the chosen treatment').to.equal('LASIK (both eyes)');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[role=option]').length).to.equal(options);
    await sendKeys({ type: 'rhino' });
    await until(() => el.shadowRoot!.querySelectorAll('[role=option]').length === 1);
    $(el, '#proc-rhinoplasty')!.click();
    await until(() => input.value === 'Rhinoplasty' && input.getAttribute('aria-expanded') === 'false');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value, 'Escape on a closed box clears what was typed, not the choice').to.equal('Rhinoplasty');
    await expect(el).to.be.accessible();
  });

  for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
    it(`375 px (${lang}): the first screen shows the treatment and the total; chips show they scroll`, async () => {
      const el = await mount({ procedure: 'dental-implants', lang }, 'width: 375px');
      expect(el.getAttribute('dir')).to.equal(dir);
      const top = el.getBoundingClientRect().top;
      const screen = 667; // an iPhone SE-sized first screen
      expect($(el, '#search')!.getBoundingClientRect().bottom - top).to.be.at.most(screen);
      expect($(el, '[part=total]')!.getBoundingClientRect().bottom - top, 'the total on the first screen').to.be.at.most(screen);
      const chips = $(el, '#specialties')!;
      expect(chips.scrollWidth, 'the chips overflow their row').to.be.greaterThan(chips.clientWidth);
      expect(getComputedStyle(chips).maskImage, 'the row fades out where it continues').to.contain('gradient');
      expect(getComputedStyle(chips).scrollSnapType).to.contain('x');
    });
  }
});
