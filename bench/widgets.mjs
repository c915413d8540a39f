// The widgets the benchmark knows about, derived from widgets.config.mjs (the one declaration of
// every widget: its `bench` field holds `interact` and `micro`); nothing else in the harness names
// a widget. Each entry here:
//
// - name, tag:  the chunk name (`dist/cdn/chunks/<name>-<hash>.js`) and the custom element.
// - snippet:    the markup a clinic pastes, as in the README's embed snippet.
// - ready:      the event the widget fires once it is shown with its data (`prm-*-view`).
//               `readyAfterInteraction: true` when it fires only once the patient opens it (a
//               launcher facade): pages then do not wait for it before an interaction.
// - box:        the custom property that sizes the box `prm-reserve.css` (linked by the README
//               snippet, before any script runs) reserves for the widget; the widget's skeleton
//               and final state use the same box. The baseline page inlines the same stylesheet so
//               its empty boxes are identical. `floating`: fixed position, takes no room.
// - interact:   for the "before / after first interaction" pair of variants: the source of an
//               async function `(el) => …` run in the page, returning a short description.
// - targets:    the widget's own targets (its issue's), judged on its solo variant.
// - micro:      rendering micro-benchmarks: { id, label, html (the markup under test),
//               opts, run: source of `async (el, opts) => …` doing the measured work once,
//               awaiting the element's update, fixtures?: { 'GET /v1/stories': (url) => body } —
//               fixed API answers for that page, e.g. 1,000 stories; other calls reach the
//               reference server }; `run: null` = not written yet (reported so).
//               Each is reported as a ratio against the calibration task (bench/micro.js).
//
// A widget counts as built when the loader of the build under test knows its tag; variants of
// widgets that are not built are reported as "not built yet", never measured on something else.

import { WIDGETS as DECLARED } from '../widgets.config.mjs';

export const WIDGETS = DECLARED.map((w) => ({
  name: w.folder,
  tag: w.tag,
  snippet: w.example,
  ready: w.ready,
  ...(w.readyAfterInteraction ? { readyAfterInteraction: true } : {}),
  ...(w.box.floating ? { floating: true } : { box: w.box.property }),
  ...(w.bench.interact !== undefined ? { interact: w.bench.interact } : {}),
  ...(w.bench.micro ? { micro: w.bench.micro } : {}),
  ...(w.bench.targets ? { targets: w.bench.targets } : {}),
}));
