import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { PrmApiError } from '../api/errors.js';
import { emptyState, errorState, loadingState } from '../states.js';
import type { PrmElement } from '../element.js';
import { nextTask } from '../task.js';

/** One page of a cursor-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedOptions<T, A extends readonly unknown[]> {
  /** Inputs (filters); the list starts again from its first page when one changes. Undefined: idle. */
  args: () => A | undefined;
  /** Loads the page after `cursor` (undefined for the first page). */
  page: (args: A, cursor: string | undefined, opts: { signal: AbortSignal }) => Promise<Page<T>>;
}

export interface PagedRender<T> {
  /** The loaded items (all pages so far); `refreshing` while a new filter's first page loads. */
  complete: (items: T[], refreshing: boolean) => unknown;
  pending?: () => unknown;
  empty?: () => unknown;
  emptyTitle?: string;
}

/**
 * A cursor-paginated list (`GET /stories?cursor&limit`, staff lists): the first page with the
 * shared loading / empty / error states, then `loadMore()` appends the next page; it stops at the
 * end (`done`). A failed page shows an error with a retry below the pages already loaded, which
 * stay. When the args change the list starts again, the old items staying on screen until the
 * new first page arrives.
 */
export class PagedController<T, A extends readonly unknown[]> implements ReactiveController {
  items: T[] = [];
  /** `initial` (no args yet), `loading` (a page is on its way), `ready`, or `error` (of the last page). */
  status: 'initial' | 'loading' | 'ready' | 'error' = 'initial';
  error?: unknown;
  #cursor: string | null | undefined;
  #args?: A;
  /** Items shown belong to earlier args (a new first page is loading). */
  #stale = false;
  #abort?: AbortController;
  #run = 0;

  constructor(
    private readonly host: PrmElement,
    private readonly opts: PagedOptions<T, A>,
  ) {
    host.addController(this);
  }

  /** No more pages after the ones loaded. */
  get done(): boolean {
    return this.#cursor === null;
  }

  /** Whether the next page (not the first) is loading. */
  get loadingMore(): boolean {
    return this.status === 'loading' && !this.#stale && this.#cursor !== undefined;
  }

  hostUpdate(): void {
    const a = this.opts.args();
    if (!a) return;
    if (this.#args && a.length === this.#args.length && a.every((v, i) => Object.is(v, this.#args![i]))) return;
    this.#args = a;
    this.#cursor = undefined;
    this.#stale = this.items.length > 0;
    void this.#load();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // A page cut short by leaving the page is loaded again when the host comes back.
    if (this.status === 'loading') this.#args = undefined;
  }

  /** Appends the next page (no-op at the end or while a page is loading). */
  loadMore = (): void => {
    if (this.done || this.status === 'loading' || !this.#args) return;
    void this.#load();
  };

  /** Loads the page that failed again; the pages already loaded stay. */
  retry = (): void => {
    if (this.status === 'error') void this.#load();
  };

  async #load(): Promise<void> {
    const args = this.#args!;
    const cursor = this.#cursor ?? undefined;
    this.#abort?.abort();
    const ac = (this.#abort = new AbortController());
    const run = ++this.#run;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.opts.page(args, cursor, { signal: ac.signal });
      // Checking a page and rendering it: two tasks, not one long one (as core/data/controller.ts).
      await nextTask();
      if (run !== this.#run) return;
      this.items = this.#stale || cursor === undefined ? page.items : [...this.items, ...page.items];
      this.#stale = false;
      this.#cursor = page.nextCursor;
      this.status = 'ready';
    } catch (err) {
      if (run !== this.#run || (err instanceof PrmApiError && err.kind === 'aborted')) return;
      this.error = err;
      this.status = 'error';
      if (this.#stale) {
        this.items = [];
        this.#stale = false;
      }
      this.host.reportError(err);
    }
    this.host.requestUpdate();
  }

  /** The list with the shared first-page states (skeleton, empty, error with retry). */
  render(r: PagedRender<T>): unknown {
    const first = this.#cursor === undefined;
    if (this.status === 'initial' || (this.status === 'loading' && first && !this.#stale)) return loadingState(r.pending?.());
    if (this.status === 'error' && first) return errorState(this.error, this.retry);
    if (!this.items.length && !this.#stale) return r.empty ? r.empty() : emptyState(r.emptyTitle ?? '');
    return r.complete(this.items, this.#stale);
  }

  /**
   * What goes below the items: a "Show more" button while there are more pages, its busy state,
   * the error of a failed page with a retry, or nothing at the end.
   */
  renderMore(label: string = msg('Show more')): TemplateResult | typeof nothing {
    if (this.status === 'error' && this.#cursor !== undefined) return errorState(this.error, this.retry);
    if (this.done || this.status === 'initial' || this.#cursor === undefined) return nothing;
    const busy = this.loadingMore;
    return html`<button class="btn more" part="more" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.loadMore}>
      ${busy ? msg('Loading…') : label}
    </button>`;
  }
}
