import type { Hono } from 'hono';
import { createApp, type AppOptions } from './app.js';
import { openDb, type Db } from './db/index.js';
import { seedIfEmpty } from './seed/index.js';

/**
 * The reference server on an in-memory PGlite, migrated and seeded: what the browser tests mount at
 * /v1. Rate limits are generous (browser suites post a lot from one address); logs are off.
 */
export async function createMemoryServer(overrides: Partial<Omit<AppOptions, 'db'>> = {}): Promise<{ app: Hono; db: Db; close(): Promise<void> }> {
  const db = await openDb({ dataDir: 'memory' });
  await seedIfEmpty(db);
  const app = createApp({ db, logger: false, rateLimit: { max: 10_000, windowMs: 60_000 }, allowLocalhost: true, ...overrides });
  return {
    app,
    db,
    async close() {
      await app.chatHub.close();
      await db.close();
    },
  };
}
