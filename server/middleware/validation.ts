import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { ApiError, issuesToFields, send } from '../http.js';

/** Parses `value` with a contract schema; 400 with per-field messages when it does not fit. */
export function parse(schema: z.ZodMiniType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ApiError(400, 'invalid_request', `Invalid ${where}`, issuesToFields(r.error));
}

/** Deepest JSON nesting accepted (real bodies nest 4 levels; 30,000 would overflow the stack later). */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests `[` / `{` deeper than `limit`, counted outside strings, in one pass. */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123 /* [ { */) {
      if (++depth > limit) return true;
    } else if (ch === 93 || ch === 125 /* ] } */) depth--;
  }
  return false;
}

/** NUL, or a UTF-16 surrogate without its pair: text and JSON columns refuse both. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (value or key) in `v` that cannot be stored, or undefined. */
export function unstorableText(v: unknown, path = ''): string | undefined {
  if (typeof v === 'string') return UNSTORABLE.test(v) ? path || '(root)' : undefined;
  if (v === null || typeof v !== 'object') return undefined;
  for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
    const p = path ? `${path}.${k}` : String(k);
    if (typeof k === 'string' && UNSTORABLE.test(k)) return p;
    const bad = unstorableText(x, p);
    if (bad) return bad;
  }
  return undefined;
}

/** 400 when any text of `value` (params, query or body) holds NUL or a lone surrogate. */
export function assertStorableText(value: unknown, where: string): void {
  const path = unstorableText(value);
  if (path) {
    throw new ApiError(400, 'invalid_request', `Invalid ${where}: text may not contain NUL characters (\\u0000) or unpaired surrogates`, {
      [path]: 'Contains a NUL character or an unpaired surrogate',
    });
  }
}

/**
 * Reads a JSON body: 415 unless application/json, 400 unless it parses, nests at most
 * MAX_JSON_DEPTH levels and holds only storable text. Returns the value and its canonical text
 * (what the idempotency hash covers).
 */
export async function readJsonBody(c: Context): Promise<{ data: unknown; raw: string }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  const text = await c.req.text();
  if (jsonTooDeep(text)) throw new ApiError(400, 'invalid_request', `Body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_request', 'Body is not valid JSON');
  }
  assertStorableText(data, 'body');
  return { data, raw: JSON.stringify(data) };
}

/** Body cap for declared (Content-Length) and streamed bodies alike → 413. */
export const bodyCap = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) => send(c, new ApiError(413, 'payload_too_large', `Request body exceeds ${maxSize} bytes`).toReply()),
  });
