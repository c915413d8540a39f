import { createHash, randomBytes } from 'node:crypto';
import type { Contact } from '../../src/core/contract/common.js';
import { ApiError } from '../http.js';

/** Helpers more than one domain uses (tokens, references, dates, localized text, cursors). */

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const newReference = (prefix: string) => prefix + '-' + Array.from(randomBytes(6), (b) => REF_ALPHABET[b % 32]).join('');
export const iso = (d: Date | string) => new Date(d).toISOString();
export const json = (x: unknown) => JSON.stringify(x);

/** A contact as stored: the name without surrounding blanks (the contract only requires a non-blank name). */
export const storedContact = (c: Contact): Contact => ({ ...c, name: c.name.trim() });

/** Picks the text for `locale` from a locale map: the one fallback order of server and browser (src/core/i18n/localized.ts). */
export { localized as pick } from '../../src/core/i18n/localized.js';

// Cursors: opaque base64url of [date or instant, id]. A decoded cursor is checked as strictly as
// the values it was made from: it goes into SQL casts (::date, ::timestamptz, ::uuid), and a
// wrong one must be a 400, not a database error.

export const encodeCursor = (a: string, b: string) => Buffer.from(JSON.stringify([a, b])).toString('base64url');

const CURSOR_KEY = {
  /** `YYYY-MM-DD` (stories: date). */
  date: (s: string) => /^(?!0000)\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s,
  /** ISO instant as `toISOString()` writes it (staff lists: created_at). */
  instant: (s: string) => /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s,
};
const CURSOR_ID = {
  slug: /^[a-z0-9][a-z0-9_-]{0,63}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Decodes a cursor made by encodeCursor for keys of `kind` and ids of `id`; 400 for anything else. */
export function decodeCursor(c: string | undefined, kind: keyof typeof CURSOR_KEY, id: keyof typeof CURSOR_ID): [string, string] | null {
  if (!c) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && CURSOR_KEY[kind](v[0]) && CURSOR_ID[id].test(v[1])) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'invalid_request', 'Invalid cursor: pass nextCursor of the previous page unchanged', { cursor: 'Invalid cursor' });
}
