// The two loopback origins of the benchmark:
// - the host page origin (a clinic's site): serves the pages rendered from bench/pages/;
// - the SDK origin (our CDN + our API): serves the CDN build under /cdn/ gzip-compressed (gzip -9,
//   as the size budgets) with CORS, and /v1/ from the reference server (proxied unchanged), so the
//   SDK is a real third party to the page.
// Only 127.0.0.1. Every server started here is closed by `close()`, also on failure.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.json', '.map', '.html', '.css', '.svg']);

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/** Resolves `urlPath` under `root`, refusing anything outside it. */
function safeJoin(root, urlPath) {
  const p = normalize(join(root, decodeURIComponent(urlPath)));
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep) ? p : undefined;
}

/** Serves files under `root` with gzip -9 (precomputed once a file) and the given extra headers. */
function fileResponder(root, extraHeaders = {}, sent = new Map()) {
  const cache = new Map();
  return async (req, res, urlPath) => {
    const file = safeJoin(root, urlPath);
    if (!file) return void res.writeHead(403).end();
    let entry = cache.get(file);
    if (!entry) {
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const raw = await readFile(file);
        const ext = extname(file);
        entry = { raw, gz: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 9 }) : undefined, type: TYPES[ext] ?? 'application/octet-stream' };
        cache.set(file, entry);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain', ...extraHeaders }).end('not found');
        return;
      }
    }
    const gzip = entry.gz && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gz : entry.raw;
    sent.set(urlPath, body.length);
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...extraHeaders,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Proxies a request unchanged to `target` (http://127.0.0.1:port), optionally to another path. */
function proxy(req, res, target, url = req.url) {
  const up = http.request(target + url, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  up.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'bad_gateway', message: String(err.message) } }));
  });
  req.pipe(up);
}

async function waitForHttp(url, deadlineMs, child) {
  const end = Date.now() + deadlineMs;
  let last;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the reference server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.status < 500) return;
      last = `HTTP ${r.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the reference server did not answer ${url} within ${deadlineMs} ms (${last})`);
}

/**
 * Starts the reference server (`server/start.ts`) on a free loopback port with a throw-away data
 * directory, when it exists. Returns { target, stop, log } or undefined when there is no server.
 */
export async function startReferenceServer(repo, { clinic }) {
  const entry = join(repo, 'server', 'start.ts');
  if (!existsSync(entry)) return undefined;
  const probe = http.createServer();
  const port = await listen(probe);
  await closeServer(probe);
  const dataDir = mkdtempSync(join(tmpdir(), 'prm-bench-data-'));
  const tsx = createRequire(join(repo, 'package.json')).resolve('tsx');
  const log = [];
  const child = spawn(process.execPath, ['--import', pathToFileURL(tsx).href, entry], {
    cwd: repo,
    env: (() => {
      // PGlite in a throw-away folder (never the developer's .data/ or a DATABASE_URL); not
      // NODE_ENV=production, so the demo key grants CORS to loopback origins as in development.
      const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PRM_DATA_DIR: join(dataDir, '.data') };
      delete env.DATABASE_URL;
      if (env.NODE_ENV === 'production') delete env.NODE_ENV;
      return env;
    })(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever happens to the harness, the server does not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const keep = (d) => {
    log.push(String(d));
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const target = `http://127.0.0.1:${port}`;
  try {
    // Seeding takes ~20 s on a quiet machine and several times that on a busy one.
    await waitForHttp(`${target}/v1/config?clinic=${encodeURIComponent(clinic)}`, 180_000, child);
  } catch (err) {
    await stop();
    err.message += `\n${log.join('').slice(-2000)}`;
    throw err;
  }
  return { target, stop, log, pid: child.pid };
}

/**
 * Starts both origins. `apiTarget`: the reference server's base URL (or a function giving it).
 * `render(pathname, query)` returns the host page's HTML (or undefined → 404).
 * Returns { hostOrigin, sdkOrigin, close() }.
 */
export async function startOrigins({ cdnDir, render, apiTarget, fixtures = new Map() }) {
  // Body bytes the server sent for each /cdn/ path: the harness checks its network accounting
  // against them.
  const sent = new Map();
  const cdn = fileResponder(cdnDir, { 'Access-Control-Allow-Origin': '*', 'Timing-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }, sent);
  const sdk = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/cdn/')) {
      if (req.method === 'OPTIONS') return void res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
      return void cdn(req, res, path.slice('/cdn/'.length));
    }
    // /fixture/<micro id>/v1/…: a micro-benchmark page's API. Routes its spec gives fixed data for
    // (e.g. 1,000 stories) are answered here; every other request goes to the reference server.
    let url = req.url;
    const fx = /^\/fixture\/([^/]+)(\/v1\/.*)$/.exec(path);
    if (fx) {
      url = req.url.slice(`/fixture/${fx[1]}`.length);
      const routes = fixtures.get(decodeURIComponent(fx[1])) ?? {};
      const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', Vary: 'Origin' };
      if (req.method === 'OPTIONS' && routes[`${req.headers['access-control-request-method']} ${fx[2]}`]) {
        return void res
          .writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE', 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '', 'Access-Control-Max-Age': '600' })
          .end();
      }
      const route = routes[`${req.method} ${fx[2]}`];
      if (route) {
        const body = JSON.stringify(route(new URL(req.url, 'http://x')));
        return void res.writeHead(200, { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
      }
    }
    if (url.startsWith('/v1/') || url === '/v1') {
      const target = typeof apiTarget === 'function' ? apiTarget() : apiTarget;
      if (target) return proxy(req, res, target, url);
      res.writeHead(503, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'no_server', message: 'the reference server is not built yet' } }));
    }
    res.writeHead(404).end();
  });
  const host = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const html = render(url.pathname, url.searchParams);
    if (html === undefined) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const gz = gzipSync(html, { level: 6 });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': gz.length, 'Cache-Control': 'no-store' });
    res.end(gz);
  });
  const sdkPort = await listen(sdk);
  let hostPort;
  try {
    hostPort = await listen(host);
  } catch (err) {
    await closeServer(sdk);
    throw err;
  }
  return {
    sdkOrigin: `http://127.0.0.1:${sdkPort}`,
    hostOrigin: `http://127.0.0.1:${hostPort}`,
    sentBytes: (cdnPath) => sent.get(cdnPath),
    close: () => Promise.all([closeServer(sdk), closeServer(host)]),
  };
}
