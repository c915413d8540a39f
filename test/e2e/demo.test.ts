// The demo clinic site as `npm start` serves it (demo/ at /, the CDN build at /cdn/, the API at
// /v1), in real Chromium: its ?theme= parameter and its theme switch reach the widgets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startDemoSite } from './demo-site.js';
import { colorTokens } from '../../src/core/theme/palette.js';

let browser: Browser;
let base: string;
let close: () => Promise<void>;

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const SURFACE = { light: rgb(colorTokens.surface[0]), dark: rgb(colorTokens.surface[1]) };

/** Opens a demo URL and reads what the patient sees of the widget: its mode and card colour. */
async function open(path: string, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path);
  const card = page.locator('prm-quote-calculator [part=base]').first();
  await card.waitFor({ timeout: 30_000 });
  return { page, context, errors, state: () => widgetState(page) };
}

async function widgetState(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('prm-quote-calculator')!;
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    return {
      dark: el.matches(':state(dark)') || (el.matches(':state(auto)') && matchMedia('(prefers-color-scheme: dark)').matches),
      background: getComputedStyle(base).backgroundColor,
      dir: el.getAttribute('dir'),
      current: [...document.querySelectorAll('.theme-switch a[aria-current=true]')].map((a) => (a as HTMLElement).dataset.theme),
    };
  });
}

describe('demo site: ?theme= and the theme switch', { timeout: 180_000 }, () => {
  before(async () => {
    ({ base, browser, close } = await startDemoSite());
  });
  after(async () => close?.());

  it('?theme=dark turns the widget dark on a light system (it did nothing before)', async () => {
    const { context, errors, state } = await open('/?theme=dark', 'light');
    await assert.doesNotReject(() => context.pages()[0]!.waitForFunction(() => document.querySelector('prm-quote-calculator')?.matches(':state(dark)'), null, { timeout: 10_000 }));
    const s = await state();
    assert.equal(s.dark, true);
    assert.equal(s.background, SURFACE.dark);
    assert.deepEqual(s.current, ['dark']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('?theme=light keeps it light on a dark system; no parameter follows the system (the clinic theme is auto)', async () => {
    const light = await open('/?theme=light', 'dark');
    assert.equal((await light.state()).background, SURFACE.light);
    await light.context.close();
    const auto = await open('/', 'dark');
    assert.equal((await auto.state()).background, SURFACE.dark);
    assert.deepEqual((await auto.state()).current, ['auto']);
    await auto.context.close();
  });

  it('the theme switch changes the theme and keeps the language; the language switch keeps the theme', async () => {
    const { page, context } = await open('/?lang=ar', 'light');
    assert.equal((await widgetState(page)).background, SURFACE.light);
    await page.getByRole('navigation', { name: 'Theme' }).getByRole('link', { name: 'Dark' }).click();
    await page.waitForURL(/theme=dark/);
    await page.locator('prm-quote-calculator [part=base]').first().waitFor();
    await page.waitForFunction(() => document.querySelector('prm-quote-calculator')?.matches(':state(dark)'), null, { timeout: 10_000 });
    const s = await widgetState(page);
    assert.equal(s.background, SURFACE.dark);
    assert.equal(s.dir, 'rtl', 'still Arabic');
    assert.match(page.url(), /lang=ar/);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    assert.match(page.url(), /theme=dark/);
    await page.waitForFunction(() => document.querySelector('prm-quote-calculator')?.matches(':state(dark)'), null, { timeout: 10_000 });
    await context.close();
  });
});
