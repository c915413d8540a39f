import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

// Mistakes in a clinic's markup, against the real reference server mounted at /v1: the patient
// sees a working calculator, the website team sees one console error that names the mistake.

describe('<prm-quote-calculator>: a mistake in the page’s markup', function () {
  this.timeout(60_000);

  it('a procedure id with a typo: the calculator starts without one, and one console error names the attribute and the ids there are', async () => {
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', currency: undefined, _n: 'embed-errors-1' });
    const errors: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><prm-quote-calculator procedure="dental-implant"></prm-quote-calculator></div>`);
      const el = wrap.querySelector<PrmQuoteCalculator>('prm-quote-calculator')!;
      await until(() => !!el.shadowRoot!.querySelector('[role=combobox]'), 15_000);
      await el.updateComplete;
      const mine = errors.filter((e) => e.includes('[prm-widgets]'));
      expect(mine).to.have.length(1);
      expect(mine[0]).to.include('procedure="dental-implant"').and.include('dental-implants');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('[role=combobox]')!.value, 'nothing preselected').to.equal('');
    } finally {
      console.error = orig;
    }
  });
});
