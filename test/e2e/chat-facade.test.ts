// The chat launcher's facade on a clinic page of another origin, from the real CDN build: what it
// costs before the patient touches it (requests, bytes, storage), and that intent then brings the
// panel, the runtime and the page's language, with the clinic profile fetched once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { snippet, startHarness, type Harness } from './harness.js';
import { SHARED, WIDGETS } from '../../widgets.config.mjs';

const chat = WIDGETS.find((w) => w.tag === 'prm-chat-launcher')!;
let h: Harness;

describe('<prm-chat-launcher> facade from the CDN', { timeout: 120_000 }, () => {
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it('before any interaction: loader + facade + the clinic profile (the loader’s first data) only, within the budgets, nothing stored, the clinic’s colours on the button; hover brings panel, runtime and Arabic messages; click opens the dialog', async () => {
    h.pages.set('/chat-facade', { html: `<!doctype html><html lang="ar" dir="rtl"><head>${snippet(h.cdn)}</head><body><main><p>عيادة</p></main>${chat.example}</body></html>` });
    // A phone in dark mode: the demo clinic's theme (mode auto) then shows its derived dark primary.
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    // This page's own requests to the CDN/API origin, in order.
    const mine: string[] = [];
    page.on('request', (r) => void (r.url().startsWith(h.cdn) && mine.push(new URL(r.url()).pathname + new URL(r.url()).search)));
    await page.goto(`${h.host}/chat-facade`);
    await page.waitForFunction(() => !!document.querySelector('prm-chat-launcher')?.shadowRoot?.querySelector('[part=button]'));
    // The clinic's colours arrived (the remote theme) and the page stays idle a while.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/v1/bootstrap')));
    await page.waitForTimeout(1500);

    const before = [...mine];
    assert.equal(before.length, 3, `three requests before interaction, got ${before.join(', ')}`);
    assert.equal(before[0], '/cdn/loader.js');
    // The loader starts the facade's code and the clinic profile together, when the tag appears.
    const code = before.find((r) => /^\/cdn\/chunks\/chat-launcher-[\w-]+\.js$/.test(r));
    assert.ok(code, `the facade chunk among ${before.join(', ')}`);
    assert.ok(before.includes('/v1/bootstrap?widgets=chat-launcher&locale=ar&clinic=pk_demo_aurora'), `one GET /v1/bootstrap among ${before.join(', ')}`);
    // The clinic's dark primary (#549c96, derived by the server from its one brand colour), not the SDK's (#6fd6cc).
    const painted = await page.evaluate(() => getComputedStyle(document.querySelector('prm-chat-launcher')!.shadowRoot!.querySelector('[part=button]')!).backgroundColor);
    assert.equal(painted, 'rgb(84, 156, 150)');
    // Bytes: what those two files weigh gzipped (-9, as the budgets measure), against the budgets.
    const gz = (p: string) => gzipSync(readFileSync(`dist/cdn${p.slice(4)}`), { level: 9 }).length;
    const bytes = gz(before[0]!) + gz(code);
    assert.ok(bytes <= SHARED.loader.budget + chat.budget, `${bytes} B of code before interaction`);
    assert.ok(gz(code) <= chat.budget, `facade ${gz(code)} B`);
    console.log(`before interaction: ${before.length} requests, ${bytes} B gzip of code (loader ${gz(before[0]!)} B + facade ${gz(code)} B)`);
    const stored = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length, cookies: document.cookie }));
    assert.deepEqual(stored, { session: 0, local: 0, cookies: '' }, 'nothing stored before interaction');
    // Its label is Arabic already (the facade's own table), and it sits at the inline end: the left.
    const label = await page.evaluate(() => document.querySelector('prm-chat-launcher')!.shadowRoot!.querySelector('[part=button]')!.getAttribute('aria-label'));
    assert.equal(label, 'تحدث معنا');
    const box = await page.locator('prm-chat-launcher').locator('[part=button]').boundingBox();
    assert.ok(box && box.x < 640, 'mirrored to the left in Arabic');

    // Intent: hover starts the panel, the runtime and the Arabic messages; no second /v1/config.
    await page.locator('prm-chat-launcher').locator('[part=button]').hover();
    await page.waitForFunction(() => !!customElements.get('prm-chat-panel'));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/locale-ar-')));
    const after = mine.slice(before.length);
    assert.ok(after.some((r) => /chat-launcher\.panel-/.test(r)), 'panel chunk');
    assert.equal(after.filter((r) => /\/runtime-/.test(r)).length, 1, 'runtime once');
    assert.equal(after.filter((r) => r.startsWith('/v1/config')).length, 0, 'the clinic profile is not fetched again');
    assert.ok((await page.evaluate(() => document.querySelector('prm-chat-launcher')!.hasAttribute('open'))) === false, 'hover does not open');

    await page.locator('prm-chat-launcher').locator('[part=button]').click();
    await page.waitForFunction(() => !!document.querySelector('prm-chat-launcher')?.shadowRoot?.querySelector('prm-chat-panel')?.shadowRoot?.querySelector('[role=dialog] h2'));
    assert.deepEqual(await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length })), { session: 0, local: 0 }, 'opening stores nothing either');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
