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

  it('locale chunks import only the runtime', () => {
    for (const f of chunks.filter((c) => c.startsWith('locale-'))) {
      for (const i of staticImports(`${dir}/chunks/${f}`)) assert.match(i, /^\.\/runtime-/, `${f} imports ${i}`);
    }
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
