#!/usr/bin/env node
// `npm test`: every check, in order — typecheck, lint, lit-localize build check, browser tests
// (real Chromium), server tests (PGlite and a real PostgreSQL), builds, size budgets, and the
// benchmark's smoke run. Finds or installs what a fresh machine lacks (Chromium, PostgreSQL).
// Runs every step even after a failure, then prints a summary and exits non-zero if any failed.
// A step whose files are missing is a failed step, never a skipped one: a deleted test directory
// must not turn `npm test` green.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureChrome } from './ensure-chrome.mjs';

const only = process.argv.slice(2);
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
const results = [];
let tests = { passed: 0, failed: 0 };

function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Adds the test counts a runner printed (web-test-runner, node:test, size-limit). */
function count(out) {
  const wtr = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) return { passed: +wtr[1], failed: +wtr[2] };
  const pass = out.match(/^(?:#|ℹ) pass (\d+)/m);
  const fail = out.match(/^(?:#|ℹ) fail (\d+)/m);
  if (pass) return { passed: +pass[1], failed: fail ? +fail[1] : 0 };
  return undefined;
}

/** Files a step needs; when one is missing the step fails (and says which) instead of running. */
function missing(name, files) {
  if (only.length && !only.includes(name)) return true;
  const absent = files.filter((f) => !existsSync(f));
  if (!absent.length) return false;
  console.error(`\n━━ ${name}: FAILED, missing ${absent.join(', ')}`);
  results.push({ name, ok: false, secs: '0.0', note: `missing ${absent.join(', ')}` });
  return true;
}

/** The `*.test.ts` files of a directory (none: the step fails). */
function testFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`) : [];
}

async function step(name, cmd, args, extraEnv) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const t0 = Date.now();
  const { code, out } = await run(cmd, args, extraEnv);
  const c = count(out);
  if (c) {
    tests.passed += c.passed;
    tests.failed += c.failed;
  }
  results.push({ name, ok: code === 0, secs: ((Date.now() - t0) / 1000).toFixed(1), counts: c });
}

const npx = (bin, ...args) => [process.execPath, [`node_modules/.bin/${bin}`, ...args]];
const node = (...args) => [process.execPath, args];

const chrome = ensureChrome();
env.CHROME_PATH = chrome;
console.log(`Chromium: ${chrome}`);

await step('typecheck', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json'));
await step('lint', ...npx('eslint', '.'));
await step('i18n', ...node('scripts/check-i18n.mjs'));
// The widget declaration against the repository and the size-budget machinery (no build needed).
const buildTests = testFiles('test/build');
if (!missing('widgets', ['widgets.config.mjs', 'scripts/widgets.mjs', ...(buildTests.length ? buildTests : ['test/build/*.test.ts'])])) {
  await step('widgets', ...node('--import', 'tsx', '--test', ...buildTests));
}
await step('browser', ...npx('wtr'));

if (!missing('server', ['scripts/ensure-postgres.mjs', 'test/server/run.mjs', 'server/app.ts', ...(testFiles('test/server').length ? [] : ['test/server/*.test.ts'])])) {
  let pg;
  const wanted = !only.length || only.includes('server');
  if (wanted) {
    try {
      const { ensurePostgres } = await import('./ensure-postgres.mjs');
      pg = await ensurePostgres();
      console.log(`PostgreSQL for the server tests: ${pg.url.replace(/:[^:@/]*@/, ':***@')}`);
    } catch (err) {
      console.error(`Could not start PostgreSQL: ${err.message}`);
      results.push({ name: 'postgres', ok: false, secs: '0' });
    }
  }
  await step('server', 'npm', ['run', '--silent', 'test:server'], pg ? { TEST_DATABASE_URL: pg.url } : {});
  await pg?.stop?.();
}

await step('build:cdn', ...npx('vite', 'build', '--logLevel', 'warn'));
await step('build:npm', ...npx('tsc', '-p', 'tsconfig.build.json'));
await step('manifest', ...node('node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs'));
const e2e = testFiles('test/e2e');
if (!missing('e2e', ['server/testing.ts', 'test/e2e/harness.ts', ...(e2e.length ? [] : ['test/e2e/*.test.ts'])])) {
  await step('e2e', ...node('--import', 'tsx', '--test', '--test-reporter=spec', ...e2e));
}
if (!missing('docs', ['scripts/docs.mjs'])) await step('docs', ...node('scripts/docs.mjs', '--check'));
if (!missing('size', ['.size-limit.mjs', 'scripts/budgets.mjs'])) {
  await step('size', ...npx('size-limit'));
  await step('budgets', ...node('scripts/budgets.mjs'));
}
if (!missing('bench', ['scripts/bench.mjs', 'bench/widgets.mjs'])) await step('bench', ...node('scripts/bench.mjs', '--quick'));

console.log('\n━━ summary');
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
  console.log(`${r.ok ? '✔' : '✘'} ${r.name.padEnd(10)} ${r.secs.padStart(6)} s${c}${r.note ? ` — ${r.note}` : ''}`);
}
const failedSteps = results.filter((r) => !r.ok).length;
// A failed step that counts no tests (a build, size-limit, a missing step) is one failure.
tests.failed += results.filter((r) => !r.ok && !r.counts?.failed).length;
console.log(`\n${tests.passed} passed, ${tests.failed} failed`);
process.exit(failedSteps ? 1 : 0);
