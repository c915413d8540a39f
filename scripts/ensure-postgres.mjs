#!/usr/bin/env node
// A throwaway PostgreSQL for the server tests.
//
//   import { ensurePostgres } from './ensure-postgres.mjs';
//   const pg = await ensurePostgres();        // { url, stop(), external } or null when unavailable
//   env.TEST_DATABASE_URL = pg.url; ...; await pg.stop();
//
// TEST_DATABASE_URL set → used as is (stop() is a no-op). Otherwise PostgreSQL binaries are looked
// up in /usr/lib/postgresql/*/bin (or PATH); when missing and running as root on Debian/Ubuntu,
// `apt-get install -y postgresql` is run (and said). A cluster is initdb'ed in a temp dir, started
// on a free 127.0.0.1 port with its socket in that dir (as the `postgres` user when we are root:
// postgres refuses to run as root), and a database `prm_test` is created.
// Run directly (`node scripts/ensure-postgres.mjs`) it starts one, prints the URL and waits for Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const log = (m) => console.error(`[ensure-postgres] ${m}`);

function findBin() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const p = which.stdout.trim();
  return p ? p.replace(/\/initdb$/, '') : null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function tryInstall() {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  log('PostgreSQL is not installed: running apt-get update && apt-get install -y postgresql (Debian/Ubuntu, as root)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const a = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (a.status !== 0) return false;
  const b = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  return b.status === 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function userId(name) {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()),
    };
  } catch {
    return null;
  }
}

/** Starts (or reuses) a PostgreSQL; resolves to { url, stop, external } or null when none can be had. */
export async function ensurePostgres({ install = true } = {}) {
  if (process.env.TEST_DATABASE_URL) {
    return { url: process.env.TEST_DATABASE_URL, external: true, async stop() {} };
  }
  let bin = findBin();
  if (!bin && install && tryInstall()) bin = findBin();
  if (!bin) {
    log('no PostgreSQL binaries found (install Debian\'s "postgresql" or set TEST_DATABASE_URL)');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'prm-pg-'));
  const data = join(dir, 'data');
  // postgres will not run as root: hand the temp dir to the postgres system user.
  let asUser = [];
  if (isRoot()) {
    const pgUser = userId('postgres');
    if (!pgUser) {
      log('running as root but there is no "postgres" user to run the server as');
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
    chownSync(dir, pgUser.uid, pgUser.gid);
    chmodSync(dir, 0o700);
    asUser = existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser') ? ['runuser', '-u', 'postgres', '--'] : null;
    if (!asUser) asUser = ['su', 'postgres', '-s', '/bin/sh', '-c'];
  }
  const run = (cmd, args, opts = {}) => {
    if (asUser[0] === 'su') return spawnSync(asUser[0], [...asUser.slice(1), [cmd, ...args].map((a) => `'${a}'`).join(' ')], { encoding: 'utf8', ...opts });
    return spawnSync(asUser.length ? asUser[0] : cmd, asUser.length ? [...asUser.slice(1), cmd, ...args] : args, { encoding: 'utf8', ...opts });
  };
  // Collation C (byte order, as before), but a UTF-8 character classification when the system has
  // one: with LC_CTYPE=C, pg_trgm sees no letters in Arabic or Cyrillic words (chat FAQ search).
  const initArgs = ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '-N'];
  let init = run(join(bin, 'initdb'), [...initArgs, '--lc-ctype=C.UTF-8']);
  if (init.status !== 0) {
    rmSync(data, { recursive: true, force: true });
    init = run(join(bin, 'initdb'), initArgs);
  }
  if (init.status !== 0) {
    log(`initdb failed: ${init.stderr || init.stdout}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const port = await freePort();
  const start = run(join(bin, 'pg_ctl'), [
    '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  if (start.status !== 0) {
    log(`pg_ctl start failed: ${start.stderr || start.stdout}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const created = run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'prm_test']);
  if (created.status !== 0) log(`createdb: ${created.stderr}`);
  const url = `postgres://postgres@127.0.0.1:${port}/prm_test`;
  log(`PostgreSQL (${bin.split('/').at(-2) ?? 'system'}) running at ${url}`);
  let stopped = false;
  return {
    url,
    external: false,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pg = await ensurePostgres();
  if (!pg) process.exit(1);
  console.log(pg.url);
  if (!pg.external) {
    const stop = async () => {
      await pg.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => {}, 1 << 30);
  }
}
