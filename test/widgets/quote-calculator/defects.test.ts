import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator, QuoteChangeDetail } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

// Defects found trying the calculator as a new patient would (issue 10), each against the real
// reference server mounted at /v1.

const $ = <T extends Element = HTMLElement>(el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
let n = 0;

async function mount(attrs: Record<string, string>, style = 'width: 1000px'): Promise<PrmQuoteCalculator> {
  resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', currency: undefined, _n: `defects-${n++}` });
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.setAttribute('style', style);
  const el = document.createElement('prm-quote-calculator');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, '#opt-companions'), 15_000);
  return el;
}

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
