import { apiBase } from '../core/api/base.js';
import type { BootEntry } from '../core/api/boot.js';
import { pickConfig, type PrmGlobal } from '../core/config/global.js';
import { resolveLocale } from '../core/i18n/locale.js';

/**
 * What the build knows about each widget's code, written into loader.js by the CDN build
 * (vite.config.ts, `prm:preload-map`): `w` — a widget (its folder) → the other chunks its chunk
 * imports (the shared runtime…), `l` — a locale → its messages chunk, `d` — the widgets that
 * declare first data, `s` — a widget → the hash of its solo bundle (`solo/<folder>/solo-<hash>.js`:
 * the runtime and that widget in one file, heading a whole family of chunks built on it); chunk
 * names without `chunks/` and `.js`. Outside the CDN build (tests, npm) the placeholder stays:
 * nothing is preloaded, there are no solo bundles, and every widget counts as having first data.
 */
const MAP = '__PRM_PRELOAD_MAP__';
const chunks: { w?: Record<string, string[]>; l?: Record<string, string>; d?: string[]; s?: Record<string, string> } = MAP[0] === '{' ? JSON.parse(MAP) : {};

/** Tag → import of its widget code. */
export type Registry = Record<string, () => Promise<unknown>>;

let family: Promise<Registry> | undefined;

/**
 * The chunks the page loads every widget from, picked once, when the first tags appear: a page
 * with one widget type gets that widget's solo bundle (runtime + widget in one request), whose
 * family of chunks (`solo/<folder>/`, all built on that bundle's runtime) then serves any tag added
 * later; a page with two or more types at load gets the shared `chunks/` (one runtime chunk for
 * all). Either way one runtime per page: two Lits or two @lit/localize states never meet.
 */
export function pickFamily(tags: string[], shared: Registry): Promise<Registry> {
  if (!family) {
    // A facade (its chunk imports nothing: the chat launcher's button) has no solo bundle and does
    // not count as a type: it rides in the family of the page's one other widget type, if any.
    const typed = tags.filter((t) => chunks.w?.[t.slice(4)]?.length !== 0);
    const name = typed.length === 1 ? typed[0]!.slice(4) : '';
    const hash = chunks.s?.[name];
    family = hash
      ? importFile(`solo/${name}/solo-${hash}.js`).then(
          (m: { r: Registry }) => m.r,
          () => shared, // the shared chunks then report what fails
        )
      : Promise.resolve(shared);
    solo = !!hash;
  }
  return family;
}
let solo = false;
const warmed = new Set<string>();

const importFile = (file: string) => import(/* @vite-ignore */ new URL(file, import.meta.url).href);
const fetchChunk = (name: string) =>
  importFile(`chunks/${name}.js`).catch(() => {
    /* the widget's own import reports it */
  });

/**
 * Starts, for tags that just appeared, everything their first render needs at once — their
 * code's other chunks (beside the widget chunk the registry imports), the messages of the
 * language they will speak, and one `GET /v1/bootstrap` per API + clinic + language for their
 * first data — so code and data arrive together, one round trip after the loader.
 */
export function startTags(g: PrmGlobal, tags: string[], root: Document = document): void {
  const groups = new Map<string, { base: string; clinic: string; locale: string; names: string[]; procedure?: string }>();
  for (const tag of tags) {
    const name = tag.slice(4); // prm-quote-calculator → quote-calculator
    // The shared runtime is preloaded only for the shared family (a solo bundle holds its own).
    if (!solo) for (const f of chunks.w?.[name] ?? []) void fetchChunk(f);
    const el = root.querySelector(tag);
    if (!el) continue;
    // Same precedence as the widget's config: attribute > PRM.configure() > the loader's data-*.
    const api = pickConfig(el, 'api');
    const clinic = pickConfig(el, 'clinic');
    const locale = resolveLocale(el, pickConfig(el, 'locale') || 'auto');
    // A facade that needs no runtime (the chat launcher's button) needs no messages chunk either:
    // its panel loads both on the first interaction.
    if (chunks.w?.[name]?.length !== 0) {
      if (locale !== 'en' && chunks.l?.[locale]) void fetchChunk(chunks.l[locale]);
      // A page's first Intl formatter loads the engine's locale data: one task of 35–300 ms on a
      // throttled phone, which the widget would pay between its code's arrival and its first
      // render (prices, dates). Paid here instead, while code and data are on the network; one
      // task each for numbers and dates, once per language.
      if (!warmed.has(locale))
        for (const F of [Intl.NumberFormat, Intl.DateTimeFormat] as (new (l: string) => { format(n: number): string })[])
          setTimeout(() => {
            try {
              new F(locale).format(0);
            } catch {
              /* an unknown locale: the widget reports what it cannot format */
            }
          });
      warmed.add(locale);
    }
    if (!api || !clinic || (chunks.d && !chunks.d.includes(name))) continue;
    let base: string;
    try {
      base = apiBase(api);
    } catch {
      continue; // an invalid api: the widget reports it
    }
    const key = `${base} ${clinic} ${locale}`;
    const group = groups.get(key) ?? groups.set(key, { base, clinic, locale, names: [] }).get(key)!;
    group.names.push(name);
    // A preselected procedure (the quote calculator's `procedure="…"`): its details come too.
    group.procedure ||= el.getAttribute('procedure') || undefined;
  }
  for (const { base, clinic, locale, names, procedure } of groups.values()) {
    const query = new URLSearchParams({ widgets: names.join(','), locale, clinic });
    if (procedure) query.set('procedure', procedure);
    // A simple GET (no custom header): no CORS preflight, no cookies.
    const answers = fetch(`${base}bootstrap?${query}`, { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : {}))
      .then(
        (b: { answers?: unknown }) => (b && typeof b.answers === 'object' && b.answers ? (b.answers as Record<string, unknown>) : {}),
        () => ({}),
      );
    const entry: BootEntry = { base, clinic, answers };
    (g.boot ??= []).push(entry);
  }
}
