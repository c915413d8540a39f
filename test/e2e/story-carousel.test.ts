// <prm-story-carousel> from the CDN build on a clinic page of another origin than the CDN and the
// API (the harness serves them on their own origin): stories and their photos load across origins,
// the buttons move it, the JSON-LD lands in the page, and no video provider is contacted before a
// click.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snippet, startHarness, type Harness } from './harness.js';

let h: Harness;

describe('story carousel on a clinic page of another origin', { timeout: 120_000 }, () => {
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it('shows the stories with their photos, moves by button, writes its JSON-LD; nothing from a video provider before the click', async () => {
    h.pages.set('/stories', { html: `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><prm-story-carousel structured-data procedure="knee-replacement"></prm-story-carousel></body></html>` });
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const thirdParty: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => /youtube|vimeo/.test(r.url()) && thirdParty.push(r.url()));
    // The player host is not reachable here: answer it, so only "was it asked for" is tested.
    await page.route(/youtube-nocookie|vimeo/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
    await page.goto(h.host + '/stories');
    assert.notEqual(new URL(h.host).origin, new URL(h.cdn).origin, 'the page is on another origin');
    const state = () =>
      page.evaluate(() => {
        const sr = document.querySelector('prm-story-carousel')!.shadowRoot!;
        const slide = sr.querySelector('.slide:not([inert])');
        const img = slide?.querySelector<HTMLImageElement>('img');
        return { label: slide?.getAttribute('aria-label') ?? null, img: img ? img.complete && img.naturalWidth > 0 : null, frames: sr.querySelectorAll('iframe').length };
      });
    await page.waitForFunction(() => !!document.querySelector('prm-story-carousel')?.shadowRoot?.querySelector('.slide[data-i] .title'), undefined, { timeout: 20_000 });
    await page.waitForFunction(() => [...document.querySelector('prm-story-carousel')!.shadowRoot!.querySelectorAll<HTMLImageElement>('.slide:not([inert]) img')].every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 10_000 });
    const first = await state();
    assert.match(first.label!, /^1 of \d+$/);
    assert.equal(first.img, true, 'the photo or poster loaded from the API origin');
    assert.equal(first.frames, 0);
    await page.evaluate(() => document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector<HTMLElement>('.arrow.next')!.click());
    await page.waitForFunction(() => document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector('.slide:not([inert])')?.getAttribute('aria-label')?.startsWith('2 of'));
    const ld = await page.evaluate(() => JSON.parse(document.querySelector('prm-story-carousel > script[type="application/ld+json"]')?.textContent ?? 'null'));
    assert.equal(ld?.['@type'], 'MedicalClinic');
    assert.ok(ld.review.length >= 1);
    assert.deepEqual(thirdParty, [], 'no request to a video provider before a click');
    // Back to a story with a video, then play it: only now the privacy-enhanced player is asked for.
    await page.evaluate(() => document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector<HTMLElement>('.arrow.prev')!.click());
    const poster = await page.evaluate(() => !!document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector('.slide:not([inert]) .poster'));
    assert.equal(poster, true, 'the first knee story has a video');
    await page.evaluate(() => document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector<HTMLElement>('.slide:not([inert]) .poster')!.click());
    await page.waitForFunction(() => !!document.querySelector('prm-story-carousel')!.shadowRoot!.querySelector('iframe'));
    await page.waitForTimeout(300);
    assert.ok(thirdParty.length >= 1 && thirdParty.every((u) => new URL(u).hostname === 'www.youtube-nocookie.com'), thirdParty.join(', '));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
