// Runs inside /v1/__test/csp/booking-scheduler (strict CSP + Trusted Types): the scheduler goes
// doctors (photos) → month grid → times → the zone picker (lazy chunk) → the details form (lazy
// chunk, adopted styles) → booking on the real server → confirmation.
import { runCspJourney } from '../../core/fixtures/csp-page.js';

await runCspJourney('prm-booking-scheduler', () => import('../../../src/widgets/booking-scheduler/define.js'), async ({ el, $, step, set, until, out }) => {
  const root = el.shadowRoot!;
  await until(() => !!$('[part=doctors] img.photo'), 15_000);
  await until(() => [...root.querySelectorAll<HTMLImageElement>('img.photo')].every((i) => i.complete && i.naturalWidth > 0), 10_000);
  step('doctors');
  root.querySelectorAll<HTMLButtonElement>('.choice')[0]!.click();
  await until(() => !!$('td.avail'), 15_000);
  out.dayBg = getComputedStyle($('td.avail')!).backgroundColor;
  $('td.avail')!.click();
  await until(() => !!$('.slot'));
  step('times');
  $('#zone-button')!.click();
  await until(() => !!$('#zone-list'), 8000);
  step('zones');
  $('.slot')!.click();
  await until(() => !!$('#f-name'), 8000);
  step('form');
  set('#f-name', 'CSP Patient');
  set('#f-email', 'csp@example.com');
  $<HTMLInputElement>('#f-consent')!.click();
  await new Promise((r) => setTimeout(r, 50));
  $('button[type=submit]')!.click();
  await until(() => !!$('[part=success]'), 15_000);
  out.reference = /B-[0-9A-Z]+/.exec($('[part=success]')!.textContent ?? '')?.[0] ?? '';
  step('done');
});
