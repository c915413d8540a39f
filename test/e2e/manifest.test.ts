// custom-elements.json against the built package: what an IDE user reads must be true of the
// files they installed — paths in the package, each widget's definition where it happens, typed
// events, every public `--prm-*` token, and no internal state presented as a public field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtWidgets } from '../../widgets.config.mjs';
import { packedFiles } from './pack.js';

interface Ref { name: string; module?: string }
interface Member { kind: string; name: string; privacy?: string; static?: boolean; inheritedFrom?: Ref }
interface Decl {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: Ref;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssProperties?: { name: string; default?: string }[];
}
interface Mod { path: string; declarations?: Decl[]; exports?: { kind: string; name: string; declaration: Ref }[] }

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Mod[] };
const files = new Set(packedFiles());
const widgets = builtWidgets();
// A path held in a variable: TypeScript must not resolve the build output when it type-checks before the build.
const TOKENS_JS = '../../dist/npm/core/theme/tokens.js';
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ mod: m, decl: d })));

function dts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? dts(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

describe('custom-elements.json against the built package', () => {
  it('every path it names is a file of the package', () => {
    const bad: string[] = [];
    const check = (p: string | undefined, where: string) => {
      if (p && !files.has(p)) bad.push(`${where}: ${p}`);
    };
    for (const m of manifest.modules) {
      check(m.path, 'module');
      for (const e of m.exports ?? []) check(e.declaration.module, `${m.path} export ${e.name}`);
      for (const d of m.declarations ?? []) {
        check(d.superclass?.module, `${d.name} superclass`);
        for (const mem of d.members ?? []) check(mem.inheritedFrom?.module, `${d.name}.${mem.name} inheritedFrom`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('each built widget is defined once, by its own define.js, as the class that declares its tag', () => {
    const defs = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ in: m.path, ...e })));
    assert.deepEqual(defs.map((d) => d.name).sort(), widgets.map((w) => w.tag).sort(), 'one definition per built widget, nothing else');
    for (const w of widgets) {
      const def = defs.find((d) => d.name === w.tag)!;
      assert.equal(def.in, `dist/npm/widgets/${w.folder}/define.js`);
      assert.equal(def.declaration.name, w.className);
      const target = manifest.modules.find((m) => m.path === def.declaration.module)?.declarations?.find((d) => d.name === w.className);
      assert.equal(target?.tagName, w.tag, `${def.declaration.module} declares ${w.className} with tag ${w.tag}`);
    }
  });

  it('every event carries its detail type, and that type is exported by the package’s typings', () => {
    const typings = dts('dist/npm').map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.ok(elements.length >= widgets.length);
    for (const { decl } of elements) {
      assert.ok(decl.events?.length, `${decl.tagName} has no events`);
      for (const e of decl.events!) {
        const m = /^CustomEvent<(\w+)>$/.exec(e.type?.text ?? '');
        assert.ok(m, `${decl.tagName} ${e.name}: type ${e.type?.text ?? '(none)'}`);
        assert.match(typings, new RegExp(`export (?:interface|type) ${m![1]}\\b`), `${m![1]} is not exported by dist/npm/**/*.d.ts`);
      }
    }
  });

  it('lists every public --prm-* token of the shared styles and of the widget’s own files', async () => {
    const tokens = (await import(TOKENS_JS)) as Record<string, unknown>;
    const shared = new Set<string>();
    for (const v of Object.values(tokens)) {
      if (v && typeof v === 'object' && 'cssText' in v) for (const m of String((v as { cssText: string }).cssText).matchAll(/var\((--prm-[a-z0-9-]+)/g)) shared.add(m[1]!);
    }
    assert.ok(shared.size >= 20, `only ${shared.size} tokens found in the built tokens.js`);
    for (const w of widgets) {
      const el = elements.find((e) => e.decl.tagName === w.tag)!;
      const listed = new Set((el.decl.cssProperties ?? []).map((p) => p.name));
      // A name ending in '-' is a template's prefix (`var(--prm-color-${name}`: the palette's shared tokens), not a token.
      const own = readdirSync(`dist/npm/widgets/${w.folder}`).filter((f) => f.endsWith('.js')).flatMap((f) => [...readFileSync(`dist/npm/widgets/${w.folder}/${f}`, 'utf8').matchAll(/var\((--prm-[a-z0-9-]+)/g)].map((m) => m[1]!)).filter((t) => !t.endsWith('-'));
      const missing = [...new Set([...shared, ...own])].filter((t) => !listed.has(t));
      assert.deepEqual(missing, [], `${w.tag} does not list ${missing.join(', ')}`);
    }
  });

  it('shows no private or internal state as a public field', () => {
    for (const { mod, decl } of elements) {
      const src = readFileSync(mod.path, 'utf8');
      // `static properties = { step: { state: true, … } }` in the built class: internal state.
      const state = [...src.matchAll(/(\w+): \{ state: true/g)].map((m) => m[1]!);
      const base = readFileSync('dist/npm/core/element.js', 'utf8');
      state.push(...[...base.matchAll(/(\w+): \{ state: true/g)].map((m) => m[1]!));
      for (const m of decl.members ?? []) {
        assert.ok(!m.name.startsWith('#') && m.privacy !== 'private', `${decl.tagName}: private member ${m.name} listed`);
        assert.ok(!state.includes(m.name), `${decl.tagName}: internal state ${m.name} listed as a field`);
      }
      for (const a of decl.attributes ?? []) assert.ok(!state.includes(a.fieldName ?? ''), `${decl.tagName}: internal state ${a.name} listed as an attribute`);
    }
  });
});
