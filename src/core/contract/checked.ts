import * as z from 'zod/mini';

/*
 * `z.string().check(...)` as calls a bundler may drop when the result is unused. zod/mini's own
 * functions are marked free of side effects, but a method call such as `.check()` is not, so a
 * bundler keeps every checked field of every schema a module defines, even ones no widget uses
 * (e.g. request bodies that only the server parses). These wrappers carry the mark instead.
 */

type StringCheck = z.core.$ZodCheck<string>;
type NumberCheck = z.core.$ZodCheck<number>;

/** A string with checks. */
export const str = /* @__NO_SIDE_EFFECTS__ */ (...checks: StringCheck[]) => z.string().check(...checks);
/** An integer with checks. */
export const int = /* @__NO_SIDE_EFFECTS__ */ (...checks: NumberCheck[]) => z.int().check(...checks);
/** A number with checks. */
export const num = /* @__NO_SIDE_EFFECTS__ */ (...checks: NumberCheck[]) => z.number().check(...checks);
/** An array with checks on its length. */
export const list = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.SomeType>(item: T, ...checks: z.core.$ZodCheck<unknown[]>[]) =>
  z.array(item).check(...checks);
