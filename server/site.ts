import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';

export interface SiteOptions {
  /** Also serve the demo page at / and the CDN build at /cdn/ (the `--demo` switch). */
  demo?: boolean;
  /** Folder served at /cdn/ (default `dist/cdn`). */
  cdnRoot?: string;
  /** Folder served at / (default `demo`). */
  demoRoot?: string;
}

/**
 * What `server/start.ts` serves: the API (gzipped JSON) and, with `demo`, the demo page and the CDN
 * build. `/cdn/` answers every origin (`Access-Control-Allow-Origin: *`), as a real CDN does:
 * `loader.js` and its chunks are module scripts, which the browser fetches in CORS mode, so a page
 * on another origin could not load them otherwise.
 */
export function createSite(api: Hono, opts: SiteOptions = {}): Hono {
  const root = new Hono();
  // JSON answers are gzipped (the procedure catalog is ~80 KB raw); SSE streams are left alone.
  root.use('/v1/*', compress({ contentTypeFilter: /^application\/json/ }));
  root.route('/', api);
  if (opts.demo) {
    const cdnRoot = opts.cdnRoot ?? 'dist/cdn';
    root.use('/cdn/*', async (c, next) => {
      await next();
      c.res.headers.set('Access-Control-Allow-Origin', '*');
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    });
    root.use('/cdn/*', compress());
    root.use('/cdn/*', serveStatic({ root: cdnRoot, rewriteRequestPath: (p) => p.replace(/^\/cdn/, '') }));
    root.use('/*', compress());
    root.use('/*', serveStatic({ root: opts.demoRoot ?? 'demo' }));
  }
  return root;
}
