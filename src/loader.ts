/**
 * The script-tag entry. Reads its own `<script>`'s `data-api`, `data-clinic`, `data-locale`,
 * `data-theme` (and `data-currency`, `data-agent`), exposes `window.PRM` with `configure()`,
 * `ready`, `version` and `load()`, and imports a widget's chunk only when its tag appears —
 * together with the chunks it imports and its first data (`GET /v1/bootstrap`, handed to the
 * widget through `PRM.boot`; see src/loader/start.ts and src/core/api/boot.ts).
 * Defines nothing eagerly. Loading it twice is harmless: the first copy keeps the page.
 */
import { prmGlobal, type PrmGlobal } from './core/config/global.js';
import { watchTags } from './loader/lazy.js';
import { pickFamily, startTags, type Registry } from './loader/start.js';
import { VERSION } from './core/version.js';
import { WIDGETS } from './widgets/registry.js';

const FIELDS = ['api', 'clinic', 'locale', 'theme', 'currency', 'agent'];

function findScript(): HTMLScriptElement | undefined {
  const url = import.meta.url;
  return [...document.scripts].find((s) => s.src === url);
}

type LoaderGlobal = PrmGlobal & { load?: (tag: string) => Promise<unknown>; loader?: string };

function start(g: LoaderGlobal, done: (p: Promise<void>) => void) {
  const data = findScript()?.dataset ?? {};
  for (const f of FIELDS) if (data[f] && !g.script[f]) g.script[f] = data[f]!;
  if (!g.script.api) g.script.api = new URL(import.meta.url).origin;
  // Each tag's code comes from the family of chunks picked with the first tags (start.ts).
  const registry: Registry = {};
  for (const tag in WIDGETS) registry[tag] = () => pickFamily([tag], WIDGETS).then((r) => r[tag]!());
  const w = watchTags(registry, document, (tags) => {
    void pickFamily(tags, WIDGETS);
    startTags(g, tags);
  });
  g.load = w.load;
  done(w.ready);
}

if (typeof window !== 'undefined') {
  const g: LoaderGlobal = prmGlobal();
  if (g.loader) {
    if (g.version !== VERSION) console.warn(`[prm-widgets] loader ${VERSION} ignored: ${g.version} is already on the page.`);
  } else {
    g.loader = import.meta.url;
    let resolve!: (p: Promise<void>) => void;
    g.ready = new Promise<void>((r) => (resolve = (p) => void p.then(r)));
    const run = () => start(g, resolve);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
    else run();
  }
}
