import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nextFrame, resetConfig } from '../../core/fixtures/setup.js';

// The README's embed snippet reserves the widget's box with a CSS rule the clinic pastes into its
// own stylesheet (nothing render-blocking from our origin). That box must be the widget's final
// box — no shift when it renders (CLS 0), no empty card below its content — at a phone's and a
// desktop's width. This file does not import the widget up front: the box is measured first with
// the tag undefined, as the page is before any script of ours runs.

const WIDTHS = [375, 1280];

async function readme(): Promise<{ markup: string; css: string }> {
  const text = await (await fetch('/README.md')).text();
  const embed = text.slice(text.indexOf('## Embed it'));
  let markup = '';
  let css = '';
  for (const m of embed.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    if (!css && m[1] === 'css') css = m[2]!;
    if (!markup && m[1] === 'html') markup = [...m[2]!.matchAll(/<prm-[a-z-]+[^>]*><\/prm-[a-z-]+>/g)].map((x) => x[0]).join('\n');
    if (css && markup) break;
  }
  return { markup, css };
}

const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();

const settle = async () => {
  await nextFrame();
  await nextFrame();
};

describe('the box the README snippet reserves', () => {
  it('is the rule generated from the widget declaration (public/prm-reserve.css), word for word', async () => {
    const { css, markup } = await readme();
    expect(markup).to.contain('<prm-quote-calculator');
    const generated = await (await fetch('/public/prm-reserve.css')).text();
    expect(rules(css)).to.equal(rules(generated));
  });

  it('equals the rendered widget’s box at 375 and 1280 px: no shift, no empty card below the content', async function () {
    // Loads the widget's code and data from scratch: allow for a busy machine.
    this.timeout(60_000);
    const { css, markup } = await readme();
    const style = document.createElement('style');
    style.textContent = `${css}\nbody { margin: 0; }`;
    document.head.append(style);
    const wrap = document.createElement('div');
    wrap.innerHTML = markup; // the README's own markup, nothing of ours defined yet
    document.body.append(wrap);
    const el = wrap.querySelector<HTMLElement>('prm-quote-calculator')!;
    expect(customElements.get('prm-quote-calculator')).to.equal(undefined);

    const reserved: Record<number, number> = {};
    for (const w of WIDTHS) {
      await setViewport({ width: w, height: 900 });
      await settle();
      reserved[w] = el.getBoundingClientRect().height;
    }

    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    const shown = new Promise((r) => el.addEventListener('prm-quote-view', r, { once: true }));
    await import('../../../src/widgets/quote-calculator/define.js');
    await shown;

    const rows: { w: number; reserved: number; final: number; content: number }[] = [];
    for (const w of WIDTHS) {
      await setViewport({ width: w, height: 900 });
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await settle();
      const final = el.getBoundingClientRect().height;
      // Without the reservation: how tall the content itself is.
      el.style.setProperty('min-block-size', '0px');
      await settle();
      const content = el.getBoundingClientRect().height;
      el.style.removeProperty('min-block-size');
      rows.push({ w, reserved: reserved[w]!, final, content });
    }
    const report = rows.map((r) => `${r.w} px: reserved ${r.reserved.toFixed(1)}, rendered ${r.final.toFixed(1)}, content alone ${r.content.toFixed(1)}`).join('\n');
    const off = rows.filter((r) => Math.abs(r.reserved - r.final) > 1 || Math.abs(r.final - r.content) > 1);
    expect(off.map((r) => r.w), `reserved box ≠ rendered box (set box.sizes in widgets.config.mjs, run npm run widgets, paste the rule into the README):\n${report}`).to.deep.equal([]);
    style.remove();
    wrap.remove();
  });

  it('gives way once shown: without a procedure (not the README snippet) no empty card is left below the content, at 375 and 1280 px', async function () {
    this.timeout(60_000);
    const { css } = await readme();
    const style = document.createElement('style');
    style.textContent = `${css}\nbody { margin: 0; }`;
    document.head.append(style);
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    const el = document.createElement('prm-quote-calculator');
    const shown = new Promise((r) => el.addEventListener('prm-quote-view', r, { once: true }));
    document.body.append(el);
    await import('../../../src/widgets/quote-calculator/define.js');
    await shown;
    const rows: string[] = [];
    const empty: number[] = [];
    for (const w of WIDTHS) {
      await setViewport({ width: w, height: 900 });
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await settle();
      const card = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
      const box = card.getBoundingClientRect();
      const contentEnd = Math.max(...[...card.children].map((c) => c.getBoundingClientRect().bottom));
      const cs = getComputedStyle(card);
      const gap = box.bottom - contentEnd - parseFloat(cs.paddingBlockEnd) - parseFloat(cs.borderBlockEndWidth);
      // The README rule still matches the tag (it reserved ~1,900 / ~1,040 px): the content is far shorter.
      rows.push(`${w} px: host ${el.getBoundingClientRect().height.toFixed(1)}, card ${box.height.toFixed(1)}, empty below the content ${gap.toFixed(1)}`);
      empty.push(Math.round(gap));
    }
    expect(empty, rows.join('\n')).to.deep.equal(WIDTHS.map(() => 0));
    style.remove();
    el.remove();
  });
});
