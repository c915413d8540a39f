import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { contrast, ensureContrast, fromOklch, luminance, parseColor, toHex, toOklch, type Rgb } from '../../src/core/theme/color.js';
import { PAIRS, resolveTheme, TEXT_RATIO, UI_RATIO, unparseableColors } from '../../src/core/theme/derive.js';
import { colorTokens, type ColorToken } from '../../src/core/theme/palette.js';

// Pure colour maths and theme resolution (no DOM): for ANY brand colour, the served light and dark
// values meet WCAG 2.2 AA on every text/background pair the widgets draw.

const rgb = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })) as fc.Arbitrary<Rgb>;
const hex = rgb.map(toHex);
const NAMES = Object.keys(colorTokens) as ColorToken[];

/** What a widget ends up with in one mode: the served values over the SDK defaults. */
function effective(served: Record<string, string>, mode: 0 | 1): Record<ColorToken, Rgb> {
  return Object.fromEntries(NAMES.map((n) => [n, parseColor(served[`--prm-color-${n}`] ?? colorTokens[n][mode])!])) as Record<ColorToken, Rgb>;
}

/** Every pair below its ratio, as readable strings (empty when all pass). */
function failures(p: Record<ColorToken, Rgb>): string[] {
  const out: string[] = [];
  for (const [fg, bgs, ratio] of PAIRS) for (const bg of bgs) if (contrast(p[fg], p[bg]) < ratio) out.push(`${fg} on ${bg}: ${contrast(p[fg], p[bg]).toFixed(2)}`);
  return out;
}

describe('theme colour maths', () => {
  it('parses hex and rgb(), refuses what it cannot check', () => {
    expect(parseColor('#0B5F5A')).to.deep.equal([11, 95, 90]);
    expect(parseColor('#abc')).to.deep.equal([170, 187, 204]);
    expect(parseColor('#abcf')).to.deep.equal([170, 187, 204]);
    expect(parseColor('#0b5f5aff')).to.deep.equal([11, 95, 90]);
    expect(parseColor('rgb(11, 95, 90)')).to.deep.equal([11, 95, 90]);
    expect(parseColor('rgb(11 95 90 / 1)')).to.deep.equal([11, 95, 90]);
    expect(parseColor('rgba(100%, 0%, 50%, 1)')).to.deep.equal([255, 0, 128]);
    for (const bad of ['#0b5f5a80', 'rgba(0,0,0,0.5)', 'red', 'var(--x)', 'hsl(0 0% 0%)', 'rgb(300,0,0)', '#12', 'rgb(1,2)', '']) expect(parseColor(bad), bad).to.equal(undefined);
  });

  it('matches WCAG reference figures', () => {
    expect(luminance([255, 255, 255])).to.equal(1);
    expect(luminance([0, 0, 0])).to.equal(0);
    expect(contrast([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 1e-9);
    // #767676 on white is the classic "just passes" grey: 4.54:1.
    expect(contrast(parseColor('#767676')!, [255, 255, 255])).to.be.closeTo(4.54, 0.01);
  });

  it('round-trips hex, and contrast is symmetric, 1 to 21, 1 with itself (any colours)', () => {
    fc.assert(
      fc.property(rgb, rgb, (a, b) => {
        expect(parseColor(toHex(a))).to.deep.equal([...a]);
        const c = contrast(a, b);
        expect(c).to.be.within(1, 21);
        expect(contrast(b, a)).to.equal(c);
        expect(contrast(a, a)).to.equal(1);
      }),
    );
  });

  it('OKLCH round-trips sRGB within one step per channel (any colour)', () => {
    fc.assert(
      fc.property(rgb, (c) => {
        const back = fromOklch(toOklch(c));
        for (let i = 0; i < 3; i++) expect(Math.abs(back[i]! - c[i]!)).to.be.at.most(1);
      }),
    );
  });

  it('ensureContrast reaches the ratio against any background, and keeps a colour that already does', () => {
    fc.assert(
      fc.property(rgb, rgb, fc.double({ min: 1, max: 4.5, noNaN: true }), (fg, bg, ratio) => {
        const out = ensureContrast(fg, [bg], ratio);
        expect(contrast(out, bg)).to.be.at.least(ratio);
        if (contrast(fg, bg) >= ratio) expect(out).to.equal(fg);
      }),
      { numRuns: 300 },
    );
  });

  it('ensureContrast keeps the hue of a colourful brand (within 12°)', () => {
    fc.assert(
      fc.property(rgb, fc.constantFrom<Rgb>([255, 255, 255], [22, 26, 30]), (fg, bg) => {
        const [, c0, h0] = toOklch(fg);
        const out = ensureContrast(fg, [bg], TEXT_RATIO);
        const [L1, c1, h1] = toOklch(out);
        fc.pre(c0 > 0.1 && c1 > 0.05 && L1 > 0.05 && L1 < 0.95);
        const d = Math.abs(Math.atan2(Math.sin(h1 - h0), Math.cos(h1 - h0)));
        expect(d * (180 / Math.PI)).to.be.below(12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('theme resolution (what GET /config serves)', () => {
  it('the SDK defaults meet every pair in light and dark', () => {
    expect(failures(effective({}, 0))).to.deep.equal([]);
    expect(failures(effective({}, 1))).to.deep.equal([]);
    expect(resolveTheme({ mode: 'auto', tokens: {} })).to.deep.equal({ mode: 'auto', tokens: {}, dark: {} });
  });

  it('for ANY single brand colour: every text pair ≥ 4.5:1 and UI pair ≥ 3:1, in light and in dark', () => {
    fc.assert(
      fc.property(hex, (brand) => {
        const t = resolveTheme({ mode: 'auto', tokens: { '--prm-color-primary': brand, '--prm-radius': '4px' } });
        expect(t.tokens['--prm-radius']).to.equal('4px');
        expect(t.dark, 'dark has a value for every light colour').to.have.all.keys(Object.keys(t.tokens).filter((k) => k.startsWith('--prm-color-')));
        for (const mode of [0, 1] as const) {
          const p = effective(mode ? t.dark : t.tokens, mode);
          expect(failures(p), `${brand} in ${mode ? 'dark' : 'light'}`).to.deep.equal([]);
          expect(contrast(p['on-primary'], p.primary)).to.be.at.least(4.5);
          expect(contrast(p.primary, p.surface)).to.be.at.least(4.5);
        }
        // A brand colour that already passes in light is served unchanged.
        if (contrast(parseColor(brand)!, [255, 255, 255]) >= TEXT_RATIO && contrast(parseColor(brand)!, parseColor(colorTokens['surface-variant'][0])!) >= TEXT_RATIO) {
          expect(t.tokens['--prm-color-primary'] ?? colorTokens.primary[0]).to.equal(brand);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('for ANY brand, dark brand and on-primary a clinic gives: still every pair, in both modes; idempotent', () => {
    fc.assert(
      fc.property(hex, fc.option(hex), fc.option(hex), fc.option(hex), (brand, darkBrand, onPrimary, outline) => {
        const tokens: Record<string, string> = { '--prm-color-primary': brand };
        if (onPrimary) tokens['--prm-color-on-primary'] = onPrimary;
        if (outline) tokens['--prm-color-outline'] = outline;
        const dark = darkBrand ? { '--prm-color-primary': darkBrand } : undefined;
        const t = resolveTheme({ mode: 'dark', tokens, dark });
        expect(failures(effective(t.tokens, 0))).to.deep.equal([]);
        expect(failures(effective(t.dark, 1))).to.deep.equal([]);
        expect(resolveTheme(t), 'resolving a served theme changes nothing').to.deep.equal(t);
      }),
      { numRuns: 300 },
    );
  });

  it('the demo clinic, a very light and a very dark brand: concrete values', () => {
    const demo = resolveTheme({ mode: 'auto', tokens: { '--prm-color-primary': '#0b5f5a' } });
    expect(demo.tokens['--prm-color-primary'], 'passes in light: kept').to.equal('#0b5f5a');
    const d = parseColor(demo.dark['--prm-color-primary']!)!;
    expect(contrast(d, parseColor(colorTokens.surface[1])!)).to.be.at.least(TEXT_RATIO);
    const yellow = resolveTheme({ mode: 'auto', tokens: { '--prm-color-primary': '#f5f5a0' } });
    expect(yellow.dark['--prm-color-primary'], 'passes in dark: kept').to.equal('#f5f5a0');
    expect(contrast(parseColor(yellow.tokens['--prm-color-primary']!)!, [255, 255, 255])).to.be.at.least(TEXT_RATIO);
    const navy = resolveTheme({ mode: 'auto', tokens: { '--prm-color-primary': '#101820' } });
    expect(navy.tokens['--prm-color-primary']).to.equal('#101820');
    expect(contrast(parseColor(navy.dark['--prm-color-primary']!)!, parseColor(colorTokens['surface-variant'][1])!)).to.be.at.least(TEXT_RATIO);
    expect(UI_RATIO).to.be.at.least(3);
  });

  it('names colour tokens it cannot check', () => {
    expect(unparseableColors({ '--prm-color-primary': 'teal', '--prm-color-surface': '#fff', '--prm-radius': '1em', '--prm-color-brand-x': 'red' })).to.deep.equal(['--prm-color-primary']);
  });
});
