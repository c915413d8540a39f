import type { Parser } from '../contract/check.js';
import { ErrorBodySchema } from '../../generated/contract/common.js';
import { PrmApiError, parseRetryAfter } from './errors.js';
import { CALL_BACKOFF, isTransient, retryDelay } from './retry.js';
import { bootKey, takeBoot } from './boot.js';
import { apiBase } from './base.js';

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
  /** Per-attempt timeout for this call (ms), e.g. longer for an upload. */
  timeout?: number;
}

/** A new Idempotency-Key (random v4 UUID; also on plain-http pages, where randomUUID is missing). */
export function newIdempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    // Each 0/1/8 of the template becomes a random hex digit, keeping the version (4) and variant bits.
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
    )
  );
}

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(t);
      reject(new PrmApiError('aborted', 'Request aborted'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The one way widgets talk to the backend: base URL and clinic key from config, a timeout, the
 * caller's AbortSignal, retries of transient failures with backoff (GET always, POST/PATCH only
 * with an Idempotency-Key; the policy is `api/retry.ts`), Retry-After honoured, and every answer parsed with its contract
 * schema. Failures are {@link PrmApiError}s.
 *
 * Built on `fetch` directly rather than ky: the shared runtime has a 22,528 B gzip budget and
 * ky (≈ 5 KB gzip) did not fit beside Lit, zod and the core; this is the part of ky we used
 * (prefix URL, JSON body, per-attempt timeout, retry policy with Retry-After), in ≈ 0.8 KB.
 */
export class ApiClient {
  readonly #base: string;

  constructor(readonly options: ApiClientOptions) {
    this.#base = apiBase(options.baseUrl);
  }

  /** GET `path` (relative to /v1, no leading slash) and parse the answer with `schema`. */
  get<T>(path: string, schema: Parser<T>, opts: RequestOptions = {}): Promise<T> {
    return this.#send('GET', path, schema, opts, undefined, true);
  }

  /** POST JSON (a Blob is sent as raw bytes, for upload endpoints); retried only when `idempotencyKey` is given. */
  post<T>(path: string, body: unknown, schema: Parser<T>, opts: PostOptions = {}): Promise<T> {
    return this.#send('POST', path, schema, opts, body);
  }

  /** PATCH JSON; retried only when `idempotencyKey` is given. */
  patch<T>(path: string, body: unknown, schema: Parser<T>, opts: PostOptions = {}): Promise<T> {
    return this.#send('PATCH', path, schema, opts, body);
  }

  /** DELETE; not retried (the caller decides). */
  delete<T>(path: string, schema: Parser<T>, opts: RequestOptions = {}): Promise<T> {
    return this.#send('DELETE', path, schema, opts);
  }

  async #send<T>(
    method: string,
    path: string,
    schema: Parser<T>,
    opts: PostOptions,
    body?: unknown,
    safe = false,
  ): Promise<T> {
    const { signal, idempotencyKey: key } = opts;
    // One query string from the path's own, the caller's parameters and the clinic key. The key
    // travels as ?clinic= rather than a header: a custom header makes every cross-origin GET a
    // preflighted request (one more round trip each).
    const [pathname, query] = path.replace(/^\//, '').split('?', 2) as [string, string | undefined];
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(opts.searchParams ?? {})) if (v !== undefined) params.set(k, String(v));
    params.set('clinic', this.options.clinic);
    const url = `${this.#base}${pathname}?${params}`;
    // A widget's first data may already be on its way: the loader asked for it with the code.
    if (method === 'GET') {
      const boot = await takeBoot(this.#base, this.options.clinic, bootKey(pathname, params), signal, this.options.timeout);
      // Checked like any answer; one that fails its schema (a mangled or older bootstrap) is not
      // kept for every retry: the endpoint itself is asked.
      if (boot)
        try {
          return parse(path, schema, boot.value);
        } catch {
          /* fetched below */
        }
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    const raw = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
    if (key) headers['Idempotency-Key'] = key;
    const o = this.options;
    const retries = safe || key ? (o.retries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      let err: PrmApiError;
      const ac = new AbortController();
      const onAbort = () => ac.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ac.abort();
      }, opts.timeout ?? o.timeout ?? 10_000);
      try {
        if (signal?.aborted) throw signal.reason;
        const res = await fetch(url, {
          method,
          headers,
          body: raw || body === undefined ? (body as Blob | undefined) : JSON.stringify(body),
          credentials: 'omit',
          signal: ac.signal,
        });
        if (res.ok) return parse(path, schema, json(await res.text()));
        err = await httpError(res);
        if (err.kind === 'unauthorized') reportUnknownKey(this.#base, o.clinic);
      } catch (e) {
        if (e instanceof PrmApiError) throw e;
        err = signal?.aborted
          ? new PrmApiError('aborted', 'Request aborted', { cause: e })
          : timedOut || (e as Error)?.name === 'TimeoutError'
            ? new PrmApiError('timeout', 'The server did not answer in time', { cause: e })
            : new PrmApiError('network', 'The server could not be reached', { cause: e });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      // The SDK's one retry policy (api/retry.ts), shared with the submission queue.
      if (attempt >= retries || !isTransient(err)) throw err;
      const wait = retryDelay(attempt, err, { ...CALL_BACKOFF, base: o.backoffBase ?? CALL_BACKOFF.base });
      // A Retry-After longer than we are willing to wait: give up and let the widget (or the
      // submission queue, which waits as long as it is told) deal with it.
      if (wait > (o.maxRetryAfter ?? 10_000)) throw err;
      await sleep(wait, signal);
    }
  }
}

/** Base URLs + keys already reported: one console error per wrong key, however many calls fail. */
const reportedKeys = new Set<string>();
function reportUnknownKey(base: string, clinic: string): void {
  const id = `${base}|${clinic}`;
  if (reportedKeys.has(id)) return;
  reportedKeys.add(id);
  console.error(`[prm-widgets] the clinic key "${clinic}" is not known to ${base} (401): check data-clinic / clinic="…" / PRM.configure({ clinic }); public keys start with pk_. The widgets show "not available" until it is fixed.`);
}

/** An answer's text as JSON (empty: null); anything else is `invalid_response`. */
function json(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch (cause) {
    throw new PrmApiError('invalid_response', 'Response is not JSON', { cause });
  }
}

/** Parses an answer with its contract schema; anything else is `invalid_response`. */
function parse<T>(path: string, schema: Parser<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') || '(root)';
  throw new PrmApiError('invalid_response', `Response of ${path} does not match the contract at ${where}`, { cause: parsed.error });
}

/** An HTTP error answer → `http` (`rate_limited` for 429, `unauthorized` for 401: unknown clinic key) with the server's code and fields. */
async function httpError(res: Response): Promise<PrmApiError> {
  let error: { code?: string; message?: string; fields?: Record<string, string> } = {};
  try {
    const parsed = ErrorBodySchema.safeParse(await res.json());
    if (parsed.success) error = parsed.data.error;
  } catch {
    /* not JSON: keep the status */
  }
  return new PrmApiError(res.status === 429 ? 'rate_limited' : res.status === 401 ? 'unauthorized' : 'http', error.message ?? `HTTP ${res.status}`, {
    status: res.status,
    code: error.code,
    fields: error.fields,
    retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
  });
}
