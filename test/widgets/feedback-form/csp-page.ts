// Runs inside /v1/__test/csp/feedback-form (strict CSP + Trusted Types): the feedback form loads
// (form chunk, adopted styles), a score, a star and a comment go to the real server, the thank-you shows.
import { runCspJourney } from '../../core/fixtures/csp-page.js';

await runCspJourney('prm-feedback-form', () => import('../../../src/widgets/feedback-form/define.js'), async ({ $, step, set, until, out }) => {
  await until(() => !!$('#nps-9'), 15_000);
  step('form');
  $<HTMLInputElement>('#nps-9')!.click();
  $<HTMLInputElement>('#r-medical-4')!.click();
  await until(() => !!$('#f-comment'), 15_000); // the form layer loads on the first touch
  set('#f-comment', 'Under CSP');
  await new Promise((r) => setTimeout(r, 50));
  out.selectedBg = getComputedStyle($('#nps-9 + span')!).backgroundColor;
  $('button[type=submit]')!.click();
  await until(() => !!$('[part=success]'), 15_000);
  step('done');
});
