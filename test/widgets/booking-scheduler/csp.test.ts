import { expect } from '@open-wc/testing';

describe('<prm-booking-scheduler> under a strict CSP and Trusted Types', function () {
  this.timeout(90_000);

  it('goes from doctors to a confirmed booking, lazy parts included, with its styles and 0 securitypolicyviolation events', async () => {
    const res = await fetch('/v1/__test/csp/booking-scheduler');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.contain("style-src 'self'").and.contain("require-trusted-types-for 'script'");
    expect(csp).not.to.contain('unsafe');
    const frame = document.createElement('iframe');
    const result = new Promise<{ violations: string[]; steps: string[]; reference: string; dayBg: string }>((resolve) => {
      window.addEventListener('message', function on(e) {
        if (e.data?.type === 'booking-csp-result') {
          window.removeEventListener('message', on);
          resolve(e.data);
        }
      });
    });
    frame.src = '/v1/__test/csp/booking-scheduler';
    frame.style.width = '1000px';
    frame.style.height = '900px';
    document.body.append(frame);
    const r = await result;
    frame.remove();
    expect(r.steps).to.deep.equal(['doctors', 'times', 'zones', 'form', 'done']);
    expect(r.reference).to.match(/^B-/);
    expect(r.dayBg, 'shadow styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
