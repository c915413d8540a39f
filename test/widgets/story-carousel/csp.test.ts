import { expect } from '@open-wc/testing';
import { runInCspFrame } from '../../core/fixtures/csp-frame.js';

describe('<prm-story-carousel> under a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('loads stories with photos, moves, opens a story and writes its JSON-LD with its styles and 0 securitypolicyviolation events', async () => {
    const r = await runInCspFrame('story-carousel', { width: 1000, height: 700 });
    expect(r.steps).to.deep.equal(['stories', 'moved', 'read more', 'json-ld']);
    expect(Number(r.out.jsonLd)).to.be.greaterThan(0);
    expect(r.out.dotBg, 'shadow styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
