import { expect } from '@open-wc/testing';

describe('<prm-quote-calculator> under a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('goes from estimate to reference with its styles and 0 securitypolicyviolation events', async () => {
    const res = await fetch('/v1/__test/csp/quote-calculator');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.contain("style-src 'self'").and.contain("require-trusted-types-for 'script'");
    expect(csp).not.to.contain('unsafe');

    const frame = document.createElement('iframe');
    const result = new Promise<{ violations: string[]; steps: string[]; reference: string; ctaBg: string }>((resolve) => {
      window.addEventListener('message', function on(e) {
        if (e.data?.type === 'quote-csp-result') {
          window.removeEventListener('message', on);
          resolve(e.data);
        }
      });
    });
    frame.src = '/v1/__test/csp/quote-calculator';
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
    const r = await result;
    frame.remove();
    expect(r.steps).to.deep.equal(['estimate', 'form', 'done']);
    expect(r.reference).to.match(/^Q-/);
    expect(r.ctaBg, 'shadow styles applied').to.not.equal('rgba(0, 0, 0, 0)');
    expect(r.violations).to.deep.equal([]);
  });
});
