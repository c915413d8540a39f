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

/**
 * Reads a JSON body: 415 unless application/json, 400 unless it parses. Returns the value and its
 * canonical text (what the idempotency hash covers).
 */
export async function readJsonBody(c: Context): Promise<{ data: unknown; raw: string }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_request', 'Body is not valid JSON');
  }
  return { data, raw: JSON.stringify(data) };
}

/** Body cap for declared (Content-Length) and streamed bodies alike → 413. */
export const bodyCap = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) => send(c, new ApiError(413, 'payload_too_large', `Request body exceeds ${maxSize} bytes`).toReply()),
  });
