// The Arabic demo page, as `npm start` serves it, in real Chromium: the page is right-to-left from
// its first frame and nothing shifts while the quote calculator loads (CLS was 0.27 at 1280 px,
// the page flipping to rtl after it was painted).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startDemoSite } from './demo-site.js';

let browser: Browser;
let base: string;
let close: () => Promise<void>;

describe('demo site in Arabic: rtl before the first paint, no layout shift', { timeout: 180_000 }, () => {
  before(async () => {
    ({ base, browser, close } = await startDemoSite());
  });
  after(async () => close?.());

  for (const width of [1280, 375]) {
    it(`${width} px: dir=rtl at the first frame; CLS 0 until the calculator is shown`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number; __firstFrameDir?: string };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // The first animation frame runs before the first paint.
        requestAnimationFrame(() => (w.__firstFrameDir = document.documentElement.dir));
      });
      await page.goto(`${base}/?lang=ar`);
      await page.locator('prm-quote-calculator [part=choices]').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      const r = await page.evaluate(() => ({ ...(window as unknown as { __cls: number; __firstFrameDir?: string }), widgetDir: document.querySelector('prm-quote-calculator')!.getAttribute('dir') }));
      assert.equal(r.__firstFrameDir, 'rtl');
      assert.equal(r.widgetDir, 'rtl');
      // The dir flip after the first paint cost 0.27; a residual 0.007 at 1280 px comes from one
      // line of the demo page's own text growing by 1 px in width (not the widget), left for now.
      assert.ok(r.__cls < 0.01, `CLS ${r.__cls}`);
      await context.close();
    });
  }
});
