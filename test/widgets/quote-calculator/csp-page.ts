// Runs inside /v1/__test/csp/quote-calculator, served with the strict CSP (no unsafe-inline, no unsafe-eval)
// and Trusted Types: the quote calculator goes estimate → lead form (lazy chunk, adopted styles)
// → submit to the real server → reference, and the violations are reported to the parent test.
export {};
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));

const { resetConfig, until } = await import('../../core/fixtures/setup.js');
resetConfig();
await import('../../../src/widgets/quote-calculator/define.js');
const el = document.querySelector('prm-quote-calculator')!;
const $ = <T extends HTMLElement>(s: string) => el.shadowRoot?.querySelector<T>(s) ?? null;
const steps: string[] = [];
let reference = '';
let ctaBg = '';
try {
  await until(() => !!$('[part=breakdown]'), 15_000);
  steps.push('estimate');
  ctaBg = getComputedStyle($('.cta')!).backgroundColor;
  $('.cta')!.click();
  await until(() => !!$('#f-name'), 8000);
  steps.push('form');
  const set = (s: string, v: string) => {
    const i = $<HTMLInputElement>(s)!;
    i.value = v;
    i.dispatchEvent(new Event('input'));
  };
  set('#f-name', 'CSP Patient');
  set('#f-email', 'csp@example.com');
  set('#f-phone', '+44 20 7946 0958');
  $<HTMLInputElement>('#f-consent')!.click();
  await new Promise((r) => setTimeout(r, 50));
  $('button[type=submit]')!.click();
  await until(() => !!$('#reference'), 15_000);
  reference = $('#reference')!.textContent ?? '';
  steps.push('done');
} catch (err) {
  steps.push(`failed: ${String(err)}`);
}
await new Promise((r) => setTimeout(r, 100));
parent.postMessage({ type: 'quote-csp-result', violations, steps, reference, ctaBg }, '*');
