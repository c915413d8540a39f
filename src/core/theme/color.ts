/**
 * Colour maths for themes: parse `#hex` / `rgb()`, WCAG 2.x relative luminance and contrast ratio,
 * and moving a colour's lightness in OKLCH (a perceptual space: hue and chroma are kept, so a teal
 * stays the same teal, only lighter or darker) until it reaches a contrast ratio.
 *
 * Pure functions, no DOM. Used by the server when it serves a clinic's theme (see `derive.ts`);
 * nothing here is in the widgets' runtime bundle.
 */

/** sRGB colour, channels 0–255 (integers once it has gone through `toHex`/`parseColor`). */
export type Rgb = readonly [number, number, number];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Parses `#rgb`, `#rrggbb`, `#rgba`, `#rrggbbaa` (alpha must be opaque) and `rgb()`/`rgba()` with
 * numbers or percentages, comma or space separated. Anything else (names, `var()`, `hsl()`,
 * translucent colours whose contrast depends on what is behind them) gives `undefined`.
 */
export function parseColor(input: string): Rgb | undefined {
  const s = input.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length === 8 && full.slice(6) !== 'ff') return undefined;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const fn = /^rgba?\(\s*([^)]*)\)$/.exec(s)?.[1];
  if (!fn) return undefined;
  const parts = fn.split(/\s*[,/]\s*|\s+/).filter(Boolean);
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const num = (p: string, scale: number) => {
    const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(p);
    if (!m) return NaN;
    return m[2] ? (parseFloat(m[1]!) / 100) * scale : parseFloat(m[1]!);
  };
  if (parts.length === 4 && num(parts[3]!, 1) !== 1) return undefined;
  const rgb = parts.slice(0, 3).map((p) => num(p, 255));
  if (rgb.some((v) => !(v >= 0 && v <= 255))) return undefined;
  return rgb.map(Math.round) as unknown as Rgb;
}

/** `#rrggbb`, channels rounded and clamped. */
export function toHex(c: Rgb): string {
  return '#' + c.map((v) => Math.round(clamp(v, 0, 255)).toString(16).padStart(2, '0')).join('');
}

const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, 1 to 21, symmetric. */
export function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** OKLCH: lightness 0–1, chroma ≥ 0, hue in radians. */
export type Oklch = readonly [number, number, number];

export function toOklch(c: Rgb): Oklch {
  const [r, g, b] = c.map(toLinear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return [L, Math.hypot(A, B), Math.atan2(B, A)];
}

/** Linear sRGB of an OKLCH colour (may be outside 0–1 when out of gamut). */
function oklchToLinear([L, C, h]: Oklch): [number, number, number] {
  const A = C * Math.cos(h);
  const B = C * Math.sin(h);
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

const inGamut = (lin: number[]) => lin.every((v) => v >= -1e-6 && v <= 1 + 1e-6);

/**
 * The sRGB colour (integer channels) of an OKLCH colour; out of gamut, chroma is reduced (hue and
 * lightness kept) until it fits, which is what a designer would do by hand.
 */
export function fromOklch([L, C, h]: Oklch): Rgb {
  const Lc = clamp(L, 0, 1);
  let lin = oklchToLinear([Lc, C, h]);
  if (!inGamut(lin)) {
    let lo = 0;
    let hi = C;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklchToLinear([Lc, mid, h]))) lo = mid;
      else hi = mid;
    }
    lin = oklchToLinear([Lc, lo, h]);
  }
  return lin.map((v) => Math.round(clamp(fromLinear(clamp(v, 0, 1)), 0, 255))) as unknown as Rgb;
}

/** The lowest contrast of `fg` against any of `bgs`. */
export const minContrast = (fg: Rgb, bgs: readonly Rgb[]) => Math.min(...bgs.map((b) => contrast(fg, b)));

/**
 * `fg` itself when it already reaches `ratio` against every background; otherwise the nearest
 * colour of the same hue (OKLCH lightness moved in steps of 0.005, lighter or darker, whichever
 * needs the smaller change) that does. Falls back to black or white, whichever contrasts more.
 */
export function ensureContrast(fg: Rgb, bgs: readonly Rgb[], ratio: number): Rgb {
  if (minContrast(fg, bgs) >= ratio) return fg;
  const [L, C, h] = toOklch(fg);
  let best: { c: Rgb; d: number } | undefined;
  for (const dir of [1, -1]) {
    for (let d = 0.005; d <= 1.0001; d += 0.005) {
      const Lt = L + dir * d;
      if (Lt < -0.005 || Lt > 1.005) break;
      const c = fromOklch([Lt, C, h]);
      if (minContrast(c, bgs) >= ratio) {
        if (!best || d < best.d) best = { c, d };
        break;
      }
    }
  }
  if (best) return best.c;
  const white: Rgb = [255, 255, 255];
  const black: Rgb = [0, 0, 0];
  return minContrast(white, bgs) >= minContrast(black, bgs) ? white : black;
}
