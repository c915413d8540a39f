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
    --_font-size: var(--prm-font-size, 1rem);
    --_line-height: var(--prm-line-height, 1.5);
    --_radius: var(--prm-radius, 0.5rem);
    --_radius-lg: var(--prm-radius-lg, calc(var(--_radius) * 1.5));
    --_space: var(--prm-space, 0.25rem);
    --_elevation: var(--prm-elevation, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 8px rgb(0 0 0 / 0.06));
    --_elevation-high: var(--prm-elevation-high, 0 4px 12px rgb(0 0 0 / 0.16), 0 12px 32px rgb(0 0 0 / 0.14));
    --_focus-width: var(--prm-focus-ring-width, 3px);
    --_z: var(--prm-z-index, 2147483000);
    --_target: var(--prm-target-size, 2.75rem);
    color-scheme: light;
  }
  :host(:state(dark)) {
    ${colorDecls(1)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:state(auto)) {
      ${colorDecls(1)}
      color-scheme: dark;
    }
  }
`;

/** Shared base styles: reset inside the shadow root, focus ring, buttons, states, motion. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_on-surface);
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
    block-size: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-variant);
    animation: prm-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-block {
    block-size: 3rem;
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
