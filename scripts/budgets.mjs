// The size budgets of the CDN build, from widgets.config.mjs: one size-limit check per file of
// `dist/cdn` (named files with their own budget, any other file with the catch-all budget), plus
// the sum of the initial code of every built widget. `.size-limit.mjs` is this list, so a file
// nobody named (e.g. a chunk the bundler split out on its own) can never ship unbudgeted.
// Source maps are not budgeted: they are not shipped (package.json `files`).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED, builtWidgets } from '../widgets.config.mjs';

/** `*` matches within one path segment; `{a,b}` is not supported (not needed). */
function globRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

function listFiles(dir) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full).map((f) => `${name}/${f}`));
    else out.push(name);
  }
  return out;
}

function targetLocales(root) {
  return JSON.parse(readFileSync(new URL('lit-localize.json', root), 'utf8')).targetLocales;
}

/**
 * Every budget of the CDN build in `dist` (relative to the repo root `root`), each
 * `{ name, file (glob under dist), budget, kind }`, before matching files.
 */
export function namedBudgets(root = new URL('..', import.meta.url)) {
  const widgets = builtWidgets(root);
  const list = [
    { name: SHARED.loader.label, file: SHARED.loader.file, budget: SHARED.loader.budget, kind: 'loader' },
    { name: SHARED.runtime.label, file: SHARED.runtime.file, budget: SHARED.runtime.budget, kind: 'runtime' },
  ];
  for (const w of widgets) {
    list.push({ name: `<${w.tag}> (its own chunk)`, file: `chunks/${w.folder}-*.js`, budget: w.budget, kind: 'widget', widget: w.tag });
    for (const p of w.lazy) list.push({ name: `<${w.tag}> ${p.label} (lazy)`, file: `chunks/${w.folder}.${p.part}-*.js`, budget: p.budget, kind: 'lazy', widget: w.tag });
  }
  for (const s of SHARED.lazy) list.push({ name: `${s.label} (lazy, shared)`, file: s.file, budget: s.budget, kind: 'shared-lazy' });
  for (const l of targetLocales(root)) list.push({ name: SHARED.locale.label.replace('{locale}', l), file: SHARED.locale.file.replace('{locale}', l), budget: SHARED.locale.budget, kind: 'locale' });
  for (const o of SHARED.other) list.push({ name: o.label, file: o.file, budget: o.budget, kind: 'other' });
  return list;
}

/**
 * The size-limit checks for the build in `dist`: the named budgets, one catch-all check per file
 * no named budget matches, and the initial-code total. Paths are relative to the process's cwd
 * as size-limit resolves them against the config file's folder (the repo root).
 */
export function sizeChecks({ root = new URL('..', import.meta.url), dist = 'dist/cdn' } = {}) {
  const rootPath = decodeURIComponent(new URL('.', root).pathname);
  const distAbs = join(rootPath, dist);
  const rel = (f) => relative(rootPath, join(distAbs, f));
  const files = listFiles(distAbs).filter((f) => !f.endsWith('.map'));
  const named = namedBudgets(root);
  const checks = named.map((b) => ({ name: b.name, path: rel(b.file), gzip: true, limit: `${b.budget} B` }));
  const matched = new Set();
  for (const b of named) for (const f of files) if (globRegExp(b.file).test(f)) matched.add(f);
  for (const f of files) {
    if (matched.has(f)) continue;
    checks.push({ name: SHARED.catchAll.label.replace('{file}', f), path: rel(f), gzip: true, limit: `${SHARED.catchAll.budget} B` });
  }
  const initial = named.filter((b) => b.kind === 'loader' || b.kind === 'runtime' || b.kind === 'widget');
  const n = initial.filter((b) => b.kind === 'widget').length;
  checks.push({ name: `${SHARED.initialTotal.label}: ${n} widget(s)`, path: initial.map((b) => rel(b.file)), gzip: true, limit: `${SHARED.initialTotal.budget} B` });
  return checks;
}

/** Files of `dist` (no maps) and the per-file checks that match each one. */
export function coverage({ root = new URL('..', import.meta.url), dist = 'dist/cdn' } = {}) {
  const rootPath = decodeURIComponent(new URL('.', root).pathname);
  const files = listFiles(join(rootPath, dist)).filter((f) => !f.endsWith('.map'));
  const perFile = sizeChecks({ root, dist }).filter((c) => typeof c.path === 'string');
  return files.map((f) => {
    const p = relative(rootPath, join(rootPath, dist, f));
    return { file: f, checks: perFile.filter((c) => globRegExp(c.path).test(p)).map((c) => c.name) };
  });
}
