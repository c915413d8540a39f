// The real CDN build in real Chromium, the SDK on its own origin: what a clinic's page sees.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registeredTags, snippet, startHarness, type Harness } from './harness.js';
import { sendFirstMessage } from './chat-steps.js';
import { builtWidgets } from '../../widgets.config.mjs';

// Every built widget of widgets.config.mjs gets the lazy-load, right-to-left and CSP checks.
const WIDGETS = builtWidgets();

const STRICT_CSP = (cdn: string) =>
  `default-src 'self'; script-src 'self' ${cdn}; style-src 'self' ${cdn}; img-src 'self' data: ${cdn}; connect-src ${cdn}; ` +
  `require-trusted-types-for 'script'; trusted-types lit-html`;

let h: Harness;
const sdk = () => h.requests.filter((r) => r.startsWith('/cdn/') && !r.endsWith('.css'));

async function open(path: string, html: string, headers?: Record<string, string>) {
  h.pages.set(path, { html, headers });
  h.requests.length = 0;
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(h.host + path);
  return { page, context, errors, violations };
}

describe('CDN build in a clinic page', { timeout: 120_000 }, () => {
  before(async () => {
    h = await startHarness();
    assert.ok(WIDGETS.length > 0, 'at least one widget is built');
  });
  after(async () => h?.close());

  for (const { tag, folder, facade } of WIDGETS) it(`<${tag}>: only the loader until the tag appears, then ${facade ? 'its facade chunk (no runtime), and its runtime on intent' : 'its solo bundle (runtime + widget) once'}`, async () => {
    const { page, context, errors } = await open('/lazy', `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><main id="m"></main></body></html>`);
    await page.evaluate(() => (window as unknown as { PRM: { ready: Promise<void> } }).PRM.ready);
    await page.waitForTimeout(300);
    assert.deepEqual(sdk(), ['/cdn/loader.js'], 'no chunk before a tag exists');
    await page.evaluate((t) => {
      document.getElementById('m')!.append(document.createElement(t), document.createElement(t));
    }, tag);
    await page.waitForFunction((t) => !!customElements.get(t), tag);
    const code = sdk().filter((r) => r !== '/cdn/loader.js');
    if (facade) {
      // A facade (the chat launcher) is its own small chunk, without runtime, until intent.
      await page.waitForTimeout(300);
      const files = sdk().filter((r) => r.startsWith('/cdn/'));
      assert.equal(files.length, 2, `loader and facade only: ${files.join(', ')}`);
      assert.match(files[1]!, new RegExp(`^/cdn/chunks/${folder}-[\\w-]+\\.js$`));
      await page.locator(tag).last().locator('[part=button]').hover();
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/runtime-')));
      assert.equal(sdk().filter((r) => r.includes('/runtime-')).length, 1, 'runtime once, on intent');
      assert.deepEqual(errors, []);
      await context.close();
      return;
    }
    assert.deepEqual(code.map((r) => r.replace(/-[\w-]+\.js$/, '')), [`/cdn/solo/${folder}/solo`], 'one file: the solo bundle, no shared runtime');
    assert.ok(sdk().length <= 3, `first widget with ≤ 3 requests from our origin (got ${sdk().join(', ')})`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const w of WIDGETS.filter((x) => x.firstData.length && !x.readyAfterInteraction)) it(`<${w.tag}> alone by the README snippet: ≤ 3 requests from our origin before it is ready (loader, solo bundle ∥ GET /v1/bootstrap)`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    h.pages.set('/alone', { html: `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body>${w.example}</body></html>` });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript((ev) => {
      document.addEventListener(ev, () => ((window as unknown as { __readyAt: number }).__readyAt = performance.now()), { once: true });
    }, w.ready);
    await page.goto(`${h.host}/alone`);
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 30_000 });
    const before = await page.evaluate((cdn) => {
      const readyAt = (window as unknown as { __readyAt: number }).__readyAt;
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.startsWith(cdn) && e.startTime <= readyAt).map((e) => new URL(e.name).pathname);
    }, h.cdn);
    assert.deepEqual(
      before.map((p) => p.replace(/-[\w-]+\.js$/, '')).sort(),
      ['/cdn/loader.js', `/cdn/solo/${w.folder}/solo`, '/v1/bootstrap'].sort(),
      `requests before ${w.ready}: ${before.join(', ')}`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  // A minifier setting once made the CDN build drop `list.push(slot)` (vite.config.ts): one time a
  // day where the server offered seventeen. Only the built files can show it.
  it('<prm-booking-scheduler> from the CDN build lists every free time of the chosen day, as the server sent them', async () => {
    const { page, context, errors } = await open('/booking', `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><prm-booking-scheduler></prm-booking-scheduler></body></html>`);
    const el = page.locator('prm-booking-scheduler');
    await el.locator('button', { hasText: 'Video consultation' }).click();
    await el.locator('button', { hasText: 'Dr. Elif Aydın' }).click();
    await el.locator('td.avail').first().click();
    await el.locator('.slot').first().waitFor();
    const { shown, sent } = await page.evaluate(() => {
      const w = document.querySelector('prm-booking-scheduler') as HTMLElement & { slots: { value?: { slots: { start: string }[] } } };
      const shown = [...w.shadowRoot!.querySelectorAll<HTMLElement>('.slot')].map((b) => b.dataset['start']!);
      // (No named arrow functions in here: tsx would wrap them in a helper the page does not have.)
      const first = new Date(shown[0]!).toLocaleDateString('en-CA');
      const sent = (w.slots.value?.slots ?? []).map((x) => x.start).filter((x) => new Date(x).toLocaleDateString('en-CA') === first);
      return { shown, sent: [...new Set(sent)] };
    });
    assert.ok(sent.length > 1, `the seed offers several times that day (${sent.length})`);
    assert.deepEqual([...shown].sort(), [...sent].sort(), 'the times shown are the day’s times the server sent');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Listing times is not booking: the POSTs (hold, booking with its Idempotency-Key, cancel) are
  // what a page of another origin can get wrong (CORS preflight, credentials).
  it('<prm-booking-scheduler> from the CDN build on a page of another origin: holds a time, books it, and the manage link cancels it', async () => {
    const { page, context, errors } = await open('/booking-journey', `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><prm-booking-scheduler></prm-booking-scheduler></body></html>`);
    const el = page.locator('prm-booking-scheduler');
    await el.locator('button', { hasText: 'Video consultation' }).click();
    await el.locator('button', { hasText: 'Dr. Elif Aydın' }).click();
    await el.locator('td.avail').first().click();
    await el.locator('.slot').last().click();
    await el.locator('#f-name').fill('Ana Cross-Origin');
    await el.locator('#f-email').fill('ana@example.com');
    await el.locator('#f-phone').fill('+44 20 7946 0958');
    await el.locator('#f-consent').check();
    await el.locator('form [type=submit]').click();
    await el.locator('[part=success]').waitFor({ timeout: 30_000 });
    const manage = (await el.locator('[part=success] a').last().getAttribute('href')) ?? '';
    assert.ok(manage.includes('prm-booking=') && manage.includes('prm-token='), `a manage link: ${manage}`);
    await page.goto(new URL(manage, `${h.host}/booking-journey`).href);
    await el.locator('[part=manage] dd').first().waitFor({ timeout: 30_000 });
    await el.locator('button', { hasText: 'Cancel' }).first().click();
    await el.locator('button', { hasText: 'Yes, cancel it' }).click();
    await el.locator('[part=manage]', { hasText: 'This booking is cancelled.' }).waitFor({ timeout: 30_000 });
    assert.ok(h.requests.some((r) => r.startsWith('/v1/bookings')), `the booking went to the SDK's origin: ${h.requests.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // The chat's whole round trip across origins: the POSTs with their keys, the SSE stream (an
  // EventSource of another origin), the staff reply arriving live.
  it('<prm-chat-launcher> from the CDN build on a page of another origin: a message goes out, the staff reply arrives live over the stream', async () => {
    const { page, context, errors } = await open('/chat-journey', `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><prm-chat-launcher></prm-chat-launcher></body></html>`);
    const { panel, conv } = await sendFirstMessage(page, 'Is the hotel near the clinic?');
    assert.ok(conv?.id, 'a conversation was opened');
    const staff = { Authorization: 'Bearer sk_demo_staff', 'Content-Type': 'application/json' };
    const r = await fetch(`${h.cdn}/v1/staff/conversations/${conv.id}/messages`, { method: 'POST', headers: staff, body: JSON.stringify({ body: 'Yes, a five-minute walk.' }) });
    assert.equal(r.status, 201);
    await panel.locator('.msg.staff .text', { hasText: 'Yes, a five-minute walk.' }).waitFor({ timeout: 20_000 });
    assert.ok(h.requests.some((x) => x.startsWith(`/v1/chat/conversations/${conv.id}/events`)), `the panel listened on the live stream: ${h.requests.filter((x) => x.startsWith('/v1/')).join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('one runtime per page: a widget type added after a solo bundle loaded comes from that bundle’s family, and both speak the page’s language', async () => {
    assert.ok(WIDGETS.length >= 2, 'needs two built widgets');
    const [first, second] = WIDGETS as [(typeof WIDGETS)[0], (typeof WIDGETS)[0]];
    // One German string each widget's first view shows (xliff/de.xlf).
    const GERMAN: Record<string, string> = { 'prm-quote-calculator': 'Geschätzte Gesamtsumme', 'prm-booking-scheduler': 'Beratung buchen' };
    const { page, context, errors } = await open('/solo-then-more', `<!doctype html><html lang="de"><head>${snippet(h.cdn)}</head><body>${first.example}<main id="m"></main></body></html>`);
    const shows = (tag: string, text: string) => page.waitForFunction(([t, x]) => !!document.querySelector(t!)?.shadowRoot?.textContent?.includes(x!), [tag, text], { timeout: 30_000 });
    await shows(first.tag, GERMAN[first.tag]!);
    await page.evaluate((t) => document.getElementById('m')!.append(document.createElement(t)), second.tag);
    await shows(second.tag, GERMAN[second.tag]!);
    await shows(first.tag, GERMAN[first.tag]!);
    const code = sdk().filter((r) => r.endsWith('.js'));
    assert.equal(code.filter((r) => r.includes('/runtime-')).length, 0, `no shared runtime: ${code.join(', ')}`);
    assert.ok(code.some((r) => r.startsWith(`/cdn/solo/${first.folder}/${second.folder}-`)), `<${second.tag}> from the family of <${first.tag}>'s solo bundle: ${code.join(', ')}`);
    const copies = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, string[] | undefined>;
      return [g.litHtmlVersions?.length, g.litElementVersions?.length, g.reactiveElementVersions?.length];
    });
    assert.deepEqual(copies, [1, 1, 1], 'one copy of lit-html, LitElement and ReactiveElement');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a page with two widget types at load shares the runtime chunk: no solo bundle, one Lit', async () => {
    assert.ok(WIDGETS.length >= 2, 'needs two built widgets');
    const tags = WIDGETS.map((w) => w.tag);
    const { page, context, errors } = await open('/shared', `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body>${WIDGETS.map((w) => w.example).join('')}</body></html>`);
    await page.waitForFunction((ts) => ts.every((t) => !!document.querySelector(t)?.shadowRoot?.querySelector('[part]')), tags, { timeout: 30_000 });
    const code = sdk().filter((r) => r.endsWith('.js'));
    assert.equal(code.filter((r) => r.includes('/runtime-')).length, 1, code.join(', '));
    assert.equal(code.filter((r) => r.includes('/solo/')).length, 0, code.join(', '));
    const copies = await page.evaluate(() => (globalThis as unknown as { litHtmlVersions?: string[] }).litHtmlVersions?.length);
    assert.equal(copies, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("asks for a widget's code and its first data together: the chunks at once, one GET /v1/bootstrap and no other API call before it shows its data", async () => {
    const w = builtWidgets().find((x) => x.firstData.length)!;
    const html = `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body>${w.example}</body></html>`;
    h.pages.set('/first-data', { html });
    h.requests.length = 0;
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // This page's own requests (another test's page may still be talking to the same server).
    const mine: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/v1/')) mine.push(u.pathname + u.search);
    });
    await page.addInitScript((ev) => {
      (window as unknown as { __ready: Promise<void> }).__ready = new Promise((r) => document.addEventListener(ev, () => r(), { once: true }));
    }, w.ready);
    // Every answer of our origin but the loader's takes 600 ms (a slow network's round trip), so
    // a request the loader issues at once starts long before any of them ends, however busy the
    // machine, and one that waits for another (a chunk found in a chunk) starts after it ended.
    await page.route(`${h.cdn}/**`, async (route) => {
      if (!route.request().url().endsWith('/loader.js')) await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await page.goto(`${h.host}/first-data`);
    await page.evaluate(() => (window as unknown as { __ready: Promise<void> }).__ready);
    // A preselected procedure (the quote calculator's example) comes in full with it.
    const procedure = /\bprocedure="([^"]+)"/.exec(w.example)?.[1];
    assert.deepEqual(mine, [`/v1/bootstrap?widgets=${w.folder}&locale=en&clinic=pk_demo_aurora${procedure ? `&procedure=${procedure}` : ''}`], 'one bootstrap, nothing fetched again');
    // The widget chunk and the chunks it imports were asked for before any of them arrived.
    const timing = await page.evaluate((cdn) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.startsWith(cdn) && !e.name.endsWith('loader.js'))
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
    h.cdn);
    const firstEnd = Math.min(...timing.map((t) => t.end));
    const late = timing.filter((t) => t.start > firstEnd && !t.name.includes('.lead') && !t.name.includes('/locale-'));
    assert.deepEqual(late.map((t) => t.name), [], 'every request of the first view starts before the first one ends');
    assert.ok(timing.some((t) => t.name.startsWith('/v1/bootstrap')) && timing.some((t) => t.name.startsWith(`/cdn/solo/${w.folder}/solo-`)));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const { tag, facade } of WIDGETS) it(`<${tag}>: the Arabic messages only for an Arabic page, right-to-left`, async () => {
    const { page, context, errors } = await open('/ar', `<!doctype html><html lang="ar" dir="rtl"><head>${snippet(h.cdn)}</head><body><${tag}></${tag}></body></html>`);
    await page.waitForFunction((t) => document.querySelector(t)?.getAttribute('dir') === 'rtl', tag);
    // A facade speaks its few words from its own table; its panel brings the messages on intent.
    if (facade) await page.locator(tag).locator('[part=button]').hover();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/locale-ar-')));
    const locales = sdk().filter((r) => r.includes('/locale-'));
    assert.equal(locales.length, 1);
    assert.match(locales[0]!, /locale-ar-/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('two copies of the loader beside the host app’s own Lit: no error, one definition per tag', async () => {
    const tags = WIDGETS.map((w) => w.tag);
    const importMap = JSON.stringify({
      imports: {
        lit: '/host/nm/lit/index.js',
        'lit/': '/host/nm/lit/',
        'lit-html': '/host/nm/lit-html/lit-html.js',
        'lit-html/': '/host/nm/lit-html/',
        'lit-element/': '/host/nm/lit-element/',
        '@lit/reactive-element': '/host/nm/@lit/reactive-element/reactive-element.js',
        '@lit/reactive-element/': '/host/nm/@lit/reactive-element/',
      },
    });
    const html = `<!doctype html><html lang="en"><head>
      <script type="importmap">${importMap}</script>
      <script type="module" src="/host/host-app.js"></script>
      ${snippet(h.cdn)}
      ${snippet(h.cdn).replace('loader.js"', 'loader.js?copy=2"')}
      </head><body><host-app></host-app>${tags.map((t) => `<${t}></${t}>`).join('')}</body></html>`;
    const { page, context, errors } = await open('/twice', html);
    await page.waitForFunction((ts) => ts.every((t) => !!customElements.get(t)) && !!customElements.get('host-app'), tags);
    await page.waitForFunction(() => document.querySelector('host-app')?.shadowRoot?.textContent?.includes('host app'));
    const loaders = await page.evaluate(() => (window as unknown as { PRM: { loader: string } }).PRM.loader);
    assert.match(loaders, /loader\.js$/, 'the first loader keeps the page');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const { tag, facade } of WIDGETS) it(`<${tag}>: renders under a strict CSP with Trusted Types, 0 violations${facade ? ' (opened: its panel too)' : ''}`, async () => {
    const { page, context, errors, violations } = await open(
      '/csp',
      `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><${tag}></${tag}></body></html>`,
      { 'Content-Security-Policy': STRICT_CSP(h.cdn) },
    );
    await page.waitForFunction((t) => !!document.querySelector(t)?.shadowRoot?.querySelector('[part]'), tag);
    if (facade) {
      await page.locator(tag).locator('[part=button]').click();
      await page.waitForFunction((t) => !!document.querySelector(t)?.shadowRoot?.querySelector('prm-chat-panel')?.shadowRoot?.querySelector('[part=panel]'), tag);
    }
    await page.waitForTimeout(1500);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('never shifts the page: CLS 0 while every registered widget loads its data (README snippet)', async () => {
    const tags = await registeredTags();
    // Each widget as the README's snippet has it (its reserved box is measured for that markup).
    const body = WIDGETS.map((w) => `<section><h2>${w.tag}</h2>${w.example}</section>`).join('');
    const { page, context, errors } = await open(
      '/cls',
      `<!doctype html><html lang="en"><head>${snippet(h.cdn)}</head><body><h1>Clinic</h1>${body}<footer>footer</footer></body></html>`,
    );
    await page.evaluate(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const t of tags) {
      await page.waitForFunction((tt) => {
        const root = document.querySelector(tt)?.shadowRoot;
        return !!root && !root.querySelector('[aria-busy="true"]') && !!root.querySelector('[part]');
      }, t);
    }
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    assert.equal(cls, 0, `CLS ${cls}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
