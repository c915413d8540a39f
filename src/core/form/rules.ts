import type * as z from 'zod/mini';

/**
 * What a field accepts, read from its contract schema (the one the server validates with), so
 * the browser refuses exactly what the server refuses and states the same limit.
 */
export interface FieldRules {
  /** The schema accepts no value at all (not `z.optional`). */
  required: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Why a value is refused; the form turns it into a translated message that states the limit. */
export type Problem =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'tooShort'; min: number }
  | { code: 'tooBig'; max: number }
  | { code: 'tooSmall'; min: number }
  | { code: 'notInteger' }
  | { code: 'invalid' };

interface Def {
  type: string;
  format?: string;
  innerType?: z.ZodMiniType;
  checks?: { _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number } } }[];
}

const def = (s: z.ZodMiniType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The limits of a string or number schema (unwrapping `optional`/`nullable`). */
export function rulesOf(schema: z.ZodMiniType): FieldRules {
  let d = def(schema);
  let required = true;
  while ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) {
    required = false;
    d = def(d.innerType);
  }
  const r: FieldRules = { required };
  const numeric = d.type === 'number';
  if (numeric && /int/.test(d.format ?? '')) r.integer = true;
  for (const c of d.checks ?? []) {
    const k = c._zod.def;
    if (k.check === 'max_length') r.maxLength = k.maximum;
    else if (k.check === 'min_length') r.minLength = k.minimum;
    else if (k.check === 'less_than' && numeric) r.max = k.value;
    else if (k.check === 'greater_than' && numeric) r.min = k.value;
    else if (k.check === 'number_format') r.integer = true;
  }
  return r;
}

/** Checks `value` (already normalised, as it will be sent) with the contract schema. */
export function check(schema: z.ZodMiniType, value: unknown): Problem | undefined {
  const res = schema.safeParse(value);
  if (res.success) return undefined;
  const i = res.error.issues[0] as { code: string; origin?: string; maximum?: number | bigint; minimum?: number | bigint; format?: string };
  const n = (v: number | bigint | undefined) => Number(v);
  if (i.code === 'too_big') return i.origin === 'string' ? { code: 'tooLong', max: n(i.maximum) } : { code: 'tooBig', max: n(i.maximum) };
  if (i.code === 'too_small') {
    if (i.origin === 'string') return n(i.minimum) <= 1 ? { code: 'required' } : { code: 'tooShort', min: n(i.minimum) };
    return { code: 'tooSmall', min: n(i.minimum) };
  }
  if (i.code === 'invalid_type' && value === undefined) return { code: 'required' };
  if (i.code === 'invalid_type' && typeof value === 'number' && Number.isFinite(value)) return { code: 'notInteger' };
  return { code: 'invalid' };
}
