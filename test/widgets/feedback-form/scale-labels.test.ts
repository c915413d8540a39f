import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nextFrame, resetConfig, until } from '../../core/fixtures/setup.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { $, place } from './helpers.js';

// The 0–10 scale's end labels must sit by the box they name. On a phone the scale wraps to two
// rows (0–5, 6–10): labels under the rows put "Not at all likely" under 6. What a patient sees is
// checked as boxes on the screen, left to right in English and right to left in Arabic.

const box = (el: PrmFeedbackForm, s: string) => $(el, s)!.getBoundingClientRect();
/** Where a label's text starts and ends in the reading direction (the text's own box, not the block's). */
function textBox(el: HTMLElement): DOMRect {
  const r = document.createRange();
  r.selectNodeContents(el);
  return r.getBoundingClientRect();
}

describe('<prm-feedback-form> the scale’s end labels', function () {
  this.timeout(60_000);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const locale of ['en', 'ar'] as const) {
    const rtl = locale === 'ar';
    for (const width of [320, 375, 1280]) {
      it(`${locale}, ${width} px: "Not at all likely" by 0 and "Extremely likely" by 10`, async () => {
        resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
        await setViewport({ width, height: 900 });
        const el = await place({ locale });
        await until(() => !!$(el, 'form') && /[\u0600-\u06ff]/.test($(el, '#nps-q')!.textContent!) === rtl, 15_000);
        await el.updateComplete;
        await nextFrame();
        await nextFrame();
        const [low, high] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.ends > span')] as [HTMLElement, HTMLElement];
        const zero = box(el, '#nps-0 + span');
        const ten = box(el, '#nps-10 + span');
        const lo = textBox(low);
        const hi = textBox(high);
        // Where a row starts and ends in the reading direction.
        const start = (r: DOMRect) => (rtl ? r.right : r.left);
        const end = (r: DOMRect) => (rtl ? r.left : r.right);
        expect(Math.abs(start(lo) - start(zero)), `low label starts where 0 does (${start(lo)} vs ${start(zero)})`).to.be.lessThan(2);
        expect(Math.abs(end(hi) - end(ten)), `high label ends where 10 does (${end(hi)} vs ${end(ten)})`).to.be.lessThan(2);
        expect(hi.top, 'the high label under the last row').to.be.at.least(ten.bottom);
        if (zero.top !== ten.top) {
          // Two rows: the low label above the first row (under it would sit among 6–10), and each
          // label says its number, the boxes being far apart.
          expect(lo.bottom, 'the low label above the first row').to.be.at.most(zero.top);
          expect(low.innerText.trim()).to.match(/^0 – \S/);
          expect(high.innerText.trim()).to.match(/^10 – \S/);
        } else {
          expect(width, 'one row on a wide screen').to.equal(1280);
          expect(lo.top, 'the low label under the scale').to.be.at.least(zero.bottom);
          expect(low.innerText.trim(), 'no numbers needed under a single row').not.to.match(/^0/);
        }
        expect(zero.top !== ten.top, 'two rows on a phone').to.equal(width < 400);
        // The labels stay hidden from screen readers: each radio's name says its number and meaning.
        expect(!!low.closest('[aria-hidden=true]')).to.equal(true);
        expect($(el, '#nps-0')!.getAttribute('aria-label')).to.match(/^0 – /);
        await expect(el).to.be.accessible();
      });
    }
  }
});
