import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/widgets/story-carousel/define.js';
import { until } from '../../core/fixtures/setup.js';
import { $, $$, mount as mountCarousel, text, type El } from './helpers.js';

// Defects found by the patient-style review of the carousel (/tmp/review-carousel/report.md),
// each checked for what a patient or a clinic would notice. Against the real reference server.

const LONG = '/test/fixtures/stories-long.json';

/** As the shared mount, then one frame more (the slides' measured layout). */
async function mount(attrs: Record<string, string> = {}, opts: { clinic?: string; width?: number; wait?: string } = {}): Promise<El> {
  const el = await mountCarousel(attrs, opts);
  await new Promise((r) => requestAnimationFrame(r));
  return el;
}

describe('<prm-story-carousel> review fixes', function () {
  this.timeout(60_000);

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  it('the story title is never squeezed: whole lines, inside its slide, at 320 px, in a 300 px column and in the quotes layout', async () => {
    for (const [attrs, width] of [
      [{}, 320],
      [{}, 300],
      [{ src: LONG }, 300],
      [{ src: LONG, layout: 'quotes' }, 375],
    ] as const) {
      const el = await mount(attrs, { width });
      const what = `${JSON.stringify(attrs)} at ${width}px`;
      for (const slide of $$(el, '.slide:not([inert])')) {
        const title = slide.querySelector<HTMLElement>('.title')!;
        const line = parseFloat(getComputedStyle(title).lineHeight);
        const lines = title.clientHeight / line;
        expect(lines, `${what}: "${text(title)}" shows at least one line`).to.be.at.least(0.99);
        expect(Math.abs(lines - Math.round(lines)), `${what}: "${text(title)}" is not cut through a line (${lines} lines)`).to.be.below(0.05);
        // A short title shows in full; a long one shows its two clamped lines.
        expect(Math.round(lines), what).to.equal(Math.min(2, Math.round(title.scrollHeight / line)));
        expect(title.getBoundingClientRect().bottom, `${what}: inside its slide`).to.be.at.most(slide.getBoundingClientRect().bottom);
      }
    }
  });
});

describe('<prm-story-carousel> review fixes: quotes layout', function () {
  this.timeout(60_000);

  it('layout="quotes": a video story keeps its click-to-play facade (no photo), and axe finds no unfocusable scroll region', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await mount({ src: LONG, layout: 'quotes' }, { width: 1000 });
    const video = $$(el, '.slide:not([inert])').find((s) => text(s.querySelector('.name')) === 'James')!;
    expect(video, 'James’s video story is in view').to.not.equal(undefined);
    const poster = video.querySelector<HTMLButtonElement>('.poster')!;
    expect(poster.getAttribute('aria-label')).to.equal('Play video: Walking again');
    expect(el.shadowRoot!.querySelector('img.photo'), 'still no photo in quotes').to.equal(null);
    poster.click();
    await until(() => !!$(el, '.player iframe'));
    expect($(el, '.player iframe')!.getAttribute('src')).to.match(/^https:\/\/www\.youtube-nocookie\.com\/embed\/abc123\?autoplay=1$/);
    // The clinic's own stories in quotes at full width: the track scrolls, so it can be reached by keyboard.
    const api = await mount({ layout: 'quotes' }, { width: 1240 });
    for (let i = 0; i < 6; i++) {
      await expect(api).to.be.accessible();
      $<HTMLButtonElement>(api, '.arrow.next')!.click();
      await api.updateComplete;
    }
  });
});

describe('<prm-story-carousel> review fixes: mouse drag', function () {
  this.timeout(60_000);

  it('mouse drags keep moving one story each, also after a drag that left text selected (no native drag of the selection)', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await mount({}, { clinic: 'pk_test_many_stories', width: 375 });
    const shown = () => $(el, '.slide:not([inert])')!.getAttribute('aria-label');
    const drag = async (dx: number) => {
      const r = $(el, '.slide:not([inert]) .title')!.getBoundingClientRect();
      const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      for (let k = 1; k <= 6; k++) await sendMouse({ type: 'move', position: [x + Math.round((dx * k) / 6), y] });
      await sendMouse({ type: 'up' });
      await until(() => !$(el, '.track.aligning'), 3000);
      await new Promise((r) => setTimeout(r, 200));
    };
    try {
      // A patient who selected some of the story's text first (a drag that selects, or a double click).
      const title = $(el, '.slide:not([inert]) .title')!;
      getSelection()!.selectAllChildren(title);
      const seen: (string | null)[] = [];
      for (let i = 0; i < 4; i++) {
        await drag(-150);
        seen.push(shown());
      }
      for (let i = 0; i < 2; i++) {
        await drag(150);
        seen.push(shown());
      }
      expect(seen).to.deep.equal(['2 of 1,000', '3 of 1,000', '4 of 1,000', '5 of 1,000', '4 of 1,000', '3 of 1,000']);
    } finally {
      await resetMouse();
      getSelection()!.removeAllRanges();
    }
  });
});

describe('<prm-story-carousel> review fixes: language', function () {
  this.timeout(60_000);

  it('language="de" on an English page: German stories first, but procedure names and "Written in" follow the page (English)', async () => {
    const el = await mount({ language: 'de' }, { width: 360 });
    const slide = () => $(el, '.slide:not([inert])')!;
    const procedure = () => text(slide().querySelectorAll('.meta')[1]!);
    expect(text(slide().querySelector('.name'))).to.equal('Katrin');
    expect(procedure()).to.equal('All-on-4 full arch');
    expect(text(slide().querySelector('.foot'))).to.contain('Written in German');
    expect($(el, '[part=base]')!.getAttribute('aria-label')).to.equal('Patient stories');
    // Past the five German stories: Sarah's English story on an English page says nothing about its language.
    for (let i = 0; i < 5; i++) {
      $<HTMLButtonElement>(el, '.arrow.next')!.click();
      await el.updateComplete;
    }
    expect(text(slide().querySelector('.name'))).to.equal('Sarah');
    expect(procedure()).to.equal('Dental implant (single)');
    expect(text(slide().querySelector('.foot'))).not.to.contain('Written in');
  });
});

describe('<prm-story-carousel> review fixes: picker', function () {
  this.timeout(60_000);
  const tabs = (el: El) => $$(el, '[role=tab]');
  const selected = (el: El) => $(el, '[role=tab][aria-selected=true]')!;
  const focused = (el: El) => el.shadowRoot!.activeElement as HTMLElement;

  it('3 stories per view: every tab can be selected, and ArrowRight always moves to the next tab, also at the end', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await mount({}, { width: 1240 });
    expect($$(el, '.slide:not([inert])').length).to.equal(3);
    selected(el).focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect($$(el, '.slide:not([inert])').map((x) => x.getAttribute('aria-label'))).to.deep.equal(['33 of 35', '34 of 35', '35 of 35']);
    // The last tab is the one selected, and focus is on it.
    expect(focused(el)).to.equal(tabs(el).at(-1));
    expect(selected(el)).to.equal(tabs(el).at(-1));
    // Every tab shown selects itself when clicked.
    for (const label of tabs(el).map((t) => t.getAttribute('aria-label'))) {
      tabs(el).find((t) => t.getAttribute('aria-label') === label)!.click();
      await el.updateComplete;
      expect(selected(el).getAttribute('aria-label'), label!).to.equal(label);
    }
    // From the second-last tab, ArrowRight goes to the last one (forwards), and stays there.
    tabs(el).at(-2)!.click();
    await el.updateComplete;
    tabs(el).at(-2)!.focus();
    const last = tabs(el).at(-1)!.getAttribute('aria-label');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await until(() => focused(el)?.getAttribute('aria-label') === last);
    expect(selected(el).getAttribute('aria-label')).to.equal(last);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el).getAttribute('aria-label')).to.equal(last);
    await expect(el).to.be.accessible();
  });

  it('the windowed picker gives each tab its true position in the whole set (not "4 of 7")', async () => {
    const el = await mount({}, { clinic: 'pk_test_many_stories', width: 360 });
    selected(el).focus();
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs(el).length).to.equal(7);
    expect(selected(el).getAttribute('aria-label')).to.equal('Story 11');
    expect(tabs(el).map((t) => [t.getAttribute('aria-posinset'), t.getAttribute('aria-setsize')])).to.deep.equal(
      [8, 9, 10, 11, 12, 13, 14].map((k) => [String(k), '1000']),
    );
    await expect(el).to.be.accessible();
  });
});

describe('<prm-story-carousel> review fixes: attributes as a clinic writes them', function () {
  this.timeout(60_000);

  it('limit="100", min-rating="4.5", country="de" show stories (clamped / normalised), not a permanent error', async () => {
    const el = await mount({ limit: '100', 'min-rating': '4.5', country: 'de' }, { width: 360 });
    expect($(el, '[part=error]'), 'no error state').to.equal(null);
    expect($(el, '.slide:not([inert])')!.getAttribute('aria-label')).to.match(/^1 of \d+$/);
    // Every story in the DOM: from Germany, rated 5 (at least 4.5 of whole stars).
    const slides = $$(el, '.slide[data-i]').filter((x) => x.querySelector('.name'));
    expect(slides.length).to.be.greaterThan(1);
    for (const x of slides) {
      expect(text(x)).to.contain('Germany');
      expect(x.querySelector('.stars')!.getAttribute('aria-label')).to.equal('Rated 5 out of 5');
    }
  });
});

describe('<prm-story-carousel> review fixes: one story, a long title, negative attributes', function () {
  this.timeout(60_000);
  /** One story whose title needs four lines at 320 px and whose text needs one. */
  const ONE = '/test/fixtures/stories-one-long-title.json';

  it('one story: the summary reads right in every language ("Patient stories: 1", not "from 1 patient stories")', async () => {
    for (const [lang, summary] of [
      ['en', '★ 5 out of 5 · Patient stories: 1'],
      ['de', '★ 5 von 5 · Patientengeschichten: 1'],
      ['ar', '★ التقييم 5 من 5 · عدد قصص المرضى: 1'],
    ] as const) {
      const el = await mount({ src: ONE, lang }, { width: 640 });
      expect(text($(el, '.summary')), lang).to.equal(summary);
    }
  });

  it('a title longer than two lines: "Read more" is offered although the text is short, and opens the whole title in place (focus kept, the widget keeps its size)', async () => {
    const el = await mount({ src: ONE }, { width: 320 });
    const title = $(el, '.slide:not([inert]) .title')!;
    const quote = $(el, '.slide:not([inert]) .quote')!;
    const line = parseFloat(getComputedStyle(title).lineHeight);
    expect(quote.scrollHeight - quote.clientHeight, 'the text itself is not cut').to.be.at.most(1);
    expect(Math.round(title.clientHeight / line), 'clamped to two lines').to.equal(2);
    expect(title.scrollHeight / line, 'the title needs more').to.be.greaterThan(2.5);
    const more = $<HTMLButtonElement>(el, '.slide:not([inert]) .more')!;
    expect(!!more, 'read more is offered for the cut title').to.equal(true);
    const h = el.getBoundingClientRect().height;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement === more, 'focus stays on the button').to.equal(true);
    expect(title.scrollHeight - title.clientHeight, 'the whole title shows').to.be.at.most(1);
    expect(Math.round(title.clientHeight / line)).to.be.greaterThan(2);
    expect(title.getBoundingClientRect().bottom, 'inside its slide').to.be.at.most(title.closest('.slide')!.getBoundingClientRect().bottom);
    expect(el.getBoundingClientRect().height).to.equal(h);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(Math.round(title.clientHeight / line), 'Show less clamps it again').to.equal(2);
    expect(text(more)).to.equal('Read more');
    await expect(el).to.be.accessible();
  });

  it('limit="-5" and min-rating="-1" show the stories (limit at least 1, min-rating 0–5), not an error state', async () => {
    const el = await mount({ limit: '-5', 'min-rating': '-1' }, { width: 360 });
    // (Texts, not elements: a failing comparison of elements hangs the runner's report.)
    expect(text($(el, '[part=error]')), 'no error state').to.equal('');
    // Every story of the clinic (no rating filter), in pages of the default size.
    expect($(el, '.slide:not([inert])')!.getAttribute('aria-label')).to.equal('1 of 35');
    expect(text($(el, '.slide:not([inert]) .name'))).to.not.equal('');
  });
});
