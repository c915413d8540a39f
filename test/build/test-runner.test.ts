// `npm test` (scripts/test.mjs) fails when a step's files are missing, instead of dropping the
// step: run it in a copy of the repository's scripts without the e2e tests, the server or the
// benchmark, and it must exit non-zero naming what is missing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('scripts/test.mjs', () => {
  for (const [stepName, absent] of [
    ['e2e', /missing .*(server\/testing\.ts|test\/e2e)/],
    ['server', /missing .*(server\/app\.ts|test\/server)/],
    ['bench', /missing .*scripts\/bench\.mjs/],
  ] as const) {
    it(`fails the ${stepName} step when its files are missing`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'prm-test-runner-'));
      try {
        mkdirSync(join(dir, 'scripts'));
        for (const f of ['test.mjs', 'ensure-chrome.mjs']) copyFileSync(join('scripts', f), join(dir, 'scripts', f));
        const r = spawnSync(process.execPath, ['scripts/test.mjs', stepName], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } });
        assert.equal(r.status, 1, r.stdout + r.stderr);
        assert.match(r.stdout + r.stderr, absent);
        assert.match(r.stdout, new RegExp(`✘ ${stepName}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
