import type * as z from 'zod/mini';

/**
 * The contract's checks as the browser runs them, without zod.
 *
 * The contract is written once, as zod/mini schemas (the server validates with them, the OpenAPI
 * document is generated from them). In the widgets the same schemas cost far more than their
 * bytes: building zod's schema objects and running its parser added 500–650 KB of JS heap to
 * every widget on a phone (measured: the quote calculator alone 966 KB with zod, 330 KB with the
 * checks switched off). So `npm run contract` turns each schema into its JSON Schema with zod's own
 * `toJSONSchema` (src/generated/contract/, one module per contract module), and this small interpreter checks answers against
 * it (in a compact spelling, see {@link Json}): plain data, one function, nothing built at load. `test/server/contract-checks.test.ts`
 * checks that it accepts and refuses exactly what zod does, on every seeded answer and on
 * generated mutations of them.
 *
 * Objects keep only their known keys (as zod's `z.object` does), so a newer server that adds a
 * field never breaks an older widget.
 */

/**
 * A contract schema as the generator writes it: the JSON Schema `toJSONSchema` makes, in a compact
 * spelling (one-letter keywords; an object lists its optional fields, `o`, rather than its
 * required ones, as most fields are required; no `t` where other keywords imply it; a schema that
 * is only a type as that type's name) — about 15 % fewer bytes in a widget's chunk.
 */
export interface Json {
  /** type (a list for several, e.g. a nullable string) */
  t?: string | string[];
  /** properties */
  p?: Record<string, Json | string>;
  /** the properties that may be left out (`z.optional`) */
  o?: string[];
  /** additionalProperties: a record's values */
  a?: Json | string;
  /** propertyNames: a record's keys */
  k?: Json | string;
  /** items */
  i?: Json | string;
  /** anyOf */
  u?: (Json | string)[];
  /** enum */
  e?: unknown[];
  /** const */
  v?: unknown;
  /** minLength, maxLength */
  l?: number;
  L?: number;
  /** pattern */
  x?: string;
  /** minimum, maximum */
  m?: number;
  M?: number;
  /** exclusiveMinimum, exclusiveMaximum */
  g?: number;
  G?: number;
  /** minItems, maxItems */
  c?: number;
  C?: number;
}

/** One problem, shaped as zod reports it (`code`, `path`, and the limit for sizes). */
export interface Issue {
  code: 'invalid_type' | 'too_big' | 'too_small' | 'invalid_format' | 'invalid_value' | 'invalid_union';
  path: (string | number)[];
  origin?: 'string' | 'number' | 'array';
  minimum?: number;
  maximum?: number;
  message: string;
}

export type Result<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: { issues: Issue[] } };

/** Anything that checks a value like a contract schema: a {@link Checked} validator or a zod schema. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { code: string; path: PropertyKey[] }[] } };
}

/** A contract schema's check: `safeParse` like zod's; `json` its rules; `shape` its fields for an object. */
export interface Checked<S extends z.core.$ZodType> extends Parser<z.infer<S>> {
  safeParse(value: unknown): Result<z.infer<S>>;
  /** The value as checked, or throws (an `Error` naming the first problem's place). */
  parse(value: unknown): z.infer<S>;
  readonly json: Json;
  /** `z.optional`: undefined is accepted. */
  readonly optional: boolean;
  readonly shape: S extends z.ZodMiniObject<infer Shape> ? { [K in keyof Shape]: Checked<Shape[K]> } : never;
}

const patterns = new Map<string, RegExp>();
/** A schema that is only a type comes as that type's name (`"string"`). */
const J = (s: Json | string): Json => (typeof s === 'string' ? { t: s } : s);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Checks `v` against `s`; returns the value as zod's output would be (unknown object keys dropped). */
function run(schema: Json | string, v: unknown, path: (string | number)[], issues: Issue[]): unknown {
  const s = J(schema);
  const fail = (code: Issue['code'], message: string, extra?: Partial<Issue>) => void issues.push({ code, path, message, ...extra });
  if (s.u) {
    // `z.nullable(x)`: anything but null is checked as x, its problems where they are (as zod does).
    const options = v === null ? s.u : s.u.filter((o) => J(o).t !== 'null');
    if (options.length === 1) return run(options[0]!, v, path, issues);
    for (const option of options) {
      const mine: Issue[] = [];
      const out = run(option, v, path, mine);
      if (!mine.length) return out;
    }
    fail('invalid_union', 'Invalid input');
    return v;
  }
  if ('v' in s && v !== s.v) return fail('invalid_value', `Expected ${JSON.stringify(s.v)}`), v;
  if (s.e && !s.e.includes(v)) return fail('invalid_value', 'Invalid option'), v;
  const k = kind(v);
  // `t` may list several (`["string", "null"]` for a nullable string); other keywords may imply it.
  const implied = s.p || s.a ? 'object' : s.i ? 'array' : s.x !== undefined || s.l !== undefined || s.L !== undefined ? 'string' : undefined;
  const t = [s.t ?? implied ?? []].flat().find((x) => (x === 'integer' ? Number.isInteger(v) : x === 'number' ? k === x && Number.isFinite(v) : x === k));
  if ((s.t || implied) && !t) return fail('invalid_type', `Expected ${String(s.t ?? implied)}, received ${k}`), v;
  // An integer is a safe one (the generated schemas leave out `z.int()`'s bounds that say so).
  if (t === 'integer' && !Number.isSafeInteger(v)) return fail((v as number) > 0 ? 'too_big' : 'too_small', 'Not a safe integer', { origin: 'number' }), v;
  if (k === 'string' || k === 'number' || k === 'array') {
    const origin = k as 'string' | 'number' | 'array';
    const n = k === 'number' ? (v as number) : (v as string | unknown[]).length;
    const [min, max] = k === 'string' ? [s.l, s.L] : k === 'array' ? [s.c, s.C] : [s.m, s.M];
    // Sizes and the pattern in the order the schema states them, as zod runs its checks.
    for (const key in s) {
      if ((key === 'l' || key === 'c' || key === 'm') && min !== undefined && n < min) fail('too_small', `Too small: expected ≥ ${min}`, { origin, minimum: min });
      else if ((key === 'L' || key === 'C' || key === 'M') && max !== undefined && n > max) fail('too_big', `Too big: expected ≤ ${max}`, { origin, maximum: max });
      else if (key === 'g' && !(n > s.g!)) fail('too_small', `Too small: expected > ${s.g}`, { origin, minimum: s.g! });
      else if (key === 'G' && !(n < s.G!)) fail('too_big', `Too big: expected < ${s.G}`, { origin, maximum: s.G! });
      else if (key === 'x' && k === 'string') {
        let re = patterns.get(s.x!);
        if (!re) patterns.set(s.x!, (re = new RegExp(s.x!)));
        if (!re.test(v as string)) fail('invalid_format', 'Invalid string: does not match the pattern');
      }
    }
  }
  if (k === 'array' && s.i) return (v as unknown[]).map((x, i) => run(s.i!, x, [...path, i], issues));
  if (k === 'object' && t === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (s.p) {
      for (const key in s.p) {
        const value = o[key];
        if (value === undefined && s.o?.includes(key)) {
          if (key in o) out[key] = undefined;
          continue;
        }
        out[key] = run(s.p[key]!, value, [...path, key], issues);
      }
    } else if (s.a) {
      for (const key of Object.keys(o)) {
        if (s.k) run(s.k, key, [...path, key], issues);
        out[key] = run(s.a, o[key], [...path, key], issues);
      }
    } else return v;
    return out;
  }
  return v;
}

/** A validator for a schema in the compact form, given as data or as its JSON text (the generated contract module builds one per schema). */
export /* @__NO_SIDE_EFFECTS__ */ function checked<S extends z.core.$ZodType>(source: Json | string, optional = false): Checked<S> {
  let shape: Record<string, Checked<z.core.$ZodType>> | undefined;
  // The generated module passes its JSON as text: parsed on first use (a schema no widget on the
  // page uses costs nothing), and no object literal for the engine to keep a template of.
  let json: Json | undefined = typeof source === 'string' ? undefined : source;
  return {
    get json() {
      return (json ??= J(JSON.parse(source as string) as Json | string));
    },
    optional,
    safeParse(value: unknown): Result<z.infer<S>> {
      if (value === undefined && optional) return { success: true, data: value as z.infer<S> };
      const issues: Issue[] = [];
      const data = run(this.json, value, [], issues);
      return issues.length ? { success: false, error: { issues } } : { success: true, data: data as z.infer<S> };
    },
    parse(value: unknown): z.infer<S> {
      const r = this.safeParse(value);
      if (r.success) return r.data;
      const i = r.error.issues[0]!;
      throw new TypeError(`${i.path.join('.') || '(root)'}: ${i.message}`);
    },
    get shape() {
      // Each field's own check, optional when the object does not require it (as `ContactSchema.shape.phone`).
      const j = this.json;
      shape ??= Object.fromEntries(Object.entries(j.p ?? {}).map(([k, p]) => [k, checked(J(p), !!j.o?.includes(k))]));
      return shape as Checked<S>['shape'];
    },
  };
}
