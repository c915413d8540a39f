import { expect } from '@open-wc/testing';
import { runInCspFrame } from '../../core/fixtures/csp-frame.js';

describe('<prm-feedback-form> under a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('goes from form to thank-you with its styles and 0 securitypolicyviolation events', async () => {
    const r = await runInCspFrame('feedback-form', { width: 1000, height: 900 });
    expect(r.steps).to.deep.equal(['form', 'done']);
    expect(r.out.selectedBg, 'shadow + form styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
