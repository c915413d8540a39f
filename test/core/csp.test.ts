import { expect } from '@open-wc/testing';

describe('strict CSP and Trusted Types', () => {
  it('a core element renders with its styles and 0 securitypolicyviolation events', async () => {
    const frame = document.createElement('iframe');
    const result = new Promise<{ violations: string[]; rendered: boolean; bg: string }>((resolve) => {
      window.addEventListener('message', function on(e) {
        if (e.data?.type === 'csp-result') {
          window.removeEventListener('message', on);
          resolve(e.data);
        }
      });
    });
    frame.src = '/test/csp/index.html';
    document.body.append(frame);
    const r = await result;
    frame.remove();
    expect(r.rendered, 'rendered').to.equal(true);
    expect(r.bg, 'shadow styles applied').to.equal('rgb(11, 95, 90)');
    expect(r.violations).to.deep.equal([]);
  });

  it('the served page really carries the policy', async () => {
    const res = await fetch('/test/csp/index.html');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'");
    expect(csp).to.contain("style-src 'self'");
    expect(csp).not.to.contain('unsafe');
    expect(csp).to.contain("require-trusted-types-for 'script'");
  });
});
