import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../api/client.js';
import { QUEUE_BACKOFF, isTransient, retryDelay, type Backoff } from '../api/retry.js';

/**
 * Where one submission stands:
 * - `sending`: on its way (or next in line behind one on its way);
 * - `pending-offline`: a network-type failure (offline, timeout, 429, 5xx): saved in this tab,
 *   will be sent automatically with the same Idempotency-Key;
 * - `sent`: the server acknowledged it (`result`, `sentAt`); it is no longer stored;
 * - `refused`: the server refused it (e.g. 400 with field messages); retrying it unchanged won't
 *   help, so it is not stored either (the form still holds what was typed).
 */
export type SubmitStatus = 'sending' | 'pending-offline' | 'sent' | 'refused';

export interface SubmitEntry<B, R = unknown> {
  /** The Idempotency-Key of this submission, the same for every attempt of it. */
  readonly key: string;
  readonly body: B;
  /** When the patient submitted (ms since epoch). */
  readonly createdAt: number;
  status: SubmitStatus;
  attempts: number;
  result?: R;
  /** The last failure (for `pending-offline` and `refused`). */
  error?: unknown;
  /** When the server acknowledged it. */
  sentAt?: Date;
  /** Settles when the entry is `sent` or `refused` (never rejects). */
  readonly done: Promise<SubmitEntry<B, R>>;
}

export interface SubmitQueueOptions<B, R> {
  /** sessionStorage key, unique per widget kind and clinic, e.g. `prm-submit:feedback:pk_live_x`. */
  storageKey: () => string;
  /** Sends one attempt. Must pass `key` as the Idempotency-Key so a replay writes nothing new. */
  send: (body: B, key: string, signal: AbortSignal) => Promise<R>;
  /** Waits between later attempts (Retry-After wins); the SDK's queue backoff by default. */
  backoff?: Backoff;
  /** Tab-scoped storage; sessionStorage by default. Never localStorage: bodies may hold health data. */
  storage?: () => Storage | undefined;
  /** Called after each status change of an entry (besides the host update), e.g. to fire an event. */
  onChange?: (entry: SubmitEntry<B, R>) => void;
}

interface Stored<B> {
  key: string;
  body: B;
  createdAt: number;
  attempts: number;
}

/** Idempotency-Keys held by a connected queue of this page, so two widgets never both send one. */
const claimed = new Set<string>();

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled (sandboxed iframe, privacy settings): memory only
  }
}

const online = () => navigator.onLine !== false;

/**
 * "Nothing lost, nothing duplicated": an ordered queue of a widget's submissions (chat messages,
 * feedback, bookings, quote requests). Each entry has its own Idempotency-Key — two identical
 * bodies are two submissions — and entries go to the server one after the other, in the order
 * the patient sent them. Unsent entries are kept in memory and sessionStorage (tab-scoped; never
 * localStorage, cookies or IndexedDB) until the server acknowledges them, and sent again with
 * their key when the browser is back online, on a backoff timer (honouring Retry-After), on
 * `retry()`, and when the widget is mounted again in the same tab. Nothing is written before
 * `submit()`, i.e. before the patient acts. It knows no widget: the host supplies `send`.
 */
export class SubmitQueue<B, R = unknown> implements ReactiveController {
  /** Every entry of this mount, oldest first, until `forget()`: sent and refused ones too. */
  entries: SubmitEntry<B, R>[] = [];
  #resolvers = new WeakMap<SubmitEntry<B, R>, (e: SubmitEntry<B, R>) => void>();
  /** Keys this queue has held: what it may overwrite in storage. */
  #own = new Set<string>();
  #abort?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #retries = 0;
  #pumping = false;
  #connected = false;
  #restored = false;
  readonly #online = () => this.retry();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: SubmitQueueOptions<B, R>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    window.addEventListener('online', this.#online);
    for (const e of this.entries) if (!isFinal(e)) claimed.add(e.key);
    // Submissions left unsent by an earlier mount in this tab (reload, SPA navigation).
    if (!this.#restored) {
      this.#restored = true;
      for (const s of this.#load()) {
        if (claimed.has(s.key) || this.#own.has(s.key)) continue;
        const e = this.#entry(s.key, s.body, s.createdAt, 'pending-offline');
        e.attempts = s.attempts;
        this.entries.push(e);
      }
      this.entries.sort((a, b) => a.createdAt - b.createdAt);
    }
    if (this.entries.some((e) => !isFinal(e))) this.retry();
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#online);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const e of this.entries) claimed.delete(e.key);
    // A request already on its way is left to finish: it is idempotent, and abandoning it
    // because the widget left the page would lose the patient's submission.
  }

  /** The entries not yet acknowledged nor refused. */
  get unsent(): SubmitEntry<B, R>[] {
    return this.entries.filter((e) => !isFinal(e));
  }

  /** The most recent entry, if any. */
  get last(): SubmitEntry<B, R> | undefined {
    return this.entries[this.entries.length - 1];
  }

  /**
   * Adds a submission at the end of the line with a new Idempotency-Key, saves it in this tab and
   * sends it when its turn comes. Never merged with an earlier entry, even an identical one:
   * guard against double clicks in the form (disable the button while `sending`).
   */
  submit(body: B): SubmitEntry<B, R> {
    const prev = this.last;
    // Keep the order of submission even when two land within the same millisecond.
    const createdAt = Math.max(Date.now(), prev ? prev.createdAt + 1 : 0);
    const waiting = !online() || this.entries.some((e) => e.status === 'pending-offline');
    const e = this.#entry(newIdempotencyKey(), body, createdAt, waiting ? 'pending-offline' : 'sending');
    this.entries.push(e);
    if (this.#connected) claimed.add(e.key);
    this.#save();
    this.#changed(e);
    if (!waiting) void this.#pump();
    else if (this.#timer === undefined) this.#schedule(undefined);
    return e;
  }

  /** Sends the unsent entries now (the "try again" action; also on `online` and the timer). */
  retry(): void {
    if (!this.unsent.length) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#pump();
  }

  /** Drops an entry (memory and storage); aborts it if it is on its way. */
  forget(entry: SubmitEntry<B, R>): void {
    if (this.#inflight === entry) this.#abort?.abort();
    this.entries = this.entries.filter((e) => e !== entry);
    claimed.delete(entry.key);
    this.#save();
    this.#resolvers.get(entry)?.(entry);
    this.host.requestUpdate();
  }

  /** Forgets every entry (memory and storage). */
  clear(): void {
    for (const e of [...this.entries]) this.forget(e);
    clearTimeout(this.#timer);
  }

  #inflight?: SubmitEntry<B, R>;

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (let e = this.unsent[0]; e; e = this.unsent[0]) {
        if (!online()) {
          this.#wait(undefined);
          return;
        }
        this.#set(e, 'sending');
        this.#abort = new AbortController();
        const signal = this.#abort.signal;
        this.#inflight = e;
        e.attempts++;
        try {
          const r = await this.opts.send(e.body, e.key, signal);
          if (!this.entries.includes(e)) continue; // forgotten meanwhile
          e.result = r;
          e.error = undefined;
          e.sentAt = new Date();
          this.#retries = 0;
          this.#finish(e, 'sent');
        } catch (err) {
          if (!this.entries.includes(e) || signal.aborted) continue;
          e.error = err;
          if (isTransient(err)) {
            this.#wait(err);
            return;
          }
          this.#finish(e, 'refused');
        } finally {
          this.#inflight = undefined;
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** The head of the line failed for a network reason: it and everything behind it wait. */
  #wait(err: unknown): void {
    for (const e of this.unsent) this.#set(e, 'pending-offline');
    this.#save();
    this.#schedule(err);
  }

  #schedule(err: unknown): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#connected) return;
    const wait = retryDelay(this.#retries++, err, this.opts.backoff ?? QUEUE_BACKOFF);
    this.#timer = setTimeout(() => (online() ? this.retry() : this.#schedule(undefined)), wait);
  }

  #finish(e: SubmitEntry<B, R>, status: 'sent' | 'refused'): void {
    claimed.delete(e.key);
    this.#set(e, status);
    this.#save();
    this.#resolvers.get(e)?.(e);
  }

  #entry(key: string, body: B, createdAt: number, status: SubmitStatus): SubmitEntry<B, R> {
    let resolve!: (e: SubmitEntry<B, R>) => void;
    const done = new Promise<SubmitEntry<B, R>>((r) => (resolve = r));
    const e: SubmitEntry<B, R> = { key, body, createdAt, status, attempts: 0, done };
    this.#resolvers.set(e, resolve);
    this.#own.add(key);
    return e;
  }

  #set(e: SubmitEntry<B, R>, status: SubmitStatus): void {
    if (e.status === status) return;
    e.status = status;
    this.#changed(e);
  }

  #changed(e: SubmitEntry<B, R>): void {
    this.host.requestUpdate();
    this.opts.onChange?.(e);
  }

  #storage(): Storage | undefined {
    return this.opts.storage ? this.opts.storage() : session();
  }

  /** Writes the unsent entries, keeping those of other queues of this page under the same key. */
  #save(): void {
    const store = this.#storage();
    if (!store) return;
    try {
      const k = this.opts.storageKey();
      const others = this.#load().filter((s) => !this.#own.has(s.key));
      const mine: Stored<B>[] = this.unsent.map(({ key, body, createdAt, attempts }) => ({ key, body, createdAt, attempts }));
      const all = [...others, ...mine].sort((a, b) => a.createdAt - b.createdAt);
      if (all.length) store.setItem(k, JSON.stringify(all));
      else store.removeItem(k);
    } catch {
      /* quota or disabled storage: the entries stay in memory */
    }
  }

  #load(): Stored<B>[] {
    try {
      const raw = this.#storage()?.getItem(this.opts.storageKey());
      const list: unknown = raw ? JSON.parse(raw) : [];
      if (!Array.isArray(list)) return [];
      return (list as Partial<Stored<B>>[])
        .filter((s) => typeof s?.key === 'string' && s.body !== undefined && typeof s.createdAt === 'number')
        .map((s) => ({ key: s.key!, body: s.body!, createdAt: s.createdAt!, attempts: Number(s.attempts) || 0 }));
    } catch {
      return [];
    }
  }
}

function isFinal(e: SubmitEntry<unknown, unknown>): boolean {
  return e.status === 'sent' || e.status === 'refused';
}
