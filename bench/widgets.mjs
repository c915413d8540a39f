// The widgets the benchmark knows about: one entry per widget. Adding a widget to the benchmark
// is completing its entry here; nothing else in the harness names a widget.
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
// - micro:      rendering micro-benchmarks: { id, label, html (the markup under test),
//               opts, run: source of `async (el, opts) => …` doing the measured work once,
//               awaiting the element's update, fixtures?: { 'GET /v1/stories': (url) => body } —
//               fixed API answers for that page, e.g. 1,000 stories; other calls reach the
//               reference server }; `run: null` = not written yet (reported so).
//               Each is reported as a ratio against the calibration task (bench/micro.js).
//
// A widget counts as built when the loader of the build under test knows its tag; variants of
// widgets that are not built are reported as "not built yet", never measured on something else.

export const WIDGETS = [
  {
    name: 'quote-calculator',
    tag: 'prm-quote-calculator',
    snippet: '<prm-quote-calculator procedure="dental-implants"></prm-quote-calculator>',
    ready: 'prm-quote-view',
    box: '--prm-quote-calculator-block-size',
    micro: [
      {
        id: 'quote-recompute',
        label: 'quote estimate recomputation: hotel nights changed 10× by input events, each re-priced and re-rendered',
        html: '<prm-quote-calculator procedure="dental-implants" home-country="GB"></prm-quote-calculator>',
        opts: { changes: 10 },
        run: `async (el, opts) => {
          const input = el.shadowRoot.querySelector('#opt-hotelNights');
          if (!input) throw new Error('#opt-hotelNights not found in <prm-quote-calculator>');
          const lo = Number(input.min), hi = Number(input.max);
          for (let i = 0; i < opts.changes; i++) {
            input.value = String(Number(input.value) >= hi ? lo : Number(input.value) + 1);
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            await el.updateComplete;
          }
        }`,
      },
    ],
  },
  {
    name: 'booking-scheduler',
    tag: 'prm-booking-scheduler',
    snippet: '<prm-booking-scheduler></prm-booking-scheduler>',
    ready: 'prm-booking-view',
    box: '--prm-booking-scheduler-block-size',
    micro: [{ id: 'scheduler-month', label: 'booking scheduler: a month of 15-minute slots', html: '<prm-booking-scheduler></prm-booking-scheduler>', run: null }],
  },
  {
    name: 'feedback-form',
    tag: 'prm-feedback-form',
    snippet: '<prm-feedback-form></prm-feedback-form>',
    ready: 'prm-feedback-view',
    box: '--prm-feedback-form-block-size',
  },
  {
    name: 'story-carousel',
    tag: 'prm-story-carousel',
    snippet: '<prm-story-carousel></prm-story-carousel>',
    ready: 'prm-story-view',
    box: '--prm-story-carousel-block-size',
    micro: [{ id: 'carousel-1000', label: 'story carousel with 1,000 stories', html: '<prm-story-carousel></prm-story-carousel>', run: null }],
  },
  {
    name: 'chat-launcher',
    tag: 'prm-chat-launcher',
    snippet: '<prm-chat-launcher></prm-chat-launcher>',
    ready: 'prm-chat-view',
    floating: true,
    // Written when the launcher lands: e.g. click its button and wait for the panel. Until then
    // only the "before" variant runs (once the widget is built).
    interact: null,
  },
];
