// `npm run contract`: writes src/generated/contract/, the browser's checks of the contract.
//
// Every zod schema the contract modules export (and the embed config's) becomes its JSON Schema,
// made by zod's own `toJSONSchema`, wrapped in `checked()` (src/core/contract/check.ts) under the
// same name. Widgets import their schemas from there, so no zod reaches a browser bundle; the
// server, the OpenAPI document and the tests keep using the zod schemas themselves.
//   --check   exit 1 if the committed file is not what this would write (npm test runs it)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJSONSchema } from 'zod/mini';

const ROOT = new URL('..', import.meta.url);
const SKIP = new Set(['index.ts', 'endpoints.ts', 'check.ts', 'docs.ts']);
const modules = [
  ...readdirSync(new URL('src/core/contract/', ROOT))
    .filter((f) => f.endsWith('.ts') && !SKIP.has(f))
    .sort()
    .map((f) => ({ file: `src/core/contract/${f}`, from: `../core/contract/${f.replace(/\.ts$/, '.js')}` })),
  { file: 'src/core/config/embed.ts', from: '../core/config/embed.js' },
];

type Node = Record<string, unknown>;
/** The compact spelling of JSON Schema keywords the browser's check reads (src/core/contract/check.ts `Json`). */
const KEYS: Record<string, string> = {
  type: 't', properties: 'p', additionalProperties: 'a', propertyNames: 'k', items: 'i', anyOf: 'u', enum: 'e', const: 'v',
  minLength: 'l', maxLength: 'L', pattern: 'x', minimum: 'm', maximum: 'M', exclusiveMinimum: 'g', exclusiveMaximum: 'G', minItems: 'c', maxItems: 'C',
};
/**
 * A JSON Schema in the check's compact form: its keywords spelt with one letter, an object's
 * optional fields listed (`o`) instead of its required ones, `type` left out where `properties`,
 * `additionalProperties`, `items`, a length or a pattern imply it, a schema that is only a type written as that type
 * (`"string"`), what the check does not read dropped
 * (`$schema`, descriptions, `additionalProperties: false`, the safe-integer bounds of `z.int()`).
 * A keyword it does not know stops the generator rather than being skipped silently.
 */
function compact(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(compact);
  if (!n || typeof n !== 'object') return n;
  const src = n as Node;
  const out: Node = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === '$schema' || k === 'description' || k === 'title' || k === 'examples' || k === 'format' || k === 'required' || (k === 'additionalProperties' && v === false)) continue;
    if ((k === 'maximum' && v === Number.MAX_SAFE_INTEGER) || (k === 'minimum' && v === Number.MIN_SAFE_INTEGER)) continue;
    if (!KEYS[k]) throw new Error(`the browser's check does not know the JSON Schema keyword "${k}"`);
    // `properties` maps field names (a field may be called `description`) to schemas.
    out[KEYS[k]!] = k === 'properties' ? Object.fromEntries(Object.entries(v as Node).map(([f, x]) => [f, compact(x)])) : compact(v);
  }
  // A type goes without saying when its keywords imply it: properties or items, a string's length or pattern.
  if ((out.t === 'object' && (out.p || out.a)) || (out.t === 'array' && out.i) || (out.t === 'string' && (out.x !== undefined || out.l !== undefined || out.L !== undefined))) delete out.t;
  if (src.properties) {
    const required = (src.required as string[] | undefined) ?? [];
    const optional = Object.keys(src.properties as Node).filter((f) => !required.includes(f));
    if (optional.length) out.o = optional;
  }
  // A schema that is only a type is written as that type: `"string"` for `{"t":"string"}`.
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === 't' && typeof out.t === 'string' ? out.t : out;
}

const DIR = new URL('src/generated/contract/', ROOT);
const files = new Map<string, string>();
let count = 0;

// Every schema the contract modules define, by name, and the module that defines it (not those
// that re-export it).
const owner = new Map<string, string>();
const schemas = new Map<string, unknown>();
const byName = (n: string) => schemas.get(n) as never;
const refusals = new Map<string, string>();
for (const m of modules) {
  const mod = (await import(fileURLToPath(new URL(m.file, ROOT)))) as Record<string, unknown>;
  const source = readFileSync(new URL(m.file, ROOT), 'utf8');
  const base = m.file.split('/').pop()!.replace(/\.ts$/, '');
  for (const name of Object.keys(mod).sort()) {
    if (!name.endsWith('Schema') || !(mod[name] as { _zod?: unknown })?._zod || !new RegExp(`export const ${name}\\b`).test(source)) continue;
    owner.set(name, base);
    schemas.set(name, mod[name]);
    try {
      toJSONSchema(mod[name] as never, { io: 'output', unrepresentable: 'throw' });
    } catch (err) {
      // A request-only schema with a refinement or coercion: the server's to check, not the browser's.
      refusals.set(name, String((err as Error).message).split('\n')[0]!);
    }
  }
}
for (const m of modules) {
  const base = m.file.split('/').pop()!.replace(/\.ts$/, '');
  const names = [...owner].filter(([, b]) => b === base).map(([n]) => n);
  if (!names.length) continue;
  const body: string[] = [];
  for (const name of names) {
    if (refusals.has(name)) {
      body.push(`// ${name}: not checked in the browser (${refusals.get(name)})`);
      continue;
    }
    // Each schema whole, its parts written out (not referred to by name): smaller once gzipped,
    // since a widget's chunk then needs no check object per part.
    const json = compact(toJSONSchema(byName(name), { io: 'output', unrepresentable: 'throw' }));
    body.push(`export const ${name}: Checked<typeof M.${name}> = /* @__PURE__ */ checked(${JSON.stringify(JSON.stringify(json))});`);
    count++;
  }
  files.set(`${base}.ts`, [
    `// Generated by \`npm run contract\` (scripts/contract.ts) from ${m.file}: do not edit.`,
    '// Each is the JSON Schema of the zod schema of the same name, checked by src/core/contract/check.ts.',
    "import { checked, type Checked } from '../../core/contract/check.js';",
    `import type * as M from '../${m.from}';`,
    '',
    ...body,
    '',
  ].join('\n'));
}
// For tests and tools: every check in one place (widgets import the module of their domain, so a
// bundle takes only its own).
files.set('index.ts', ['// Generated by `npm run contract`: do not edit. Not for widgets (import the domain module).', ...[...files.keys()].sort().map((f) => `export * from './${f.replace(/\.ts$/, '.js')}';`), ''].join('\n'));
if (process.argv.includes('--check')) {
  const stale = [...files].filter(([f, text]) => {
    try {
      return readFileSync(new URL(f, DIR), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  const extra = readdirSync(DIR).filter((f) => !files.has(f));
  if (stale.length || extra.length) {
    console.error(`src/generated/contract/ is stale (${[...stale.map(([f]) => f), ...extra].join(', ')}): run \`npm run contract\` and commit it`);
    process.exit(1);
  }
  console.log(`contract: ${count} schemas in ${files.size} modules, browser checks current.`);
} else {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [f, text] of files) writeFileSync(new URL(f, DIR), text);
  console.log(`contract: wrote src/generated/contract/ (${count} schemas in ${files.size} modules)`);
}
