import { expect, fixture, html } from '@open-wc/testing';
import { displayName, formatDateTime, formatMoney, minorDigits } from '../../src/core/i18n/format.js';

/** Counts constructions of `Intl[name]` while `fn` runs. */
function constructions(name: 'NumberFormat' | 'DateTimeFormat' | 'DisplayNames', fn: () => void): number {
  const Orig = Intl[name] as unknown as new (...a: unknown[]) => object;
  let n = 0;
  const Counting = function (this: unknown, ...args: unknown[]) {
    n++;
    return new Orig(...args);
  } as unknown as typeof Intl.NumberFormat;
  Object.assign(Counting, Orig);
  (Intl as unknown as Record<string, unknown>)[name] = Counting;
  try {
    fn();
  } finally {
    (Intl as unknown as Record<string, unknown>)[name] = Orig;
  }
  return n;
}

describe('Intl helpers: one formatter per locale and options, not one per call', () => {
  it('currency digits come from the ISO 4217 table, without a formatter', () => {
    const n = constructions('NumberFormat', () => {
      expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD'), minorDigits('ISK'), minorDigits('TRY')]).to.deep.equal([2, 0, 3, 0, 2]);
    });
    expect(n).to.equal(0);
  });

  it('dates, money and display names reuse their formatter across calls', () => {
    const d = constructions('DateTimeFormat', () => {
      for (let i = 0; i < 50; i++) formatDateTime('2026-12-01T10:00:00Z', 'Europe/Istanbul', 'de', { dateStyle: 'long' });
    });
    expect(d, 'DateTimeFormat constructions for 50 calls').to.be.at.most(1);
    const m = constructions('NumberFormat', () => {
      for (let i = 0; i < 50; i++) formatMoney(i * 101, 'GBP', 'fr');
    });
    expect(m, 'NumberFormat constructions for 50 calls').to.be.at.most(1);
    const r = constructions('DisplayNames', () => {
      for (let i = 0; i < 50; i++) displayName('ru', 'region', i % 2 ? 'DE' : 'GB');
    });
    expect(r, 'DisplayNames constructions for 50 calls').to.be.at.most(1);
  });
});

describe('money inside right-to-left text', () => {
  /** Left edge, in px, of the `i`-th UTF-16 unit of a text node as laid out. */
  const xOf = (t: Text, i: number) => {
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + 1);
    return r.getBoundingClientRect().left;
  };

  it('Arabic: "US$" stays "US$" (not "$US") and sits left of the number, which is read first', async () => {
    const p = await fixture<HTMLParagraphElement>(html`<p dir="rtl" lang="ar" style="font-size: 20px">المجموع <bdi>${formatMoney(1029990, 'USD', 'ar')}</bdi></p>`);
    const t = [...p.querySelector('bdi')!.childNodes].find((n): n is Text => n instanceof Text && n.data.trim() !== '')!;
    const s = t.data;
    const u = s.indexOf('U');
    const dollar = s.indexOf('$');
    const digit = s.search(/[0-9\u0660-\u0669]/);
    expect(u, s).to.be.greaterThan(-1);
    expect(xOf(t, u), '"U" left of "$": the symbol reads US$').to.be.lessThan(xOf(t, dollar));
    expect(xOf(t, dollar), 'the symbol left of the digits (the amount is read first, right to left)').to.be.lessThan(xOf(t, digit));
    // The digits themselves still run left to right.
    const last = s.search(/[0-9\u0660-\u0669](?!.*[0-9\u0660-\u0669])/);
    expect(xOf(t, digit)).to.be.lessThan(xOf(t, last));
  });

  it('English keeps the plain Intl string (no invisible characters)', () => {
    expect(formatMoney(1029990, 'USD', 'en')).to.equal('$10,299.90');
  });
});
