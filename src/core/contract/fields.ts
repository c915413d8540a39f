import * as z from 'zod/mini';
import { str } from './checked.js';

/*
 * Contact fields the clinic profile (first screen) and the request schemas (`requests.ts`) both
 * use; re-exported by `common.ts`. Their own module so that `requests.ts` does not import
 * `common.ts`, which re-exports it (a cycle would read them before they exist, unbundled).
 */

/** E.164 phone number (`+905551234567`). */
export const PhoneSchema = /* @__PURE__ */ str(z.regex(/^\+[1-9]\d{6,14}$/));
/**
 * Email address: one `@`, no spaces, a dotted domain ending in a top-level domain of two or more
 * characters that starts with a letter (so `name@example.c` is refused, `xn--p1ai` accepted). A regex rather than `z.email()` so the browser runtime carries no extra
 * string-format class.
 */
export const EmailSchema = /* @__PURE__ */ str(z.maxLength(254), z.regex(/^[^\s@]+@([^\s@.]+\.)+[A-Za-z][A-Za-z0-9-]+$/));
