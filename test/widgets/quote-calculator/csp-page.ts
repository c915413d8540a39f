// Runs inside /v1/__test/csp/quote-calculator (strict CSP + Trusted Types): the quote calculator
// goes estimate → lead form (lazy chunk, adopted styles) → submit to the real server → reference.
import { runCspJourney } from '../../core/fixtures/csp-page.js';

await runCspJourney('prm-quote-calculator', () => import('../../../src/widgets/quote-calculator/define.js'), async ({ $, step, set, until, out }) => {
  await until(() => !!$('[part=breakdown]'), 15_000);
  step('estimate');
  out.ctaBg = getComputedStyle($('.cta')!).backgroundColor;
  $('.cta')!.click();
  await until(() => !!$('#f-name'), 8000);
  step('form');
  set('#f-name', 'CSP Patient');
  set('#f-email', 'csp@example.com');
  set('#f-phone', '+44 20 7946 0958');
  $<HTMLInputElement>('#f-consent')!.click();
  await new Promise((r) => setTimeout(r, 50));
  $('button[type=submit]')!.click();
  await until(() => !!$('#reference'), 15_000);
  out.reference = $('#reference')!.textContent ?? '';
  step('done');
});
