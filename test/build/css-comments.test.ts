// The CDN build drops the comments inside `css` templates (scripts/css-comments.mjs). A comment
// there explains a rule to us; shipped, it costs every patient bytes and JS heap. The stripping
// must never touch code, expressions or strings, and must keep every line where it was.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripCssComments } from '../../scripts/css-comments.mjs';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('comments in css templates', () => {
  it('are dropped from the css text, keeping its lines, its expressions and the code around it', () => {
    const src = [
      '/* a JS comment that mentions the `css` tag */',
      'const a = css`',
      '  /* why: two',
      '     lines */',
      '  :host { color: red; } /* after */',
      '  ${x ? css`.b { /* inner */ }` : unsafeCSS(`/* not css */`)}',
      '  .c { content: "x"; }',
      '`;',
      'const s = "css`/* a string */`";',
      'const t = html`<p>/* text, not css */</p>`;',
    ].join('\n');
    const out = stripCssComments(src);
    assert.equal(
      out,
      [
        '/* a JS comment that mentions the `css` tag */',
        'const a = css`',
        '  ',
        '',
        '  :host { color: red; } ',
        '  ${x ? css`.b { /* inner */ }` : unsafeCSS(`/* not css */`)}',
        '  .c { content: "x"; }',
        '`;',
        'const s = "css`/* a string */`";',
        'const t = html`<p>/* text, not css */</p>`;',
      ].join('\n'),
    );
  });

  it('leave every source file with as many lines, and no comment in a css template of src/', () => {
    let stripped = 0;
    for (const file of files('src')) {
      const code = readFileSync(file, 'utf8');
      const out = stripCssComments(code);
      assert.equal(out.split('\n').length, code.split('\n').length, file);
      // Outside css templates nothing changes: the only difference is comments that were removed.
      if (out !== code) stripped++;
      for (const m of out.matchAll(/(?<=^|[\s=(,[:?{;])css`([^`]*)`/g)) assert.doesNotMatch(m[1]!, /\/\*/, `${file}: a comment left in a css template`);
    }
    assert.ok(stripped > 0, 'the widgets have commented styles, so some file must change');
  });
});
