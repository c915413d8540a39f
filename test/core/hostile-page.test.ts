import { expect, fixture, html } from '@open-wc/testing';
import { WIDGETS } from '../../src/widgets/registry.js';
import { nextFrame, resetConfig, until } from './fixtures/setup.js';

// A widget looks the same on a page with aggressive global CSS as on a clean page. For every
// registered widget (src/widgets/registry.ts, so a new widget is covered without touching this
// file): render it once, snapshot every computed property of every element in its shadow root
// (and ::before/::after where drawn) plus every element's box size, then add the page's CSS to
// the same document and snapshot again. Nothing may differ.

/** What real pages do: global `*` resets with !important, element resets, hidden overrides. */
const HOSTILE = `
  * {
    font-family: 'Comic Sans MS', cursive !important;
    font-size: 19px !important;
    font-weight: 300 !important;
    font-style: italic !important;
    font-variant: small-caps !important;
    font-feature-settings: 'smcp', 'onum' !important;
    font-kerning: none !important;
    line-height: 3 !important;
    letter-spacing: 2px !important;
    word-spacing: 8px !important;
    box-sizing: content-box !important;
    text-transform: uppercase !important;
    text-align: justify !important;
    text-indent: 1em !important;
    text-shadow: 0 0 2px red !important;
    text-underline-offset: 6px !important;
    text-rendering: optimizeSpeed !important;
    white-space: pre-wrap !important;
    word-break: break-all !important;
    overflow-wrap: anywhere !important;
    hyphens: auto !important;
    tab-size: 2 !important;
    color: #663399 !important;
    -webkit-text-fill-color: #663399 !important;
    caret-color: hotpink !important;
    accent-color: hotpink !important;
    color-scheme: dark !important;
    cursor: crosshair !important;
    list-style: square inside !important;
    quotes: '<' '>' !important;
    border-collapse: collapse !important;
    border-spacing: 9px !important;
    caption-side: bottom !important;
    empty-cells: hide !important;
    direction: rtl !important;
    user-select: none !important;
    fill: red !important;
    stroke: red !important;
    stroke-width: 5px !important;
    paint-order: stroke !important;
    image-rendering: pixelated !important;
    font-synthesis: none !important;
    font-optical-sizing: none !important;
    text-decoration-skip-ink: none !important;
    text-emphasis: dot red !important;
    line-break: anywhere !important;
    orphans: 9 !important;
    widows: 9 !important;
  }
  html, body { background: #fafafa; }
  button { all: unset; }
  div { margin: 20px !important; padding: 7px !important; }
  p { color: red !important; margin: 30px !important; }
  [hidden] { display: block !important; }
  h2, h3, h4 { font-size: 40px !important; }
  input, select, textarea { border: 5px solid red !important; font-size: 30px !important; }
  span { display: block !important; }
  svg { width: 500px !important; }
  table { border-collapse: separate !important; }
`;

/** Sites that size text with rem: the 62.5 % trick, and a large-type site. */
const ROOT_SMALL = 'html { font-size: 62.5% !important; }';
const ROOT_LARGE = 'html { font-size: 150% !important; }';

interface Snapshot {
  values: Map<string, string>;
  elements: number;
}

function snapshot(host: HTMLElement): Snapshot {
  const values = new Map<string, string>();
  const hb = host.getBoundingClientRect();
  values.set('host › box', `${hb.width.toFixed(2)}×${hb.height.toFixed(2)}`);
  const els = [...host.shadowRoot!.querySelectorAll('*')];
  els.forEach((el, i) => {
    const id = `${i}:${el.localName}${el.id ? '#' + el.id : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
    const r = el.getBoundingClientRect();
    values.set(`${id} › box`, `${r.width.toFixed(2)}×${r.height.toFixed(2)}`);
    for (const pseudo of [null, '::before', '::after', '::marker', '::placeholder']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && (cs.content === 'none' || cs.content === 'normal') && pseudo !== '::placeholder') continue;
      if (pseudo === '::placeholder' && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
      for (let k = 0; k < cs.length; k++) {
        const prop = cs[k]!;
        values.set(`${id}${pseudo ?? ''} › ${prop}`, cs.getPropertyValue(prop));
      }
    }
  });
  return { values, elements: els.length };
}

function differences(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const [k, v] of a.values) if (b.values.get(k) !== v) out.push(`${k}: ${v} → ${b.values.get(k)}`);
  for (const k of b.values.keys()) if (!a.values.has(k)) out.push(`${k}: only on the hostile page`);
  return out;
}

/** Waits until the widget has rendered its content and stopped changing (no loading skeleton). */
async function settled(el: HTMLElement) {
  let last = -1;
  let stable = 0;
  await until(() => {
    const root = el.shadowRoot;
    const n = root?.querySelectorAll('*').length ?? 0;
    const busy = !!root?.querySelector('[part=loading], [aria-busy=true]');
    stable = n > 0 && !busy && n === last ? stable + 1 : 0;
    last = n;
    return stable >= 5;
  }, 20_000);
}

async function withPageCss(css: string, fn: () => void) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  try {
    await nextFrame();
    await nextFrame();
    fn();
  } finally {
    style.remove();
    await nextFrame();
  }
}

describe('hostile host pages: page CSS does not reach inside any widget', function () {
  this.timeout(120_000);
  const tags = Object.keys(WIDGETS);

  it('covers every registered widget', () => {
    expect(tags.length).to.be.at.least(1);
  });

  for (const tag of tags) {
    for (const width of [1000, 360]) {
      it(`<${tag}> at ${width} px: same computed styles and boxes on a hostile page, a 62.5 % and a 150 % root font size`, async () => {
        await WIDGETS[tag]!();
        resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
        const wrap = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
        wrap.style.inlineSize = `${width}px`;
        const el = document.createElement(tag);
        wrap.append(el);
        await settled(el);
        const clean = snapshot(el);
        // A facade (a plain element, not a Lit one: the chat launcher's button) draws only a few elements until touched.
        const facade = !('renderRoot' in el);
        expect(clean.elements, 'the widget rendered something to compare').to.be.greaterThan(facade ? 0 : 5);

        for (const [name, css] of [['hostile', HOSTILE], ['html 62.5%', ROOT_SMALL], ['html 150%', ROOT_LARGE]] as const) {
          let diff: string[] = [];
          await withPageCss(css, () => {
            diff = differences(clean, snapshot(el));
          });
          console.log(`<${tag}> ${width}px, ${name} page: ${clean.values.size} computed values compared over ${clean.elements} elements, ${diff.length} differ`);
          expect(diff.slice(0, 80), `${name}: ${diff.length} of ${clean.values.size} values differ`).to.deep.equal([]);
        }
        // And back on the clean page: identical again (the comparison itself is stable).
        expect(differences(clean, snapshot(el))).to.deep.equal([]);
      });
    }
  }
});
