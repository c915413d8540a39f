// Widgets size in em of their own text size (the reader's default, `medium` on the host), never in
// rem: rem follows the host page's root font size, which sites change (`html { font-size: 62.5% }`).
// The hostile-page browser test checks a widget's first view; this checks every style in src/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === join('src', 'generated') ? [] : sources(p);
    return /\.(ts|css)$/.test(e.name) ? [p] : [];
  });
}

describe('CSS units', () => {
  it('no rem length in any widget or core style (public/ and src/)', () => {
    const found: string[] = [];
    for (const file of [...sources('src'), 'public/prm-reserve.css']) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/(?:^|[\s(,:])-?\d*\.?\d+rem\b/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(found, [], 'use em (of the widget text size) or px');
  });
});
