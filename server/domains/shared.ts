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

/** Picks the text for `locale` from a locale map: exact, then language, then English, then any. */
export function pick(map: Record<string, string> | string | undefined, locale: string | undefined, fallback = 'en'): string {
  if (map === undefined) return '';
  if (typeof map === 'string') return map;
  if (locale && map[locale] !== undefined) return map[locale]!;
  const lang = locale?.split('-')[0];
  if (lang && map[lang] !== undefined) return map[lang]!;
  return map[fallback] ?? map['en'] ?? map['default'] ?? Object.values(map)[0] ?? '';
}

// Cursors: opaque base64url of [createdAt|date, id]

export const encodeCursor = (a: string, b: string) => Buffer.from(JSON.stringify([a, b])).toString('base64url');
export function decodeCursor(c: string | undefined): [string, string] | null {
  if (!c) return null;
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'invalid_request', 'Invalid cursor', { cursor: 'Invalid cursor' });
}
