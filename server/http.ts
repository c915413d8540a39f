import type { Context } from 'hono';
import * as z from 'zod/mini';

/** What a handler returns: a JSON body (stored verbatim for idempotent replays) or raw text. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send `body` as-is (a string) with this content type instead of JSON. */
  contentType?: string;
}

/** A 4xx answer in the contract's error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  toReply(): Reply {
    const error: { code: string; message: string; fields?: Record<string, string> } = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    const r: Reply = { status: this.status, body: { error } };
    if (this.headers) r.headers = this.headers;
    return r;
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

/** zod issues → `{ "contact.email": "Invalid email address" }`, first message per field. */
export function issuesToFields(error: z.core.$ZodError, prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    fields[path] ??= issue.message;
  }
  return fields;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

/** Sends a Reply: JSON unless it names its own content type. Headers already set on `c` are kept. */
export function send(c: Context, r: Reply): Response {
  const headers = new Headers(r.headers);
  if (r.contentType) {
    headers.set('Content-Type', r.contentType);
    return c.body(r.body as string, r.status as 200, Object.fromEntries(headers));
  }
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return c.body(JSON.stringify(r.body), r.status as 200, Object.fromEntries(headers));
}
