export {};
// Runs inside a page served with a strict CSP (no unsafe-inline, no unsafe-eval) and Trusted
// Types; reports violations and what rendered to the parent test.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));

const { resetConfig, until } = await import('../core/fixtures/setup.js');
resetConfig();
await import('../core/fixtures/test-element.js');
const el = document.querySelector('prm-test-element')!;
let rendered = false;
try {
  await until(() => !!el.shadowRoot?.querySelector('#second'), 8000);
  rendered = true;
} catch {
  /* reported below */
}
const button = el.shadowRoot?.querySelector('#second');
const bg = button ? getComputedStyle(button).backgroundColor : '';
await new Promise((r) => setTimeout(r, 100));
parent.postMessage({ type: 'csp-result', violations, rendered, bg }, '*');
