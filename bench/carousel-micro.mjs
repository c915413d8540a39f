// @ts-check
// The story carousel's micro-benchmark (widgets.config.mjs, `carousel-1000` against `carousel-10`):
// its data and its measured work, in a module without Node imports so the browser test
// (test/widgets/story-carousel/story-carousel.test.ts) runs exactly the work the benchmark measures.

/**
 * Page of a GET /v1/stories answer from a set of `total` generated stories (cursor = offset): the
 * carousel micro-benchmark's data, the same shape the reference server sends.
 * @param {URL} url
 * @param {number} total
 */
export function storyPage(url, total) {
  const limit = Number(url.searchParams.get('limit') ?? 12);
  const from = Number(url.searchParams.get('cursor') ?? 0);
  const langs = ['en', 'de', 'ar', 'ru', 'tr', 'es', 'fr'];
  const stories = [];
  for (let i = from; i < Math.min(total, from + limit); i++) {
    stories.push({
      id: `bench-${i}`,
      procedureId: 'dental-implants',
      procedureName: 'Dental implants',
      language: langs[i % langs.length],
      country: ['GB', 'DE', 'SA', 'FR'][i % 4],
      displayName: `Patient ${i + 1}`,
      title: `Story number ${i + 1}`,
      body: 'The coordinator answered every message within the hour, and the itemised quote matched the final bill. '.repeat(1 + (i % 3)),
      rating: 4 + (i % 2),
      date: new Date(Date.UTC(2026, 10, 1) - i * 86_400_000).toISOString().slice(0, 10),
      verified: i % 2 === 0,
      image: null,
      video: null,
    });
  }
  const next = from + limit < total ? String(from + limit) : null;
  return { stories, total, averageRating: 4.5, nextCursor: next };
}

/**
 * The measured work, the same on 1,000 stories and on 10: six steps with the next button, then
 * Home, twice. Six steps stay inside the 10-story set on the benchmark's phone (one story in view:
 * its last start is story 10, and its window of five slides moves until story 8), so on both sets
 * every click moves and the window slides alike; the ratio then prices the size of the set alone.
 * (Twelve steps did not: on 10 stories three clicks did nothing at the end and the window stopped
 * moving after the 7th, so 1,000 stories looked 1.55× dearer with nothing in the widget growing.)
 * Evaluated in the page from its source (`String(carouselRun)`): it uses nothing of this module.
 * @param {HTMLElement & { updateComplete: Promise<unknown> }} el
 */
export async function carouselRun(el) {
  const sr = /** @type {ShadowRoot} */ (el.shadowRoot);
  for (let i = 0; i < 600 && !sr.querySelector('.slide[data-i]'); i++) await new Promise((r) => setTimeout(r, 25));
  const next = /** @type {HTMLElement | null} */ (sr.querySelector('.arrow.next'));
  if (!next) throw new Error('the slides of <prm-story-carousel> never rendered');
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < 6; k++) {
      next.click();
      await el.updateComplete;
    }
    sr.querySelector('[role=tab][aria-selected=true]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await el.updateComplete;
  }
  if (sr.querySelectorAll('.slide').length > 5) throw new Error('more than 5 slides in the DOM');
}
