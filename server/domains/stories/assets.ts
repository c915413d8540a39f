import type { Context } from 'hono';
import { ApiError } from '../../http.js';
import { sha256 } from '../shared.js';

/** Widths a story photo is served in (`srcset`); every one keeps the photo's 4:3 box. */
export const PHOTO_WIDTHS = [320, 640, 960] as const;

/**
 * GET /v1/assets/stories/:clinic/:file — a neutral SVG per story (no patient photo), cacheable,
 * usable from any origin. `<id>.svg` and `<id>-<w>w.svg` (w in PHOTO_WIDTHS) are the photo at
 * 640 px or w px wide, 4:3; `<id>-poster.svg` is a 16:9 video poster with a play mark. Not part of
 * the JSON contract, so not in the endpoint registry.
 */
export function storyImage(c: Context): Response {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*?)(?:-(\d{3})w|-(poster))?\.svg$/.exec(c.req.param('file') ?? '');
  const w = m?.[2] ? Number(m[2]) : 640;
  if (!m || !(PHOTO_WIDTHS as readonly number[]).includes(w)) throw new ApiError(404, 'not_found', 'Not found');
  const h = parseInt(sha256((c.req.param('clinic') ?? '') + m[1]).slice(0, 6), 16);
  const hue = h % 360;
  const defs = `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 38%)"/></linearGradient></defs>`;
  const svg = m[3]
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">${defs}<rect width="1280" height="720" fill="url(#g)"/><circle cx="640" cy="360" r="84" fill="rgb(0 0 0 / .45)"/><path d="M612 312v96l84-48z" fill="#fff"/></svg>`
    : `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${(w * 3) / 4}" viewBox="0 0 640 480">${defs}<rect width="640" height="480" fill="url(#g)"/><circle cx="320" cy="210" r="90" fill="rgb(255 255 255 / .25)"/><rect x="190" y="320" width="260" height="90" rx="45" fill="rgb(255 255 255 / .25)"/></svg>`;
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
}
