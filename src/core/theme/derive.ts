import { ensureContrast, parseColor, toHex, type Rgb } from './color.js';
import { colorTokens, type ColorToken } from './palette.js';

/**
 * Resolves a clinic's theme into the light and dark values the widgets use, so that every
 * text/background pair meets WCAG 2.2 AA (4.5:1 for text, 3:1 for UI parts such as borders and
 * the focus ring) in both modes — whatever colour the clinic chose.
 *
 * - A colour given for a mode is kept when its pairs pass; otherwise its lightness is moved
 *   (OKLCH, same hue) just far enough.
 * - The brand colour (`--prm-color-primary`) given once is the light value; the dark value is
 *   derived from it (lightened on the dark surface), and `--prm-color-on-primary` is derived for
 *   both modes (the clinic's own if it passes, else the nearest one that does).
 * - Other colours given only for light are not carried into dark mode (a light surface in dark
 *   mode is not dark mode): the SDK's dark defaults apply there, unless the clinic gives a dark value.
 *
 * Runs on the server (GET /config and PUT /staff/theme): the widgets' runtime only applies the
 * two sets of values it receives, which costs no bytes of colour maths in every page.
 */

/** Targets a hair above AA: axe and browsers compare the ratio strictly, after rounding. */
export const TEXT_RATIO = 4.6;
export const UI_RATIO = 3.1;

type Palette = Record<ColorToken, Rgb>;

/** Foreground, the backgrounds it sits on, the ratio it needs. Resolved in this order. */
export const PAIRS: readonly (readonly [ColorToken, readonly ColorToken[], number])[] = [
  ['on-surface', ['surface', 'surface-variant'], TEXT_RATIO],
  ['on-surface-variant', ['surface', 'surface-variant'], TEXT_RATIO],
  ['primary', ['surface', 'surface-variant'], TEXT_RATIO],
  ['error', ['surface', 'surface-variant'], TEXT_RATIO],
  ['success', ['surface', 'surface-variant'], TEXT_RATIO],
  ['outline', ['surface', 'surface-variant'], UI_RATIO],
  ['focus', ['surface', 'surface-variant'], UI_RATIO],
  ['on-primary', ['primary'], TEXT_RATIO],
  ['on-error', ['error'], TEXT_RATIO],
];

const NAMES = Object.keys(colorTokens) as ColorToken[];
const PREFIX = '--prm-color-';

/** The palette token a `--prm-color-*` name refers to, if it is one. */
export function colorTokenName(name: string): ColorToken | undefined {
  const n = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : '';
  return (NAMES as string[]).includes(n) ? (n as ColorToken) : undefined;
}

/** Names of palette tokens whose value is not a colour this module can check (hex or rgb()). */
export function unparseableColors(tokens: Record<string, string>): string[] {
  return Object.entries(tokens)
    .filter(([k, v]) => colorTokenName(k) && !parseColor(v))
    .map(([k]) => k);
}

/** Resolves one mode: the given colours over the defaults, then every pair fixed in order. */
export function resolvePalette(given: Partial<Record<ColorToken, Rgb>>, mode: 0 | 1): Palette {
  const p = Object.fromEntries(NAMES.map((n) => [n, given[n] ?? parseColor(colorTokens[n][mode])!])) as Palette;
  for (const [fg, bgs, ratio] of PAIRS) p[fg] = ensureContrast(p[fg], bgs.map((b) => p[b]), ratio);
  return p;
}

export interface ThemeValues {
  mode: 'light' | 'dark' | 'auto';
  tokens: Record<string, string>;
  dark?: Record<string, string>;
}

/**
 * The theme as served: non-colour tokens unchanged in `tokens`; every colour that differs from the
 * SDK default in either mode in `tokens` (light) and in `dark`, so the dark rule always overrides
 * the light one. Colour values the module cannot parse are dropped (PUT refuses them).
 */
export function resolveTheme(theme: ThemeValues): ThemeValues & { dark: Record<string, string> } {
  const other: Record<string, string> = {};
  const light: Partial<Record<ColorToken, Rgb>> = {};
  const dark: Partial<Record<ColorToken, Rgb>> = {};
  for (const [k, v] of Object.entries(theme.tokens)) {
    const n = colorTokenName(k);
    if (!n) other[k] = v;
    else if (parseColor(v)) light[n] = parseColor(v)!;
  }
  for (const [k, v] of Object.entries(theme.dark ?? {})) {
    const n = colorTokenName(k);
    if (n && parseColor(v)) dark[n] = parseColor(v)!;
  }
  // The brand colour given once: start the dark value from it (then lightened as needed).
  if (light.primary && !dark.primary) dark.primary = light.primary;
  const L = resolvePalette(light, 0);
  const D = resolvePalette(dark, 1);
  const tokens = { ...other };
  const darkOut: Record<string, string> = {};
  for (const n of NAMES) {
    const [l, d] = [toHex(L[n]), toHex(D[n])];
    if (l !== colorTokens[n][0] || d !== colorTokens[n][1]) {
      tokens[PREFIX + n] = l;
      darkOut[PREFIX + n] = d;
    }
  }
  return { mode: theme.mode, tokens, dark: darkOut };
}
