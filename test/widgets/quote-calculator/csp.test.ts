import { expect } from '@open-wc/testing';
import { runInCspFrame } from '../../core/fixtures/csp-frame.js';

describe('<prm-quote-calculator> under a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('goes from estimate to reference with its styles and 0 securitypolicyviolation events', async () => {
    const r = await runInCspFrame('quote-calculator');
    expect(r.steps).to.deep.equal(['estimate', 'form', 'done']);
    expect(r.out.reference).to.match(/^Q-/);
    expect(r.out.ctaBg, 'shadow styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
