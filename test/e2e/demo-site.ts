// The demo clinic site exactly as `npm start` serves it (server/site.ts with `demo`: demo/ at /,
// the CDN build at /cdn/, the API at /v1 on an in-memory database), and a Chromium to open it.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_FLAGS } from '../../scripts/chrome-flags.mjs';
import { createMemoryServer } from '../../server/testing.js';
import { createSite } from '../../server/site.js';

export interface DemoSite {
  /** The demo's origin, e.g. http://localhost:41234 */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemoSite(): Promise<DemoSite> {
  if (!existsSync('dist/cdn/loader.js')) throw new Error('run the CDN build first (npx vite build)');
  const ref = await createMemoryServer();
  const server = serve({ fetch: createSite(ref.app, { demo: true }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_FLAGS });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
      await ref.close();
    },
  };
}
