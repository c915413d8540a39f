import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './types.js';

const DIR = new URL('./migrations/', import.meta.url);

/** Applies server/db/migrations/*.sql in name order, each once, each in a transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const f of files) {
    if (done.has(f)) continue;
    const sql = await readFile(new URL(f, DIR), 'utf8');
    // exec() may not run multi-statement SQL inside transaction(); wrap it in the script itself.
    await db.exec(`BEGIN;\n${sql}\nINSERT INTO schema_migrations (name) VALUES ('${f.replace(/'/g, "''")}');\nCOMMIT;`);
    applied.push(f);
  }
  return applied;
}
