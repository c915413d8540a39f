import ky, { type KyInstance, type Options, type RetryOptions } from 'ky';
import * as z from 'zod/mini';
import { PrmApiError, parseRetryAfter } from './errors.js';


export interface ApiClientOptions {
  /** Backend base URL; requests go to `${baseUrl}/v1/...`. */
  baseUrl: string;
  /** Clinic public key, sent as the `clinic` query parameter. */
  clinic: string;
  /** Per-attempt timeout in ms (default 10 s). */
  timeout?: number;
  /** Retries for GET, and for POST carrying an Idempotency-Key (default 2). */
  retries?: number;
  /** Longest Retry-After we are willing to wait before giving up with `rate_limited` (default 10 s). */
  maxRetryAfter?: number;
  /** Backoff: base delay in ms of the first retry, doubled each time (default 300). */
  backoffBase?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  searchParams?: Record<string, string | number | boolean | undefined>;
}

export interface PostOptions extends RequestOptions {
  /** Makes the POST safe to retry: the server answers a replay with the first response. */
  idempotencyKey?: string;
}

/** A new Idempotency-Key (random UUID; works on plain-http pages, where randomUUID is missing). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});

/**
 * The one way widgets talk to the backend: base URL and clinic key from config, a timeout, the
 * caller's AbortSignal, retries with backoff (GET always, POST only with an Idempotency-Key),
 * Retry-After honoured on 429/503, and every answer parsed with its contract schema. Failures are
 * {@link PrmApiError}s.
 */
export class ApiClient {
  readonly #ky: KyInstance;
  readonly #retries: number;

  constructor(readonly options: ApiClientOptions) {
    // zod compiles fast parsers with `new Function` when it can; probing for that is an
    // 'unsafe-eval' CSP violation on strict pages. Our schemas are small: the interpreter is fast.
    z.config({ jitless: true });
    this.#retries = options.retries ?? 2;
    this.#ky = ky.create({
      prefixUrl: new URL('v1/', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href,
      // The clinic key travels as ?clinic= rather than the X-PRM-Clinic header: a custom header
      // makes every cross-origin GET a preflighted request (one more round trip each).
      headers: { Accept: 'application/json' },
      timeout: options.timeout ?? 10_000,
      credentials: 'omit',
      retry: this.#retry(['get']),
    });
  }

  /** Retry policy: backoff, Retry-After honoured, but never a wait longer than `maxRetryAfter`. */
  #retry(methods: Array<'get' | 'post' | 'patch'>): RetryOptions {
    const base = this.options.backoffBase ?? 300;
    const maxWait = this.options.maxRetryAfter ?? 10_000;
    return {
      limit: this.#retries,
      methods,
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxWait,
      delay: (attempt) => base * 2 ** (attempt - 1),
      backoffLimit: 5_000,
      shouldRetry: ({ error }) => {
        const res = (error as { response?: Response }).response;
        const wait = res ? parseRetryAfter(res.headers.get('Retry-After')) : undefined;
        // ky would clamp a long Retry-After and retry early; we give up and let the widget say so.
        return wait !== undefined && wait * 1000 > maxWait ? false : undefined;
      },
    };
  }

  /** GET `path` (relative to /v1, no leading slash) and parse the answer with `schema`. */
  get<S extends z.ZodMiniType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.infer<S>> {
    return this.#send(path, schema, { method: 'get' }, opts);
  }

  /** POST JSON; retried only when `idempotencyKey` is given. */
  post<S extends z.ZodMiniType>(path: string, body: unknown, schema: S, opts: PostOptions = {}): Promise<z.infer<S>> {
    return this.#send(path, schema, this.#bodyInit('post', body, opts.idempotencyKey), opts);
  }

  patch<S extends z.ZodMiniType>(path: string, body: unknown, schema: S, opts: PostOptions = {}): Promise<z.infer<S>> {
    return this.#send(path, schema, this.#bodyInit('patch', body, opts.idempotencyKey), opts);
  }

  delete<S extends z.ZodMiniType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.infer<S>> {
    return this.#send(path, schema, { method: 'delete' }, opts);
  }

  #bodyInit(method: 'post' | 'patch', body: unknown, key?: string): Options {
    const init: Options = { method, json: body };
    if (key) {
      init.headers = { 'Idempotency-Key': key };
      init.retry = this.#retry([method]);
    } else {
      init.retry = 0;
    }
    return init;
  }

  async #send<S extends z.ZodMiniType>(path: string, schema: S, init: Options, opts: RequestOptions): Promise<z.infer<S>> {
    // One query string from the path's own, the caller's parameters and the clinic key (ky's
    // searchParams option would replace a query already in the path).
    const [pathname, query] = path.replace(/^\//, '').split('?', 2) as [string, string | undefined];
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(opts.searchParams ?? {})) if (v !== undefined) params.set(k, String(v));
    params.set('clinic', this.options.clinic);
    let data: unknown;
    try {
      const res = await this.#ky(`${pathname}?${params}`, { ...init, signal: opts.signal });
      const text = await res.text();
      data = text ? JSON.parse(text) : null;
    } catch (err) {
      throw await toApiError(err, opts.signal);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || '(root)';
      throw new PrmApiError('invalid_response', `Response of ${path} does not match the contract at ${where}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}

async function toApiError(err: unknown, signal?: AbortSignal): Promise<PrmApiError> {
  if (err instanceof PrmApiError) return err;
  const e = err as Error & { response?: Response };
  if (signal?.aborted || e?.name === 'AbortError') return new PrmApiError('aborted', 'Request aborted', { cause: err });
  if (e?.name === 'TimeoutError') return new PrmApiError('timeout', 'The server did not answer in time', { cause: err });
  if (e?.name === 'HTTPError' && e.response) {
    const res = e.response;
    let body: z.infer<typeof ErrorBody>['error'] | undefined;
    try {
      const parsed = ErrorBody.safeParse(await res.json());
      if (parsed.success) body = parsed.data.error;
    } catch {
      /* not JSON: keep the status */
    }
    const extra = {
      status: res.status,
      code: body?.code,
      fields: body?.fields,
      retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
      cause: err,
    };
    const message = body?.message ?? `HTTP ${res.status}`;
    return new PrmApiError(res.status === 429 ? 'rate_limited' : 'http', message, extra);
  }
  if (err instanceof SyntaxError) return new PrmApiError('invalid_response', 'Response is not JSON', { cause: err });
  return new PrmApiError('network', 'The server could not be reached', { cause: err });
}
