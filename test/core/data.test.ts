import { expect, fixture, html } from '@open-wc/testing';
import { KeyedCache } from '../../src/core/data/cache.js';
import { StoriesResponseSchema } from '../../src/core/contract/stories.js';
import { ApiClient } from '../../src/core/api/client.js';
import './fixtures/data-elements.js';
import type { PrmTestMonths, PrmTestStories } from './fixtures/data-elements.js';
import { resetConfig, until } from './fixtures/setup.js';

const realFetch = window.fetch;
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** Records the requests to `/v1/<path>` and holds their answers until `release()`. */
function gate(path: string) {
  const seen: URL[] = [];
  let open: () => void = () => {};
  let held = new Promise<void>((r) => (open = r));
  let holding = false;
  window.fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    if (url.pathname === `/v1/${path}`) {
      seen.push(url);
      if (holding) await held;
    }
    return realFetch(input, init);
  };
  return {
    seen,
    hold() {
      holding = true;
      held = new Promise<void>((r) => (open = r));
    },
    release() {
      holding = false;
      open();
    },
  };
}

async function mount<T extends HTMLElement>(tag: string, setup: (el: T) => void = () => {}): Promise<T> {
  const el = document.createElement(tag) as T;
  setup(el);
  (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
  return el;
}

describe('data controllers', () => {
  beforeEach(() => resetConfig());
  afterEach(() => {
    window.fetch = realFetch;
  });

  describe('keep previous + keyed cache', () => {
    it('keeps the previous month on screen while the next loads (no skeleton flash), then shows it', async () => {
      const net = gate('__test/echo');
      const el = await mount<PrmTestMonths>('prm-test-months');
      await until(() => $(el, '#month')?.textContent === '2027-01');
      net.hold();
      el.month = '2027-02';
      await until(() => net.seen.length === 2);
      await el.updateComplete;
      expect($(el, '[part=loading]'), 'no skeleton while refreshing').to.equal(null);
      expect($(el, '#month')!.textContent).to.equal('2027-01');
      expect($(el, '#month')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.data.refreshing).to.equal(true);
      await expect(el).to.be.accessible();
      net.release();
      await until(() => $(el, '#month')?.textContent === '2027-02');
      expect($(el, '#month')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('a month already seen is shown at once, without a request', async () => {
      const net = gate('__test/echo');
      const el = await mount<PrmTestMonths>('prm-test-months');
      await until(() => $(el, '#month')?.textContent === '2027-01');
      el.month = '2027-02';
      await until(() => $(el, '#month')?.textContent === '2027-02');
      expect(net.seen.map((u) => u.searchParams.get('month'))).to.deep.equal(['2027-01', '2027-02']);
      net.hold(); // a request now would hang: a cached month must not need one
      el.month = '2027-01';
      await el.updateComplete;
      expect($(el, '#month')!.textContent).to.equal('2027-01');
      expect($(el, '#month')!.getAttribute('aria-busy')).to.equal('false');
      await until(() => el.data.status === 2); // TaskStatus.COMPLETE
      expect(net.seen).to.have.length(2);
      net.release();
    });

    it('KeyedCache: shares a load in flight, keeps no failure, drops the oldest past its size', async () => {
      const cache = new KeyedCache<number>(2);
      let loads = 0;
      const load = (v: number) => () => (loads++, Promise.resolve(v));
      const [a, b] = await Promise.all([cache.get('a', load(1)), cache.get('a', load(2))]);
      expect([a, b, loads]).to.deep.equal([1, 1, 1]);
      await cache.get('x', () => Promise.reject(new Error('offline'))).catch(() => {});
      await Promise.resolve();
      expect(cache.has('x')).to.equal(false);
      expect(await cache.get('x', load(3))).to.equal(3);
      await cache.get('y', load(4));
      expect(cache.has('a'), 'oldest dropped').to.equal(false);
      expect(cache.peek('y')).to.equal(4);
    });
  });

  describe('paged controller (cursor pages of the real GET /v1/stories)', () => {
    let all: string[];
    before(async () => {
      const client = new ApiClient({ baseUrl: location.origin, clinic: 'pk_demo_aurora' });
      all = (await client.get('stories', StoriesResponseSchema, { searchParams: { limit: 50 } })).stories.map((s) => s.id);
    });

    it('loads the first page, appends the next on "Show more", and stops at the end', async () => {
      expect(all.length, 'the seed has stories over several pages of 2').to.be.greaterThan(4);
      const el = await mount<PrmTestStories>('prm-test-stories');
      await until(() => $$(el, 'li').length === 2);
      for (let n = 4; n < all.length + 2; n += 2) {
        const more = $(el, '[part=more]')!;
        expect(more.textContent).to.contain('Show more');
        more.click();
        await until(() => $$(el, 'li').length === Math.min(n, all.length));
      }
      expect($$(el, 'li').map((li) => li.dataset['id'])).to.deep.equal(all);
      expect(el.list.done).to.equal(true);
      expect($(el, '[part=more]'), 'no button at the end').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a failed page shows an error with a retry; the pages already loaded stay; the retry appends it', async () => {
      const el = await mount<PrmTestStories>('prm-test-stories');
      await until(() => $$(el, 'li').length === 2);
      window.fetch = (input, init) => (String(input).includes('cursor=') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
      el.list.loadMore();
      await until(() => !!$(el, '[role=alert]'), 10_000);
      expect($(el, '[role=alert]')!.textContent).to.contain('The clinic cannot be reached right now'); // online: the server, not the patient's connection
      expect($$(el, 'li').map((li) => li.dataset['id']), 'page 1 kept').to.deep.equal(all.slice(0, 2));
      await expect(el).to.be.accessible();
      window.fetch = realFetch;
      $(el, "[role=alert] button")!.click();
      await until(() => $$(el, 'li').length === 4);
      expect($$(el, 'li').map((li) => li.dataset['id'])).to.deep.equal(all.slice(0, 4));
      expect($(el, '[role=alert]')).to.equal(null);
    });

    it('a new filter starts again from its first page, the old list staying until it arrives', async () => {
      const net = gate('stories');
      const el = await mount<PrmTestStories>('prm-test-stories');
      await until(() => $$(el, 'li').length === 2);
      $(el, '[part=more]')!.click();
      await until(() => $$(el, 'li').length === 4);
      net.hold();
      el.language = 'en';
      await until(() => net.seen.some((u) => u.searchParams.get('language') === 'en'));
      await el.updateComplete;
      expect($(el, '[part=loading]')).to.equal(null);
      expect($(el, 'ul')!.getAttribute('aria-busy')).to.equal('true');
      net.release();
      await until(() => $(el, 'ul')!.getAttribute('aria-busy') === 'false');
      const langs = $$(el, 'li').map((li) => li.dataset['language']);
      expect(langs.length).to.be.within(1, 2);
      expect(new Set(langs)).to.deep.equal(new Set(['en']));
      const last = net.seen.at(-1)!;
      expect(last.searchParams.has('cursor'), 'first page of the new filter').to.equal(false);
    });
  });
});
