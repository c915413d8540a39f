import { expect } from '@open-wc/testing';
import { runInCspFrame } from '../../core/fixtures/csp-frame.js';

describe('<prm-booking-scheduler> under a strict CSP and Trusted Types', function () {
  this.timeout(90_000);

  it('goes from doctors to a confirmed booking, lazy parts included, with its styles and 0 securitypolicyviolation events', async () => {
    const r = await runInCspFrame('booking-scheduler', { width: 1000, height: 900 });
    expect(r.steps).to.deep.equal(['doctors', 'times', 'zones', 'form', 'done']);
    expect(r.out.reference).to.match(/^B-/);
    expect(r.out.dayBg, 'shadow styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
