import { html, nothing, type ReactiveController } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { PrmApiError } from '../api/errors.js';
import { emptyState, errorState, loadingState } from '../states.js';
import type { PrmElement } from '../element.js';
import type { KeyedCache } from './cache.js';
import { nextTask } from '../task.js';

export interface DataOptions<T, A extends readonly unknown[]> {
  /** Inputs; the task re-runs when any of them changes. Return undefined to stay idle. */
  args: () => A | undefined;
  task: (args: A, opts: { signal: AbortSignal }) => Promise<T>;
  /** Whether a loaded value counts as empty (shows the empty state). */
  isEmpty?: (value: T) => boolean;
  /**
   * Keeps showing the previous value while the next one loads, rather than the skeleton (so
   * changing a month or a filter does not flash). Default true; the skeleton still shows on the
   * first load and after an error.
   */
  keepPrevious?: boolean;
  /**
   * Values already loaded are served from `cache` under `key(args)` without a request (e.g. slot
   * months seen before). A cached load is not aborted when the args move on: its value is kept
   * for when the patient comes back.
   */
  cache?: { store: KeyedCache<T>; key: (args: A) => string };
}

export interface DataRender<T> {
  /** The content; `refreshing` is true while a newer value is on its way (show it quietly). */
  complete: (value: T, refreshing: boolean) => unknown;
  /** The widget's skeleton, the same box as its content. */
  pending?: () => unknown;
  empty?: () => unknown;
  /** The empty state's title, when `empty` is not given. */
  emptyTitle?: string;
}

const never = new AbortController().signal;

/**
 * Async data for a widget on `@lit/task`, rendered the same way everywhere: loading (skeleton),
 * error with a retry action (and a `prm-error` event), empty, content. Stale requests are
 * aborted when inputs change or the widget leaves the page; the previous value stays on screen
 * while the next loads; an optional keyed cache serves values already seen at once.
 */
export class DataController<T, A extends readonly unknown[]> implements ReactiveController {
  readonly task: Task<readonly unknown[], T>;

  constructor(
    host: PrmElement,
    private readonly opts: DataOptions<T, A>,
  ) {
    host.addController(this);
    this.task = new Task<readonly unknown[], T>(host, {
      args: () => {
        const a = opts.args();
        return a ? [true, ...a] : [false];
      },
      task: async ([ready, ...rest], { signal }) => {
        if (!ready) return initialState;
        const args = rest as unknown as A;
        const c = opts.cache;
        if (c) return c.store.get(c.key(args), () => opts.task(args, { signal: never }));
        // The render that started this, checking the answers (their contract; often already here,
        // from the loader's bootstrap) and rendering them: three tasks, not one long one.
        await nextTask();
        const value = await opts.task(args, { signal });
        await nextTask();
        return value;
      },
      onError: (err) => {
        if (err instanceof PrmApiError && err.kind === 'aborted') return;
        host.reportError(err);
      },
    });
  }

  /** The value for the current args when loaded (or cached), else the previous one while refreshing. */
  get value(): T | undefined {
    return this.#cached() ?? this.task.value;
  }

  get status(): TaskStatus {
    return this.#cached() !== undefined ? TaskStatus.COMPLETE : this.task.status;
  }

  /** Whether a newer value is loading while an older one is shown. */
  get refreshing(): boolean {
    return this.status === TaskStatus.PENDING && this.task.value !== undefined && this.opts.keepPrevious !== false;
  }

  hostConnected(): void {}

  /** Runs the task again (the retry action); a cached value for these args is dropped first. */
  retry = (): void => {
    const c = this.opts.cache;
    const a = this.opts.args();
    if (c && a) c.store.delete(c.key(a));
    void this.task.run();
  };

  #cached(): T | undefined {
    const c = this.opts.cache;
    if (!c || this.task.status !== TaskStatus.PENDING) return undefined;
    const a = this.opts.args();
    return a ? c.store.peek(c.key(a)) : undefined;
  }

  render(r: DataRender<T>): unknown {
    const done = (value: T, refreshing: boolean) => {
      const content = this.opts.isEmpty?.(value) ? (r.empty ? r.empty() : emptyState(r.emptyTitle ?? '')) : r.complete(value, refreshing);
      // One shape whether refreshing or not, so Lit keeps the content's DOM (and the focus in it)
      // when the newer value arrives, instead of rebuilding it.
      return [content, refreshing ? html`<span class="visually-hidden" role="status">${msg('Loading…')}</span>` : nothing];
    };
    const cached = this.#cached();
    if (cached !== undefined) return done(cached, false);
    if (this.refreshing) return done(this.task.value as T, true);
    return this.task.render({
      initial: () => loadingState(r.pending?.()),
      pending: () => loadingState(r.pending?.()),
      error: (err) => errorState(err, this.retry),
      complete: (value) => done(value, false) ?? nothing,
    });
  }
}
