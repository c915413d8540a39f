import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nextFrame, resetConfig } from '../../core/fixtures/setup.js';

// As test/widgets/quote-calculator/reserve.test.ts, for the booking scheduler: the box the
// README's rules reserve for `<prm-booking-scheduler>` (its docs snippet, no attributes) must be
// the widget's first step — consultation types — at a phone's, a tablet's and a desktop's width: nothing
// moves when it renders (CLS 0) and no empty card is left below the content. The widget's code is
// not imported up front: the box is measured first with the tag undefined.

const WIDTHS = [375, 600, 1280];
const MARKUP = '<prm-booking-scheduler></prm-booking-scheduler>';

async function reserveCss(): Promise<string> {
  const text = await (await fetch('/README.md')).text();
  const embed = text.slice(text.indexOf('## Embed it'));
  return /```css\n([\s\S]*?)```/.exec(embed)![1]!;
}

const settle = async () => {
  await nextFrame();
  await nextFrame();
};

describe('<prm-booking-scheduler>: the box the README snippet reserves', () => {
  it('is the docs snippet’s markup', async () => {
    const docs = await (await fetch('/docs/widgets/booking-scheduler.md')).text();
    expect(docs).to.contain(MARKUP);
  });

  it('equals the first step’s rendered box at 375, 600 and 1280 px, with CLS 0, and gives way to the content once shown', async function () {
    this.timeout(60_000);
    const style = document.createElement('style');
    style.textContent = `${await reserveCss()}\nbody { margin: 0; }`;
    document.head.append(style);
    const wrap = document.createElement('div');
    wrap.innerHTML = MARKUP;
    const below = document.createElement('p');
    below.textContent = 'The clinic’s page goes on below the widget.';
    document.body.append(wrap, below);
    const el = wrap.querySelector<HTMLElement>('prm-booking-scheduler')!;
    expect(customElements.get('prm-booking-scheduler')).to.equal(undefined);

    const reserved: Record<number, number> = {};
    for (const w of WIDTHS) {
      await setViewport({ width: w, height: 900 });
      await settle();
      reserved[w] = el.getBoundingClientRect().height;
    }

    let cls = 0;
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) cls += e.value;
    });
    po.observe({ type: 'layout-shift' });
    const belowTop = below.getBoundingClientRect().top;
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    const shown = new Promise((r) => el.addEventListener('prm-booking-view', r, { once: true }));
    await import('../../../src/widgets/booking-scheduler/define.js');
    await shown;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await settle();
    const moved = below.getBoundingClientRect().top - belowTop;
    // Layout shifts from the widget's arrival only (resizing the viewport below shifts by itself).
    po.takeRecords().forEach((e) => (cls += (e as PerformanceEntry & { value: number }).value));
    po.disconnect();
    const shift = cls;

    const rows: { w: number; reserved: number; final: number; content: number; empty: number }[] = [];
    for (const w of WIDTHS) {
      await setViewport({ width: w, height: 900 });
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await settle();
      const final = el.getBoundingClientRect().height;
      // Without the reservation: how tall the content itself is.
      el.style.setProperty('min-block-size', '0px', 'important');
      await settle();
      const content = el.getBoundingClientRect().height;
      el.style.removeProperty('min-block-size');
      const card = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
      const box = card.getBoundingClientRect();
      const contentEnd = Math.max(...[...card.children].map((c) => c.getBoundingClientRect().bottom));
      const cs = getComputedStyle(card);
      const empty = box.bottom - contentEnd - parseFloat(cs.paddingBlockEnd) - parseFloat(cs.borderBlockEndWidth);
      rows.push({ w, reserved: reserved[w]!, final, content, empty });
    }
    const report = rows.map((r) => `${r.w} px: reserved ${r.reserved.toFixed(3)}, rendered ${r.final.toFixed(3)}, content alone ${r.content.toFixed(3)}, empty card below the content ${r.empty.toFixed(3)}`).join('\n');
    const off = rows.filter((r) => Math.abs(r.reserved - r.final) > 0.01 || Math.abs(r.final - r.content) > 0.01 || Math.abs(r.empty) > 1);
    expect(off.map((r) => r.w), `reserved box ≠ rendered box (set box.sizes in widgets.config.mjs, run npm run widgets):\n${report}`).to.deep.equal([]);
    expect(moved, 'the page below the widget moved when it rendered').to.equal(0);
    expect(shift, 'CLS while the widget loaded').to.equal(0);
    style.remove();
    wrap.remove();
    below.remove();
  });
});
