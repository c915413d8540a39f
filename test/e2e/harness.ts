// End-to-end harness: the demo server (CDN build + reference server, server/site.ts) on one loopback
// origin, host pages on another, so the SDK is a real third party (CORS, its own origin), driven by playwright-core
// in Debian's Chromium.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_FLAGS } from '../../scripts/chrome-flags.mjs';
import { builtWidgets } from '../../widgets.config.mjs';


const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export interface Page {
  html: string;
  headers?: Record<string, string>;
}

export interface Harness {
  cdn: string;
  host: string;
  /** Requests the CDN/API origin answered, in order (path + search). */
  requests: string[];
  pages: Map<string, Page>;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync('dist/cdn/loader.js')) throw new Error('run the CDN build first (npx vite build)');
  const { createMemoryServer } = await import('../../server/testing.js');
  const { getRequestListener } = await import('@hono/node-server');
  const ref = await createMemoryServer();
  // The CDN origin is the demo server itself (server/site.ts: /cdn/ and /v1/), not a stand-in:
  // the headers a page of another origin needs (CORS on module scripts) are tested where they are set.
  const { createSite } = await import('../../server/site.js');
  const site = getRequestListener(createSite(ref.app, { demo: true }).fetch);
  const requests: string[] = [];
  const cdnServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    void site(req, res);
  });
  const pages = new Map<string, Page>();
  const hostServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // The clinic's own stylesheet, on the host's origin, holding the README's reserve rules.
    if (url.pathname === '/site.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
      res.end(await readFile('dist/cdn/prm-reserve.css'));
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(200, { 'Content-Type': TYPES['.html']!, ...page.headers });
      res.end(page.html);
      return;
    }
    // Host-page assets (e.g. the host app's own Lit bundle) live under /host/.
    if (url.pathname.startsWith('/host/nm/')) {
      const file = normalize(join('node_modules', url.pathname.slice(9)));
      if (file.startsWith('node_modules') && existsSync(file)) {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'text/plain' });
        res.end(await readFile(file));
        return;
      }
    }
    if (url.pathname.startsWith('/host/')) {
      const file = normalize(join('test/e2e/host', url.pathname.slice(6)));
      if (file.startsWith(normalize('test/e2e/host')) && existsSync(file)) {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'text/plain' });
        res.end(await readFile(file));
        return;
      }
    }
    res.writeHead(404).end();
  });
  const [cdn, host] = await Promise.all([listen(cdnServer), listen(hostServer)]);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_FLAGS });
  return {
    cdn,
    host,
    requests,
    pages,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => cdnServer.close(r));
      await new Promise((r) => hostServer.close(r));
      await ref.close();
    },
  };
}

/**
 * The snippet from the README, pointed at the harness's CDN origin; the reserve rules sit in the
 * page's own stylesheet (`/site.css` on the host's origin), as the README has the clinic paste them.
 */
export function snippet(cdn: string, extra = ''): string {
  // (The data: icon only keeps the test pages from asking the host for /favicon.ico.)
  return `<link rel="icon" href="data:," />
<link rel="stylesheet" href="/site.css" />
<script type="module" src="${cdn}/cdn/loader.js" data-api="${cdn}" data-clinic="pk_demo_aurora" data-locale="auto"${extra}></script>`;
}

/** Tags the loader knows: the built widgets of widgets.config.mjs (the registry is generated from it). */
export async function registeredTags(): Promise<string[]> {
  return builtWidgets().map((w) => w.tag);
}
