// @ts-check
/**
 * Drops the comments inside `css` tagged templates of a source file (used by the CDN build,
 * vite.config.ts). Only the text of `css` literals is touched, never their `${…}` expressions nor
 * anything outside them; each comment becomes as many line breaks as it spanned, so every line
 * keeps its number and source maps stay right. test/build/css-comments.test.ts holds it to that.
 *
 * @param {string} code TypeScript or JavaScript source
 * @returns {string}
 */
export function stripCssComments(code) {
  // The tag where an expression starts (after `=`, `(`, `,`, `[`, `:`, `?`, `{`, `;` or a space),
  // not the word in a comment or string ("the `css` tag", "prm-reserve.css`").
  const TAG = /(?<=^|[\s=(,[:?{;])css`/gm;
  let out = '';
  let i = 0;
  for (let m = TAG.exec(code); m; TAG.lastIndex = i, m = TAG.exec(code)) {
    out += code.slice(i, m.index + 4);
    i = m.index + 4;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        // An expression: copied as it is, up to its matching brace.
        let depth = 0;
        let j = i;
        do {
          if (code[j] === '{') depth++;
          else if (code[j] === '}') depth--;
          j++;
        } while (depth > 0 && j < code.length);
        out += dropComments(text) + code.slice(i, j);
        text = '';
        i = j;
      } else text += code[i++];
    }
    out += dropComments(text);
  }
  return out + code.slice(i);
}

/** @param {string} css */
const dropComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, (c) => '\n'.repeat(c.split('\n').length - 1));
