import type { BootEntry } from '../api/boot.js';
import { VERSION } from '../version.js';

/**
 * The page-wide store shared by the loader (`window.PRM`) and every copy of the runtime.
 * The loader and the runtime may come from different bundles, so they meet on this plain object
 * rather than on shared module state; both create it the same way when it is missing.
 */
export interface PrmGlobal {
  version: string;
  /** Resolves when the widgets present at load time are defined. */
  ready: Promise<void>;
  /** Set page-wide config (the `configure()` layer); later calls merge over earlier ones. */
  configure(config: Record<string, unknown>): void;
  /** The loader's `data-*` values, as read from its `<script>`. */
  script: Record<string, string>;
  /** Values given to `configure()`. */
  code: Record<string, unknown>;
  /** Called after every `configure()`. */
  subs: Set<() => void>;
  /** Config problems already reported on the console, so each is reported once. */
  reported: Set<string>;
  /** First data the loader requested for the widgets on the page (see `core/api/boot.ts`). */
  boot?: BootEntry[];
  /**
   * The reference of the last `prm-*-success` event of each kind on the page (a quote, a booking),
   * for parts that load later and speak of it: the chat launcher's hand-off ("About quote Q-…").
   * Memory only, and only the reference.
   */
  done?: Record<string, { reference?: string } | undefined>;
}

declare global {
  interface Window {
    PRM?: PrmGlobal;
  }
}

/** The page's PRM store, created on first use (npm users have no loader). */
export function prmGlobal(): PrmGlobal {
  const w = window;
  if (!w.PRM) {
    const g: PrmGlobal = {
      version: VERSION,
      ready: Promise.resolve(),
      script: {},
      code: {},
      subs: new Set(),
      reported: new Set(),
      configure(config) {
        Object.assign(g.code, config);
        g.subs.forEach((fn) => fn());
      },
    };
    w.PRM = g;
  }
  return w.PRM;
}

/**
 * A config value for a widget tag, as the loader and the chat launcher's facade read it before the
 * runtime is there: its attribute > `PRM.configure()` > the loader's `data-*` ('' when none).
 */
export function pickConfig(el: Element, field: string): string {
  const g = prmGlobal();
  return el.getAttribute(field) || (g.code[field] as string | undefined) || g.script[field] || '';
}
