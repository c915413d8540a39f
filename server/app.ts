import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { endpoints, type Endpoint } from '../src/core/contract/endpoints.js';
import type { Db } from './db/types.js';
import { ChatHub } from './domains/chat/hub.js';
import { requestCountry } from './domains/chat/country.js';
import { handlers, streams } from './domains/index.js';
import { sha256 } from './domains/shared.js';
import { storyImage } from './domains/stories/assets.js';
import { doctorPhoto } from './domains/booking/assets.js';
import type { Handler, HandlerCtx, StreamHandler } from './domains/types.js';
import { ApiError, send } from './http.js';
import { accessLog, type LogEntry } from './middleware/access-log.js';
import { createCors } from './middleware/cors.js';
import { onError } from './middleware/errors.js';
import { createIdempotency } from './middleware/idempotency.js';
import { clientAddress, createRateLimiter } from './middleware/rate-limit.js';
import { createTenant } from './middleware/tenant.js';
import { assertStorableText, bodyCap, parse, readJsonBody } from './middleware/validation.js';

export type { LogEntry } from './middleware/access-log.js';
export type { ClinicRow, Handler, HandlerCtx } from './domains/types.js';

// The server's own process: English validation messages (browser bundles never load this).
z.config(z.locales.en());

export interface AppOptions {
  db: Db;
  /** Receives one entry per request; default prints `GET /v1/config 200 3ms`. Pass `false` for silence. */
  logger?: ((entry: LogEntry) => void) | false;
  /** Clock (tests move it to check expiry and slot lead times). */
  now?: () => Date;
  /** Write requests per clinic key and client address per window (default 60 per 60 s). */
  rateLimit?: { max: number; windowMs: number };
  /** Maximum request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Honour X-Forwarded-For for the client address (only behind a trusted proxy). */
  trustProxy?: boolean;
  /**
   * Also grant CORS to any http://localhost:* / http://127.0.0.1:* origin for keys flagged
   * allow_localhost (the demo keys). Default: NODE_ENV !== 'production'.
   */
  allowLocalhost?: boolean;
  /** Idempotency-Key lifetime (default 24 h). */
  idempotencyTtlMs?: number;
  /** SSE keep-alive comment interval (default 15 s). */
  ssePingMs?: number;
  /**
   * A header a trusted CDN or proxy sets to the visitor's country (e.g. `cf-ipcountry`): shown to
   * staff for a chat whose page did not give one. Without it, the browser language's region is a hint.
   */
  countryHeader?: string;
}

type LooseCtx = Omit<HandlerCtx, 'params' | 'query' | 'body'> & { params: unknown; query: unknown; body: unknown };

/**
 * The Hono app serving the /v1 contract. This file only composes: middleware from
 * `middleware/`, handlers from `domains/<domain>/`, routes from the endpoint registry.
 */
export function createApp(opts: AppOptions): Hono & { chatHub: ChatHub } {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const log = opts.logger === false ? () => {} : (opts.logger ?? ((e: LogEntry) => console.log(`${e.method} ${e.path} ${e.status} ${e.ms}ms`)));
  const cors = createCors(db, opts.allowLocalhost ?? process.env.NODE_ENV !== 'production');
  const tenant = createTenant(db, cors);
  const rateLimited = createRateLimiter(db, now, opts.rateLimit ?? { max: 60, windowMs: 60_000 });
  const idempotent = createIdempotency(db, now, opts.idempotencyTtlMs ?? 24 * 3600_000);
  const hub = new ChatHub(db);
  const app = new Hono() as Hono & { chatHub: ChatHub };
  app.chatHub = hub;

  app.onError(onError);
  app.use('*', accessLog(log));
  app.use('/v1/*', cors.everyAnswer);
  app.options('/v1/*', cors.preflight);
  // Body caps: the server-wide JSON cap, except on `upload` endpoints, which declare their own.
  const jsonCap = bodyCap(opts.bodyLimit ?? 64 * 1024);
  const uploadCaps = (endpoints as readonly Endpoint[])
    .filter((ep) => ep.kind === 'upload')
    .map((ep) => ({ method: ep.method.toUpperCase(), path: new RegExp(`^/v1${ep.path.replace(/:\w+/g, '[^/]+')}$`), cap: bodyCap(ep.maxBytes ?? 64 * 1024) }));
  app.use('/v1/*', (c, next) => (uploadCaps.find((u) => u.method === c.req.method && u.path.test(c.req.path))?.cap ?? jsonCap)(c, next));
  app.get('/v1/assets/stories/:clinic/:file', storyImage);
  app.get('/v1/assets/doctors/:clinic/:file', doctorPhoto);

  const apiOrigin = (c: Context) => {
    const url = new URL(c.req.url);
    const proto = opts.trustProxy ? (c.req.header('x-forwarded-proto') ?? url.protocol.slice(0, -1)) : url.protocol.slice(0, -1);
    const host = opts.trustProxy ? (c.req.header('x-forwarded-host') ?? url.host) : url.host;
    return `${proto}://${host}`;
  };

  /** Tenant, rate limit, validation of params / query / body → the handler's context. */
  async function prepare(c: Context, ep: Endpoint): Promise<{ ctx: LooseCtx; raw: string }> {
    // EventSource cannot send headers: the staff stream takes its token from the query.
    const { clinic, staff, key } = await tenant(c, ep, ep.staff && ep.kind === 'sse' ? c.req.query('token') : undefined);
    if (ep.rateLimited) {
      const limited = await rateLimited(`${key ?? clinic.id}|${clientAddress(c, !!opts.trustProxy)}`);
      if (limited) throw limited;
    }
    assertStorableText(c.req.param(), 'params');
    assertStorableText(c.req.query(), 'query');
    const params = parse(ep.params, c.req.param(), 'params');
    const query = parse(ep.query, c.req.query(), 'query');
    let body: unknown;
    let raw = '';
    if (ep.body) {
      const read = await readJsonBody(c);
      body = parse(ep.body, read.data, 'body');
      raw = read.raw;
    }
    let file: Uint8Array | undefined;
    if (ep.kind === 'upload') {
      file = new Uint8Array(await c.req.arrayBuffer());
      raw = `${sha256(Buffer.from(file).toString('base64'))}\n${JSON.stringify(query)}`;
    }
    const ctx: LooseCtx = { db, now: now(), clinic, clinicKey: key, origin: c.req.header('origin'), apiOrigin: apiOrigin(c), params, query, body };
    const country = requestCountry((h) => c.req.header(h), opts.countryHeader);
    if (country) ctx.country = country;
    if (file) ctx.file = file;
    if (staff) ctx.staff = staff;
    return { ctx, raw };
  }

  // Every endpoint of the registry. Inputs are parsed with the endpoint's own schemas, which is
  // what each handler's types say; errors go to onError.
  for (const ep of endpoints as readonly Endpoint[]) {
    const path = `/v1${ep.path}`;
    if (ep.kind === 'sse') {
      const stream = streams[ep.id as keyof typeof streams] as unknown as (ctx: LooseCtx, deps: Parameters<StreamHandler>[1]) => Promise<Response>;
      app.on(ep.method.toUpperCase(), path, async (c) => {
        const { ctx } = await prepare(c, ep);
        return stream(ctx, { c, hub, pingMs: opts.ssePingMs ?? 15_000 });
      });
      continue;
    }
    const handler = handlers[ep.id as keyof typeof handlers] as unknown as (ctx: LooseCtx) => ReturnType<Handler>;
    app.on(ep.method.toUpperCase(), path, async (c) => {
      const { ctx, raw } = await prepare(c, ep);
      const r = ep.idempotent ? await idempotent(c, ctx.clinic.id, sha256(`${ep.method} ${c.req.path}\n${raw}`), () => handler(ctx)) : await handler(ctx);
      return send(c, r);
    });
  }

  app.all('/v1/*', (c) => send(c, new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}`).toReply()));
  return app;
}
