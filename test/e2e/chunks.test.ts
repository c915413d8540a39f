// The CDN build's static import graph: the loader pulls in nothing, the runtime nothing but the
// loader's page-wide store, and no shared chunk ever depends on a widget's chunk.
import { describe, it } from 'node:test';
import { builtWidgets } from '../../widgets.config.mjs';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const dir = 'dist/cdn';
const chunks = readdirSync(`${dir}/chunks`).filter((f) => f.endsWith('.js'));
const staticImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w{},\s*]+from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);

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
