import type { ChatAttachment } from '../core/contract/chat.js';

// Shared by the server (which refuses anything else) and the chat panel (which refuses it before
// uploading, with a message the patient understands): one rule, checked on the same bytes.
/** The largest file a patient may attach (10 MB), checked by the panel before upload and by the server. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** How many leading bytes {@link sniffAttachment} looks at (a browser reads only these of a file). */
export const SNIFF_BYTES = 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The media type of a file from its first bytes (magic numbers), or null when it is none of the
 * types a patient may attach. The name and the Content-Type the browser sends are not trusted: an
 * HTML or SVG file renamed `scan.pdf` is refused here.
 *
 * - JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; WebP `RIFF....WEBP`;
 * - HEIC/HEIF (iPhone photos) `....ftyp` + brand heic/heix/hevc/heim/heis/mif1/msf1;
 * - PDF `%PDF-` (within the first {@link SNIFF_BYTES} bytes, as readers accept).
 */
export function sniffAttachment(b: Uint8Array): ChatAttachment['mediaType'] | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...b.slice(8, 12));
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  }
  const head = b.subarray(0, SNIFF_BYTES);
  for (let i = 0; i + 5 <= head.length; i++) if (startsWith(head, ascii('%PDF-'), i)) return 'application/pdf';
  return null;
}

