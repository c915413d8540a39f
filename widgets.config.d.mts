/** Types of `widgets.config.mjs`, the one declaration of every widget. */

/** One range of viewport widths and the block size reserved for the widget in it. */
export interface BoxSize {
  /** Lower bound of the viewport width (CSS length, `@media (min-width: …)`); none = every width. */
  minWidth?: string;
  /** Block size reserved before the widget's code runs (its skeleton uses the same box). */
  blockSize: string;
}

export type ReservedBox =
  /** A widget in the page's flow: its box is reserved with `min-block-size: var(property, size)`. */
  | { floating?: false; property: `--prm-${string}`; sizes: [BoxSize, ...BoxSize[]] }
  /** A widget fixed above the page (the chat launcher): it takes no room. */
  | { floating: true };

/** A part of a widget loaded on demand: `dist/cdn/chunks/<folder>.<part>-<hash>.js`. */
export interface LazyPart {
  /** The module's file name without `.ts` in `src/widgets/<folder>/` (Vite names the chunk after it). */
  part: string;
  /** gzip -9 bytes. */
  budget: number;
  label: string;
}

export interface MicroBenchmark {
  id: string;
  label: string;
  /** The markup under test. */
  html: string;
  opts?: Record<string, unknown>;
  /** Source of `async (el, opts) => …` doing the measured work once; `null` = not written yet. */
  run: string | null;
  /** Fixed API answers for that page, e.g. `{ 'GET /v1/stories': (url) => body }`. */
  fixtures?: Record<string, (url: URL) => unknown>;
  /**
   * The id of another micro-benchmark of the same widget doing the same work on a smaller input:
   * the report also gives this one's ratio to it (same run), against `goal` when set.
   */
  baseline?: string;
  /** Goal for the ratio to `baseline` (e.g. 1.5: at most 1.5× the work of the smaller input). */
  goal?: number;
}

export interface WidgetDeclaration {
  /** The custom element, `prm-…`. */
  tag: `prm-${string}`;
  /** `src/widgets/<folder>/` (with `define.ts` and `<folder>.ts`), chunk name, npm subpath `prm-widgets/<folder>`, `docs/widgets/<folder>.md`. */
  folder: string;
  /** The element class exported by `src/widgets/<folder>/<folder>.ts` and by the package root. */
  className: `Prm${string}`;
  /** One line for the docs. */
  summary: string;
  /** gzip -9 bytes of the widget's own chunk (`chunks/<folder>-<hash>.js`), without lazy parts. */
  budget: number;
  /** Parts loaded later (not in the initial code). */
  lazy: LazyPart[];
  box: ReservedBox;
  /** The event fired once the widget shows its data (`prm-*-view`). */
  ready: `prm-${string}`;
  /** Fires only once the patient opens it (a launcher facade): pages do not wait for it. */
  readyAfterInteraction?: boolean;
  /**
   * Its own chunk is a facade that needs no shared runtime before an interaction (the chat
   * launcher): it imports only loader.js, and the loader starts no runtime or locale chunk for it;
   * its lazy part brings the runtime. Checked on the build by test/e2e/chunks.test.ts.
   */
  facade?: boolean;
  /** In progress: its code is in the tree but it is not shipped or cross-checked yet. */
  wip?: boolean;
  /**
   * The GETs (`/v1/…`) the widget makes as soon as it starts, written as its API client sends them:
   * a query only where the widget adds one, `{locale}` standing for its resolved language
   * (`/v1/procedures?locale={locale}`). The loader asks for them in one `GET /v1/bootstrap` while
   * the widget's code downloads, and the widget's client takes the answers from there instead of
   * fetching (server/domains/bootstrap/). Empty: nothing before an interaction (no bootstrap).
   */
  firstData: string[];
  /** The markup a clinic pastes (README, docs, benchmark page). */
  example: string;
  /** Attributes for the test pages (e.g. the strict-CSP route); defaults to those of `example`. */
  testAttributes?: string;
  /** The benchmark's extras (`bench/widgets.mjs`). */
  bench: {
    /**
     * The widget's own targets (its issue's), checked on its solo variant (the widget alone on the
     * page): requests to our origin before its ready event, ready time after the script tag, our
     * longest script, TBT / DOM nodes / heap added against the baseline page, CLS.
     */
    targets?: { requestsBeforeReady: number; readyMs: number; ourTaskMs: number; tbtAddedMs: number; nodesAdded: number; heapAddedBytes: number; cls: number };
    /** Source of `async (el) => …` run in the page for the "after first interaction" variant. */
    interact?: string | null;
    micro?: MicroBenchmark[];
  };
}

export interface FileBudget {
  /** A glob under `dist/cdn/`. */
  file: string;
  budget: number;
  label: string;
  gzip?: boolean;
}

export interface SharedDeclaration {
  loader: FileBudget;
  runtime: FileBudget;
  /**
   * Each built widget's solo bundle (`{folder}`, `{tag}` replaced): the runtime and the widget's own
   * chunk in one file; its budget is the runtime's plus the widget's.
   */
  solo: { file: string; label: string };
  /** `{locale}` is replaced by each target locale of lit-localize.json. */
  locale: FileBudget;
  /** Lazy chunks shared by several widgets (e.g. the form layer). */
  lazy: (FileBudget & { holds: string })[];
  other: FileBudget[];
  catchAll: { budget: number; label: string };
  initialTotal: { budget: number; label: string };
}

export const WIDGETS: WidgetDeclaration[];
export const SHARED: SharedDeclaration;
export function hasCode(w: WidgetDeclaration, root?: URL): boolean;
export function isBuilt(w: WidgetDeclaration, root?: URL): boolean;
export function builtWidgets(root?: URL): WidgetDeclaration[];
