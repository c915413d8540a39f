// The npm package as a consumer sees it: every `exports` target and the manifest exist after
// `npm run build`, and every registered widget has its own subpath.
import { describe, it } from 'node:test';
import { builtWidgets } from '../../widgets.config.mjs';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>>; customElements: string };

describe('npm package', () => {
  it('every exports target exists (no subpath points at a file the build does not make)', () => {
    for (const [sub, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(existsSync(file), `exports["${sub}"] → ${file} is missing`);
      }
    }
    assert.ok(existsSync(pkg.customElements), 'custom-elements.json is missing');
  });

  it('every registered widget has a subpath export', () => {
    const widgets = builtWidgets().map((w) => w.folder);
    assert.ok(widgets.length > 0);
    for (const w of widgets) assert.ok(pkg.exports[`./${w}`], `no exports["./${w}"]`);
  });
});
