import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as z from 'zod/mini';
import type { Checked } from '../contract/check.js';
import { parseNumber, toE164 } from './digits.js';
import { check, rulesOf, type FieldRules, type Problem } from './rules.js';

/** How a field is typed and shown: sets `type`, `inputmode`, `autocomplete` and the value sent. */
export type FieldKind = 'text' | 'name' | 'email' | 'tel' | 'number' | 'textarea' | 'choice' | 'consent';

export interface FieldSpec<V> {
  /** The contract schema of the value as sent (e.g. `ContactSchema.shape.name`): the rules of the field. */
  schema?: Checked<z.core.$ZodType>;
  kind?: FieldKind;
  /** Whether an empty value is refused; default: the schema is not optional (consent: always). */
  required?: boolean | ((values: V) => boolean);
  /** Where the field sits in the request body (`contact.email`), to place the server's 400 `fields`. */
  path?: string;
  /** What is sent for what was typed; default: strings trimmed, `tel` in E.164, `number` parsed (any digits). */
  toWire?: (raw: unknown) => unknown;
  /** The message for an empty required field (default: "Please fill in this field."). */
  requiredText?: () => string;
  /** The message for a value of the wrong form (default by kind: email, phone, or "Please check this field."). */
  invalidText?: () => string;
}

export type FormSpec<V> = { [K in keyof V]?: FieldSpec<V> };

export interface FormOptions<V> {
  initial: () => V;
  fields: FormSpec<V>;
  /** Called after a value changes (e.g. to fire a change event). */
  onInput?: (name: keyof V & string, values: V) => void;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The value sent for a typed value of a field of `kind`. */
export function wireValue(kind: FieldKind | undefined, raw: unknown): unknown {
  if (kind === 'consent') return raw === true;
  if (typeof raw !== 'string') return raw;
  const s = raw.trim();
  if (!s) return undefined;
  if (kind === 'tel') return toE164(s) ?? s;
  if (kind === 'number') return parseNumber(s) ?? s;
  return s;
}

/** The problem of one field of `values` under `spec`, from its contract schema. */
export function fieldProblem<V extends Record<string, unknown>>(spec: FormSpec<V>, values: V, name: keyof V & string): Problem | undefined {
  const s = spec[name] ?? {};
  const v = s.toWire ? s.toWire(values[name]) : wireValue(s.kind, values[name]);
  const req = typeof s.required === 'function' ? s.required(values) : (s.required ?? (s.schema ? rulesOf(s.schema).required : s.kind === 'consent'));
  if (s.kind === 'consent') return v === true || !req ? undefined : { code: 'required' };
  if (v === undefined || v === '') return req ? { code: 'required' } : undefined;
  return s.schema ? check(s.schema, v) : undefined;
}

/** The problems of every field of `values` (pure: the same check the form runs on submit). */
export function validate<V extends Record<string, unknown>>(spec: FormSpec<V>, values: V): Partial<Record<keyof V & string, Problem>> {
  const out: Partial<Record<keyof V & string, Problem>> = {};
  for (const n of Object.keys(spec) as (keyof V & string)[]) {
    const p = fieldProblem(spec, values, n);
    if (p) out[n] = p;
  }
  return out;
}

/**
 * The state of a form: what was typed (kept as typed, so nothing is lost on a failed submit),
 * problems per field from the contract schemas, the server's 400 `fields` placed on the fields,
 * focus on the first field in error, and the honeypot. Render it with the helpers of
 * `form/view.ts`; every widget builds its forms this way.
 */
export class FormController<V extends Record<string, unknown>> implements ReactiveController {
  values: V;
  problems: Partial<Record<keyof V & string, Problem>> = {};
  /** The honeypot's value: only bots fill it. */
  trap = '';
  readonly #rules = new Map<string, FieldRules>();

  constructor(
    private readonly host: Host,
    private readonly opts: FormOptions<V>,
  ) {
    host.addController(this);
    this.values = opts.initial();
  }

  hostConnected(): void {}

  /** The field names in display order (the order of `fields`). */
  get names(): (keyof V & string)[] {
    return Object.keys(this.opts.fields) as (keyof V & string)[];
  }

  spec(name: keyof V & string): FieldSpec<V> {
    return this.opts.fields[name] ?? {};
  }

  /** The rules of a field, read once from its schema. */
  rules(name: keyof V & string): FieldRules {
    let r = this.#rules.get(name);
    if (!r) {
      const s = this.spec(name).schema;
      r = s ? rulesOf(s) : { required: this.spec(name).kind === 'consent' };
      this.#rules.set(name, r);
    }
    return r;
  }

  /** Whether the form was filled by a bot (the honeypot has a value): thank it, send nothing. */
  get isBot(): boolean {
    return this.trap !== '';
  }

  /** The value of a field as it will be sent (trimmed, E.164, parsed number), or undefined when empty. */
  wire<K extends keyof V & string>(name: K): unknown {
    const spec = this.spec(name);
    return spec.toWire ? spec.toWire(this.values[name]) : wireValue(spec.kind, this.values[name]);
  }

  isRequired(name: keyof V & string): boolean {
    const r = this.spec(name).required;
    return typeof r === 'function' ? r(this.values) : (r ?? this.rules(name).required);
  }

  /** The problem of one field now, from its contract schema. */
  problemOf(name: keyof V & string): Problem | undefined {
    return fieldProblem(this.opts.fields, this.values, name);
  }

  /** Sets a value (as typed); a field in error is checked again so its message goes once fixed. */
  set<K extends keyof V & string>(name: K, value: V[K]): void {
    this.values = { ...this.values, [name]: value };
    if (this.problems[name]) {
      const p = this.problemOf(name);
      const next = { ...this.problems };
      if (p) next[name] = p;
      else delete next[name];
      this.problems = next;
    }
    this.host.requestUpdate();
    this.opts.onInput?.(name, this.values);
  }

  /** Checks every field; true when the form can be sent. Focuses the first field in error. */
  validate(): boolean {
    const problems = validate(this.opts.fields, this.values);
    this.problems = problems;
    this.host.requestUpdate();
    const ok = !Object.keys(problems).length;
    if (!ok) void this.focusFirstError();
    return ok;
  }

  /**
   * Places the server's 400 `fields` (`{ "contact.email": "…" }`) on the form's fields: each gets
   * the message the browser's own check gives for it (the same rules), or "Please check this
   * field." when only the server knows why. Returns whether any field was matched.
   */
  serverErrors(fields: Record<string, string> | undefined): boolean {
    const problems: Partial<Record<keyof V & string, Problem>> = {};
    for (const path of Object.keys(fields ?? {})) {
      const name = this.names.find((n) => {
        const p = this.spec(n).path ?? n;
        return path === p || path.startsWith(`${p}.`);
      });
      if (name) problems[name] = this.problemOf(name) ?? { code: this.spec(name).kind === 'consent' ? 'required' : 'invalid' };
    }
    this.problems = problems;
    this.host.requestUpdate();
    const any = !!Object.keys(problems).length;
    if (any) void this.focusFirstError();
    return any;
  }

  /** Moves focus to the first field in error, once rendered. */
  async focusFirstError(): Promise<void> {
    await this.host.updateComplete;
    const first = this.names.find((n) => this.problems[n]);
    if (first) (this.host.renderRoot as ShadowRoot).getElementById?.(`f-${first}`)?.focus();
  }

  /** Back to the initial values, no problems. */
  reset(): void {
    this.values = this.opts.initial();
    this.problems = {};
    this.trap = '';
    this.host.requestUpdate();
  }
}
