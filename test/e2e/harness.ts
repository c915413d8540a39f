// End-to-end harness: the CDN build and the reference server on one loopback origin, host pages
// on another, so the SDK is a real third party (CORS, its own origin), driven by playwright-core
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
  const api = getRequestListener(ref.app.fetch);
  const requests: string[] = [];
  const cdnServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    if (url.pathname.startsWith('/v1/')) return api(req, res);
    if (url.pathname.startsWith('/cdn/')) {
      const file = normalize(join('dist/cdn', url.pathname.slice(5)));
      if (!file.startsWith(normalize('dist/cdn')) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
      res.end(await readFile(file));
      return;
    }
    res.writeHead(404).end();
  });
  const pages = new Map<string, Page>();
  const hostServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
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

/** The snippet from the README, pointed at the harness's CDN origin. */
export function snippet(cdn: string, extra = ''): string {
  // (The data: icon only keeps the test pages from asking the host for /favicon.ico.)
  return `<link rel="icon" href="data:," />
<link rel="stylesheet" href="${cdn}/cdn/prm-reserve.css" />
<script type="module" src="${cdn}/cdn/loader.js" data-api="${cdn}" data-clinic="pk_demo_aurora" data-locale="auto"${extra}></script>`;
}

/** Tags the loader knows: the built widgets of widgets.config.mjs (the registry is generated from it). */
export async function registeredTags(): Promise<string[]> {
  return builtWidgets().map((w) => w.tag);
}
