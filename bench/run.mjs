// One measured run of one page variant, in a fresh browser context: phone viewport, cache
// disabled, CPU throttled and slow-4G network through the DevTools protocol.
import { readFileSync } from 'node:fs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const MICRO = readFileSync(new URL('./micro.js', import.meta.url), 'utf8');

/** Chrome DevTools' "Slow 4G" preset (the former "Fast 3G", as Lighthouse's mobile profile). */
export const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8, connectionType: 'cellular4g' };
export const CPU_RATE = 4;
/** A mid-range phone (Lighthouse's Moto G Power). */
export const DEVICE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Classifies a request on the SDK origin. */
export function classify(url, method, widgets) {
  const path = new URL(url).pathname;
  if (method === 'OPTIONS') return 'preflight';
  if (path.startsWith('/v1/')) return 'api';
  if (path === '/cdn/loader.js') return 'loader';
  if (path.endsWith('.css')) return 'stylesheet';
  // A solo bundle (runtime + one widget, for a page with one widget type) and its family's chunks.
  const solo = /^\/cdn\/solo\/([^/]+)\/(.+)-[\w-]{8}\.js$/.exec(path);
  if (solo) {
    if (solo[2] === 'solo') return `solo:${solo[1]}`;
    const owner = widgets.find((w) => solo[2] === w.name || solo[2].startsWith(`${w.name}.`));
    return owner ? `widget:${owner.name}` : 'shared';
  }
  const m = /^\/cdn\/chunks\/(.+)-[\w-]{8}\.js$/.exec(path);
  if (m) {
    if (m[1] === 'runtime') return 'runtime';
    if (m[1].startsWith('locale-')) return 'locale';
    // A widget's own lazy sub-chunks are named `<widget>.<part>` (e.g. quote-calculator.lead-view).
    const owner = widgets.find((w) => m[1] === w.name || m[1].startsWith(`${w.name}.`));
    if (owner) return `widget:${owner.name}`;
    return 'shared';
  }
  return path.startsWith('/cdn/') ? 'shared' : 'other';
}

/**
 * Runs `spec` = { url, kind: 'page'|'micro', expectReady: [tag], scroll, interact, micro,
 * timeoutMs } and returns the raw figures of the run.
 */
export async function runOnce(browser, spec, ctx) {
  const { sdkOrigin, widgets } = ctx;
  const context = await browser.newContext({ ...DEVICE, locale: 'en-US', timezoneId: 'Europe/Berlin', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
    });
    page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${String(e.message ?? e).slice(0, 300)}`));
    await page.addInitScript({ content: PROBE.replace('__PRM_BENCH_WIDGETS__', JSON.stringify(widgets.map((w) => ({ tag: w.tag, ready: w.ready })))) });

    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    let monoToWall; // seconds
    cdp.on('Network.requestWillBeSent', (e) => {
      monoToWall ??= e.wallTime - e.timestamp;
      const prev = requests.get(e.requestId);
      // A redirect reuses the requestId: keep the first, count the hop as a request of its own.
      const key = prev ? `${e.requestId}#${e.timestamp}` : e.requestId;
      requests.set(key, { url: e.request.url, method: e.request.method, type: e.type, start: e.timestamp, body: 0, total: 0, done: false });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { status: e.response.status, headerBytes: e.response.encodedDataLength, mime: e.response.mimeType, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] });
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) {
        r.body += e.encodedDataLength;
        r.decoded = (r.decoded ?? 0) + e.dataLength;
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { total: e.encodedDataLength, end: e.timestamp, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { failed: e.errorText, end: e.timestamp, done: true });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });

    const t0 = Date.now();
    const deadline = t0 + (spec.timeoutMs ?? 60_000);
    await page.goto(spec.url, { waitUntil: 'load', timeout: spec.timeoutMs ?? 60_000 });

    const sdkInFlight = () => [...requests.values()].filter((r) => r.url.startsWith(sdkOrigin) && !r.done).length;
    const waitReady = async (tags) => {
      const missing = () => page.evaluate((t) => t.filter((tag) => !(tag in window.__prmBench.ready)), tags);
      let left = await missing();
      while (left.length && Date.now() < deadline) {
        await sleep(100);
        left = await missing();
      }
      return left;
    };
    const waitQuiet = async (quietMs = 1500) => {
      let quietSince = Date.now();
      let seen = requests.size;
      while (Date.now() < deadline) {
        await sleep(100);
        if (sdkInFlight() > 0 || requests.size !== seen) {
          quietSince = Date.now();
          seen = requests.size;
        } else if (Date.now() - quietSince >= quietMs) return true;
      }
      return false;
    };

    let expected = spec.expectReady ?? [];
    if (spec.expectReadyInView) {
      expected = await page.evaluate(
        (tags) =>
          tags.filter((t) => {
            const el = document.querySelector(t);
            const r = el?.getBoundingClientRect();
            return !!r && r.width > 0 && r.top < innerHeight && r.bottom > 0;
          }),
        spec.expectReadyInView,
      );
    }
    if (spec.scroll) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      for (let y = 0, i = 0; y < height && i < 50; i++) {
        y = Math.min(height, y + Math.round(DEVICE.viewport.height * 0.8));
        await page.evaluate((yy) => window.scrollTo(0, yy), y);
        await sleep(400);
      }
    }
    // A widget that is ready only after an interaction (a launcher) is waited for after it.
    let notReady = await waitReady(spec.interact ? [] : expected);
    await waitQuiet();
    let interacted;
    if (spec.interact) {
      interacted = await page.evaluate(`(${spec.interact.fn})(document.querySelector(${JSON.stringify(spec.interact.tag)}))`);
      notReady = await waitReady(expected);
      await waitQuiet();
    }
    let micro;
    if (spec.micro) {
      // The ratio does not depend on the CPU throttle, and the throttler's time slicing adds
      // noise to samples of a few tens of ms: the measured part runs unthrottled.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      micro = await page.evaluate(
        `(${MICRO})(document.querySelector(${JSON.stringify(spec.micro.tag)}), ${spec.micro.run}, ${JSON.stringify(spec.micro.opts ?? {})})`,
      );
    }
    // Let the last frames and their long-animation-frame entries land.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
    await sleep(500);

    // Measurements below are not timings: lift the CPU throttle so they cost less wall time.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const probe = await page.evaluate(() => {
      const B = window.__prmBench;
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const mark = performance.getEntriesByName('prm-script-tag')[0];
      let nodes = 0;
      const walk = (root) => {
        const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let n = w.currentNode; n; n = w.nextNode()) {
          nodes++;
          if (n.shadowRoot) walk(n.shadowRoot);
        }
      };
      walk(document);
      return {
        ...B,
        nodes,
        // Resources that held back the page's first paint (Resource Timing's renderBlockingStatus).
        renderBlocking: performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking').map((e) => e.name),
        scriptTag: mark?.startTime,
        load: nav?.loadEventEnd,
        dcl: nav?.domContentLoadedEventEnd,
        fcp: fcp?.startTime,
        timeOrigin: performance.timeOrigin,
      };
    });
    // Listeners: every listener on window and on every node of the document, shadow roots included.
    const countListeners = async (expression) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return listeners;
    };
    const docListeners = await countListeners('document');
    const winListeners = await countListeners('window');
    const listenersBy = {};
    for (const l of [...docListeners, ...winListeners]) listenersBy[l.type] = (listenersBy[l.type] ?? 0) + 1;
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters').catch(() => undefined);

    const toPage = (mono) => (monoToWall === undefined ? undefined : (mono + monoToWall) * 1000 - probe.timeOrigin);
    const net = [...requests.values()].map((r) => ({ ...r, startMs: toPage(r.start), endMs: r.end === undefined ? undefined : toPage(r.end) }));
    return {
      ok: true,
      wallMs: Date.now() - t0,
      expected,
      notReady,
      interacted,
      micro,
      consoleErrors,
      probe,
      listeners: docListeners.length + winListeners.length,
      listenersBy,
      heap: heap.usedSize,
      domCounters: counters,
      network: net.filter((r) => r.url.startsWith(sdkOrigin)).map((r) => ({ ...r, kind: classify(r.url, r.method, widgets), path: new URL(r.url).pathname })),
      hostRequests: net.filter((r) => !r.url.startsWith(sdkOrigin)).length,
    };
  } finally {
    await context.close().catch(() => {});
  }
}
