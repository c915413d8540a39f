import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { fakeOnLine, resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount } from './helpers.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

// States a patient meets besides the first form: the waiting panel, the thank-you and the error
// states, in the dark theme too (axe's contrast checks); loading while offline, and Try again once
// the network is back; the loading outline's pulse under prefers-reduced-motion. The real server
// answers; only the network is broken where that is the point.

let n = 0;
const fresh = () => resetConfig({ api: `${location.origin}/?states=${n}`, clinic: 'pk_demo_aurora', _n: `states${n++}` });

/** axe in the light theme, then in the dark one (the widget's `theme`). */
async function accessibleInBothThemes(el: PrmFeedbackForm) {
  await expect(el).to.be.accessible();
  el.setAttribute('theme', 'dark');
  await el.updateComplete;
  // The dark theme really applies (else this would check the light one twice).
  const bg = getComputedStyle($(el, '[part=base]')!).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number);
  expect(bg[0]! + bg[1]! + bg[2]!, `dark card (${bg.join(',')})`).to.be.lessThan(200);
  await expect(el).to.be.accessible();
}

describe('<prm-feedback-form> states in light and dark', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('the waiting panel (saved offline): axe clean in light and dark', async () => {
    let offline = true;
    const restoreOnLine = fakeOnLine(() => !offline);
    const net = interceptFetch((url, method) => (offline && method === 'POST' && url.pathname === '/v1/feedback' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount();
      $(el, '#nps-4')!.click();
      $(el, '#r-medical-2')?.click();
      await el.updateComplete;
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 10_000);
      expect($(el, '#pending-title')!.textContent).to.equal('Saved — it will be sent when you’re back online');
      await accessibleInBothThemes(el);
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part=success]'), 15_000);
    } finally {
      restoreOnLine();
      net.restore();
    }
  });

  it('the thank-you with "You said, we did", the story note and the review link: axe clean in light and dark', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    $(el, '#nps-10')!.click();
    $(el, '#r-medical-2')?.click();
    await until(() => !!$(el, '#f-publish'), 10_000);
    $(el, '#f-publish')!.click();
    await until(() => !!$(el, '#f-displayName'), 10_000);
    for (const [id, v] of [['f-comment', 'Kind nurses and a clean room.'], ['f-displayName', 'A. B.']] as const) {
      const c = $<HTMLInputElement>(el, `#${id}`)!;
      c.value = v;
      c.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const country = $<HTMLSelectElement>(el, '#f-country')!;
    country.value = 'GB';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[part=success]'), 15_000);
    expect($(el, '.wedid li'), '"You said, we did" shows').to.exist;
    expect($(el, '[part=success] a.link'), 'the review link shows').to.exist;
    await accessibleInBothThemes(el);
  });

  it('an error state (the config answers 500): axe clean in light and dark', async () => {
    const net = interceptFetch((url) => (url.pathname === '/v1/config' ? new Response('{"error":{"code":"internal","message":"x"}}', { status: 500, headers: { 'Content-Type': 'application/json' } }) : undefined));
    try {
      const el = document.createElement('prm-feedback-form') as PrmFeedbackForm;
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await until(() => !!$(el, '[part=error]'), 20_000);
      expect($(el, '[part=error]')!.textContent).to.contain('Something went wrong');
      await accessibleInBothThemes(el);
    } finally {
      net.restore();
    }
  });

  it('offline while loading: "You seem to be offline", not a server failure; Try again once back online shows the form', async () => {
    let offline = true;
    const restoreOnLine = fakeOnLine(() => !offline);
    const net = interceptFetch(() => (offline ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = document.createElement('prm-feedback-form') as PrmFeedbackForm;
      const errors: CustomEvent[] = [];
      el.addEventListener('prm-error', (e) => errors.push(e));
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await until(() => !!$(el, '[part=error]'), 30_000);
      const text = $(el, '[part=error]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('You seem to be offline');
      expect(text).to.contain('Check your internet connection, then try again.');
      expect(text).not.to.contain('Something went wrong');
      expect(errors.length, 'one prm-error').to.equal(1);
      await accessibleInBothThemes(el);
      offline = false;
      $(el, '[part=error] button')!.click();
      await until(() => !!$(el, '#nps-0'), 15_000);
      expect($(el, '[part=error]')).to.equal(null);
    } finally {
      restoreOnLine();
      net.restore();
    }
  });
});

describe('<prm-feedback-form> prefers-reduced-motion', function () {
  this.timeout(60_000);
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  /** The loading outline's animations, with the answers held back so it stays on screen. */
  async function loadingAnimations(): Promise<{ count: number; infinite: number; longest: number }> {
    fresh();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const net = interceptFetch(async () => {
      await held;
      return undefined;
    });
    try {
      const el = document.createElement('prm-feedback-form') as PrmFeedbackForm;
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await until(() => !!$(el, '[part=loading], .skeleton-line'), 10_000);
      const anims = el.shadowRoot!.getAnimations();
      const timing = anims.map((a) => a.effect!.getComputedTiming());
      return { count: anims.length, infinite: timing.filter((t) => t.iterations === Infinity).length, longest: Math.max(0, ...timing.map((t) => Number(t.duration))) };
    } finally {
      release();
      net.restore();
    }
  }

  it('the loading outline pulses, except under prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await loadingAnimations();
    expect(moving.infinite, 'pulses without the preference').to.be.greaterThan(0);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const still = await loadingAnimations();
    expect(still.infinite, 'no endless pulse').to.equal(0);
    expect(still.longest, 'no animation longer than a frame').to.be.lessThan(1);
  });
});
