// The size budgets of the CDN build, from widgets.config.mjs: one size-limit check per file of
// `dist/cdn` (named files with their own budget, any other file with the catch-all budget), plus
// the sum of the initial code of every built widget. `.size-limit.mjs` is this list, so a file
// nobody named (e.g. a chunk the bundler split out on its own) can never ship unbudgeted.
// Source maps are not budgeted: they are not shipped (package.json `files`).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SHARED, WIDGETS, builtWidgets } from '../widgets.config.mjs';

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

/** The static `import … from './x.js'` specifiers of a minified ES module. */
function staticImports(file) {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w$,{}\s*]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]);
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
  // Solo bundles (vite.config.ts `prm:solo-bundles`): for a page with one widget type, the runtime
  // and that widget's chunk in one file, so its budget is theirs together; beside it, its family:
  // a copy of every other widget chunk, lazy part and shared lazy chunk, importing the runtime
  // from the solo bundle, each with the budget of the file it copies — a widget chunk's copy 1 KiB
  // more: the solo bundle holds only the src/core modules its own widget uses, so a copy carries
  // those it needs beyond them (the carousel's paged controller in the quote calculator's family),
  // which the shared build puts in the runtime chunk.
  const copied = list.filter((b) => b.kind === 'widget' || b.kind === 'lazy' || b.kind === 'shared-lazy');
  // (A facade, which needs no runtime before an interaction, has no solo bundle: widgets.config.mjs.)
  for (const w of widgets.filter((x) => !x.facade)) {
    list.push({ name: SHARED.solo.label.replace('{tag}', w.tag), file: SHARED.solo.file.replace('{folder}', w.folder), budget: SHARED.runtime.budget + w.budget, kind: 'solo', widget: w.tag });
    for (const b of copied) {
      if (b.kind === 'widget' && b.widget === w.tag) continue;
      list.push({ name: `${b.name}, in the family of <${w.tag}>'s solo bundle`, file: b.file.replace(/^chunks\//, `${SHARED.solo.file.replace('{folder}', w.folder).replace(/[^/]*$/, '')}`), budget: b.kind === 'widget' ? b.budget + 1024 : b.budget, kind: `family-${b.kind}`, widget: b.widget });
    }
  }
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
  // Plus every chunk a widget chunk imports statically (a chunk the bundler split out of two
  // widgets' own code is initial code too), found in the build itself.
  const initialFiles = new Set(files.filter((f) => initial.some((b) => globRegExp(b.file).test(f))));
  const queue = files.filter((f) => initial.some((b) => b.kind === 'widget' && globRegExp(b.file).test(f)));
  while (queue.length) {
    const f = queue.pop();
    for (const dep of staticImports(join(distAbs, f))) {
      const target = relative(distAbs, join(distAbs, f, '..', dep));
      if (files.includes(target) && !initialFiles.has(target)) {
        initialFiles.add(target);
        queue.push(target);
      }
    }
  }
  const extra = [...initialFiles].filter((f) => !initial.some((b) => globRegExp(b.file).test(f))).map(rel);
  checks.push({ name: `${SHARED.initialTotal.label}: ${n} widget(s)`, path: [...initial.map((b) => rel(b.file)), ...extra], gzip: true, limit: `${SHARED.initialTotal.budget} B` });
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

/** gzip -9 bytes of each check's files (summed for a list), as size-limit measures them. */
export function measure({ root = new URL('..', import.meta.url), dist = 'dist/cdn' } = {}) {
  const rootPath = decodeURIComponent(new URL('.', root).pathname);
  const all = listFiles(join(rootPath, dist)).map((f) => relative(rootPath, join(rootPath, dist, f)));
  return sizeChecks({ root, dist }).map((c) => {
    const globs = (Array.isArray(c.path) ? c.path : [c.path]).map(globRegExp);
    const files = all.filter((f) => globs.some((g) => g.test(f)));
    const size = files.reduce((s, f) => s + gzipSync(readFileSync(join(rootPath, f)), { level: 9 }).length, 0);
    return { name: c.name, files: files.length, size, limit: parseInt(c.limit, 10) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node scripts/budgets.mjs`: the budgets as a table (npm test prints it after size-limit).
  const rows = measure();
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'budget (gzip -9)'.padEnd(w)}  ${'now'.padStart(9)}  ${'limit'.padStart(9)}  left`);
  for (const r of rows) {
    const mark = !r.files ? '  MISSING' : r.size > r.limit ? '  OVER' : '';
    console.log(`${r.name.padEnd(w)}  ${kb(r.size).padStart(9)}  ${kb(r.limit).padStart(9)}  ${String(r.limit - r.size).padStart(6)} B${mark}`);
  }
  const notYet = WIDGETS.filter((x) => !builtWidgets().includes(x));
  for (const x of notYet) console.log(`<${x.tag}>: not built yet (budget ${kb(x.budget)}${x.lazy.map((p) => ` + ${p.part} ${kb(p.budget)}`).join('')})`);
  if (rows.some((r) => !r.files || r.size > r.limit)) process.exit(1);
}
