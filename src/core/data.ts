import type { ReactiveController } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { PrmApiError } from './api/errors.js';
import { emptyState, errorState, loadingState } from './states.js';
import type { PrmElement } from './element.js';

export interface DataOptions<T, A extends readonly unknown[]> {
  /** Inputs; the task re-runs when any of them changes. Return undefined to stay idle. */
  args: () => A | undefined;
  task: (args: A, opts: { signal: AbortSignal }) => Promise<T>;
  /** Whether a loaded value counts as empty (shows the empty state). */
  isEmpty?: (value: T) => boolean;
}

export interface DataRender<T> {
  complete: (value: T) => unknown;
  /** The widget's skeleton, the same box as its content. */
  pending?: () => unknown;
  empty?: () => unknown;
  /** The empty state's title, when `empty` is not given. */
  emptyTitle?: string;
}

/**
 * Async data for a widget on `@lit/task`, rendered the same way everywhere: loading (skeleton),
 * error with a retry action (and a `prm-error` event), empty, content. Stale requests are
 * aborted when inputs change or the widget leaves the page.
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
        return opts.task(rest as unknown as A, { signal });
      },
      onError: (err) => {
        if (err instanceof PrmApiError && err.kind === 'aborted') return;
        host.reportError(err);
      },
    });
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  hostConnected(): void {}

  /** Runs the task again (the retry action). */
  retry = (): void => {
    void this.task.run();
  };

  render(r: DataRender<T>): unknown {
    return this.task.render({
      initial: () => loadingState(r.pending?.()),
      pending: () => loadingState(r.pending?.()),
      error: (err) => errorState(err, this.retry),
      complete: (value) => {
        if (this.opts.isEmpty?.(value)) return r.empty ? r.empty() : emptyState(r.emptyTitle ?? '');
        return r.complete(value);
      },
    });
  }
}
