import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './types.js';

const DIR = new URL('./migrations/', import.meta.url);
/** Arbitrary constant: the advisory lock that serialises migrations of instances starting together. */
const LOCK = 72_431_001;

/** Applies server/db/migrations/*.sql in name order, each once, atomically. Returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.sql')).sort();
  const sources = await Promise.all(files.map(async (f) => [f, await readFile(new URL(f, DIR), 'utf8')] as const));
  const ledger = 'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())';

  if (db.driver === 'postgres') {
    // Several app servers may start at once: one transaction holding an advisory lock does it all.
    // (pg runs a parameterless query with the simple protocol, so a file may hold many statements.)
    return db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
      await tx.query(ledger);
      const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
      const applied: string[] = [];
      for (const [name, sql] of sources) {
        if (done.has(name)) continue;
        await tx.query(sql);
        await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
        applied.push(name);
      }
      return applied;
    });
  }

  // PGlite: one process owns the data folder; each file runs in its own transaction.
  await db.exec(ledger);
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  const applied: string[] = [];
  for (const [name, sql] of sources) {
    if (done.has(name)) continue;
    try {
      await db.exec(`BEGIN;\n${sql}\nINSERT INTO schema_migrations (name) VALUES ('${name.replace(/'/g, "''")}');\nCOMMIT;`);
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => {});
      throw err;
    }
    applied.push(name);
  }
  return applied;
}
