import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { StoryChangeDetail } from '../../../src/widgets/story-carousel/define.js';
import { $, $$, mount, text, type El } from './helpers.js';

// Issue 13: "with 1,000 stories the DOM node count stays bounded (≤ 5 slides) and navigation is
// correct at both ends, by keyboard, buttons and swipe". Keyboard and buttons at both ends are
// tested in story-carousel.test.ts; here the swipe (a touch or trackpad scroll of the track, and
// the mouse drag fallback) on the real server's clinic of 1,000 stories (server/seed/stories-bulk.ts).
// Then WCAG 2.5.8: every control of the carousel at least 24 × 24 CSS px on a 375 px phone.

const MANY = 'pk_test_many_stories';
const shown = (el: El) => $$(el, '.slide:not([inert])').map((s) => s.getAttribute('aria-label'));
const labels = (el: El) => $$(el, '.slide').map((s) => s.getAttribute('aria-label'));
const picked = (el: El) => $(el, '[role=tab][aria-selected=true]')?.getAttribute('aria-label');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A touch or trackpad swipe: the track scrolls by 1.2 stories (negative: back). */
function scrollSwipe(el: El, stories: number) {
  const w = $(el, '.slide')!.getBoundingClientRect().width;
  $(el, '.track')!.scrollBy({ left: w * stories, behavior: 'instant' });
}
/** A mouse drag across the track (the pointer fallback): right to left is "next" in left-to-right. */
function drag(el: El, dir: 'next' | 'prev') {
  const track = $(el, '.track')!;
  const r = track.getBoundingClientRect();
  const [from, to] = dir === 'next' ? [r.right - 20, r.left + 40] : [r.left + 40, r.right - 20];
  track.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', button: 0, clientX: from, clientY: r.top + 50, bubbles: true }));
  track.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', button: 0, clientX: to, clientY: r.top + 50, bubbles: true }));
}

/** Where the carousel stands, as the slide, the picker and the window say it. */
async function at(el: El, n: string) {
  await el.updateComplete;
  expect(shown(el), 'the slide in view').to.deep.equal([`${n} of 1,000`]);
  expect(picked(el), 'the picker').to.equal(`Story ${n}`);
  expect(labels(el).length, 'slides in the DOM').to.be.at.most(5);
  expect(labels(el), 'the window holds the slide in view').to.include(`${n} of 1,000`);
}

describe('<prm-story-carousel> swiping at both ends of 1,000 stories', function () {
  this.timeout(60_000);
  before(() => setViewport({ width: 1000, height: 900 }));

  it('forward past the last after End stays on "1,000 of 1,000"; back from the first stays on 1; slide, picker and window in step', async () => {
    const el = await mount({ limit: '10' }, { clinic: MANY, width: 360 });
    const changes: StoryChangeDetail[] = [];
    el.addEventListener('prm-story-change', (e) => changes.push(e.detail));

    // The first story: swiping back (scroll and drag) does nothing.
    await at(el, '1');
    scrollSwipe(el, -1.2);
    drag(el, 'prev');
    await pause(400);
    await at(el, '1');
    expect(changes, 'no change at the start').to.deep.equal([]);

    // End, then one back, then a swipe forward: the last story, by swipe.
    $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    await at(el, '1,000');
    expect(changes.at(-1)).to.deep.include({ index: 999, cause: 'key' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    await at(el, '999');
    // The track has settled on 999 with 1,000 beside it once its page is in.
    const track = $(el, '.track')!;
    const slide = () => $(el, '#s-998')!;
    for (let i = 0; i < 100 && (text($(el, '#s-999 .name')) === '' || Math.abs(slide().getBoundingClientRect().left - track.getBoundingClientRect().left) > 1); i++) await pause(50);
    scrollSwipe(el, 1.2);
    for (let i = 0; i < 60 && shown(el)[0] !== '1,000 of 1,000'; i++) await pause(50);
    await at(el, '1,000');
    expect(changes.at(-1)).to.deep.include({ index: 999, cause: 'swipe' });
    const before = changes.length;

    // Past the last: a further scroll and a drag leave it where it is.
    scrollSwipe(el, 1.2);
    drag(el, 'next');
    drag(el, 'next');
    await pause(400);
    await at(el, '1,000');
    expect(text($(el, '.slide:not([inert]) .name'))).to.equal('Patient 1000');
    expect($(el, '.arrow.next')!.getAttribute('aria-disabled')).to.equal('true');
    expect(changes.length, 'no change past the end').to.equal(before);

    // Back to the start, then back past it.
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    await at(el, '1');
    const home = changes.length;
    drag(el, 'prev');
    scrollSwipe(el, -1.2);
    await pause(400);
    await at(el, '1');
    expect(changes.length, 'no change before the start').to.equal(home);
    // And a swipe forward from there still moves one story.
    drag(el, 'next');
    await at(el, '2');
    expect(changes.at(-1)).to.deep.include({ index: 1, cause: 'swipe' });
  });
});

describe('<prm-story-carousel> target size at 375 px (WCAG 2.5.8)', function () {
  this.timeout(60_000);
  before(() => setViewport({ width: 375, height: 812 }));
  after(() => setViewport({ width: 1000, height: 900 }));

  for (const [label, attrs, rotating] of [
    ['cards', {}, false],
    ['quotes, rotating (its stop control)', { layout: 'quotes', autoplay: '60000' }, true],
  ] as const) {
    it(`${label}: every control of the carousel is at least 24 × 24 px`, async () => {
      const el = await mount(attrs, { width: 343 }); // a 375 px phone less the page's margins
      await el.updateComplete;
      const controls = $$(el, 'button, a[href], input, select, textarea, [tabindex="0"], [role=tab]').filter((c) => !c.closest('[inert]') && c.getClientRects().length > 0);
      // What a patient taps: both arrows, the picker's dots, the stop control when rotating.
      for (const s of ['.arrow.prev', '.arrow.next', '.dot']) expect(controls.some((c) => c.matches(s)), `${s} measured`).to.equal(true);
      expect(controls.some((c) => c.matches('.rotate')), 'the stop control measured').to.equal(rotating);
      const small = controls
        .map((c) => ({ c, r: c.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ c, r }) => `${c.localName}.${c.className} "${c.getAttribute('aria-label') ?? text(c)}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      expect(small, `${controls.length} controls measured`).to.deep.equal([]);
      expect(controls.length).to.be.greaterThan(5);
    });
  }
});
