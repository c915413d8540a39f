// custom-elements.json: generated from the widgets' JSDoc (@summary @fires @csspart @cssprop
// @slot) and code, never written by hand. The docs' API tables are generated from it.
//
// It describes the npm package as installed, so an IDE gets the truth:
// - every path points at the built file in the package (`dist/npm/…/x.js`, not `src/…/x.ts`);
// - each widget's definition is the `custom-element-definition` export of its own `define.js`
//   (from widgets.config.mjs), not the analyzer's guess inside the generic `defineElement()`;
// - events carry their `detail` type, read from the `PrmEventDetails` augmentations;
// - CSS custom properties list every public `--prm-*` token of the base styles;
// - private and internal state (`#x`, `private`, `state: true` properties) is left out.
import { tsImport } from 'tsx/esm/api';
import { builtWidgets } from './widgets.config.mjs';

/** `src/a/b.ts` or `/src/a/b.js` → `dist/npm/a/b.js`; a relative specifier resolves against `from`. */
function packagePath(path, from) {
  if (!path) return path;
  let p = path;
  if (p.startsWith('./') || p.startsWith('../')) {
    const parts = from.split('/').slice(0, -1);
    for (const seg of p.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    p = parts.join('/');
  }
  p = p.replace(/^\//, '');
  if (p.startsWith('src/')) p = `dist/npm/${p.slice(4)}`;
  return p.replace(/\.ts$/, '.js');
}

/** Every public `--prm-*` token of the shared styles, with its (light) default. */
async function tokenList() {
  const mod = await tsImport('./src/core/theme/tokens.ts', import.meta.url);
  const text = Object.values(mod)
    .filter((v) => v && typeof v === 'object' && 'cssText' in v)
    .map((v) => String(v.cssText))
    .join('\n');
  const found = new Map();
  for (let i = text.indexOf('var(--prm-'); i !== -1; i = text.indexOf('var(--prm-', i + 4)) {
    // Read `var(--prm-name[, fallback])` with balanced parentheses (fallbacks hold calc(var(…))).
    let depth = 0;
    let end = i + 3;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    const inner = text.slice(i + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma === -1 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma === -1 ? '' : inner.slice(comma + 1).trim();
    const list = found.get(name) ?? [];
    if (fallback && !list.includes(fallback)) list.push(fallback);
    found.set(name, list);
  }
  // Defaults written with private variables (`calc(var(--_radius) * 1.5)`) name the public token.
  const alias = new Map([...text.matchAll(/(--_[a-z0-9-]+)\s*:\s*var\((--prm-[a-z0-9-]+)/g)].map((m) => [m[1], m[2]]));
  for (const [name, list] of found) found.set(name, list.map((d) => d.replace(/var\((--_[a-z0-9-]+)\)/g, (m, v) => (alias.has(v) ? `var(${alias.get(v)})` : m))));
  return found;
}

const TOKEN_HELP = {
  'font-family': 'Font of the widget.',
  'font-size': 'Base font size.',
  'line-height': 'Line height of text.',
  radius: 'Corner radius of controls.',
  'radius-lg': 'Corner radius of cards and panels.',
  space: 'Spacing unit (gaps and padding are multiples of it).',
  elevation: 'Shadow of cards.',
  'elevation-high': 'Shadow of floating parts (panels, popovers).',
  'focus-ring-width': 'Width of the focus ring.',
  'z-index': 'Stacking order of floating parts.',
  'target-size': 'Minimum size of touch targets.',
};
function tokenDescription(name, defaults) {
  const key = name.slice('--prm-'.length);
  const dark = defaults.length > 1 ? ` Dark mode default: \`${defaults[1]}\`.` : '';
  if (key.startsWith('color-')) return `Colour \`${key.slice(6)}\` (a design token shared by every widget).${dark}`;
  return `${TOKEN_HELP[key] ?? 'A design token shared by every widget.'}${dark}`;
}

const TOKENS = await tokenList();
const WIDGETS = builtWidgets();

/** Names of `static properties = { x: { state: true } }` entries per class (internal state). */
const stateFields = new Map();
/** Event name → detail type, from `interface PrmEventDetails { 'prm-x': T }`. */
const eventTypes = new Map();

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'prm-collect',
      analyzePhase({ ts, node, moduleDoc }) {
        // Widgets register with `static tagName = 'prm-…'` + `define()`, not customElements.define.
        if (ts.isClassDeclaration(node) && node.name) {
          const decl = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
          for (const m of node.members) {
            const isStatic = m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
            if (!isStatic || !ts.isPropertyDeclaration(m) || !m.initializer) continue;
            const name = m.name.getText();
            if (name === 'tagName' && ts.isStringLiteral(m.initializer) && m.initializer.text && decl) {
              decl.tagName = m.initializer.text;
              decl.customElement = true;
            }
            if (name === 'properties' && ts.isObjectLiteralExpression(m.initializer)) {
              const set = stateFields.get(node.name.getText()) ?? new Set();
              for (const p of m.initializer.properties) {
                if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
                const isState = p.initializer.properties.some((q) => ts.isPropertyAssignment(q) && q.name.getText() === 'state' && q.initializer.kind === ts.SyntaxKind.TrueKeyword);
                if (isState) set.add(p.name.getText().replace(/^['"]|['"]$/g, ''));
              }
              stateFields.set(node.name.getText(), set);
            }
          }
        }
        if (ts.isInterfaceDeclaration(node) && node.name.getText() === 'PrmEventDetails') {
          for (const m of node.members) {
            if (ts.isPropertySignature(m) && m.type) eventTypes.set(m.name.getText().replace(/^['"]|['"]$/g, ''), m.type.getText());
          }
        }
      },
    },
    {
      name: 'prm-package-truth',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          const src = mod.path;
          mod.path = packagePath(src, src);
          for (const decl of mod.declarations ?? []) {
            if (decl.superclass?.module) decl.superclass.module = packagePath(decl.superclass.module, src);
            if (decl.kind !== 'class') continue;
            const hidden = new Set(stateFields.get(decl.name) ?? []);
            // Inherited members: the base class's internal state is internal here too.
            if (decl.superclass?.name) for (const f of stateFields.get(decl.superclass.name) ?? []) hidden.add(f);
            decl.members = (decl.members ?? [])
              .filter((m) => !m.name.startsWith('#') && m.privacy !== 'private' && !hidden.has(m.name))
              .map((m) => (m.inheritedFrom?.module ? { ...m, inheritedFrom: { ...m.inheritedFrom, module: packagePath(m.inheritedFrom.module, src) } } : m));
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !hidden.has(a.fieldName));
            if (decl.events) {
              // emit(name, detail) is generic: keep only the events named in @fires (prm-*).
              decl.events = decl.events
                .filter((e) => e.name?.startsWith('prm-'))
                .map((e) => (eventTypes.has(e.name) ? { ...e, type: { text: `CustomEvent<${eventTypes.get(e.name)}>` } } : e));
            }
            if (decl.customElement) {
              const listed = new Set((decl.cssProperties ?? []).map((p) => p.name));
              // The widget's own @cssprop lines describe a token's use there; the default is the token's.
              decl.cssProperties = (decl.cssProperties ?? []).map((p) => (!p.default && TOKENS.get(p.name)?.[0] ? { ...p, default: TOKENS.get(p.name)[0] } : p));
              for (const [name, defaults] of TOKENS) {
                if (listed.has(name)) continue;
                decl.cssProperties.push({ name, description: tokenDescription(name, defaults), ...(defaults[0] ? { default: defaults[0] } : {}) });
              }
            }
          }
          // The analyzer takes `customElements.define(tag, ctor)` inside the generic
          // defineElement() for a definition; the real ones are each widget's define.js.
          mod.exports = (mod.exports ?? [])
            .filter((e) => e.kind !== 'custom-element-definition')
            .map((e) => (e.declaration?.module ? { ...e, declaration: { ...e.declaration, module: packagePath(e.declaration.module, src) } } : e));
          const widget = WIDGETS.find((w) => src === `src/widgets/${w.folder}/define.ts`);
          if (widget) {
            const classModule = `dist/npm/widgets/${widget.folder}/${widget.folder}.js`;
            mod.exports = mod.exports.map((e) => (e.name === widget.className ? { ...e, declaration: { name: widget.className, module: classModule } } : e));
            mod.exports.push({ kind: 'custom-element-definition', name: widget.tag, declaration: { name: widget.className, module: classModule } });
          }
        }
      },
    },
  ],
};
