// The CDN build's static import graph: the loader pulls in nothing, the runtime nothing but the
// loader's page-wide store, and no shared chunk ever depends on a widget's chunk.
import { describe, it } from 'node:test';
import { builtWidgets } from '../../widgets.config.mjs';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const dir = 'dist/cdn';
const chunks = readdirSync(`${dir}/chunks`).filter((f) => f.endsWith('.js'));
const staticImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w$,{}\s*]+from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);

describe('CDN chunk graph', () => {
  it('loader.js has no static import (it defines nothing eagerly)', () => {
    assert.deepEqual(staticImports(`${dir}/loader.js`), []);
  });

  it('there is exactly one runtime chunk and it imports only the loader', () => {
    const runtime = chunks.filter((f) => f.startsWith('runtime-'));
    assert.equal(runtime.length, 1);
    assert.deepEqual(staticImports(`${dir}/chunks/${runtime[0]}`), ['../loader.js']);
  });

  it('locale chunks import nothing (the shared runtime and every solo bundle load the same files)', () => {
    const locales = chunks.filter((c) => c.startsWith('locale-'));
    assert.ok(locales.length > 0);
    for (const f of locales) assert.deepEqual(staticImports(`${dir}/chunks/${f}`), [], f);
  });

  it('a facade widget (widgets.config.mjs `facade`) imports nothing but the loader: no runtime before an interaction', () => {
    const facades = builtWidgets().filter((w) => w.facade);
    assert.ok(facades.length > 0, 'no facade widget is built');
    for (const w of facades) {
      const own = chunks.filter((f) => f.startsWith(`${w.folder}-`));
      assert.equal(own.length, 1, `${w.folder}: one chunk`);
      assert.deepEqual(staticImports(`${dir}/chunks/${own[0]}`), ['../loader.js'], `${own[0]} imports more than the loader`);
    }
  });

  it('no chunk imports a chunk of another widget', () => {
    const widgets = builtWidgets().map((w) => w.folder);
    for (const f of chunks) {
      const own = widgets.find((w) => f.startsWith(`${w}-`) || f.startsWith(`${w}.`));
      for (const i of staticImports(`${dir}/chunks/${f}`)) {
        const other = widgets.find((w) => w !== own && (i.includes(`/${w}-`) || i.includes(`/${w}.`)));
        assert.equal(other, undefined, `${f} imports ${i}`);
      }
    }
  });
});

describe('solo bundles: runtime + one widget in one file, each heading a family of chunks built on it', () => {
  // A facade (the chat launcher) has no solo bundle: it needs no runtime before an interaction.
  const built = builtWidgets().filter((w) => !w.facade);
  const dynamicImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
  const families = built.map((w) => {
    const folder = `${dir}/solo/${w.folder}`;
    const files = readdirSync(folder).filter((f) => f.endsWith('.js'));
    return { w, folder, files, solo: files.filter((f) => /^solo-[\w-]+\.js$/.test(f)) };
  });

  it('every built widget has exactly one solo bundle, and it imports nothing statically (one request)', () => {
    for (const { w, folder, solo } of families) {
      assert.equal(solo.length, 1, `${folder}: one solo-*.js`);
      assert.deepEqual(staticImports(`${folder}/${solo[0]}`), [], `${w.tag}'s solo bundle`);
    }
  });

  it("a family's chunks import only from their own folder (never the shared runtime: one runtime per page)", () => {
    for (const { folder, files } of families) {
      for (const f of files) {
        for (const i of [...staticImports(`${folder}/${f}`), ...dynamicImports(`${folder}/${f}`)]) {
          if (i.startsWith('../../chunks/locale-')) {
            assert.ok(chunks.includes(i.slice('../../chunks/'.length)), `${folder}/${f} loads a locale chunk that does not exist: ${i}`);
            continue;
          }
          assert.match(i, /^\.\/[^/]+\.js$/, `${folder}/${f} imports ${i}`);
          assert.ok(files.includes(i.slice(2)), `${folder}/${f} imports a missing ${i}`);
        }
      }
    }
  });

  it("a family holds every built widget's chunk and lazy parts, so a tag added later loads on the same runtime", () => {
    for (const { w, folder, files, solo } of families) {
      const registry = dynamicImports(`${folder}/${solo[0]}`);
      for (const other of built) {
        if (other === w) continue;
        assert.ok(files.some((f) => f.startsWith(`${other.folder}-`)), `${folder} lacks <${other.tag}>`);
        assert.ok(registry.some((i) => i.startsWith(`./${other.folder}-`)), `the solo bundle of <${w.tag}> cannot load <${other.tag}>`);
      }
      for (const v of built) for (const p of v.lazy) assert.ok(files.some((f) => f.startsWith(`${v.folder}.${p.part}-`)), `${folder} lacks ${v.folder}.${p.part}`);
      // The same six locale files as the shared runtime.
      const locales = registry.filter((i) => i.includes('/locale-')).map((i) => i.split('/').at(-1)).sort();
      assert.deepEqual(locales, chunks.filter((c) => c.startsWith('locale-')).sort());
    }
  });

  it("loader.js names each widget's solo bundle (`s`: the hash of solo/<folder>/solo-<hash>.js)", () => {
    const src = readFileSync(`${dir}/loader.js`, 'utf8');
    const map = JSON.parse(/'(\{"w":[^']*\})'/.exec(src)?.[1] ?? '{}') as { s?: Record<string, string> };
    assert.deepEqual(Object.keys(map.s ?? {}).sort(), built.map((w) => w.folder).sort());
    for (const { w, solo } of families) assert.equal(`solo-${map.s?.[w.folder]}.js`, solo[0], w.tag);
  });
});

describe('what loading a widget builds: no schema the first screen does not need, and no zod at all', () => {
  // The modules bundled in a file, from its (hidden, unshipped) source map.
  const sources = (file: string) => (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources;
  // Request-only contract checks (contact, consent, attribution, patient text, UUIDs…).
  const REQUEST_ONLY = /src\/generated\/contract\/requests\.ts$/;
  const QUOTE = 'quote-calculator';

  it('no browser file bundles zod: the contract checks are generated data run by src/core/contract/check.ts', () => {
    const files = [
      ...chunks.filter((f) => f.endsWith('.js')).map((f) => `${dir}/chunks/${f}`),
      ...readdirSync(`${dir}/solo`).flatMap((w) => readdirSync(`${dir}/solo/${w}`).filter((f) => f.endsWith('.js')).map((f) => `${dir}/solo/${w}/${f}`)),
    ];
    assert.ok(files.length > 20);
    const withZod = files.filter((f) => sources(f).some((s) => /node_modules\/zod\//.test(s)));
    assert.deepEqual(withZod, []);
  });

  it("the shared runtime and the quote calculator's solo bundle hold none of the request-only checks (they come with the lead form)", () => {
    const files = [
      ...chunks.filter((f) => f.startsWith('runtime-')).map((f) => `${dir}/chunks/${f}`),
      ...readdirSync(`${dir}/solo/${QUOTE}`).filter((f) => /^solo-[\w-]+\.js$/.test(f)).map((f) => `${dir}/solo/${QUOTE}/${f}`),
    ];
    assert.equal(files.length, 2);
    for (const f of files) {
      const srcs = sources(f);
      assert.ok(srcs.some((s) => /src\/generated\/contract\/config\.ts$/.test(s)), `${f}: its map lists its modules`);
      assert.deepEqual(srcs.filter((s) => REQUEST_ONLY.test(s)), [], `${f} carries request-only checks`);
    }
  });

  it("the quote calculator's lead form still has them", () => {
    const lead = chunks.filter((f) => /^quote-calculator\.lead-view-/.test(f));
    assert.equal(lead.length, 1);
    const reach = new Set<string>();
    const walk = (f: string) => {
      if (reach.has(f)) return;
      reach.add(f);
      for (const i of staticImports(`${dir}/chunks/${f}`)) if (i.startsWith('./')) walk(i.slice(2));
    };
    walk(lead[0]!);
    assert.ok([...reach].some((f) => sources(`${dir}/chunks/${f}`).some((s) => REQUEST_ONLY.test(s))), [...reach].join(', '));
  });
});

describe("loader.js's preload map (what the loader starts beside a widget's chunk)", () => {
  const src = readFileSync(`${dir}/loader.js`, 'utf8');
  const raw = /'(\{"w":[^']*\})'/.exec(src)?.[1];
  const map = JSON.parse(raw ?? '{}') as { w?: Record<string, string[]>; l?: Record<string, string>; d?: string[] };
  const file = (name: string) => `${dir}/chunks/${name}.js`;

  it('was written by the build, and names only files that exist', () => {
    assert.ok(raw, 'the __PRM_PRELOAD_MAP__ placeholder was not replaced');
    for (const names of Object.values(map.w ?? {})) for (const n of names) assert.ok(chunks.includes(`${n}.js`), `${file(n)} is missing`);
    for (const n of Object.values(map.l ?? {})) assert.ok(chunks.includes(`${n}.js`), `${file(n)} is missing`);
  });

  it("lists, for every built widget, exactly the chunks its chunk imports (so they start together), and each locale's messages", () => {
    for (const w of builtWidgets()) {
      // Every chunk the widget's chunk imports, directly or not (never the loader itself).
      const seen = new Set<string>();
      const walk = (name: string) => {
        for (const i of staticImports(file(name))) {
          if (i === '../loader.js') continue;
          const n = i.replace(/^\.\//, '').replace(/\.js$/, '');
          if (!seen.has(n)) {
            seen.add(n);
            walk(n);
          }
        }
      };
      walk(chunks.find((f) => f.startsWith(`${w.folder}-`))!.slice(0, -3));
      assert.deepEqual([...(map.w?.[w.folder] ?? [])].sort(), [...seen].sort(), w.tag);
      assert.equal(map.d?.includes(w.folder), w.firstData.length > 0, `${w.tag}: asks for a bootstrap iff it declares first data`);
    }
    assert.deepEqual(Object.keys(map.l ?? {}).sort(), chunks.filter((c) => c.startsWith('locale-')).map((c) => c.split('-')[1]).sort());
  });
});
