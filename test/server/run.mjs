#!/usr/bin/env node
// `npm run test:server`: every test/server/*.test.ts with Node's test runner (via tsx), against
// PGlite and PostgreSQL. PostgreSQL comes from TEST_DATABASE_URL or scripts/ensure-postgres.mjs;
// `--pglite-only` skips it. Without PostgreSQL the run fails when CI is set (both drivers are
// required there) and otherwise warns and goes on with PGlite alone. Extra args go to node --test.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from '../../scripts/ensure-postgres.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const pgliteOnly = args.includes('--pglite-only');
const passThrough = args.filter((a) => a !== '--pglite-only');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `test/server/${f}`);

let pg = null;
if (!pgliteOnly) {
  pg = await ensurePostgres();
  if (!pg) {
    if (process.env.CI) {
      console.error('test:server: PostgreSQL is required in CI (set TEST_DATABASE_URL or install postgresql)');
      process.exit(1);
    }
    console.error('test:server: no PostgreSQL available — running against PGlite only');
  }
}
const env = { ...process.env };
if (pg) env.TEST_DATABASE_URL = pg.url;
console.error(`test:server: ${files.length} files against ${pg ? 'PGlite + PostgreSQL' : 'PGlite'}`);

const t0 = Date.now();
// A hung test (e.g. an SSE stream nobody closes) fails after 3 minutes instead of blocking CI.
const timeout = passThrough.some((a) => a.startsWith('--test-timeout')) ? [] : ['--test-timeout=180000'];
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...timeout, ...passThrough, ...files], { stdio: 'inherit', env });
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
await pg?.stop();
console.error(`test:server: finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
