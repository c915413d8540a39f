import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { linkReserveCss, nextFrame, resetConfig, until } from '../../core/fixtures/setup.js';

// The box `prm-reserve.css` (generated from widgets.config.mjs) reserves for the docs' snippet
// `<prm-feedback-form></prm-feedback-form>` must be the box the widget renders (CLS 0; the first
// view fills it with the send button at its foot, the open form's fields come inside it:
// first-touch.test.ts), and the loading skeleton must fill exactly that box. Then: usable at 320 px and
// at 200 % zoom (1280 px at 200 % is a 640 px CSS viewport): nothing wider than the screen, every
// target at least 24 px. This file does not import the widget up front: the box is measured with
// the tag undefined first, as the page is before any script of ours runs.

// The docs' snippet (widgets.config.mjs `example`; that file reads the disk, so not importable here).
const EXAMPLE = '<prm-feedback-form></prm-feedback-form>';
const settle = async () => {
  await nextFrame();
  await nextFrame();
};
type El = HTMLElement & { updateComplete: Promise<unknown> };
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);

/** Page-level overflow and every control's target size in the widget's shadow root. */
function problems(el: Element, width: number): string[] {
  const out: string[] = [];
  const host = el.getBoundingClientRect();
  if (host.width > width + 0.5) out.push(`host ${host.width.toFixed(1)} px wide on a ${width} px screen`);
  if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  for (const n of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    if (n.closest('.visually-hidden')) continue; // clipped to 1 px (the honeypot, status text)
    const r = n.getBoundingClientRect();
    if (r.width && (r.right > host.right + 0.5 || r.left < host.left - 0.5)) out.push(`${n.parentElement?.localName ?? ''}.${n.parentElement?.className ?? ''} > ${n.localName}${n.id ? `#${n.id}` : ''}.${n.className} sticks out (${r.left.toFixed(0)}–${r.right.toFixed(0)})`);
  }
  // Targets: the visible face of each radio (the input is an invisible layer over it), buttons, fields.
  const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.opt span, .star span, button, .input, textarea, select')];
  expect(targets.length, 'controls measured').to.be.greaterThan(15);
  for (const t of targets) {
    const r = t.getBoundingClientRect();
    if (r.width < 24 || r.height < 24) out.push(`${t.localName}${t.id ? `#${t.id}` : ''}.${t.className} is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
  }
  // The 0–10 faces side by side (or wrapped), never on top of each other.
  const faces = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.opt span')].map((f) => f.getBoundingClientRect());
  for (let i = 1; i < faces.length; i++) {
    const [a, b] = [faces[i - 1]!, faces[i]!];
    if (a.top === b.top && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5) out.push(`NPS ${i - 1} and ${i} overlap`);
  }
  return out;
}

describe('<prm-feedback-form> layout', function () {
  this.timeout(90_000);
  const widths = [375, 1280];
  let style: HTMLLinkElement;
  let wrap: HTMLDivElement;
  let el: El;

  before(async () => {
    style = await linkReserveCss();
    document.body.style.margin = '0';
    wrap = document.createElement('div');
    wrap.innerHTML = EXAMPLE;
    document.body.append(wrap);
    el = wrap.querySelector<El>('prm-feedback-form')!;
  });
  after(() => {
    wrap.remove();
    style.remove();
  });

  it('the reserved box = the skeleton’s box = the rendered first view’s box at 375 and 1280 px, filled to the send button', async () => {
    expect(customElements.get('prm-feedback-form')).to.equal(undefined);
    const reserved: Record<number, number> = {};
    for (const w of widths) {
      await setViewport({ width: w, height: 900 });
      await settle();
      reserved[w] = el.getBoundingClientRect().height;
    }
    // The skeleton: answers held back until each width is measured.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const real = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname.startsWith('/v1/')) await held;
      return real(input, init);
    };
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    const shown = new Promise((r) => el.addEventListener('prm-feedback-view', r, { once: true }));
    await import('../../../src/widgets/feedback-form/define.js');
    await until(() => !!$(el, '[part=loading]'), 10_000);
    const skeleton: Record<number, number> = {};
    for (const w of widths) {
      await setViewport({ width: w, height: 900 });
      await settle();
      skeleton[w] = el.getBoundingClientRect().height;
    }
    window.fetch = real;
    release();
    await shown;

    const rows: string[] = [];
    const off: number[] = [];
    for (const w of widths) {
      await setViewport({ width: w, height: 900 });
      await el.updateComplete;
      await settle();
      const final = el.getBoundingClientRect().height;
      // The box is the open form's (test/widgets/feedback-form/first-touch.test.ts): the first view
      // fills it, the send button at its foot, no empty card below it.
      const card = $(el, '[part=base]')!;
      const cs = getComputedStyle(card);
      const empty = card.getBoundingClientRect().bottom - parseFloat(cs.paddingBlockEnd) - parseFloat(cs.borderBlockEndWidth) - $(el, '[type=submit]')!.getBoundingClientRect().bottom;
      rows.push(`${w} px: reserved ${reserved[w]!.toFixed(1)}, skeleton ${skeleton[w]!.toFixed(1)}, rendered ${final.toFixed(1)}, empty below the send button ${empty.toFixed(1)}`);
      if (Math.abs(reserved[w]! - final) > 1 || Math.abs(empty) > 1 || Math.abs(skeleton[w]! - final) > 1) off.push(w);
    }
    expect(off, `boxes differ (set box.sizes in widgets.config.mjs, then npm run widgets):\n${rows.join('\n')}`).to.deep.equal([]);
  });

  // WCAG 2.5.8 (target size, minimum): every control at least 24 × 24 CSS px. At 375 px (a phone)
  // without `procedure`, so the story's treatment choice is measured too.
  for (const [label, width, procedure] of [
    ['320 px', 320, 'dental-implants'],
    ['375 px, the treatment chosen in the story offer', 375, undefined],
    ['200 % zoom of a 1280 px window (640 CSS px)', 640, 'dental-implants'],
  ] as const) {
    it(`${label}: nothing sticks out or scrolls sideways, every target ≥ 24 px, with the story fields open`, async () => {
      await setViewport({ width, height: 800 });
      await el.updateComplete;
      if (procedure) el.setAttribute('procedure', procedure);
      else el.removeAttribute('procedure');
      await el.updateComplete;
      $(el, '#nps-10')!.click();
      await until(() => !!$(el, '#f-publish'), 10_000); // the score loads the form layer
      await el.updateComplete;
      if (!($(el, '#f-publish') as HTMLInputElement).checked) $(el, '#f-publish')!.click();
      await el.updateComplete;
      $(el, '#r-medical-2')?.click();
      await el.updateComplete;
      await settle();
      expect($(el, '#f-displayName'), 'story fields open').to.exist;
      await until(() => !!$(el, procedure ? '#story-treatment' : '#f-procedureId option[value=dental-implants]'), 10_000);
      expect(problems(el, width)).to.deep.equal([]);
      el.removeAttribute('procedure');
    });
  }

  it('the thank-you releases the reserved box: no empty card under a shorter message', async () => {
    await setViewport({ width: 375, height: 900 });
    await el.updateComplete;
    const form = el.getBoundingClientRect().height;
    $(el, '#nps-7')!.click();
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[part=success]'), 15_000);
    await settle();
    const done = el.getBoundingClientRect().height;
    const content = [...$(el, '[part=base]')!.children].reduce((h, c) => h + c.getBoundingClientRect().height, 0);
    expect(done, `thank-you ${done} px, form ${form} px`).to.be.lessThan(form);
    expect(done - content, 'card around its content, nothing more than padding and gaps').to.be.lessThan(80);
  });

  it('an error state releases the reserved box too: its few lines are not lost in an empty card', async () => {
    await setViewport({ width: 375, height: 900 });
    const real = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
      new URL(input instanceof Request ? input.url : String(input), location.href).pathname === '/v1/config' // (a failing /improvements no longer gives an error state)
        ? new Response('{"error":{"code":"internal","message":"x"}}', { status: 500, headers: { 'Content-Type': 'application/json' } })
        : real(input, init);
    const box = document.createElement('div');
    box.innerHTML = EXAMPLE;
    document.body.append(box);
    const failing = box.querySelector<El>('prm-feedback-form')!;
    try {
      // A config of its own: the answers the other tests' widgets loaded are not shared with it.
      failing.setAttribute('api', `${location.origin}/#failing`);
      await until(() => !!$(failing, '[part=error]'), 20_000);
      await failing.updateComplete;
      await settle();
      const h = failing.getBoundingClientRect().height;
      // The message itself: its title, text and retry button (the state's own box may stretch).
      const content = [...$(failing, '[part=error]')!.children].reduce((sum, c) => sum + c.getBoundingClientRect().height, 0);
      expect(content, 'the error state shows').to.be.greaterThan(50);
      expect(h - content, `error card ${h.toFixed(0)} px around ${content.toFixed(0)} px of message`).to.be.lessThan(120);
    } finally {
      window.fetch = real;
      box.remove();
    }
  });
});
