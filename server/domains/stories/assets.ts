import type { Context } from 'hono';
import { ApiError } from '../../http.js';
import { sha256 } from '../shared.js';

/**
 * GET /v1/assets/stories/:clinic/:file — a neutral SVG per story (no patient photo), cacheable,
 * usable from any origin. Not part of the JSON contract, so not in the endpoint registry.
 */
export function storyImage(c: Context): Response {
  const m = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file') ?? '');
  if (!m) throw new ApiError(404, 'not_found', 'Not found');
  const h = parseInt(sha256((c.req.param('clinic') ?? '') + m[1]).slice(0, 6), 16);
  const hue = h % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 38%)"/></linearGradient></defs><rect width="640" height="480" fill="url(#g)"/><circle cx="320" cy="210" r="90" fill="rgb(255 255 255 / .25)"/><rect x="190" y="320" width="260" height="90" rx="45" fill="rgb(255 255 255 / .25)"/></svg>`;
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
}
