import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';
import type { Db } from './types.js';

export type { Db, Queryable, QueryResult } from './types.js';
export { migrate, openPglite, openPostgres };

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (default `.data/`); `memory` for an in-memory database. */
  dataDir?: string | undefined;
  postgres?: PostgresOptions;
}

/** Opens the configured driver and applies pending migrations. */
export async function openDb(opts: OpenOptions = {}): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    db = await openPostgres(opts.databaseUrl, opts.postgres);
  } else if (opts.dataDir === 'memory') {
    db = await openPglite();
  } else {
    const dir = opts.dataDir ?? '.data';
    await mkdir(dir, { recursive: true });
    db = await openPglite(dir);
  }
  await migrate(db);
  return db;
}
