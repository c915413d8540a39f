import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { StoriesResponseSchema, type Story } from '../../../src/core/contract/stories.js';
import { buildJsonLd, jsonLdText } from '../../../src/widgets/story-carousel/json-ld.js';
import { parseStaticStories, selectStories } from '../../../src/widgets/story-carousel/static-stories.js';
import { MAX_RENDERED, canGo, jumpOffset, keyAction, likelyClamped, navigate, pickerWindow, readMoreState, renderWindow, shouldFetchMore, slidePosition, type NavAction } from '../../../src/widgets/story-carousel/window.js';

// Pure functions beside the element: no DOM used by them (they run in the browser test runner for
// speed; the JSON-LD test uses the browser's own HTML parser to prove the script cannot be closed).

const N = 1000;
const story = (i: number, over: Partial<Story> = {}): Story => ({
  id: `story-${i}`,
  procedureId: i % 2 ? 'lasik' : 'dental-implants',
  procedureName: i % 2 ? 'LASIK (both eyes)' : 'Dental implant (single)',
  language: ['en', 'ar', 'de'][i % 3]!,
  country: 'GB',
  displayName: `Author ${i}`,
  title: `Title ${i}`,
  body: `Body ${i}`,
  rating: (i % 5) + 1,
  date: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  verified: i % 2 === 0,
  image: null,
  video: null,
  ...over,
});

/** Drives `navigate` from `start` with `action` until it stops moving; returns every index seen in view. */
function walk(action: NavAction, start: number, total: number, perView: number) {
  const seen = new Set<number>();
  let cur = start;
  for (let steps = 0; steps <= total; steps++) {
    const w = renderWindow(total, cur, perView);
    expect(w.indices.length).to.be.at.most(MAX_RENDERED);
    w.visible.forEach((i) => seen.add(i));
    const next = navigate(action, cur, total, perView);
    if (next === cur) break;
    cur = next;
  }
  return { seen, end: cur };
}

describe('story carousel: windowed rendering', () => {
  it('1,000 stories, 1–3 per view: every story comes into view from both ends (next from the first, previous from the last), never more than 5 slides in the DOM', () => {
    for (const perView of [1, 2, 3]) {
      const fwd = walk('next', 0, N, perView);
      expect(fwd.seen.size, `forward, ${perView} per view`).to.equal(N);
      expect(fwd.end).to.equal(N - perView);
      const back = walk('prev', navigate('end', 0, N, perView), N, perView);
      expect(back.seen.size, `backward, ${perView} per view`).to.equal(N);
      expect(back.end).to.equal(0);
    }
  });

  it('property: any total, index and slides per view → ≤ 5 rendered, all inside the set, ascending and contiguous, the view inside them, labels the true position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: N }), fc.integer({ min: -5, max: N + 5 }), fc.integer({ min: 1, max: 8 }), (total, current, perView) => {
        const w = renderWindow(total, current, perView);
        expect(w.indices.length).to.be.at.most(MAX_RENDERED);
        expect(w.indices.length).to.equal(Math.min(total, MAX_RENDERED));
        w.indices.forEach((i, k) => {
          expect(i).to.be.within(0, total - 1);
          if (k) expect(i).to.equal(w.indices[k - 1]! + 1);
          expect(slidePosition(i, total)).to.deep.equal({ n: i + 1, of: total });
        });
        expect(w.visible.every((i) => w.indices.includes(i))).to.equal(true);
        if (total > 0) expect(w.visible.length).to.equal(Math.min(total, perView, MAX_RENDERED));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a random walk of buttons and keys over 1,000 stories stays in bounds, and Home / End always reach the true first and last story', () => {
    const act = fc.constantFrom<NavAction>('next', 'prev', 'home', 'end');
    fc.assert(
      fc.property(fc.array(act, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (actions, perView) => {
        let cur = 0;
        for (const a of actions) {
          cur = navigate(a, cur, N, perView);
          expect(cur).to.be.within(0, N - perView);
        }
        const end = renderWindow(N, navigate('end', cur, N, perView), perView);
        expect(end.visible.at(-1)).to.equal(N - 1);
        expect(slidePosition(end.visible.at(-1)!, N)).to.deep.equal({ n: 1000, of: 1000 });
        const home = renderWindow(N, navigate('home', cur, N, perView), perView);
        expect(home.visible[0]).to.equal(0);
      }),
      { numRuns: 300 },
    );
  });

  it('at the ends the neighbours move to the side where stories exist; buttons say where they can go', () => {
    expect(renderWindow(N, 0, 1)).to.deep.equal({ indices: [0, 1, 2, 3, 4], visible: [0] });
    expect(renderWindow(N, 500, 1)).to.deep.equal({ indices: [498, 499, 500, 501, 502], visible: [500] });
    expect(renderWindow(N, 999, 1)).to.deep.equal({ indices: [995, 996, 997, 998, 999], visible: [999] });
    expect(renderWindow(N, 999, 3).visible, 'an index past the last start shows the last full view').to.deep.equal([997, 998, 999]);
    expect(renderWindow(2, 0, 3)).to.deep.equal({ indices: [0, 1], visible: [0, 1] });
    expect(renderWindow(0, 0, 1)).to.deep.equal({ indices: [], visible: [] });
    expect(canGo(0, N, 1)).to.deep.equal({ prev: false, next: true });
    expect(canGo(997, N, 3)).to.deep.equal({ prev: true, next: false });
    expect(canGo(0, 1, 1)).to.deep.equal({ prev: false, next: false });
  });

  it('arrow keys follow the visual direction: mirrored in right-to-left', () => {
    expect(keyAction('ArrowRight', 'ltr')).to.equal('next');
    expect(keyAction('ArrowLeft', 'ltr')).to.equal('prev');
    expect(keyAction('ArrowRight', 'rtl')).to.equal('prev');
    expect(keyAction('ArrowLeft', 'rtl')).to.equal('next');
    expect(keyAction('Home', 'rtl')).to.equal('home');
    expect(keyAction('End', 'ltr')).to.equal('end');
    expect(keyAction('Enter', 'ltr')).to.equal(null);
    expect(keyAction('Tab', 'rtl')).to.equal(null);
  });

  it('the picker shows at most 7 dots, each a true index, always including the current story', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: N }), fc.nat(N), (total, cur) => {
        const current = Math.min(cur, Math.max(0, total - 1));
        const dots = pickerWindow(total, current);
        expect(dots.length).to.equal(Math.min(total, 7));
        if (total) expect(dots).to.include(current);
        expect(dots.every((i) => i >= 0 && i < total)).to.equal(true);
      }),
      { numRuns: 500 },
    );
    expect(pickerWindow(N, 999)).to.deep.equal([993, 994, 995, 996, 997, 998, 999]);
  });
});

describe('story carousel: loading the next page', () => {
  it('asks for the next page as the patient approaches the end of what is loaded, never twice at once, never past the last page', () => {
    const o = { loaded: 12, total: N, perView: 1, hasMore: true, loading: false };
    expect(shouldFetchMore({ ...o, current: 0 })).to.equal(false);
    expect(shouldFetchMore({ ...o, current: 5 }), '5 + 2 neighbours + 3 ahead = 11 < 12').to.equal(false);
    expect(shouldFetchMore({ ...o, current: 7 })).to.equal(true);
    expect(shouldFetchMore({ ...o, current: 7, loading: true })).to.equal(false);
    expect(shouldFetchMore({ ...o, current: 11, hasMore: false })).to.equal(false);
    expect(shouldFetchMore({ ...o, loaded: N, current: 995 })).to.equal(false);
  });

  it('property: walking to the end of 1,000 stories with pages of 12, every rendered slide is loaded before it is reached, and no more than needed is loaded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 5, max: 50 }), (perView, pageSize) => {
        let loaded = pageSize;
        let pages = 1;
        for (let cur = 0; cur <= N - perView; cur = navigate('next', cur, N, perView)) {
          while (shouldFetchMore({ loaded, total: N, current: cur, perView, hasMore: loaded < N, loading: false })) {
            loaded = Math.min(N, loaded + pageSize);
            pages++;
          }
          expect(Math.max(...renderWindow(N, cur, perView).indices)).to.be.below(loaded);
          expect(loaded, 'loads ahead a little, never all at once').to.be.at.most(Math.min(N, cur + MAX_RENDERED + 3 + pageSize));
          if (cur === N - perView) break;
        }
        expect(pages).to.equal(Math.ceil(N / pageSize));
      }),
      { numRuns: 20 },
    );
  });
});

describe('story carousel: jumping far (End)', () => {
  it('far past the loaded pages, one page by offset around the view; moving back it brings only missing stories; near the loaded ones, null (the next page in order)', () => {
    const w = (current: number) => renderWindow(N, current, 1).indices;
    expect(jumpOffset(w(999), w(999), 12, N, 12), 'End: the last page').to.equal(988);
    expect(jumpOffset(w(14), w(14).filter((i) => i >= 12), 12, N, 12), 'a page on: in order').to.equal(null);
    expect(jumpOffset(w(990), [988], 12, N, 12), 'back: ends with the missing one').to.equal(977);
    expect(jumpOffset(w(500), [502], 12, N, 12), 'on: starts with it').to.equal(502);
    expect(jumpOffset(w(999), [], 12, N, 12)).to.equal(null);
    expect(jumpOffset(w(30), w(30), 12, 35, 12), 'inside the set: 21–32').to.equal(21);
  });
});

describe('story carousel: read more', () => {
  it('shows "read more" only when the quote is cut, and keeps it expanded once opened', () => {
    expect(readMoreState({ scrollHeight: 120, clientHeight: 120, expanded: false })).to.equal('none');
    expect(readMoreState({ scrollHeight: 121, clientHeight: 120, expanded: false }), 'sub-pixel rounding').to.equal('none');
    expect(readMoreState({ scrollHeight: 180, clientHeight: 120, expanded: false })).to.equal('collapsed');
    expect(readMoreState({ scrollHeight: 180, clientHeight: 180, expanded: true })).to.equal('expanded');
  });

  it('estimates before layout whether a quote needs more than its lines, counting characters not UTF-16 units and line breaks as lines', () => {
    expect(likelyClamped('short', 4, 40)).to.equal(false);
    expect(likelyClamped('x'.repeat(160), 4, 40)).to.equal(false);
    expect(likelyClamped('x'.repeat(161), 4, 40)).to.equal(true);
    expect(likelyClamped('a\nb\nc\nd\ne', 4, 40)).to.equal(true);
    expect(likelyClamped('😀'.repeat(40), 1, 40), 'emoji are one character each').to.equal(false);
  });
});

describe('story carousel: structured data', () => {
  const HOSTILE = [
    '</script><script>alert(1)</script>',
    '</SCRIPT ><img src=x onerror=alert(2)>',
    '<!--<script>',
    '"}]}</script><script>alert(3)//',
    'line\u2028separator\u2029paragraph',
    '&lt;/script&gt; & ]]> <![CDATA[',
    '\\u003c/script>',
  ];

  it('a Review per story and one AggregateRating of the whole set, text only', () => {
    const stories = [story(1, { rating: 5 }), story(2, { rating: 4 })];
    const ld = buildJsonLd({ clinicName: 'Aurora International Hospital', stories, total: 35, averageRating: 4.8 }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(ld['@context']).to.equal('https://schema.org');
    expect(ld['aggregateRating']).to.deep.equal({ '@type': 'AggregateRating', ratingValue: 4.8, reviewCount: 35, bestRating: 5, worstRating: 1 });
    expect(ld['review']).to.have.length(2);
    expect(ld['review'][0]).to.deep.include({ '@type': 'Review', name: 'Title 1', reviewBody: 'Body 1', inLanguage: 'ar', datePublished: '2026-01-02' });
    expect(ld['review'][0].author).to.deep.equal({ '@type': 'Person', name: 'Author 1' });
    expect(ld['review'][1].reviewRating.ratingValue).to.equal(4);
    expect(buildJsonLd({ clinicName: 'X', stories: [], total: 0, averageRating: null })).to.not.have.property('aggregateRating');
  });

  it('hostile story text can never close the script element: the browser parses exactly one script whose JSON round-trips', () => {
    const texts = fc.sample(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('<', '>', '&', '\u2028', '\u2029', '</', '<!--')), 200);
    for (const t of [...HOSTILE, ...texts]) {
      const ld = buildJsonLd({ clinicName: t, stories: [story(1, { title: t, body: t, displayName: t, procedureName: t })], total: 1, averageRating: 5 });
      const text = jsonLdText(ld);
      expect(text).to.not.match(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).to.deep.equal(JSON.parse(JSON.stringify(ld)));
      const doc = new DOMParser().parseFromString(`<!doctype html><body><script type="application/ld+json">${text}</script><p id="after">after</p></body>`, 'text/html');
      expect(doc.querySelectorAll('script').length, JSON.stringify(t)).to.equal(1);
      expect(doc.querySelectorAll('img').length).to.equal(0);
      expect(doc.getElementById('after')?.textContent).to.equal('after');
      expect(JSON.parse(doc.querySelector('script')!.textContent!)).to.deep.equal(JSON.parse(text));
    }
  });
});

describe('story carousel: static mode (stories.json)', () => {
  const file = { stories: [story(1), story(2), story(3), story(4), story(5), story(6)] };

  it('reads a file with the GET /stories shape (total, averageRating and nextCursor may be left out); a full server response is accepted too', () => {
    const r = parseStaticStories(JSON.stringify(file));
    expect(r.ok).to.equal(true);
    expect(r.ok && r.stories.map((s) => s.id)).to.deep.equal(file.stories.map((s) => s.id));
    const full = StoriesResponseSchema.parse({ ...file, total: 6, averageRating: 3.5, nextCursor: null });
    expect(parseStaticStories(JSON.stringify(full)).ok).to.equal(true);
  });

  it('an invalid file gives a clear error naming the place, never an exception', () => {
    const bad = (x: unknown) => {
      const r = parseStaticStories(typeof x === 'string' ? x : JSON.stringify(x));
      expect(r.ok).to.equal(false);
      return r.ok ? '' : r.error;
    };
    expect(bad('{"stories": [')).to.match(/^stories\.json is not valid JSON/);
    expect(bad('<html>404</html>')).to.match(/not valid JSON/);
    expect(bad([story(1)])).to.match(/^stories\.json: \(top level\)|^stories\.json: /);
    expect(bad({ stories: [story(1), { ...story(2), rating: 9 }] })).to.match(/^stories\.json: stories\[1\]\.rating: /);
    expect(bad({ stories: [{ ...story(1), date: '1 May' }, { ...story(2), id: 'Not an id' }] })).to.match(/stories\[0\]\.date: .*\(and 1 more problem\)$/);
    expect(bad({ stories: [{ ...story(1), image: { url: 'a.jpg', alt: 'x', width: 4, height: 3 } }] }), 'an image without srcset').to.match(/stories\[0\]\.image\.srcset/);
    expect(bad(null)).to.match(/^stories\.json: /);
  });

  it('filters and orders like the server: the patient\'s language first, newest first, minRating, procedure, country', () => {
    const sel = selectStories(file.stories, { language: 'de' });
    expect(sel.stories.map((s) => s.id)).to.deep.equal(['story-5', 'story-2', 'story-6', 'story-4', 'story-3', 'story-1']);
    expect(sel.total).to.equal(6);
    expect(sel.averageRating, "(2+3+4+5+1+2)/6").to.equal(2.83);
    expect(selectStories(file.stories, { minRating: 4 }).stories.map((s) => s.rating)).to.deep.equal([5, 4]);
    expect(selectStories(file.stories, { procedure: 'lasik' }).stories.every((s) => s.procedureId === 'lasik')).to.equal(true);
    expect(selectStories(file.stories, { country: 'FR' })).to.deep.equal({ stories: [], total: 0, averageRating: null });
  });
});
