import type * as z from 'zod/mini';
import type { Checked } from '../contract/check.js';

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

/** A JSON Schema bound of the contract's `z.int()` that only says "a safe integer": not a limit to state. */
const SAFE = Number.MAX_SAFE_INTEGER;

/** The limits of a string or number schema (its JSON Schema; `optional` and `nullable` accept no value). */
export function rulesOf(schema: Checked<z.core.$ZodType>): FieldRules {
  let j = schema.json;
  // `z.nullable(x)`: the rules of x, and no value is accepted too.
  const options = j.u?.map((o) => (typeof o === 'string' ? { t: o } : o));
  const nullable = !!options?.some((o) => o.t === 'null');
  if (nullable && options!.length === 2) j = options!.find((o) => o.t !== 'null')!;
  const types = [j.t ?? []].flat();
  const r: FieldRules = { required: !schema.optional && !nullable && !types.includes('null') };
  if (types.includes('integer')) r.integer = true;
  if (j.L !== undefined) r.maxLength = j.L;
  if (j.l !== undefined) r.minLength = j.l;
  if (types.includes('integer') || types.includes('number')) {
    if (j.M !== undefined && j.M < SAFE) r.max = j.M;
    if (j.m !== undefined && j.m > -SAFE) r.min = j.m;
  }
  return r;
}

/** Checks `value` (already normalised, as it will be sent) with the contract schema. */
export function check(schema: Checked<z.core.$ZodType>, value: unknown): Problem | undefined {
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
