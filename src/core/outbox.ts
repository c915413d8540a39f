import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from './api/client.js';
import { PrmApiError } from './api/errors.js';

/**
 * - `idle`: nothing submitted (or the last submission was cleared);
 * - `sending`: a request is on its way;
 * - `pending-offline`: it failed for a network reason (offline, timeout, 429, 5xx); it is kept
 *   in memory and sessionStorage and retried with the same Idempotency-Key;
 * - `sent`: the server acknowledged it (`result`, `sentAt`);
 * - `failed`: the server refused it (e.g. 400 with field messages); retrying as is won't help.
 */
export type OutboxState = 'idle' | 'sending' | 'pending-offline' | 'sent' | 'failed';

export interface OutboxEntry<B> {
  /** The Idempotency-Key, the same for every attempt of this submission. */
  key: string;
  body: B;
  /** When the patient submitted (ms since epoch). */
  createdAt: number;
  attempts: number;
}

export interface OutboxOptions<B, R> {
  /** sessionStorage key, unique per widget kind and clinic, e.g. `prm-outbox:quote:pk_live_x`. */
  storageKey: () => string;
  /** Sends one attempt. Must pass `key` as the Idempotency-Key so a replay writes nothing new. */
  send: (body: B, key: string, signal: AbortSignal) => Promise<R>;
  /** Whether a failure is worth retrying later (default: network, timeout, 429, 5xx). */
  retryable?: (err: unknown) => boolean;
  /** Delays (ms) of automatic retries while still pending; the last one repeats. */
  retryDelays?: number[];
  /** Tab-scoped storage; sessionStorage by default. Never localStorage: bodies may hold health data. */
  storage?: () => Storage | undefined;
  /** Called after each state change (besides the host update), e.g. to fire an event. */
  onChange?: (state: OutboxState) => void;
}

type Host = ReactiveControllerHost & EventTarget;

/** Network-type failures: worth keeping and retrying with the same key. */
export function isNetworkFailure(err: unknown): boolean {
  if (!(err instanceof PrmApiError)) return false;
  if (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'rate_limited') return true;
  return err.kind === 'http' && ((err.status ?? 500) >= 500 || err.status === 408);
}

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled (sandboxed iframe, privacy settings): memory only
  }
}

/**
 * "Nothing is lost": one pending submission of a widget, kept in memory and in sessionStorage
 * (tab-scoped; never localStorage, cookies or IndexedDB) until the server acknowledges it, and
 * retried with the same Idempotency-Key when the browser is back online, on a backoff timer, on
 * `retry()`, and when the widget is mounted again in the same tab. Nothing is written before
 * `submit()`, i.e. before the patient acts. It knows no widget: the host supplies `send`.
 */
export class Outbox<B, R> implements ReactiveController {
  state: OutboxState = 'idle';
  entry?: OutboxEntry<B>;
  result?: R;
  error?: unknown;
  /** When the server acknowledged the submission. */
  sentAt?: Date;
  #abort?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #retries = 0;
  #inflight?: Promise<R | undefined>;
  readonly #online = () => {
    if (this.state === 'pending-offline') void this.retry();
  };

  constructor(
    private readonly host: Host,
    private readonly opts: OutboxOptions<B, R>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#online);
    // A submission left pending by an earlier mount in this tab (reload, SPA navigation).
    if (!this.entry) {
      const saved = this.#load();
      if (saved) {
        this.entry = saved;
        this.#set('pending-offline');
        if (navigator.onLine !== false) void this.retry();
      }
    } else if (this.state === 'pending-offline' && navigator.onLine !== false) {
      // Moved in the page (or back after an SPA navigation): carry on where it stopped.
      void this.retry();
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#timer);
    // A request already on its way is left to finish: it is idempotent, and abandoning it
    // because the widget left the page would lose the patient's submission.
  }

  /** Whether a submission is waiting for the network. */
  get pending(): boolean {
    return this.state === 'sending' || this.state === 'pending-offline';
  }

  /**
   * Submits `body`. The same body as the pending one keeps its Idempotency-Key (so a double
   * click or a retry never creates two records); a changed body is a new submission.
   */
  submit(body: B): Promise<R | undefined> {
    if (this.#inflight && this.entry && same(this.entry.body, body)) return this.#inflight;
    if (!this.entry || !same(this.entry.body, body) || this.state === 'sent') {
      this.entry = { key: newIdempotencyKey(), body, createdAt: Date.now(), attempts: 0 };
      this.result = undefined;
      this.sentAt = undefined;
    }
    this.#retries = 0;
    this.#save();
    return this.#send();
  }

  /** Sends the pending submission again, with its Idempotency-Key. */
  retry(): Promise<R | undefined> {
    if (!this.entry || this.state === 'sent') return Promise.resolve(this.result);
    if (this.#inflight) return this.#inflight;
    return this.#send();
  }

  /** Forgets the submission (memory and storage) and returns to `idle`. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.entry = undefined;
    this.result = undefined;
    this.error = undefined;
    this.sentAt = undefined;
    this.#remove();
    this.#set('idle');
  }

  #send(): Promise<R | undefined> {
    const entry = this.entry!;
    clearTimeout(this.#timer);
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    entry.attempts++;
    this.error = undefined;
    this.#set('sending');
    const p = (async () => {
      try {
        const r = await this.opts.send(entry.body, entry.key, signal);
        if (this.entry !== entry) return undefined;
        this.result = r;
        this.sentAt = new Date();
        this.#remove();
        this.#set('sent');
        return r;
      } catch (err) {
        if (this.entry !== entry || signal.aborted) return undefined;
        this.error = err;
        if ((this.opts.retryable ?? isNetworkFailure)(err)) {
          this.#save();
          this.#set('pending-offline');
          this.#schedule();
        } else {
          // The server refused this body: retrying it unchanged won't help. Keep it in memory (the
          // form still holds what was typed) but not in storage.
          this.#remove();
          this.#set('failed');
        }
        return undefined;
      }
    })().finally(() => {
      if (this.#inflight === p) this.#inflight = undefined;
    });
    this.#inflight = p;
    return p;
  }

  #schedule(): void {
    const delays = this.opts.retryDelays ?? [5_000, 15_000, 30_000, 60_000];
    const d = delays[Math.min(this.#retries, delays.length - 1)]!;
    this.#retries++;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.state === 'pending-offline' && navigator.onLine !== false) void this.retry();
      else if (this.state === 'pending-offline') this.#schedule();
    }, d);
  }

  #set(state: OutboxState): void {
    this.state = state;
    this.host.requestUpdate();
    this.opts.onChange?.(state);
  }

  #storage(): Storage | undefined {
    return this.opts.storage ? this.opts.storage() : session();
  }

  #save(): void {
    if (!this.entry) return;
    try {
      this.#storage()?.setItem(this.opts.storageKey(), JSON.stringify(this.entry));
    } catch {
      /* quota or disabled storage: the entry stays in memory */
    }
  }

  #remove(): void {
    try {
      this.#storage()?.removeItem(this.opts.storageKey());
    } catch {
      /* nothing to do */
    }
  }

  #load(): OutboxEntry<B> | undefined {
    try {
      const raw = this.#storage()?.getItem(this.opts.storageKey());
      if (!raw) return undefined;
      const e = JSON.parse(raw) as Partial<OutboxEntry<B>>;
      if (typeof e?.key !== 'string' || e.body === undefined || typeof e.createdAt !== 'number') return undefined;
      return { key: e.key, body: e.body, createdAt: e.createdAt, attempts: Number(e.attempts) || 0 };
    } catch {
      return undefined;
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
