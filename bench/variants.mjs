// The page variants, derived from the widget list and the build under test, and the host pages
// rendered from bench/pages/ for each.
import { readFileSync } from 'node:fs';

const CLINIC = readFileSync(new URL('./pages/clinic.html', import.meta.url), 'utf8');
const MICRO_PAGE = readFileSync(new URL('./pages/micro.html', import.meta.url), 'utf8');
export const CLINIC_KEY = 'pk_demo_aurora';

/** Which widgets the build's loader knows (its registry names their tags). */
export function builtWidgets(widgets, loaderSource) {
  return new Set(widgets.filter((w) => loaderSource.includes(`"${w.tag}"`) || loaderSource.includes(`'${w.tag}'`)).map((w) => w.name));
}

/**
 * The variants: [{ id, label, kind, page, expectReady, expectReadyInView, scroll, interact, micro }],
 * and `skipped`: [{ id, label, why }] for those that cannot be measured yet.
 */
export function planVariants(widgets, built) {
  const isBuilt = (w) => built.has(w.name);
  const all = widgets.map((w) => w.name);
  // Widgets whose ready event needs an interaction (a launcher facade) are not waited for.
  const builtTags = widgets.filter((w) => isBuilt(w) && !w.readyAfterInteraction).map((w) => w.tag);
  const variants = [
    { id: 'baseline', label: 'baseline: same layout, empty reserved boxes, no SDK', kind: 'page', page: { loader: false, tags: all } },
    { id: 'all', label: 'all widgets by the README snippet (no scrolling)', kind: 'page', page: { loader: true, tags: all }, expectReadyInView: builtTags },
    { id: 'scrolled', label: 'all widgets, scrolled through to the end', kind: 'page', page: { loader: true, tags: all }, scroll: true, expectReady: builtTags },
  ];
  const skipped = [];
  for (const w of widgets) {
    if (isBuilt(w)) {
      variants.push({ id: `solo:${w.name}`, label: `only <${w.tag}>, scrolled into view`, kind: 'page', page: { loader: true, tags: [w.name] }, scroll: true, expectReady: w.readyAfterInteraction ? [] : [w.tag], solo: w.name });
    } else skipped.push({ id: `solo:${w.name}`, label: `only <${w.tag}>`, why: 'not built yet' });
  }
  for (const w of widgets.filter((x) => 'interact' in x)) {
    const before = { id: `${w.name}:before`, label: `only <${w.tag}>, before the first interaction`, kind: 'page', page: { loader: true, tags: [w.name] }, solo: w.name };
    const after = { id: `${w.name}:after`, label: `only <${w.tag}>, after the first interaction`, kind: 'page', page: { loader: true, tags: [w.name] }, solo: w.name, interact: { tag: w.tag, fn: w.interact }, expectReady: [w.tag] };
    if (!isBuilt(w)) {
      for (const v of [before, after]) skipped.push({ id: v.id, label: v.label, why: 'not built yet' });
      continue;
    }
    variants.push(before);
    if (w.interact) variants.push(after);
    else skipped.push({ id: after.id, label: after.label, why: 'built, interaction script not written yet (bench/widgets.mjs)' });
  }
  for (const w of widgets) {
    for (const m of w.micro ?? []) {
      const id = `micro:${m.id}`;
      if (!isBuilt(w)) skipped.push({ id, label: m.label, why: 'not built yet' });
      else if (!m.run) skipped.push({ id, label: m.label, why: 'built, micro-benchmark not written yet (bench/widgets.mjs)' });
      else variants.push({ id, label: m.label, kind: 'micro', page: { loader: true, micro: m }, expectReady: [w.tag], micro: { tag: w.tag, run: m.run, opts: m.opts }, widget: w.name });
    }
  }
  return { variants, skipped };
}

/** Renders the host page of a variant. `reserveCss` is the build's prm-reserve.css (the README's rules). */
export function renderPage(variant, widgets, { sdkOrigin, reserveCss }) {
  const { page } = variant;
  const mark = "<script>performance.mark('prm-script-tag')</script>";
  // A micro-benchmark with fixture data talks to /fixture/<id>/v1 on the SDK origin (bench/servers.mjs).
  const api = page.micro?.fixtures ? `${sdkOrigin}/fixture/${encodeURIComponent(page.micro.id)}` : sdkOrigin;
  const loader = page.loader
    ? `${mark}\n  <script type="module" src="${sdkOrigin}/cdn/loader.js" data-api="${api}" data-clinic="${CLINIC_KEY}" data-locale="auto"></script>`
    : mark;
  // As the README says, the clinic's own stylesheet holds the reserve rules (here inline, on the
  // host's origin, on every page alike): nothing from our origin blocks the first paint.
  const reserve = `<style>\n${reserveCss}\n</style>`;
  if (variant.kind === 'micro') {
    return MICRO_PAGE.replaceAll('{{MICRO}}', variant.id).replace('{{RESERVE}}', reserve).replace('{{LOADER}}', loader).replace('{{HTML}}', page.micro.html);
  }
  const inFlow = widgets.filter((w) => !w.floating);
  const floating = widgets.filter((w) => w.floating && page.tags.includes(w.name));
  const markers = CLINIC.split('{{FLOW}}');
  let html = markers[0];
  for (let i = 1; i < markers.length; i++) {
    const here = i === markers.length - 1 ? inFlow.slice(i - 1) : inFlow.slice(i - 1, i);
    html += here.filter((w) => page.tags.includes(w.name)).map((w) => w.snippet).join('\n') + markers[i];
  }
  return html
    .replaceAll('{{VARIANT}}', variant.id)
    .replace('{{RESERVE}}', reserve)
    .replace('{{LOADER}}', loader)
    .replace('{{FLOATING}}', floating.map((w) => w.snippet).join('\n'));
}
