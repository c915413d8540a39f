import type { ChatAttachment } from '../../../src/core/contract/chat.js';

export { sniffAttachment } from '../../../src/shared/attachments.js';

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, ≤ 120 chars. */
export function safeFileName(name: string | undefined, mediaType: ChatAttachment['mediaType']): string {
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'application/pdf': 'pdf' }[mediaType];
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>]/g, '')
    .trim()
    .slice(0, 120);
  return base || `attachment.${ext}`;
}
