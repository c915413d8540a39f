import { PhoneSchema } from '../../generated/contract/fields.js';

/**
 * Input normalisation for patients abroad: digits typed on an Arabic or Persian keyboard are
 * accepted wherever digits are, and turned into ASCII before anything is checked or sent.
 */

/** Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits → `0`–`9`; Arabic decimal and thousands separators → `.` and nothing. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (c) => {
    const n = c.charCodeAt(0);
    if (n === 0x066b) return '.';
    if (n === 0x066c) return '';
    return String(n >= 0x06f0 ? n - 0x06f0 : n - 0x0660);
  });
}

/**
 * A typed phone number in E.164 (`+90 (555) 123-45-67`, `٠٠٩٠٥٥٥١٢٣٤٥٦٧` → `+905551234567`), or
 * undefined when the contract's `PhoneSchema` (the server's rule) would refuse it.
 */
export function toE164(raw: string): string | undefined {
  let s = normalizeDigits(raw.trim()).replace(/[\s().\-/\u00a0\u200e\u200f]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  return PhoneSchema.safeParse(s).success ? s : undefined;
}

/** A typed number (any of the digit sets above, `,` or `.` as decimal mark), or undefined. */
export function parseNumber(raw: string): number | undefined {
  const s = normalizeDigits(raw.trim()).replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}
