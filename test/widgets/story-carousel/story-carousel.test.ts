import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/widgets/story-carousel/define.js';
import type { StoryChangeDetail, StoryOpenDetail, StoriesViewDetail } from '../../../src/widgets/story-carousel/define.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, $$, active, mount, text, type El } from './helpers.js';
import { interceptFetch, json } from '../quote-calculator/fixtures.js';
import { carouselRun, storyPage } from '../../../bench/carousel-micro.mjs';

// Everything here talks to the real reference server (mounted at /v1 by web-test-runner, with a
// second clinic of 1,000 stories: server/seed/stories-bulk.ts), except where a test deliberately
// breaks an answer (500, garbage, timeout, offline).

const MANY = 'pk_test_many_stories';
let n = 1000; // _n of the configs this file sets itself (the shared mount counts its own)

/** The slides in the DOM, in DOM order: their labels. */
const labels = (el: El) => $$(el, '.slide').map((s) => s.getAttribute('aria-label'));
/** The labels of the slides a patient sees (not inert). */
const shown = (el: El) => $$(el, '.slide:not([inert])').map((s) => s.getAttribute('aria-label'));
const next = (el: El) => $<HTMLButtonElement>(el, '.arrow.next')!;
const prev = (el: El) => $<HTMLButtonElement>(el, '.arrow.prev')!;

async function click(el: El, b: HTMLElement, times = 1) {
  for (let i = 0; i < times; i++) {
    b.click();
    await el.updateComplete;
  }
}

describe('<prm-story-carousel>', function () {
  this.timeout(60_000);

  before(async () => {
    await setViewport({ width: 1000, height: 900 });
  });
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  it('shows the clinic’s stories as an APG carousel: region, slides labelled with their true position, tabs, ready event', async () => {
    const views: StoriesViewDetail[] = [];
    const onView = (e: Event) => views.push((e as CustomEvent<StoriesViewDetail>).detail);
    document.addEventListener('prm-stories-view', onView);
    const el = await mount({}, { width: 360 });
    document.removeEventListener('prm-stories-view', onView);
    const region = $(el, '[part=base]')!;
    expect(region.localName).to.equal('section');
    expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(region.getAttribute('aria-label')).to.equal('Patient stories');
    expect(region.getAttribute('aria-label')).not.to.match(/carousel/i);
    const slide = $(el, '.slide:not([inert])')!;
    expect(slide.getAttribute('aria-roledescription')).to.equal('slide');
    expect(slide.getAttribute('aria-label')).to.equal('1 of 35');
    expect(shown(el)).to.deep.equal(['1 of 35']);
    expect(views).to.deep.equal([{ total: 35, loaded: 12, language: 'en', source: 'api' }]);
    const tabs = $$(el, '[role=tab]');
    expect(tabs.length).to.equal(7);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(tabs[0]!.getAttribute('aria-label')).to.equal('Story 1');
    expect(tabs[0]!.getAttribute('aria-controls')).to.equal(slide.id);
    expect(prev(el).getAttribute('aria-disabled')).to.equal('true');
    expect(next(el).getAttribute('aria-disabled')).to.equal('false');
    expect(getComputedStyle($(el, '.next .chev')!).direction, 'not mirrored left to right').to.equal('ltr');
    expect(next(el).getBoundingClientRect().left).to.be.greaterThan(prev(el).getBoundingClientRect().left);
    // Stories in English come first; the first is the newest English one of the seed.
    expect(text($(el, '.slide:not([inert]) .title'))).to.equal('Two visits, one new smile');
    await expect(el).to.be.accessible();
  });

  it('each story: name, country in the patient’s language, procedure, rating, verified mark, date via Intl, photo with srcset, lazy, alt and a fixed box', async () => {
    const el = await mount({ lang: 'de' }, { width: 360 });
    const s = $(el, '.slide:not([inert])')!;
    // The German widget shows German stories first; country and date in German.
    expect(text(s.querySelector('.name'))).to.equal('Katrin');
    expect(text(s)).to.contain('Deutschland');
    expect(text(s)).to.contain('Verifizierter Patient');
    expect(s.querySelector('.stars')!.getAttribute('aria-label')).to.equal('Mit 5 von 5 bewertet');
    const time = s.querySelector('time')!;
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${time.getAttribute('datetime')}T00:00:00Z`)));
    const img = s.querySelector<HTMLImageElement>('img.photo')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.alt).to.contain('Katrin');
    expect(img.srcset).to.match(/-320w\.svg 320w, .*-640w\.svg 640w, .*-960w\.svg 960w$/);
    expect(img.getAttribute('width')).to.equal('640');
    expect(img.getAttribute('height')).to.equal('480');
    const r = img.getBoundingClientRect();
    expect(r.width / r.height).to.be.closeTo(4 / 3, 0.02);
  });

  it('stories in another language than the patient’s say so ("written in"), and carry their own lang', async () => {
    const el = await mount({ lang: 'ar', procedure: 'lasik' }, { width: 360 });
    // No Arabic LASIK story in the seed: every one is marked with its language, in Arabic.
    const s = $(el, '.slide:not([inert])')!;
    const lang = s.querySelector('.title')!.getAttribute('lang')!;
    expect(lang).to.not.equal('ar');
    const name = new Intl.DisplayNames('ar', { type: 'language' }).of(lang)!;
    expect(text(s.querySelector('.foot'))).to.contain(name);
    expect(text(s.querySelector('.foot'))).to.contain('مكتوبة');
    expect(s.querySelector('.quote')!.getAttribute('lang')).to.equal(lang);
    // An Arabic story in an Arabic widget says nothing about its language.
    const ar = await mount({ lang: 'ar' }, { width: 360 });
    expect($(ar, '.slide:not([inert]) .title')!.getAttribute('lang')).to.equal('ar');
    expect(text($(ar, '.slide:not([inert]) .foot'))).not.to.contain('مكتوبة');
  });

  it('with 1,000 stories: at most 5 slides in the DOM, true "n of 1,000", next pages fetched as the patient nears the end, both ends correct', async () => {
    const spy = interceptFetch();
    try {
      const el = await mount({ limit: '10' }, { clinic: MANY, width: 360 });
      const pages = () => spy.seen.filter((s) => s.url.pathname === '/v1/stories').length;
      expect(labels(el).length).to.be.at.most(5);
      expect(shown(el)).to.deep.equal(['1 of 1,000']);
      expect(pages()).to.equal(1);
      await click(el, next(el), 5);
      expect(shown(el)).to.deep.equal(['6 of 1,000']);
      // Within 3 of the end of the loaded page (plus the window): the second page is asked for.
      await until(() => pages() === 2);
      await click(el, next(el), 20);
      await until(() => !$(el, '.slide:not([inert]) .skeleton'));
      expect(shown(el)).to.deep.equal(['26 of 1,000']);
      expect(labels(el)).to.deep.equal(['24 of 1,000', '25 of 1,000', '26 of 1,000', '27 of 1,000', '28 of 1,000']);
      expect(pages()).to.be.within(3, 4);
      expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(400);
      // language=en ranks the English stories (every 7th of the seed) first: the 26th is story 176.
      expect(text($(el, '.slide:not([inert]) .name'))).to.equal('Patient 176');
      // Home: back to the first story, prev disabled.
      $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(shown(el)).to.deep.equal(['1 of 1,000']);
      expect(labels(el)).to.deep.equal(['1 of 1,000', '2 of 1,000', '3 of 1,000', '4 of 1,000', '5 of 1,000']);
      expect(prev(el).getAttribute('aria-disabled')).to.equal('true');
      expect(pages(), 'no page fetched twice').to.be.within(3, 4);
    } finally {
      spy.restore();
    }
  });

  it('End on 1,000 stories in pages of 10 reaches the true last story, not the last one loaded; Home comes back without loading', async () => {
    const spy = interceptFetch();
    try {
      const changes: StoryChangeDetail[] = [];
      const el = await mount({ limit: '10' }, { clinic: MANY, width: 360 });
      el.addEventListener('prm-story-change', (e) => changes.push(e.detail));
      const pages = () => spy.seen.filter((s) => s.url.pathname === '/v1/stories');
      expect(pages().length).to.equal(1);
      $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      // At once: the last place in the whole set, announced with the true count; focus on its tab.
      expect(shown(el)).to.deep.equal(['1,000 of 1,000']);
      expect(active(el)?.getAttribute('aria-label')).to.equal('Story 1,000');
      expect(next(el).getAttribute('aria-disabled')).to.equal('true');
      expect(changes).to.deep.equal([{ index: 999, id: null, cause: 'key' }]);
      // Then one page around it, by offset (never every page before it): the oldest story of the seed is last.
      await until(() => text($(el, '.slide:not([inert]) .name')) === 'Patient 1000', 10_000);
      expect(pages().slice(1).map((p) => [p.url.searchParams.get('offset'), p.url.searchParams.get('limit'), p.url.searchParams.get('cursor')])).to.deep.equal([['990', '10', null]]);
      expect(labels(el)).to.deep.equal(['996 of 1,000', '997 of 1,000', '998 of 1,000', '999 of 1,000', '1,000 of 1,000']);
      expect($$(el, '.skeleton').length).to.equal(0);
      // Back from the end: each story comes, a page at a time around the view, none twice.
      for (let i = 0; i < 12; i++) await sendKeys({ press: 'ArrowLeft' });
      await until(() => shown(el)[0] === '988 of 1,000' && !$(el, '.slide .skeleton'), 10_000);
      expect(text($(el, '.slide:not([inert]) .name'))).to.match(/^Patient \d+$/);
      expect(pages().length).to.equal(3);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(shown(el)).to.deep.equal(['1 of 1,000']);
      expect(text($(el, '.slide:not([inert]) .name'))).not.to.equal('');
      expect(pages().length, 'Home loads nothing').to.equal(3);
    } finally {
      spy.restore();
    }
  });

  it('End whose page fails (offline): the last slide shows the error with Try again and fires prm-error; Try again brings the last story', async () => {
    let fail = true;
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<{ reason: string }>).detail.reason);
    const spy = interceptFetch((url) => (fail && url.searchParams.has('offset') ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    document.addEventListener('prm-error', onError);
    try {
      const el = await mount({ limit: '10' }, { clinic: MANY, width: 360 });
      $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
      await sendKeys({ press: 'End' });
      await until(() => !!$(el, '.slide:not([inert]) [part=error]'), 15_000);
      expect(text($(el, '.slide:not([inert]) [part=error]'))).to.match(/cannot be reached/);
      expect(shown(el)).to.deep.equal(['1,000 of 1,000']);
      expect(errors).to.deep.equal(['network']);
      fail = false;
      $<HTMLButtonElement>(el, '.slide:not([inert]) [part=error] button')!.click();
      await until(() => text($(el, '.slide:not([inert]) .name')) === 'Patient 1000', 10_000);
      expect($$(el, '[part=error]').length).to.equal(0);
      expect(spy.seen.filter((x) => x.url.searchParams.has('cursor')).length, 'never the pages before it').to.equal(0);
    } finally {
      spy.restore();
      document.removeEventListener('prm-error', onError);
    }
  });

  it('the benchmark’s work (bench/carousel-micro.mjs) is the same on 1,000 stories as on 10: every step moves, the same DOM mutations, the same nodes', async () => {
    // What made "1,000 stories" cost 1.55× "10" in the micro-benchmark: the same clicks did more
    // on the larger set (on 10, the last ones hit the end). Counted, not timed.
    const work = async (total: number) => {
      const spy = interceptFetch((url) => (url.pathname === '/v1/stories' ? json(storyPage(url, total)) : undefined));
      try {
        // The benchmark's phone: 412 px less the page's padding, one story in view.
        const el = await mount({ limit: '20' }, { width: 380 });
        const moves: number[] = [];
        el.addEventListener('prm-story-change', (e) => moves.push(e.detail.index));
        let mutations = 0;
        const mo = new MutationObserver((records) => (mutations += records.length));
        mo.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
        await carouselRun(el);
        await el.updateComplete;
        mutations += mo.takeRecords().length;
        mo.disconnect();
        return { moves, mutations, nodes: el.shadowRoot!.querySelectorAll('*').length, nextPages: spy.seen.filter((x) => x.url.pathname === '/v1/stories' && x.url.searchParams.has('cursor')).length };
      } finally {
        spy.restore();
      }
    };
    const many = await work(1000);
    const few = await work(10);
    expect(many.moves).to.deep.equal([1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0]);
    expect(few.moves).to.deep.equal(many.moves);
    expect(few.mutations).to.equal(many.mutations);
    expect(few.nodes).to.equal(many.nodes);
    // Within the first page of 20 on both: no page after it is needed (none is fetched).
    expect([many.nextPages, few.nextPages]).to.deep.equal([0, 0]);
  });

  it('the last story of a set is reachable by End in one press and labelled with its true position; next is disabled there', async () => {
    const el = await mount({ limit: '12' }, { width: 360 });
    $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(shown(el)[0]).to.equal('35 of 35');
    await until(() => !$(el, '.slide:not([inert]) .skeleton'));
    expect(next(el).getAttribute('aria-disabled')).to.equal('true');
    expect(labels(el)).to.deep.equal(['31 of 35', '32 of 35', '33 of 35', '34 of 35', '35 of 35']);
    await click(el, next(el));
    expect(shown(el)).to.deep.equal(['35 of 35']);
  });

  it('keyboard only: rotation absent by default; Tab reaches prev/next, which move without moving focus; read more opens in place keeping focus; arrows in the picker', async () => {
    const changes: StoryChangeDetail[] = [];
    const opens: StoryOpenDetail[] = [];
    const el = await mount({}, { width: 360 });
    el.addEventListener('prm-story-change', (e) => changes.push(e.detail));
    el.addEventListener('prm-story-open', (e) => opens.push(e.detail));
    expect($(el, '.rotate')).to.equal(null);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(prev(el));
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(next(el));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['2 of 35']);
    expect(active(el)).to.equal(next(el));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['3 of 35']);
    expect(changes.map((c) => [c.index, c.cause])).to.deep.equal([
      [1, 'button'],
      [2, 'button'],
    ]);
    expect(changes[1]!.id).to.be.a('string').and.not.equal('');
    // Into the slide: its first focusable control (video, then read more) or straight to the picker.
    // (A slide without controls leaves the scrolling track itself as the stop, as Chromium makes it.)
    const inSlide = $$(el, '.slide:not([inert]) button');
    const expected = inSlide.length ? inSlide : [$(el, '.track')];
    const seen: (HTMLElement | null)[] = [];
    for (let i = 0; i < 4 && active(el)?.getAttribute('role') !== 'tab'; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(active(el));
    }
    expect(seen.slice(0, -1)).to.deep.equal(expected);
    expect(active(el)?.getAttribute('role')).to.equal('tab');
    expect(active(el)?.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['4 of 35']);
    expect(active(el)?.getAttribute('aria-label')).to.equal('Story 4');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['3 of 35']);
    expect(changes.at(-1)!.cause).to.equal('key');
    before.remove();
    expect(opens).to.deep.equal([]);
  });

  it('read more: shown only for a cut quote, expands in place (the widget keeps its size), keeps focus, fires prm-story-open', async () => {
    const opens: StoryOpenDetail[] = [];
    const el = await mount({ limit: '20' }, { width: 320 });
    el.addEventListener('prm-story-open', (e) => opens.push(e.detail));
    // Step until a story whose quote is cut (at 320 px most are).
    for (let i = 0; i < 15 && !$(el, '.slide:not([inert]) .more'); i++) await click(el, next(el));
    const more = $<HTMLButtonElement>(el, '.slide:not([inert]) .more')!;
    expect(more, 'a cut quote offers read more').to.not.equal(null);
    const quote = $(el, '.slide:not([inert]) .quote')!;
    expect(quote.scrollHeight).to.be.greaterThan(quote.clientHeight);
    const h = el.getBoundingClientRect().height;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(text(more)).to.equal('Show less');
    expect(active(el)).to.equal(more);
    expect(el.getBoundingClientRect().height).to.equal(h);
    expect(quote.classList.contains('open')).to.equal(true);
    expect(opens).to.have.length(1);
    expect(opens[0]!.kind).to.equal('read-more');
    await expect(el).to.be.accessible();
    // Uncut quotes have no button.
    for (const q of $$(el, '.slide:not([inert]) .quote:not(.open)')) expect(q.scrollHeight - q.clientHeight).to.be.at.most(1);
  });

  it('video: a poster facade; no player and no request to the provider before the click; the click loads the privacy-enhanced player', async () => {
    const opens: StoryOpenDetail[] = [];
    const el = await mount({ lang: 'en', procedure: 'knee-replacement' }, { width: 360 });
    el.addEventListener('prm-story-open', (e) => opens.push(e.detail));
    const poster = $<HTMLButtonElement>(el, '.slide:not([inert]) .poster')!;
    expect(poster, 'the knee story has a video').to.not.equal(null);
    expect(poster.getAttribute('aria-label')).to.match(/^Play video: /);
    expect($(el, 'iframe')).to.equal(null);
    const third = () => performance.getEntriesByType('resource').filter((r) => /youtube|vimeo/.test(r.name));
    expect(third()).to.deep.equal([]);
    poster.click();
    await el.updateComplete;
    const frame = $<HTMLIFrameElement>(el, '.slide:not([inert]) iframe')!;
    expect(new URL(frame.src).hostname).to.equal('www.youtube-nocookie.com');
    expect(frame.title).to.match(/^Video: /);
    expect(opens.map((o) => o.kind)).to.deep.equal(['video']);
    expect(active(el)).to.equal($(el, '.player .close'));
    $<HTMLButtonElement>(el, '.player .close')!.click();
    await el.updateComplete;
    expect($(el, 'iframe')).to.equal(null);
    expect(active(el)).to.equal($(el, '.slide:not([inert]) .poster'));
  });

  it('loading skeleton has the final size (no shift when stories arrive), also at 320 px and at 200 % text size', async () => {
    for (const [width, size] of [
      [1000, '16px'],
      [320, '16px'],
      [320, '32px'],
    ] as const) {
      resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: n++ });
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const spy = interceptFetch(async (url) => (url.pathname === '/v1/stories' ? (await gate, undefined) : undefined));
      try {
        const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
        wrap.style.inlineSize = `${width}px`;
        wrap.style.fontSize = size;
        const el = document.createElement('prm-story-carousel');
        wrap.append(el);
        await until(() => !!$(el, '[part=loading]'));
        const loading = el.getBoundingClientRect();
        await expect(el).to.be.accessible();
        release();
        await until(() => !!$(el, '.slide[data-i] .title'), 15_000);
        const done = el.getBoundingClientRect();
        expect(done.height, `${width}px ${size}`).to.equal(loading.height);
        expect(done.width).to.equal(loading.width);
        expect(el.scrollWidth, 'no sideways overflow').to.be.at.most(el.clientWidth + 1);
        expect(el.shadowRoot!.querySelector('[part=base]')!.scrollWidth).to.be.at.most(width);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    }
  });

  it('empty: a polite empty state; with hide-empty the element takes no room', async () => {
    const el = await mount({ procedure: 'check-up', country: 'FR' });
    expect($(el, '[part=empty]')!.getAttribute('role')).to.equal('status');
    expect(text($(el, '[part=empty]'))).to.contain('No patient stories to show yet');
    await expect(el).to.be.accessible();
    const hidden = await mount({ procedure: 'check-up', country: 'FR', 'hide-empty': '' });
    expect(hidden.getBoundingClientRect().height).to.equal(0);
    expect(getComputedStyle(hidden).display).to.equal('none');
    // A filter with stories shows again.
    hidden.setAttribute('country', 'SA');
    await until(() => !!$(hidden, '.slide[data-i] .title'), 10_000);
    expect(hidden.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  for (const [name, answer] of [
    ['500', () => json({ error: { code: 'internal', message: 'boom' } }, 500)],
    ['garbage', () => json({ stories: [{ id: 1 }], total: 'many' })],
    ['offline', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['timeout', () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'))],
  ] as const) {
    it(`error (${name}): a message a patient understands, a retry that works, prm-error; the box keeps its size`, async () => {
      let fail = true;
      const errors: string[] = [];
      const onError = (e: Event) => errors.push((e as CustomEvent<{ reason: string }>).detail.reason);
      const spy = interceptFetch((url) => (fail && url.pathname === '/v1/stories' ? (answer() as Response) : undefined));
      document.addEventListener('prm-error', onError);
      try {
        const el = await mount({}, { wait: '[part=error]' });
        const err = $(el, '[part=error]')!;
        expect(err.getAttribute('role')).to.equal('alert');
        expect(text(err)).to.match(name === 'timeout' ? /taking too long/ : name === 'offline' ? /cannot be reached/ : /went wrong/);
        expect(el.getBoundingClientRect().height).to.be.closeTo(512, 1);
        await expect(el).to.be.accessible();
        expect(errors.length).to.be.greaterThan(0);
        fail = false;
        $<HTMLButtonElement>(el, '[part=error] button')!.click();
        await until(() => !!$(el, '.slide[data-i] .title'), 15_000);
        expect(shown(el)[0]).to.match(/^1 of 35/);
      } finally {
        spy.restore();
        document.removeEventListener('prm-error', onError);
      }
    });
  }
});

describe('<prm-story-carousel> rotation, layout, swipe, right-to-left, dark', function () {
  this.timeout(60_000);

  before(async () => {
    await setViewport({ width: 1000, height: 900 });
  });
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  it('autoplay="2000": a visible stop control first in tab order; rotates with the live region off; hover and focus inside pause it; stop and start', async () => {
    const changes: unknown[] = [];
    const el = await mount({ autoplay: '2000' }, { width: 360 });
    el.addEventListener('prm-story-change', (e) => changes.push(e.detail));
    const rotate = $<HTMLButtonElement>(el, '.rotate')!;
    expect(text(rotate)).to.contain('Stop slide rotation');
    // First in the carousel's tab order: before prev/next and the slides.
    const focusables = $$(el, 'button:not([inert] *), [tabindex="0"]');
    expect(focusables[0]).to.equal(rotate);
    expect($(el, '.track')!.getAttribute('aria-live')).to.equal('off');
    await until(() => shown(el)[0] === '2 of 35', 5000);
    expect(changes, 'rotation is not the patient’s action').to.deep.equal([]);
    // Hover pauses.
    $(el, '[part=base]')!.dispatchEvent(new MouseEvent('mouseenter'));
    await el.updateComplete;
    expect($(el, '.track')!.getAttribute('aria-live')).to.equal('polite');
    const at = shown(el)[0];
    await new Promise((r) => setTimeout(r, 2600));
    expect(shown(el)[0]).to.equal(at);
    $(el, '[part=base]')!.dispatchEvent(new MouseEvent('mouseleave'));
    await el.updateComplete;
    await until(() => shown(el)[0] !== at, 5000);
    // Focus inside pauses too; the stop control stops it for good.
    rotate.focus();
    await el.updateComplete;
    const at2 = shown(el)[0];
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(rotate)).to.contain('Start slide rotation');
    rotate.blur();
    await new Promise((r) => setTimeout(r, 2600));
    expect(shown(el)[0]).to.equal(at2);
    expect($(el, '.track')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('no rotation and no control without autoplay, nor under prefers-reduced-motion (emulated)', async () => {
    const plain = await mount({}, { width: 360 });
    await new Promise((r) => setTimeout(r, 2500));
    expect(shown(plain)).to.deep.equal(['1 of 35']);
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount({ autoplay: '2000' }, { width: 360 });
    expect($(el, '.rotate')).to.equal(null);
    await new Promise((r) => setTimeout(r, 2600));
    expect(shown(el)).to.deep.equal(['1 of 35']);
    expect($(el, '.track')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('several stories per view by container width (1 / 2 / 3 cards, 1 / 2 quotes); layout="quotes" shows no photo', async () => {
    for (const [width, layout, per] of [
      [360, 'cards', 1],
      [700, 'cards', 2],
      [1000, 'cards', 3],
      [700, 'quotes', 1],
      [1000, 'quotes', 2],
    ] as const) {
      const el = await mount({ layout }, { width });
      await until(() => shown(el).length === per, 3000);
      expect(shown(el), `${width}px ${layout}`).to.deep.equal(Array.from({ length: per }, (_, k) => `${k + 1} of 35`));
      const boxes = $$(el, '.slide:not([inert])').map((s) => s.getBoundingClientRect());
      const track = $(el, '.track')!.getBoundingClientRect();
      for (const b of boxes) expect(b.right).to.be.at.most(track.right + 1);
      expect($$(el, '.slide img.photo').length > 0, `${layout} photos`).to.equal(layout === 'cards');
      expect(labels(el).length).to.be.at.most(5);
    }
  });

  /** A phone-width carousel swiped a little over one story: it settles on the second. */
  const swipeOnce = async () => {
    const changes: StoryChangeDetail[] = [];
    const el = await mount({}, { width: 360 });
    el.addEventListener('prm-story-change', (e) => changes.push(e.detail));
    const track = $(el, '.track')!;
    const w = $(el, '.slide')!.getBoundingClientRect().width;
    track.scrollBy({ left: w * 1.2, behavior: 'instant' });
    await until(() => shown(el)[0] === '2 of 35', 3000);
    return { el, changes, track };
  };

  it('swipe and trackpad: scrolling the track settles on a story (scroll-snap); a mouse drag moves one story', async () => {
    const { el, changes, track } = await swipeOnce();
    expect(changes.at(-1)).to.deep.include({ index: 1, cause: 'swipe' });
    // Pointer fallback (a mouse cannot drag-scroll): right to left is "next".
    const r = track.getBoundingClientRect();
    track.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', button: 0, clientX: r.right - 20, clientY: r.top + 50, bubbles: true }));
    track.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', button: 0, clientX: r.left + 40, clientY: r.top + 50, bubbles: true }));
    await el.updateComplete;
    await until(() => shown(el)[0] === '3 of 35', 3000);
    expect(changes.at(-1)).to.deep.include({ index: 2, cause: 'swipe' });
  });

  it('without scrollend (a browser that lacks it): a swipe still settles on a story through the scroll fallback, and its position is what the picker and the slide say', async () => {
    // A browser without the event: no `onscrollend`, and no scrollend listener ever called.
    let owner: object | null = window;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, 'onscrollend')) owner = Object.getPrototypeOf(owner) as object | null;
    const desc = Object.getOwnPropertyDescriptor(owner!, 'onscrollend')!;
    const add = EventTarget.prototype.addEventListener;
    delete (owner as { onscrollend?: unknown }).onscrollend;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
      if (type !== 'scrollend') add.call(this, type, ...rest);
    };
    try {
      expect('onscrollend' in window).to.equal(false);
      const { el, changes, track } = await swipeOnce();
      expect(changes).to.deep.equal([{ index: 1, id: changes[0]!.id, cause: 'swipe' }]);
      expect(changes[0]!.id).to.be.a('string');
      expect($(el, '[role=tab][aria-selected=true]')!.getAttribute('aria-label')).to.equal('Story 2');
      expect(track.getAttribute('aria-live')).to.equal('polite');
      // Settled: the story in view starts where the track starts.
      await until(() => Math.abs($(el, '#s-1')!.getBoundingClientRect().left - track.getBoundingClientRect().left) <= 1, 3000);
    } finally {
      EventTarget.prototype.addEventListener = add;
      Object.defineProperty(owner!, 'onscrollend', desc);
    }
    expect('onscrollend' in window).to.equal(true);
  });

  it('Arabic: right to left — the next story lies to the left, "next" is the left arrow and points left; arrow keys follow what the patient sees', async () => {
    const el = await mount({ lang: 'ar' }, { width: 1000 });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect($(el, '[part=base]')!.getAttribute('aria-label')).to.equal('قصص المرضى');
    const slides = $$(el, '.slide:not([inert])');
    expect(slides.map((s) => s.getAttribute('aria-label'))).to.deep.equal(['1 من 35', '2 من 35', '3 من 35']);
    const x = slides.map((s) => s.getBoundingClientRect().left);
    expect(x[0]).to.be.greaterThan(x[1]!);
    expect(x[1]).to.be.greaterThan(x[2]!);
    expect(prev(el).getBoundingClientRect().left).to.be.greaterThan(next(el).getBoundingClientRect().left);
    // The picker's first dot is the rightmost.
    const dots = $$(el, '[role=tab]').map((d) => d.getBoundingClientRect().left);
    expect(dots[0]).to.be.greaterThan(dots[1]!);
    // The chevron of "next" (›, a Bidi_Mirrored character) is drawn mirrored by right-to-left text,
    // so it points left, the way the stories move; no transform undoes that.
    expect(text($(el, '.next .chev'))).to.equal('›');
    expect(getComputedStyle($(el, '.next .chev')!).direction).to.equal('rtl');
    expect(getComputedStyle($(el, '.next .chev')!).transform).to.equal('none');
    $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(shown(el)[0]).to.equal('2 من 35');
    const moved = $$(el, '.slide:not([inert])').map((s) => s.getBoundingClientRect().left);
    expect(moved[0]).to.be.closeTo(x[0]!, 1);
    await expect(el).to.be.accessible();
  });

  it('axe: 0 violations in dark mode (stories, read more open, empty, error) and in light with the clinic’s theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mount({ theme: 'dark' }, { width: 700 });
    await expect(el).to.be.accessible();
    const more = $<HTMLButtonElement>(el, '.slide:not([inert]) .more');
    more?.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const empty = await mount({ theme: 'dark', procedure: 'check-up', country: 'FR' });
    expect($(empty, '[part=empty]')).to.not.equal(null);
    await expect(empty).to.be.accessible();
    const spy = interceptFetch((url) => (url.pathname === '/v1/stories' ? json({ error: { code: 'internal', message: 'x' } }, 500) : undefined));
    try {
      const err = await mount({ theme: 'dark' }, { wait: '[part=error]' });
      await expect(err).to.be.accessible();
    } finally {
      spy.restore();
    }
  });
});
