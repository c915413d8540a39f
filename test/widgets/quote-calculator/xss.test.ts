import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { catalog, clinicConfig, json, quoteResponse, rates, stubFetch } from './fixtures.js';

// Rendering is what is under test here, so the backend's answers are stubbed with payloads in
// every string field; every other quote-calculator test talks to the real reference server.

declare global {
  interface Window {
    __xss?: (n?: unknown) => void;
  }
}

let executions: unknown[] = [];
let payloads: string[] = [];

const $ = (el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement | null;

/** Elements or attributes a payload could have created if it were parsed as HTML. */
function injected(root: ShadowRoot): string[] {
  const bad: string[] = [];
  root.querySelectorAll('*').forEach((el) => {
    // (The widget's own <details class="final"> is the only such element its templates create.)
    if (/^(script|iframe|object|embed|svg|math|img|video|audio|meta|base|link|marquee|details|template|isindex|xss|x)$/i.test(el.localName) && !el.matches('details.final')) bad.push(el.localName);
    for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`${el.localName}[${a}]`);
    const href = el.getAttribute('href');
    if (href && !/^(https?:|#)/i.test(href)) bad.push(`href=${href}`);
  });
  return bad;
}

async function typeInto(el: PrmQuoteCalculator, sel: string, value: string) {
  const input = $(el, sel) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('quote calculator: XSS payloads render as text, never run', function () {
  this.timeout(120_000);
  let restore: (() => void) | undefined;
  const realAlert = window.alert;

  before(async () => {
    const text = await (await fetch('/test/fixtures/xss-payloads.txt')).text();
    payloads = text.split('\n').filter((l) => l.trim() && !l.startsWith('# '));
    expect(payloads.length).to.be.greaterThanOrEqual(60);
  });
  beforeEach(() => {
    resetConfig();
    executions = [];
    window.__xss = (n) => executions.push(n);
    window.alert = (n) => executions.push(n);
    sessionStorage.clear();
  });
  afterEach(() => {
    restore?.();
    window.alert = realAlert;
  });

  it('the detector works: an injected payload would be counted', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src=x onerror="window.__xss(0)">';
    document.body.append(div);
    await until(() => executions.length === 1);
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
        if (url.pathname === '/v1/procedures') return json(catalog(t));
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
    expect(executions, 'executed payloads').to.deep.equal([]);
  });

  it('a javascript: privacy URL from the backend never becomes a link target', async () => {
    resetConfig({ api: location.origin, clinic: 'pk_xss_js_url' });
    restore = stubFetch((url) => {
      if (url.pathname === '/v1/config') return json({ ...clinicConfig(), privacyUrl: 'javascript:window.__xss(99)' });
      if (url.pathname === '/v1/procedures') return json(catalog());
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
    expect(executions).to.deep.equal([]);
  });
});
