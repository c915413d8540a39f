import { css, unsafeCSS } from 'lit';

import { colorTokens } from './palette.js';

export { colorTokens };

/**
 * Design tokens. Public tokens are `--prm-*` CSS custom properties a clinic sets on the widget
 * tag (or any ancestor); each widget reads them through private `--_*` variables whose fallbacks
 * are the defaults (`palette.ts` for colours, light and dark), so nothing is ever written to
 * `:root` or the host page.
 */
const colorDecls = (mode: 0 | 1) =>
  unsafeCSS(
    Object.entries(colorTokens)
      .map(([name, v]) => `--_${name}: var(--prm-color-${name}, ${v[mode]});`)
      .join('\n'),
  );

/** Token declarations and the dark/auto modes; included first in every widget's styles. */
export const tokens = css`
  :host {
    ${colorDecls(0)}
    --_font: var(--prm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--prm-font-size, medium);
    --_line-height: var(--prm-line-height, 1.5);
    --_radius: var(--prm-radius, 0.5em);
    --_radius-lg: var(--prm-radius-lg, calc(var(--_radius) * 1.5));
    --_space: var(--prm-space, 0.25em);
    --_elevation: var(--prm-elevation, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 8px rgb(0 0 0 / 0.06));
    --_elevation-high: var(--prm-elevation-high, 0 4px 12px rgb(0 0 0 / 0.16), 0 12px 32px rgb(0 0 0 / 0.14));
    --_focus-width: var(--prm-focus-ring-width, 3px);
    --_z: var(--prm-z-index, 2147483000);
    --_target: var(--prm-target-size, 2.75em);
    color-scheme: light !important;
  }
  :host(:state(dark)) {
    ${colorDecls(1)}
    color-scheme: dark !important;
  }
  @media (prefers-color-scheme: dark) {
    :host(:state(auto)) {
      ${colorDecls(1)}
      color-scheme: dark !important;
    }
  }
`;

/**
 * Every inherited property, reset on the host with `!important` so none flows in from the page
 * (`font` resets every font-* longhand but font-synthesis). Written once and suffixed in code: the
 * runtime chunk has a tight gzip budget.
 */
const isolation = unsafeCSS(
  (
    'font:400 var(--_font-size)/var(--_line-height) var(--_font);font-synthesis:weight style small-caps;' +
    'letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:start;' +
    'text-shadow:none;text-emphasis:none;text-underline-offset:auto;text-decoration-skip-ink:auto;' +
    'text-rendering:auto;white-space:normal;word-break:normal;overflow-wrap:normal;line-break:auto;' +
    'hyphens:manual;tab-size:8;quotes:auto;color:var(--_on-surface);-webkit-text-fill-color:currentcolor;' +
    '-webkit-text-stroke:0;caret-color:auto;accent-color:auto;cursor:auto;user-select:auto;' +
    '-webkit-user-select:auto;list-style:disc;border-collapse:separate;border-spacing:0;caption-side:top;' +
    'empty-cells:show;writing-mode:horizontal-tb;image-rendering:auto;fill:black;stroke:none;' +
    'stroke-width:1px;paint-order:normal;orphans:2;widows:2;'
  ).replace(/;/g, '!important;'),
);

/**
 * Shared base styles: isolation from the host page, reset inside the shadow root, focus ring,
 * buttons, states, motion.
 *
 * Page CSS reaches a shadow root in two ways only: rules that match the host element, and
 * inherited properties flowing in from it. So the host resets every inherited property with
 * `!important`: between a page's `!important` rule on the tag and the shadow root's own
 * `!important` `:host` rule, the shadow root's wins (CSS Scoping, cascade by tree context), so
 * `* { line-height: 3 !important }` stops at the tag. The host's outer box (display, margin, size,
 * position) stays the page's to set: that is layout intent, not a reset. Sizes inside are in `em`
 * of the host's `font-size: medium` — the reader's own default text size — never in `rem`, which a
 * page's `html { font-size: 62.5% }` would shrink. `--prm-font-size` on the tag scales a widget.
 */
export const baseStyles = css`
  :host {
    display: block;
    /* The containing block of anything positioned inside, not some ancestor of the page. */
    position: relative;
    box-sizing: border-box;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
    ${isolation}
  }
  /* Direction comes from the widget's locale (its dir attribute), not from page rules. */
  :host([dir='ltr']) {
    direction: ltr !important;
  }
  :host([dir='rtl']) {
    direction: rtl !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .card {
    background: var(--_surface);
    color: var(--_on-surface);
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius-lg);
    box-shadow: var(--_elevation);
    padding: calc(var(--_space) * 5);
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 2);
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 4);
    border-radius: var(--_radius);
    border: 1px solid var(--_outline);
    background: var(--_surface);
    color: var(--_on-surface);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .btn:hover {
    background: var(--_surface-variant);
  }
  .btn-primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .btn-primary:hover {
    background: var(--_primary);
    filter: brightness(1.1);
  }
  .btn:disabled,
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 3);
    min-block-size: inherit;
    padding: calc(var(--_space) * 6);
    text-align: center;
    color: var(--_on-surface-variant);
  }
  .state-error {
    color: var(--_on-surface);
  }
  .state-error .state-title {
    color: var(--_error);
  }
  .state-title {
    margin: 0;
    font-weight: 600;
    font-size: 1.05em;
  }
  .state-text {
    margin: 0;
    max-inline-size: 40ch;
  }
  .skeleton {
    display: grid;
    gap: calc(var(--_space) * 3);
    min-block-size: inherit;
  }
  .skeleton-line {
    block-size: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-variant);
    animation: prm-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-block {
    block-size: 3em;
    border-radius: var(--_radius);
    background: var(--_surface-variant);
    animation: prm-pulse 1.4s ease-in-out infinite;
  }
  @keyframes prm-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

const TOKEN_NAME = /^--prm-[a-z0-9-]{1,48}$/;
const TOKEN_VALUE = /^[^;{}<>\\]{1,200}$/;

const declarations = (tokens: Record<string, string> = {}) =>
  Object.entries(tokens)
    .filter(([k, v]) => TOKEN_NAME.test(k) && TOKEN_VALUE.test(v) && !/url\s*\(|expression\s*\(/i.test(v))
    .map(([k, v]) => `${k}:${v};`)
    .join('');

/**
 * Builds a stylesheet from a remote theme (`{ '--prm-color-primary': '#0b5f5a' }` and its dark
 * values), keeping only well-formed `--prm-*` names and values that cannot break out of the
 * declaration. `dark` applies in the dark state and in auto mode when the OS is dark. Page CSS on
 * the tag still wins over it.
 */
export function tokenSheet(tokens: Record<string, string>, dark?: Record<string, string>): CSSStyleSheet | undefined {
  const l = declarations(tokens);
  const d = declarations(dark);
  if (!l && !d) return undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host{${l}}` + (d ? `:host(:state(dark)){${d}}@media (prefers-color-scheme:dark){:host(:state(auto)){${d}}}` : ''));
  return sheet;
}
