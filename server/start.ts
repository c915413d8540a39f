/**
 * CLI: `node --import tsx server/start.ts [--demo]`.
 * - PORT (default 8787), HOST (default 0.0.0.0)
 * - DATABASE_URL: PostgreSQL; otherwise PGlite in PRM_DATA_DIR (default `.data/`), created,
 *   migrated and seeded on first start.
 * - TRUST_PROXY=1 behind a load balancer that sets X-Forwarded-For/-Proto/-Host.
 * - COUNTRY_HEADER=cf-ipcountry (or your CDN's) to show staff the chat visitor's country.
 * - --demo also serves demo/ at / and dist/cdn/ at /cdn/ on the same port.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openDb } from './db/index.js';
import { createSite } from './site.js';
import { DEMO_PUBLIC_KEY, DEMO_STAFF_TOKEN, SECOND_PUBLIC_KEY, SECOND_STAFF_TOKEN, seedIfEmpty } from './seed/index.js';

const args = new Set(process.argv.slice(2));
const demo = args.has('--demo');
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '0.0.0.0';
const databaseUrl = process.env.DATABASE_URL;

const db = await openDb({ databaseUrl, dataDir: process.env.PRM_DATA_DIR ?? '.data' });
if (await seedIfEmpty(db)) {
  console.log(`Seeded the demo clinics. Public keys: ${DEMO_PUBLIC_KEY}, ${SECOND_PUBLIC_KEY}.`);
  console.log(`Demo staff tokens (development only, change them before going live): ${DEMO_STAFF_TOKEN}, ${SECOND_STAFF_TOKEN}`);
}

const api = createApp({ db, trustProxy: process.env.TRUST_PROXY === '1', ...(process.env.COUNTRY_HEADER ? { countryHeader: process.env.COUNTRY_HEADER } : {}) });
const root = createSite(api, { demo });

const server = serve({ fetch: root.fetch, port, hostname: host }, (info) => {
  const url = `http://localhost:${info.port}`;
  console.log(`prm-widgets reference server (${databaseUrl ? 'PostgreSQL' : 'PGlite'}) listening on ${url}${demo ? ` — demo at ${url}/` : ''}  (API ${url}/v1)`);
});

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  server.close();
  await api.chatHub.close().catch(() => {});
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
