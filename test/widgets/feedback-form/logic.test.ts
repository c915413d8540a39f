import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { COUNTRIES, aspectsFor, countryOptions, invitationFromUrl, lowestAspects, matchImprovements, npsBand, parseStage, scaleKey } from '../../../src/widgets/feedback-form/feedback.js';
import type { FeedbackConfig, Improvement } from '../../../src/core/contract/feedback.js';

// Pure functions beside the element: no DOM used.

describe('feedback form: logic', () => {
  it('scale keys follow the visual order: ArrowRight moves on in LTR and back in RTL, ArrowLeft the reverse; wraps; Home/End', () => {
    expect(scaleKey('ArrowRight', 3, 11, false)).to.equal(4);
    expect(scaleKey('ArrowRight', 3, 11, true)).to.equal(2);
    expect(scaleKey('ArrowLeft', 3, 11, true)).to.equal(4);
    expect(scaleKey('ArrowLeft', 3, 11, false)).to.equal(2);
    expect(scaleKey('ArrowRight', 10, 11, false)).to.equal(0);
    expect(scaleKey('ArrowLeft', 0, 11, false)).to.equal(10);
    expect(scaleKey('Home', 7, 11, true)).to.equal(0);
    expect(scaleKey('End', 2, 11, false)).to.equal(10);
    expect(scaleKey('a', 2, 11, false)).to.equal(undefined);
    // Property: in either direction, the key that points "forward" visually and the opposite one undo each other.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.boolean(), (i, rtl) => {
        const r = scaleKey('ArrowRight', i, 11, rtl)!;
        return scaleKey('ArrowLeft', r, 11, rtl) === i && scaleKey('ArrowDown', scaleKey('ArrowUp', i, 11, rtl)!, 11, rtl) === i;
      }),
    );
  });

  it('NPS bands: 0–6 low, 7–8 mid, 9–10 high', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).to.deep.equal(['low', 'low', 'mid', 'mid', 'high', 'high']);
    expect(npsBand(undefined)).to.equal(undefined);
  });

  it('aspects of a stage in the locale, falling back to the language, default, English', () => {
    const cfg: FeedbackConfig = {
      aspects: [
        { id: 'medical', stages: ['in-clinic'], label: { en: 'Medical care', ar: 'الرعاية الطبية' } },
        { id: 'planning', stages: ['pre-travel'], label: { en: 'Planning', default: 'Planning*' } },
      ],
    };
    expect(aspectsFor(cfg, 'in-clinic', 'ar')).to.deep.equal([{ id: 'medical', label: 'الرعاية الطبية' }]);
    expect(aspectsFor(cfg, 'in-clinic', 'ar-SA')[0]!.label).to.equal('الرعاية الطبية');
    expect(aspectsFor(cfg, 'pre-travel', 'de')[0]!.label).to.equal('Planning*');
    expect(aspectsFor(undefined, 'pre-travel', 'de')).to.deep.equal([]);
    expect(parseStage('in-clinic')).to.equal('in-clinic');
    expect(parseStage('bogus')).to.equal('post-return');
  });

  it('"you said, we did": the lowest-rated aspects first, then the most recent', () => {
    const imp = (id: string, aspects: Improvement['aspects'], date: string): Improvement => ({ id, youSaid: id, weDid: id, aspects, date });
    const list = [imp('a', ['value'], '2026-10-01'), imp('b', ['interpreter'], '2026-01-01'), imp('c', ['medical'], '2026-11-01'), imp('d', ['communication'], '2026-09-01')];
    expect(lowestAspects({ medical: 5, interpreter: 1, value: 3 })).to.deep.equal(['interpreter', 'value']);
    expect(matchImprovements(list, ['interpreter', 'value']).map((m) => m.id)).to.deep.equal(['b', 'a', 'c']);
    expect(matchImprovements(list, []).map((m) => m.id)).to.deep.equal(['c', 'a', 'd']);
  });

  it('invitation token from the link', () => {
    expect(invitationFromUrl('?x=1&prm-feedback=AbCdEfGhIjKlMnOpQr_-12')).to.equal('AbCdEfGhIjKlMnOpQr_-12');
    expect(invitationFromUrl('?prm-feedback=<script>')).to.equal(undefined);
  });

  it('story countries: all 249 ISO 3166 codes, named in the locale and sorted by that name', () => {
    expect(COUNTRIES.length).to.equal(249);
    expect(new Set(COUNTRIES).size).to.equal(249);
    for (const c of ['EG', 'JO', 'MA', 'OM', 'BH', 'DZ', 'LY', 'TN', 'AZ', 'GE', 'IR', 'UZ']) expect(COUNTRIES).to.include(c);
    for (const locale of ['en', 'ar', 'tr']) {
      const list = countryOptions(locale);
      const names = list.map((c) => c.name);
      expect([...names].sort(new Intl.Collator(locale).compare)).to.deep.equal(names);
    }
    expect(countryOptions('en').find((c) => c.code === 'EG')!.name).to.equal('Egypt');
    expect(countryOptions('ar').find((c) => c.code === 'JO')!.name).to.equal('الأردن');
    expect(countryOptions('en')[0]!.name).to.equal('Afghanistan');
  });
});
