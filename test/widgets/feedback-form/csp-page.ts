// Runs inside /v1/__test/csp/feedback-form, served with the strict CSP (no unsafe-inline, no
// unsafe-eval) and Trusted Types: the feedback form loads (form chunk, adopted styles), a score,
// a star and a comment are sent to the real server, the thank-you shows; violations go to the parent.
export {};
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));

const { resetConfig, until } = await import('../../core/fixtures/setup.js');
resetConfig();
await import('../../../src/widgets/feedback-form/define.js');
const el = document.querySelector('prm-feedback-form')!;
const $ = <T extends HTMLElement>(s: string) => el.shadowRoot?.querySelector<T>(s) ?? null;
const steps: string[] = [];
let selectedBg = '';
try {
  await until(() => !!$('#nps-9'), 15_000);
  steps.push('form');
  $<HTMLInputElement>('#nps-9')!.click();
  $<HTMLInputElement>('#r-medical-4')!.click();
  const c = $<HTMLTextAreaElement>('#f-comment')!;
  c.value = 'Under CSP';
  c.dispatchEvent(new Event('input'));
  await new Promise((r) => setTimeout(r, 50));
  selectedBg = getComputedStyle($('#nps-9 + span')!).backgroundColor;
  $('button[type=submit]')!.click();
  await until(() => !!$('[part=success]'), 15_000);
  steps.push('done');
} catch (err) {
  steps.push(`failed: ${String(err)}`);
}
await new Promise((r) => setTimeout(r, 100));
parent.postMessage({ type: 'feedback-csp-result', violations, steps, selectedBg }, '*');
