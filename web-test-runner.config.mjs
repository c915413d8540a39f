// Browser tests in real headless Chromium. Widget tests talk to the real reference server,
// mounted here at /v1 with PGlite in memory; /v1/__test/* are a few controllable endpoints for
// the API client's retry/timeout tests; pages under /test/csp/ are served with a strict CSP.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_FLAGS } from './scripts/chrome-flags.mjs';
import { WIDGETS, hasCode } from './widgets.config.mjs';


// Test files run in parallel pages; without these a page in the background gets no animation
// frames and throttled timers, and tests waiting for a frame hang.
const TEST_ONLY_FLAGS = ['--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

// The reference server, started once, lazily (it seeds an in-memory PGlite).
let serverPromise;
async function referenceServer() {
  if (!serverPromise) {
    serverPromise = (async () => {
      if (!existsSync(new URL('./server/testing.ts', import.meta.url))) return undefined;
      const { tsImport } = await import('tsx/esm/api');
      const { createMemoryServer } = await tsImport('./server/testing.ts', import.meta.url);
      const { getRequestListener } = await import('@hono/node-server');
      const server = await createMemoryServer();
      // A second clinic with 1,000 stories: the story carousel's windowing and paging at scale.
      const { seedManyStories } = await tsImport('./server/seed/stories-bulk.ts', import.meta.url);
      await seedManyStories(server.db);
      return { server, listener: getRequestListener(server.app.fetch) };
    })();
  }
  return serverPromise;
}

// Seed before the first test, so no test's first request races the seeding (ky would time out).
const t0 = Date.now();
if (await referenceServer()) console.log(`Reference server (PGlite in memory) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// Controllable endpoints for the API client tests (not a stand-in for the backend).
const counters = new Map();
async function testRoute(ctx) {
  const q = Object.fromEntries(new URL(ctx.url, 'http://x').searchParams);
  const name = ctx.path.slice('/v1/__test/'.length);
  // /v1/__test/csp/<folder>: every built widget (widgets.config.mjs) through its journey under the
  // strict CSP + Trusted Types; test/widgets/<folder>/csp-page.ts drives it and reports back.
  const csp = /^csp\/([a-z-]+)$/.exec(name);
  const widget = csp && WIDGETS.find((w) => w.folder === csp[1] && hasCode(w));
  if (widget) {
    const attrs = widget.testAttributes ?? /^<[a-z-]+\s*([^>]*)>/.exec(widget.example)?.[1] ?? '';
    ctx.status = 200;
    ctx.set('Content-Type', 'text/html; charset=utf-8');
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.body =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${widget.tag}, strict CSP</title>` +
      `<script type="module" src="/test/widgets/${widget.folder}/csp-page.ts"></script></head>` +
      `<body><${widget.tag} ${attrs}></${widget.tag}></body></html>`;
    return;
  }
  const n = (counters.get(q.id) ?? 0) + 1;
  const json = (status, body, headers = {}) => {
    ctx.status = status;
    ctx.set('Content-Type', 'application/json');
    for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
    ctx.body = JSON.stringify(body);
  };
  switch (name) {
    case 'flaky': {
      counters.set(q.id, n);
      if (n <= Number(q.fail ?? 0)) {
        return json(Number(q.status ?? 503), { error: { code: q.code ?? 'unavailable', message: 'try later' } }, q.retryAfter ? { 'Retry-After': q.retryAfter } : {});
      }
      return json(200, { ok: true, n, idempotencyKey: ctx.get('Idempotency-Key') || null, clinic: q.clinic || null });
    }
    case 'echo':
      return json(200, { query: q, headers: Object.keys(ctx.headers) });
    case 'count':
      return json(200, { n: counters.get(q.id) ?? 0 });
    case 'slow':
      await new Promise((r) => setTimeout(r, Number(q.ms ?? 1000)));
      return json(200, { ok: true, n: 1, idempotencyKey: null, clinic: null });
    case 'garbage':
      return json(200, { ok: 'yes', n: 'many' });
    case 'notjson':
      ctx.status = 200;
      ctx.set('Content-Type', 'text/html');
      ctx.body = '<html>oops</html>';
      return;
    case 'fields':
      return json(400, { error: { code: 'validation_failed', message: 'Invalid body', fields: { email: 'Enter a valid email' } } });
    default:
      return json(404, { error: { code: 'not_found', message: 'no such test route' } });
  }
}

export default {
  files: ['test/core/**/*.test.ts', 'test/widgets/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // One page at a time: keyboard journeys need the focused page, and a background page gets no
  // animation frames (open-wc fixtures wait for one).
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    // `executeServerCommand('emulate-timezone', { timeZone })`: the page's time zone, as a patient
    // abroad has it (CDP Emulation.setTimezoneOverride through the launcher's puppeteer page).
    {
      name: 'emulate-timezone',
      async executeCommand({ command, payload, session }) {
        if (command !== 'emulate-timezone') return undefined;
        await session.browser.getPage(session.id).emulateTimezone(payload?.timeZone || undefined);
        return true;
      },
    },
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: 'tsconfig.json',
    }),
  ],
  middleware: [
    async function api(ctx, next) {
      if (ctx.path.startsWith('/v1/__test/')) return testRoute(ctx);
      if (ctx.path.startsWith('/v1/')) {
        const ref = await referenceServer();
        if (!ref) {
          ctx.status = 503;
          ctx.body = 'reference server not built yet';
          return;
        }
        ctx.respond = false;
        await ref.listener(ctx.req, ctx.res);
        return;
      }
      await next();
      if (ctx.path.startsWith('/test/csp/')) ctx.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [...CHROME_FLAGS, ...TEST_ONLY_FLAGS],
      },
    }),
  ],
};
