// The one widget declaration (widgets.config.mjs) against the repository: a widget folder nobody
// declared, a generated file nobody regenerated, a widget missing from the package root, the
// docs or `sideEffects`, or a CDN file without a budget fails `npm test`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WIDGETS, SHARED, builtWidgets } from '../../widgets.config.mjs';
import { generated } from '../../scripts/widgets.mjs';
import { sizeChecks, coverage } from '../../scripts/budgets.mjs';
import { WIDGETS as BENCH } from '../../bench/widgets.mjs';

const built = builtWidgets();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { sideEffects: string[]; exports: Record<string, unknown> };

describe('widgets.config.mjs: the one declaration of every widget', () => {
  it('declares five widgets with distinct tags, folders, classes and ready events', () => {
    assert.equal(WIDGETS.length, 5);
    for (const key of ['tag', 'folder', 'className', 'ready'] as const) {
      assert.equal(new Set(WIDGETS.map((w) => w[key])).size, WIDGETS.length, `duplicate ${key}`);
    }
    for (const w of WIDGETS) {
      assert.equal(w.tag, `prm-${w.folder}`, `${w.tag}: tag and folder disagree`);
      assert.ok(w.budget > 0 && w.budget <= 14 * 1024, `${w.tag}: budget ${w.budget}`);
      assert.match(w.example, new RegExp(`^<${w.tag}[ >]`), `${w.tag}: example markup`);
      // `{procedure}` in a path: the tag's `procedure` attribute (the bootstrap's one parameter besides the language).
      for (const p of w.firstData) assert.match(p, /^\/v1\/([a-z-]+|\{procedure\})(\/([a-z-]+|\{procedure\}))*(\?[a-z]+=(\{locale\}|[\w-]+)(&[a-z]+=(\{locale\}|[\w-]+))*)?$/, `${w.tag}: first data path ${p}`);
    }
  });

  it('every widget folder in src/widgets/ is declared (a forgotten declaration fails)', () => {
    const folders = readdirSync('src/widgets', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    assert.ok(folders.includes('quote-calculator'));
    for (const f of folders) assert.ok(WIDGETS.some((w) => w.folder === f), `src/widgets/${f}/ is not declared in widgets.config.mjs`);
  });

  it('a built widget has define.ts, its class file with the declared class and tag, and a docs page', () => {
    assert.ok(built.length >= 1);
    for (const w of built) {
      const file = `src/widgets/${w.folder}/${w.folder}.ts`;
      assert.ok(existsSync(file), `${file} is missing`);
      const src = readFileSync(file, 'utf8');
      assert.match(src, new RegExp(`export class ${w.className}\\b`), `${file} does not export class ${w.className}`);
      assert.match(src, new RegExp(`tagName = '${w.tag}'`), `${file}: tagName is not '${w.tag}'`);
      assert.ok(existsSync(`docs/widgets/${w.folder}.md`), `docs/widgets/${w.folder}.md is missing`);
    }
  });

  it('every generated file is current (registry, root exports, package exports, reserve CSS, docs index)', () => {
    const stale = generated().filter(([, current, wanted]) => current !== wanted).map(([path]) => path);
    assert.deepEqual(stale, [], `out of date with widgets.config.mjs, run npm run widgets: ${stale.join(', ')}`);
    // …and they name exactly the built widgets.
    const registry = readFileSync('src/widgets/registry.ts', 'utf8');
    const index = readFileSync('src/index.ts', 'utf8');
    const css = readFileSync('public/prm-reserve.css', 'utf8');
    for (const w of built) {
      assert.ok(registry.includes(`'${w.tag}': () => import('./${w.folder}/define.js')`), `registry lacks ${w.tag}`);
      assert.ok(index.includes(`export { ${w.className} }`), `src/index.ts does not export ${w.className}`);
      assert.ok(pkg.exports[`./${w.folder}`], `package.json exports lacks ./${w.folder}`);
      assert.ok(css.includes(w.tag), `prm-reserve.css lacks ${w.tag}`);
    }
    for (const w of WIDGETS.filter((x) => !built.includes(x))) {
      assert.ok(!registry.includes(`'${w.tag}'`), `registry names ${w.tag}, which is not built`);
      assert.ok(!pkg.exports[`./${w.folder}`], `package.json exports ./${w.folder}, which is not built`);
    }
  });

  it('package.json sideEffects covers every built widget’s define module, and nothing else of src/widgets', () => {
    const re = (glob: string) => new RegExp(`^${glob.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*/g, '.+').replace(/\*/g, '[^/]*')}$`);
    const covered = (file: string) => pkg.sideEffects.some((g) => re(g).test(file));
    for (const w of built) {
      assert.ok(covered(`./dist/npm/widgets/${w.folder}/define.js`), `sideEffects misses dist define.js of ${w.tag}`);
      assert.ok(covered(`./src/widgets/${w.folder}/define.ts`), `sideEffects misses src define.ts of ${w.tag}`);
      assert.ok(!covered(`./dist/npm/widgets/${w.folder}/${w.folder}.js`), `the class module of ${w.tag} must stay side-effect free`);
    }
    assert.ok(!covered('./dist/npm/index.js'), 'the root entry must stay side-effect free');
  });

  it('the benchmark knows every declared widget with its ready event and box', () => {
    assert.deepEqual(BENCH.map((b) => b.tag), WIDGETS.map((w) => w.tag));
    for (const w of WIDGETS) {
      const b = BENCH.find((x) => x.tag === w.tag)!;
      assert.equal(b.ready, w.ready);
      assert.equal(b.name, w.folder);
      if (w.box.floating) assert.equal(b.floating, true);
      else assert.equal(b.box, w.box.property);
    }
  });
});

describe('size budgets: every file of the CDN build has one', () => {
  /** A fake repository + CDN build under a temp dir, with the declared names and extra files. */
  function fakeBuild(extra: Record<string, Buffer | string>) {
    const root = mkdtempSync(join(tmpdir(), 'prm-budgets-'));
    writeFileSync(join(root, 'lit-localize.json'), readFileSync('lit-localize.json'));
    const locales = (JSON.parse(readFileSync('lit-localize.json', 'utf8')) as { targetLocales: string[] }).targetLocales;
    const files: Record<string, Buffer | string> = { 'loader.js': 'export{}', 'chunks/runtime-a1.js': 'export{}', 'prm-reserve.css': 'x{}', 'THIRD-PARTY-NOTICES.txt': 'MIT' };
    for (const l of locales) files[`chunks/locale-${l}-a1.js`] = 'export{}';
    for (const x of SHARED.lazy) files[x.file.replace('*', 'a1')] = 'export{}';
    const w = WIDGETS[0]!;
    mkdirSync(join(root, `src/widgets/${w.folder}`), { recursive: true });
    writeFileSync(join(root, `src/widgets/${w.folder}/define.ts`), '');
    files[`chunks/${w.folder}-a1.js`] = 'export{}';
    for (const p of w.lazy) files[`chunks/${w.folder}.${p.part}-a1.js`] = 'export{}';
    for (const l of SHARED.lazy) files[l.file.replace('*', 'a1')] = 'export{}';
    // The widget's solo bundle and its family (the copies of its lazy parts and the shared lazy chunks).
    const family = SHARED.solo.file.replace('{folder}', w.folder).replace(/[^/]*$/, '');
    files[SHARED.solo.file.replace('{folder}', w.folder).replace('*', 'a1')] = 'export{}';
    for (const p of w.lazy) files[`${family}${w.folder}.${p.part}-b1.js`] = 'export{}';
    for (const l of SHARED.lazy) files[l.file.replace(/^chunks\//, family).replace('*', 'b1')] = 'export{}';
    Object.assign(files, extra);
    for (const [f, body] of Object.entries(files)) {
      mkdirSync(join(root, 'dist/cdn', f, '..'), { recursive: true });
      writeFileSync(join(root, 'dist/cdn', f), body);
    }
    return { root, url: pathToFileURL(`${root}/`) };
  }

  function sizeLimit(root: string, url: URL) {
    writeFileSync(join(root, '.size-limit.mjs'), `import { sizeChecks } from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'scripts/budgets.mjs')).href)};\nexport default sizeChecks({ root: new URL(${JSON.stringify(url.href)}) });\n`);
    return spawnSync(process.execPath, ['node_modules/size-limit/bin.js', '--config', join(root, '.size-limit.mjs')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }

  it('a chunk nobody named gets the catch-all budget; over it, size-limit fails naming the file', () => {
    const small = fakeBuild({ 'chunks/auto-split-x1.js': 'export const a=1' });
    const big = fakeBuild({ 'chunks/auto-split-x1.js': randomBytes(SHARED.catchAll.budget + 512) });
    try {
      const checks = sizeChecks({ root: small.url });
      const catchAll = checks.filter((c) => c.name.includes('catch-all'));
      assert.deepEqual(catchAll.map((c) => c.path), ['dist/cdn/chunks/auto-split-x1.js']);
      assert.equal(catchAll[0]!.limit, `${SHARED.catchAll.budget} B`);
      const ok = sizeLimit(small.root, small.url);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      const over = sizeLimit(big.root, big.url);
      assert.notEqual(over.status, 0, 'an unnamed chunk over the catch-all budget must fail');
      assert.match(over.stdout + over.stderr, /auto-split-x1\.js/);
    } finally {
      rmSync(small.root, { recursive: true, force: true });
      rmSync(big.root, { recursive: true, force: true });
    }
  });

  it('a declared chunk that the build did not make fails (a budget never silently checks nothing)', () => {
    const b = fakeBuild({});
    try {
      rmSync(join(b.root, 'dist/cdn/chunks/runtime-a1.js'));
      const r = sizeLimit(b.root, b.url);
      assert.notEqual(r.status, 0);
      assert.match(r.stdout + r.stderr, /runtime-\*\.js/);
    } finally {
      rmSync(b.root, { recursive: true, force: true });
    }
  });

  it('each file of a build is matched by exactly one per-file budget; the initial total sums loader, runtime and widget chunks only', () => {
    const b = fakeBuild({ 'chunks/auto-split-x1.js': 'export{}' });
    try {
      for (const { file, checks } of coverage({ root: b.url })) assert.equal(checks.length, 1, `${file}: ${checks.join(' / ') || 'no budget'}`);
      const total = sizeChecks({ root: b.url }).at(-1)!;
      assert.match(total.name, /initial code/);
      assert.deepEqual(total.path, ['dist/cdn/loader.js', 'dist/cdn/chunks/runtime-*.js', `dist/cdn/chunks/${WIDGETS[0]!.folder}-*.js`]);
      assert.equal(total.limit, `${SHARED.initialTotal.budget} B`);
    } finally {
      rmSync(b.root, { recursive: true, force: true });
    }
  });

  it('the initial total also counts a chunk a widget chunk imports statically, but not one it imports on demand', () => {
    const w = WIDGETS[0]!;
    const b = fakeBuild({
      [`chunks/${w.folder}-a1.js`]: `import{a}from"./runtime-a1.js";import{b}from"./shared-b2.js";const l=()=>import("./lazy-c3.js");export{a,b,l}`,
      'chunks/shared-b2.js': 'import"./deep-d4.js";export const b=1',
      'chunks/deep-d4.js': 'export{}',
      'chunks/lazy-c3.js': 'export{}',
    });
    try {
      const total = sizeChecks({ root: b.url }).at(-1)!;
      assert.deepEqual([...total.path].sort(), ['dist/cdn/chunks/deep-d4.js', 'dist/cdn/chunks/runtime-*.js', 'dist/cdn/chunks/shared-b2.js', `dist/cdn/chunks/${w.folder}-*.js`, 'dist/cdn/loader.js'].sort());
    } finally {
      rmSync(b.root, { recursive: true, force: true });
    }
  });
});
