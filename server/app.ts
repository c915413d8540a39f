import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import { endpoints, type Endpoint } from '../src/core/contract/endpoints.js';
import { ChatEventsQuerySchema, ConversationParamsSchema } from '../src/core/contract/chat.js';
import { StaffEventsQuerySchema } from '../src/core/contract/staff.js';
import type { Db } from './db/types.js';
import { ApiError, issuesToFields, type Reply } from './http.js';
import { conversationForToken, handlers, messagesAfter, sha256, staffOnline, type ClinicRow, type HandlerCtx } from './routes.js';

// The server's own process: English validation messages (browser bundles never load this).
z.config(z.locales.en());

export interface LogEntry {
  method: string;
  /** URL path only: the query string can carry manage/conversation tokens and is never logged. */
  path: string;
  status: number;
  ms: number;
}

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
}

interface KeyRow {
  key: string;
  clinic_id: string;
  allowed_origins: string[];
  allow_localhost: boolean;
}

type LooseCtx = Omit<HandlerCtx, 'params' | 'query' | 'body'> & { params: unknown; query: unknown; body: unknown };

const LOCALHOST = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const ALLOW_HEADERS = 'Content-Type, X-PRM-Clinic, Idempotency-Key, Authorization, Last-Event-ID';
const EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed';
const IDEMPOTENCY_STALE_MS = 60_000;

/**
 * In-process fan-out of chat messages. One LISTEN per app instance on channel `prm_chat`; the
 * trigger on chat_messages notifies at commit, so a message written through any instance reaches
 * every instance's open streams.
 */
class ChatHub {
  #subs = new Map<string, Set<() => void>>();
  #ready: Promise<() => Promise<void>> | undefined;
  constructor(private db: Db) {}
  /** `topic` is `conversation:<id>` or `clinic:<id>`; `wake` runs on every new message there. */
  async subscribe(topic: string, wake: () => void): Promise<() => void> {
    this.#ready ??= this.db.listen('prm_chat', (payload) => {
      try {
        const { conversationId, clinicId } = JSON.parse(payload) as { conversationId: string; clinicId?: string };
        for (const t of [`conversation:${conversationId}`, `clinic:${clinicId}`]) for (const w of this.#subs.get(t) ?? []) w();
      } catch {
        /* not ours */
      }
    });
    await this.#ready;
    let set = this.#subs.get(topic);
    if (!set) this.#subs.set(topic, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (!set.size) this.#subs.delete(topic);
    };
  }
  async close() {
    if (this.#ready) await (await this.#ready)();
  }
}

const errorResponse = (c: Context, err: ApiError) => reply(c, err.toReply());

function reply(c: Context, r: Reply): Response {
  const headers = new Headers(r.headers);
  if (r.contentType) {
    headers.set('Content-Type', r.contentType);
    return c.body(r.body as string, r.status as 200, Object.fromEntries(headers));
  }
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return c.body(JSON.stringify(r.body), r.status as 200, Object.fromEntries(headers));
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    if (xff) return xff.split(',')[0]!.trim();
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The Hono app serving the /v1 contract. */
export function createApp(opts: AppOptions): Hono & { chatHub: ChatHub } {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const limit = opts.rateLimit ?? { max: 60, windowMs: 60_000 };
  const ttl = opts.idempotencyTtlMs ?? 24 * 3600_000;
  const allowLocalhost = opts.allowLocalhost ?? process.env.NODE_ENV !== 'production';
  const log =
    opts.logger === false ? () => {} : (opts.logger ?? ((e: LogEntry) => console.log(`${e.method} ${e.path} ${e.status} ${e.ms}ms`)));
  const hub = new ChatHub(db);
  const app = new Hono() as Hono & { chatHub: ChatHub };
  app.chatHub = hub;

  const originAllowed = (k: Pick<KeyRow, 'allowed_origins' | 'allow_localhost'>, origin: string) =>
    k.allowed_origins.includes(origin) || (allowLocalhost && k.allow_localhost && LOCALHOST.test(origin));

  const loadKey = async (key: string | undefined): Promise<KeyRow | undefined> => {
    if (!key || key.length > 128) return undefined;
    const { rows } = await db.query<KeyRow>('SELECT key, clinic_id, allowed_origins, allow_localhost FROM api_keys WHERE key = $1', [key]);
    return rows[0];
  };
  const loadClinic = async (id: string): Promise<ClinicRow> => {
    const { rows } = await db.query<ClinicRow>('SELECT id, name, time_zone, config, theme, theme_updated_at FROM clinics WHERE id = $1', [id]);
    return rows[0]!;
  };

  // 1. Access log: method, path, status, timing. Never bodies, queries or headers.
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t0) });
  });

  // 2. CORS preflight: answered for origins that some key (or staff use) allows; no key is sent in a preflight.
  app.options('/v1/*', async (c) => {
    const origin = c.req.header('origin');
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (origin) {
      const { rows } = await db.query<KeyRow>('SELECT allowed_origins, allow_localhost FROM api_keys WHERE $1 = ANY(allowed_origins) OR allow_localhost', [origin]);
      if (rows.some((k) => originAllowed(k, origin))) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
    }
    return c.body(null, 204, headers);
  });

  // 3. Body cap (Content-Length and streamed bodies alike).
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: opts.bodyLimit ?? 64 * 1024,
      onError: (c) => errorResponse(c, new ApiError(413, 'payload_too_large', `Request body exceeds ${opts.bodyLimit ?? 64 * 1024} bytes`)),
    }),
  );

  // Demo story images: a neutral SVG per story (no patient photo), cacheable.
  app.get('/v1/assets/stories/:clinic/:file', (c) => {
    const m = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file'));
    if (!m) return errorResponse(c, new ApiError(404, 'not_found', 'Not found'));
    const h = parseInt(sha256(c.req.param('clinic') + m[1]).slice(0, 6), 16);
    const hue = h % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 38%)"/></linearGradient></defs><rect width="640" height="480" fill="url(#g)"/><circle cx="320" cy="210" r="90" fill="rgb(255 255 255 / .25)"/><rect x="190" y="320" width="260" height="90" rx="45" fill="rgb(255 255 255 / .25)"/></svg>`;
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
  });

  /** Resolves tenant + CORS for a request; throws ApiError (401/403). */
  async function tenant(c: Context, ep: Pick<Endpoint, 'staff' | 'method'>, queryToken?: string): Promise<{ clinic: ClinicRow; staff?: { name: string }; key?: string }> {
    const origin = c.req.header('origin');
    const grant = (allowed: boolean) => {
      c.header('Vary', 'Origin');
      if (origin && allowed) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      }
    };
    if (ep.staff) {
      const auth = c.req.header('authorization') ?? (queryToken ? `Bearer ${queryToken}` : '');
      const m = /^Bearer\s+(\S{8,200})$/i.exec(auth);
      const { rows } = m ? await db.query<{ clinic_id: string; name: string }>('SELECT clinic_id, name FROM staff_tokens WHERE token_hash = $1', [sha256(m[1]!)]) : { rows: [] };
      const t = rows[0];
      if (!t) throw new ApiError(401, 'unauthorized', 'A valid staff bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
      if (origin) {
        const { rows: keys } = await db.query<KeyRow>('SELECT allowed_origins, allow_localhost FROM api_keys WHERE clinic_id = $1', [t.clinic_id]);
        const allowed = keys.some((k) => originAllowed(k, origin));
        grant(allowed);
        if (!allowed) throw new ApiError(403, 'forbidden', 'Origin not allowed');
      }
      return { clinic: await loadClinic(t.clinic_id), staff: { name: t.name } };
    }
    const key = await loadKey(c.req.header('x-prm-clinic') ?? c.req.query('clinic'));
    if (!key) throw new ApiError(401, 'unauthorized', 'Unknown or missing clinic key (X-PRM-Clinic header or clinic query parameter)');
    if (origin) {
      const allowed = originAllowed(key, origin);
      grant(allowed);
      // Reads from a foreign origin get no CORS grant (the browser hides the answer); writes are refused outright.
      if (!allowed && ep.method !== 'get') throw new ApiError(403, 'forbidden', 'Origin not allowed for this clinic key');
    }
    return { clinic: await loadClinic(key.clinic_id), key: key.key };
  }

  async function rateLimited(bucket: string): Promise<ApiError | undefined> {
    const t = now().getTime();
    const windowStart = Math.floor(t / limit.windowMs) * limit.windowMs;
    const { rows } = await db.query<{ count: number }>(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
      [bucket, new Date(windowStart)],
    );
    if (Math.random() < 0.01) await db.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(windowStart - limit.windowMs)]);
    if (rows[0]!.count <= limit.max) return undefined;
    const retryAfter = Math.max(1, Math.ceil((windowStart + limit.windowMs - t) / 1000));
    return new ApiError(429, 'rate_limited', 'Too many requests; try again later', undefined, { 'Retry-After': String(retryAfter) });
  }

  function parse(schema: z.ZodMiniType | undefined, value: unknown, where: string): unknown {
    if (!schema) return undefined;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new ApiError(400, 'invalid_request', `Invalid ${where}`, issuesToFields(r.error));
  }

  /** Runs `run` at most once per (clinic, Idempotency-Key); replays the stored first answer. */
  async function idempotent(c: Context, clinicId: string, requestHash: string, run: () => Promise<Reply>): Promise<Reply> {
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new ApiError(400, 'idempotency_key_required', 'This endpoint needs an Idempotency-Key header (1-255 visible ASCII characters)', { 'Idempotency-Key': 'Required' });
    }
    const t = now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const ins = await db.query(
        'INSERT INTO idempotency_keys (clinic_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
        [clinicId, key, requestHash, t],
      );
      if (ins.rowCount) {
        if (Math.random() < 0.01) await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(t.getTime() - ttl)]);
        let r: Reply;
        try {
          r = await run();
        } catch (err) {
          if (!(err instanceof ApiError)) {
            await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2', [clinicId, key]);
            throw err;
          }
          r = err.toReply();
        }
        if (r.status >= 500 || r.status === 429) {
          await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2', [clinicId, key]);
        } else {
          await db.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE clinic_id = $1 AND key = $2', [clinicId, key, r.status, JSON.stringify(r.body)]);
        }
        return r;
      }
      const { rows } = await db.query<{ request_hash: string; status: number | null; response: unknown; created_at: Date }>(
        'SELECT request_hash, status, response, created_at FROM idempotency_keys WHERE clinic_id = $1 AND key = $2',
        [clinicId, key],
      );
      const row = rows[0];
      if (!row) continue; // deleted in between: try again
      const age = t.getTime() - new Date(row.created_at).getTime();
      if (age >= ttl || (row.status === null && age >= IDEMPOTENCY_STALE_MS)) {
        await db.query('DELETE FROM idempotency_keys WHERE clinic_id = $1 AND key = $2 AND created_at = $3', [clinicId, key, row.created_at]);
        continue;
      }
      if (row.request_hash !== requestHash) {
        throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body');
      }
      if (row.status === null) {
        throw new ApiError(409, 'conflict', 'A request with this Idempotency-Key is still being processed', undefined, { 'Retry-After': '1' });
      }
      return { status: row.status, body: row.response, headers: { 'Idempotent-Replayed': 'true' } };
    }
    throw new ApiError(409, 'conflict', 'Could not settle this Idempotency-Key; retry');
  }

  const apiOrigin = (c: Context) => {
    const url = new URL(c.req.url);
    const proto = opts.trustProxy ? (c.req.header('x-forwarded-proto') ?? url.protocol.slice(0, -1)) : url.protocol.slice(0, -1);
    const host = opts.trustProxy ? (c.req.header('x-forwarded-host') ?? url.host) : url.host;
    return `${proto}://${host}`;
  };

  // 4. Every JSON endpoint of the registry: tenant, rate limit, validation, idempotency, handler.
  for (const ep of endpoints as readonly Endpoint[]) {
    if (ep.kind === 'sse') continue; // streams are registered below
    // Inputs are parsed with this endpoint's own schemas below, which is what each handler's types say.
    const handler = handlers[ep.id as keyof typeof handlers] as unknown as (ctx: LooseCtx) => Promise<Reply>;
    app.on(ep.method.toUpperCase(), `/v1${ep.path}`, async (c) => {
      try {
        const { clinic, staff, key } = await tenant(c, ep);
        if (ep.rateLimited) {
          const limited = await rateLimited(`${key ?? clinic.id}|${clientAddress(c, !!opts.trustProxy)}`);
          if (limited) throw limited;
        }
        const params = parse(ep.params, c.req.param(), 'params');
        const query = parse(ep.query, c.req.query(), 'query');
        let body: unknown;
        let raw = '';
        if (ep.body) {
          const type = c.req.header('content-type') ?? '';
          if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
          raw = await c.req.text();
          let data: unknown;
          try {
            data = JSON.parse(raw);
          } catch {
            throw new ApiError(400, 'invalid_request', 'Body is not valid JSON');
          }
          body = parse(ep.body, data, 'body');
          raw = JSON.stringify(data);
        }
        const ctx: LooseCtx = { db, now: now(), clinic, clinicKey: key, apiOrigin: apiOrigin(c), params, query, body };
        if (staff) ctx.staff = staff;
        const r = ep.idempotent
          ? await idempotent(c, clinic.id, sha256(`${ep.method} ${c.req.path}\n${raw}`), () => handler(ctx))
          : await handler(ctx);
        return reply(c, r);
      } catch (err) {
        if (err instanceof ApiError) return errorResponse(c, err);
        console.error(`${c.req.method} ${c.req.path} failed:`, err instanceof Error ? err.message : err);
        return errorResponse(c, new ApiError(500, 'internal', 'Internal error'));
      }
    });
  }

  /** Streams chat messages after `lastId` (one conversation, or the whole clinic when null), then live ones. */
  function messageStream(c: Context, clinic: ClinicRow, conversationId: string | null, lastId: string, first?: { event: string; data: unknown }): Response {
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let chain = Promise.resolve();
      const flush = () => {
        chain = chain
          .then(async () => {
            if (stream.aborted || stream.closed) return;
            for (const m of await messagesAfter(db, clinic.id, conversationId, lastId)) {
              await stream.writeSSE({ event: 'message', id: m.id, data: JSON.stringify(m) });
              lastId = m.id;
            }
          })
          .catch(() => {});
        return chain;
      };
      // Subscribe first, then replay: nothing committed in between can be missed.
      const unsubscribe = await hub.subscribe(conversationId ? `conversation:${conversationId}` : `clinic:${clinic.id}`, () => void flush());
      let wakeUp = () => {};
      const aborted = new Promise<void>((resolve) => (wakeUp = resolve));
      stream.onAbort(() => {
        unsubscribe();
        wakeUp();
      });
      await stream.writeSSE({ event: first?.event ?? 'ready', data: JSON.stringify(first?.data ?? {}), retry: 3000 });
      await flush();
      const ping = opts.ssePingMs ?? 15_000;
      while (!stream.aborted && !stream.closed) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([aborted, new Promise((r) => (timer = setTimeout(r, ping)))]);
        clearTimeout(timer);
        if (!stream.aborted && !stream.closed) await stream.write(': ping\n\n').catch(() => {});
      }
      unsubscribe();
    });
  }

  const lastEventId = (c: Context, fromQuery: string | undefined) => {
    const header = c.req.header('last-event-id');
    return header && /^\d{1,18}$/.test(header) ? header : (fromQuery ?? '0');
  };

  // 5. Chat events (SSE). EventSource cannot send headers: clinic key and token come in the query.
  app.get('/v1/chat/conversations/:id/events', async (c) => {
    try {
      const { clinic } = await tenant(c, { method: 'get' });
      const params = parse(ConversationParamsSchema, c.req.param(), 'params') as { id: string };
      const query = parse(ChatEventsQuerySchema, c.req.query(), 'query') as { token: string; lastEventId?: string };
      const conv = await conversationForToken(db, clinic.id, params.id, query.token);
      const status = { conversationId: conv.id, status: conv.status, staffOnline: staffOnline(clinic, now()) };
      return messageStream(c, clinic, conv.id, lastEventId(c, query.lastEventId), { event: 'status', data: status });
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(c, err);
      throw err;
    }
  });

  // 6. Staff inbox events: every new message of the clinic.
  app.get('/v1/staff/events', async (c) => {
    try {
      const query = parse(StaffEventsQuerySchema, c.req.query(), 'query') as { token?: string; lastEventId?: string };
      const { clinic } = await tenant(c, { method: 'get', staff: true }, query.token);
      return messageStream(c, clinic, null, lastEventId(c, query.lastEventId));
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(c, err);
      throw err;
    }
  });

  app.all('/v1/*', (c) => errorResponse(c, new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}`)));
  return app;
}
