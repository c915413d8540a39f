import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { injected as injectedBy, loadPayloads, trapExecutions, typeInto } from '../../core/fixtures/xss.js';
import { catalogAnswer, clinicConfig, json, quoteResponse, rates, stubFetch } from './fixtures.js';

// Rendering is what is under test here, so the backend's answers are stubbed with payloads in
// every string field; every other quote-calculator test talks to the real reference server.

let trap: ReturnType<typeof trapExecutions>;
let payloads: string[] = [];

const $ = (el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement | null;
const injected = (root: ShadowRoot) => injectedBy(root, 'details.final');

describe('quote calculator: XSS payloads render as text, never run', function () {
  this.timeout(120_000);
  let restore: (() => void) | undefined;

  before(async () => {
    payloads = await loadPayloads();
  });
  beforeEach(() => {
    resetConfig();
    trap = trapExecutions();
    sessionStorage.clear();
  });
  afterEach(() => {
    restore?.();
    trap.release();
  });

  it('the detector works: an injected payload would be counted', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src=x onerror="window.__xss(0)">';
    document.body.append(div);
    await until(() => trap.executions.length === 1);
    div.remove();
  });

  it('every payload in every backend string field (catalog, config, quote) and every text input', async () => {
    for (const [i, p] of payloads.entries()) {
      // A fresh clinic key each round: the clinic profile is cached per page and key.
      resetConfig({ api: location.origin, clinic: `pk_xss_${i}` });
      const t = () => p;
      let posted = '';
      restore = stubFetch((url, init) => {
        if (url.pathname === '/v1/config') {
          const c = clinicConfig(t);
          // privacyUrl must stay a URL to pass the contract; javascript: URLs are checked below.
          return json(i % 2 ? { ...c, privacyUrl: `https://clinic.example/?q=${encodeURIComponent(p)}` } : c);
        }
        const c = catalogAnswer(url, t);
        if (c) return c;
        if (url.pathname === '/v1/exchange-rates') return json(rates);
        if (url.pathname === '/v1/quotes') {
          posted = init.body ?? '';
          return json(quoteResponse(p, t), 201);
        }
        return json({ error: { code: 'not_found', message: 'x' } }, 404);
      });
      const el = await fixture<PrmQuoteCalculator>(html`<prm-quote-calculator procedure="fue" home-country="GB"></prm-quote-calculator>`);
      await until(() => !!$(el, '.breakdown'));
      const root = el.shadowRoot!;
      expect(root.textContent, `payload ${i} shown as text`).to.contain(p.trim().slice(0, 20));
      (root.querySelector('input[name=addon]') as HTMLInputElement).click();
      await typeInto(el, '#search', p);
      await typeInto(el, '#search', '');
      ($(el, '.cta') as HTMLButtonElement).click();
      await until(() => !!$(el, 'form'));
      await typeInto(el, '#f-name', p);
      await typeInto(el, '#f-email', `a${i}@example.com`);
      await typeInto(el, '#f-phone', '+44 20 7946 0958');
      await typeInto(el, '#f-notes', p);
      ($(el, '#f-consent') as HTMLInputElement).click();
      await el.updateComplete;
      expect(injected(root), `payload ${i} before submit`).to.deep.equal([]);
      ($(el, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => !!$(el, '#reference'));
      expect($(el, '#reference')!.textContent).to.equal(p);
      expect(root.textContent, 'consent text from the clinic profile').to.contain(p.trim().slice(0, 20));
      expect(JSON.parse(posted).notes).to.equal(p.trim());
      expect(injected(root), `payload ${i} after submit`).to.deep.equal([]);
      restore();
      restore = undefined;
      el.remove();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(trap.executions, 'executed payloads').to.deep.equal([]);
  });

  it('a javascript: privacy URL from the backend never becomes a link target', async () => {
    resetConfig({ api: location.origin, clinic: 'pk_xss_js_url' });
    restore = stubFetch((url) => {
      if (url.pathname === '/v1/config') return json({ ...clinicConfig(), privacyUrl: 'javascript:window.__xss(99)' });
      const c = catalogAnswer(url);
      if (c) return c;
      return json(rates);
    });
    const el = await fixture<PrmQuoteCalculator>(html`<prm-quote-calculator procedure="fue"></prm-quote-calculator>`);
    // The clinic profile fails its contract (privacyUrl must be http(s)): the widget says it cannot
    // load, offers a retry, and never reaches a form that could link the URL. (The form layer's
    // own guard, safeHttpUrl, is tested in test/core/form.test.ts.)
    await until(() => !!$(el, '[part=error]'), 10_000);
    expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part=error] button'), 'a retry').to.exist;
    expect($(el, '.cta'), 'no lead form on an invalid profile').to.equal(null);
    const hrefs = [...el.shadowRoot!.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /javascript:/i.test(h))).to.deep.equal([]);
    expect(injected(el.shadowRoot!)).to.deep.equal([]);
    expect(trap.executions).to.deep.equal([]);
  });
});
