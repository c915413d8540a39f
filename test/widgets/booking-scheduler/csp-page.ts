// Runs inside /v1/__test/csp/booking-scheduler, served with the strict CSP (no unsafe-inline, no
// unsafe-eval) and Trusted Types: the scheduler goes doctors (photos) → month grid → times → the
// details form (lazy chunk, adopted styles) → the zone picker (lazy chunk) → booking on the real
// server → confirmation, and the violations are reported to the parent test.
export {};
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));

const { resetConfig, until } = await import('../../core/fixtures/setup.js');
resetConfig();
await import('../../../src/widgets/booking-scheduler/define.js');
const el = document.querySelector('prm-booking-scheduler')!;
const $ = <T extends HTMLElement>(s: string) => el.shadowRoot?.querySelector<T>(s) ?? null;
const steps: string[] = [];
let reference = '';
let dayBg = '';
try {
  await until(() => !!$('[part=doctors] img.photo'), 15_000);
  await until(() => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('img.photo')].every((i) => i.complete && i.naturalWidth > 0), 10_000);
  steps.push('doctors');
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.choice')[0]!.click();
  await until(() => !!$('td.avail'), 15_000);
  dayBg = getComputedStyle($('td.avail')!).backgroundColor;
  $('td.avail')!.click();
  await until(() => !!$('.slot'));
  steps.push('times');
  $('#zone-button')!.click();
  await until(() => !!$('#zone-list'), 8000);
  steps.push('zones');
  $('.slot')!.click();
  await until(() => !!$('#f-name'), 8000);
  steps.push('form');
  const set = (s: string, v: string) => {
    const i = $<HTMLInputElement>(s)!;
    i.value = v;
    i.dispatchEvent(new Event('input'));
  };
  set('#f-name', 'CSP Patient');
  set('#f-email', 'csp@example.com');
  $<HTMLInputElement>('#f-consent')!.click();
  await new Promise((r) => setTimeout(r, 50));
  $('button[type=submit]')!.click();
  await until(() => !!$('[part=success]'), 15_000);
  reference = /B-[0-9A-Z]+/.exec($('[part=success]')!.textContent ?? '')?.[0] ?? '';
  steps.push('done');
} catch (err) {
  steps.push(`failed: ${String(err)}`);
}
await new Promise((r) => setTimeout(r, 100));
parent.postMessage({ type: 'booking-csp-result', violations, steps, reference, dayBg }, '*');
