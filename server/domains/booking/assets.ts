import type { Context } from 'hono';
import { ApiError } from '../../http.js';
import { sha256 } from '../shared.js';

/**
 * GET /v1/assets/doctors/:clinic/:file — the demo clinic's doctor portrait: a neutral SVG
 * silhouette per doctor (the demo has no real photos), cacheable, usable from any origin.
 */
export function doctorPhoto(c: Context): Response {
  const m = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file') ?? '');
  if (!m) throw new ApiError(404, 'not_found', 'Not found');
  const hue = parseInt(sha256((c.req.param('clinic') ?? '') + m[1]).slice(0, 6), 16) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160"><rect width="160" height="160" fill="hsl(${hue} 45% 86%)"/><circle cx="80" cy="62" r="30" fill="hsl(${hue} 35% 42%)"/><path d="M26 160c4-34 26-52 54-52s50 18 54 52z" fill="hsl(${hue} 35% 42%)"/></svg>`;
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
}
