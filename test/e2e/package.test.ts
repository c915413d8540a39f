// The npm package as a consumer gets it (`npm pack` after `npm run build`): every `exports`
// target and the manifest exist, every built widget has its own subpath, and the tarball holds
// what a user needs and nothing else — no source maps, a LICENSE (MIT), third-party notices for
// what the CDN files bundle.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtWidgets } from '../../widgets.config.mjs';
import { packedFiles } from './pack.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string; exports: Record<string, string | Record<string, string>>; customElements: string };


describe('npm package', () => {
  const files = packedFiles();

  it('every exports target exists and is in the tarball (no subpath points at a file the build does not make)', () => {
    for (const [sub, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(existsSync(file), `exports["${sub}"] → ${file} is missing`);
        assert.ok(files.includes(file.replace(/^\.\//, '')), `exports["${sub}"] → ${file} is not in the package`);
      }
    }
    assert.ok(existsSync(pkg.customElements), 'custom-elements.json is missing');
  });

  it('every built widget has a subpath export', () => {
    const widgets = builtWidgets().map((w) => w.folder);
    assert.ok(widgets.length > 0);
    for (const w of widgets) assert.ok(pkg.exports[`./${w}`], `no exports["./${w}"]`);
  });

  it('ships no source maps, no sources, no tests: only dist, the manifest, README, LICENSE, package.json', () => {
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], 'source maps in the package');
    const allowed = /^(dist\/(cdn|npm)\/|custom-elements\.json$|README\.md$|LICENSE$|package\.json$)/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), []);
    for (const f of files.filter((x) => x.startsWith('dist/') && x.endsWith('.js'))) {
      assert.doesNotMatch(readFileSync(f, 'utf8'), /sourceMappingURL=/, `${f} points at a map that is not shipped`);
    }
  });

  it('has a LICENSE with the MIT text its package.json claims', () => {
    assert.equal(pkg.license, 'MIT');
    assert.ok(files.includes('LICENSE'));
    const text = readFileSync('LICENSE', 'utf8');
    assert.match(text, /^MIT License/);
    assert.match(text, /Permission is hereby granted, free of charge/);
  });

  it('the CDN build carries the licences of what it bundles: Lit (BSD-3-Clause); zod is not in it', () => {
    assert.ok(files.includes('dist/cdn/THIRD-PARTY-NOTICES.txt'));
    const notices = readFileSync('dist/cdn/THIRD-PARTY-NOTICES.txt', 'utf8');
    for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/localize']) {
      const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
      assert.ok(notices.includes(`${name}@${version} (BSD-3-Clause)`), `no notice for ${name}@${version}`);
    }
    // The browser checks the contract with generated data, not with zod (test/e2e/chunks.test.ts).
    assert.doesNotMatch(notices, /zod@/);
    assert.match(notices, /BSD 3-Clause License/);
    assert.match(notices, /Copyright \(c\) \d{4} Google LLC/);
  });
});
