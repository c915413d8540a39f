#!/usr/bin/env node
// Screenshots of a page at 375 px (phone) and 1280 px (desktop) with the system Chromium, so a
// widget can be looked at before it is called done.
//
//   node scripts/screenshot.mjs URL out-prefix [--dark] [--lang ar] [--selector prm-quote-calculator]
//                               [--wait-for "css selector inside the widget"] [--full]
//                               [--eval "js run in the page after load, may return a promise"]
//                               [--clip y,height]   (a band of the full page)
//
// Writes <out-prefix>-375.png and <out-prefix>-1280.png. `--dark` emulates prefers-color-scheme:
// dark; `--lang` sets the browser language and <html lang> before the page's scripts run;
// `--selector` shoots only that element. Chromium comes from CHROME_PATH or /usr/bin/chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS } from './chrome-flags.mjs';

const args = process.argv.slice(2);
const flags = {};
const pos = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dark' || a === '--full') flags[a.slice(2)] = true;
  else if (a.startsWith('--')) flags[a.slice(2)] = args[++i];
  else pos.push(a);
}
const [url, prefix] = pos;
if (!url || !prefix) {
  console.error('usage: node scripts/screenshot.mjs URL out-prefix [--dark] [--lang ar] [--selector css] [--wait-for css] [--eval js] [--full]');
  process.exit(2);
}

const executablePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!executablePath) {
  console.error('No Chromium found: set CHROME_PATH, or on Debian/Ubuntu `apt-get install chromium`.');
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: CHROME_FLAGS,
});

mkdirSync(dirname(prefix) || '.', { recursive: true });
try {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 812 : 900 },
      deviceScaleFactor: 1,
      colorScheme: flags.dark ? 'dark' : 'light',
      locale: flags.lang || 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`[console.${m.type()}] ${m.text()}`);
    });
    if (flags.lang) {
      const lang = flags.lang;
      await page.addInitScript((l) => {
        document.addEventListener('readystatechange', () => document.documentElement.setAttribute('lang', l), { once: true });
        if (document.documentElement) document.documentElement.setAttribute('lang', l);
      }, lang);
    }
    await page.goto(url, { waitUntil: 'networkidle' });
    if (flags['wait-for']) {
      // Pierces shadow roots (Playwright's css engine does).
      await page.locator(flags['wait-for']).first().waitFor({ timeout: 15_000 });
    }
    if (flags.eval) await page.evaluate(flags.eval);
    if (flags['wait-for']) await page.locator(flags['wait-for']).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    const out = `${prefix}-${width}.png`;
    if (flags.clip) {
      // --clip y,height: a band of the full page (long phone pages are unreadable shrunk whole).
      const [y, h] = flags.clip.split(',').map(Number);
      await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y, width, height: h } });
    } else if (flags.selector) {
      await page.locator(flags.selector).first().screenshot({ path: out });
    } else {
      await page.screenshot({ path: out, fullPage: !!flags.full });
    }
    console.log(out);
    await context.close();
  }
} finally {
  await browser.close();
}
