// Runs inside /v1/__test/csp/story-carousel (strict CSP + Trusted Types): the carousel loads the
// real stories with photos, moves by button and picker, opens a story's text, and writes its
// JSON-LD (structured-data) into the light DOM.
import { runCspJourney } from '../../core/fixtures/csp-page.js';

await runCspJourney('prm-story-carousel', () => import('../../../src/widgets/story-carousel/define.js'), async ({ el, $, step, until, out }) => {
  await until(() => !!$('.slide[data-i] .title'), 15_000);
  await until(() => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('.slide:not([inert]) img.photo')].every((i) => i.complete && i.naturalWidth > 0), 10_000);
  step('stories');
  $('.arrow.next')!.click();
  await until(() => $('.slide:not([inert])')?.getAttribute('aria-label') === '2 of 35');
  $<HTMLElement>('[role=tab][aria-label="Story 4"]')!.click();
  await until(() => $('.slide:not([inert])')?.getAttribute('aria-label') === '4 of 35');
  step('moved');
  for (let i = 0; i < 20 && !$('.slide:not([inert]) .more'); i++) {
    $('.arrow.next')!.click();
    await new Promise((r) => setTimeout(r, 30));
  }
  $('.slide:not([inert]) .more')!.click();
  await until(() => !!$('.quote.open'));
  step('read more');
  await until(() => !!el.querySelector('script[type="application/ld+json"]'));
  out.jsonLd = String(JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!).review.length);
  out.dotBg = getComputedStyle($('[role=tab][aria-selected=true]')!, '::before').backgroundColor;
  step('json-ld');
});
