import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { nextFrame, resetConfig, until } from '../../core/fixtures/setup.js';
import type { PrmBookingScheduler } from '../../../src/widgets/booking-scheduler/booking-scheduler.js';

// The scheduler's box and reflow: the first step fits the box the clinic's stylesheet reserves
// (public/prm-reserve.css, the README's rule) so nothing below it moves when it loads (CLS 0),
// and every step reflows at 320 CSS px and at 200 % zoom (a 1280 px window zoomed to 200 % lays
// out 640 CSS px) without horizontal scrolling or content cut off. The widget's code is imported
// only after the reserved box is measured, as on a real page before our script runs.

type El = PrmBookingScheduler;
const $ = <T extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const settle = async () => {
  await nextFrame();
  await nextFrame();
};

let shifts: { value: number; sources: string[] }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
    if (!e.hadRecentInput) shifts.push({ value: e.value, sources: (e.sources ?? []).map((s) => (s.node as Element | undefined)?.nodeName ?? '?') });
  }
}).observe({ type: 'layout-shift', buffered: true });

let n = 0;
async function page(markup: string): Promise<{ el: El; after: HTMLElement; wrap: HTMLElement }> {
  resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: `layout-${n++}` });
  const wrap = document.createElement('div');
  wrap.innerHTML = `${markup}<p id="after">Text of the clinic's page below the widget.</p>`;
  document.body.append(wrap);
  return { el: wrap.querySelector('prm-booking-scheduler') as El, after: wrap.querySelector<HTMLElement>('#after')!, wrap };
}

/** Elements of the shadow root that stick out of the host sideways, or whose content is cut off. */
function overflow(el: El): string[] {
  const host = el.getBoundingClientRect();
  const out: string[] = [];
  for (const n of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    if (n.closest('.visually-hidden') || n.matches('style, option')) continue;
    const r = n.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    const name = `${n.localName}${n.id ? `#${n.id}` : ''}.${[...n.classList].join('.')}`;
    if (r.left < host.left - 0.5 || r.right > host.right + 0.5) out.push(`${name} sticks out (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(host.left)}–${Math.round(host.right)})`);
    const s = getComputedStyle(n);
    if (s.clipPath !== 'none') continue; // text kept for screen readers only
    // Content wider than its box: cut off, or spilling over its neighbours (e.g. weekday names).
    if (s.display !== 'inline' && n.clientWidth && n.scrollWidth > n.clientWidth + 1) out.push(`${name} cut off or spilling (${n.scrollWidth} > ${n.clientWidth})`);
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth})`);
  return out;
}

describe('<prm-booking-scheduler> box and reflow', function () {
  this.timeout(120_000);
  let style: HTMLStyleElement;
  before(async () => {
    style = document.createElement('style');
    style.textContent = `${await (await fetch('/public/prm-reserve.css')).text()}\nbody { margin: 0; }`;
    document.head.append(style);
  });
  afterEach(() => {
    for (const w of document.querySelectorAll('body > div')) w.remove();
  });
  after(async () => {
    style.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('the first step keeps the reserved box at 375 and 1280 px: same height before and after it loads, CLS 0', async () => {
    const { el, after } = await page('<prm-booking-scheduler></prm-booking-scheduler>');
    expect(customElements.get('prm-booking-scheduler')).to.equal(undefined);
    const reserved: Record<number, [number, number]> = {};
    for (const w of [375, 1280]) {
      await setViewport({ width: w, height: 900 });
      await settle();
      reserved[w] = [el.getBoundingClientRect().height, after.getBoundingClientRect().top];
    }
    expect(reserved[375]![0]).to.be.greaterThan(300);
    shifts = [];
    await import('../../../src/widgets/booking-scheduler/define.js');
    await until(() => !!$(el, '[part=services]'), 20_000);
    await settle();
    expect(reserved[1280]).to.deep.equal([el.getBoundingClientRect().height, after.getBoundingClientRect().top]);
    await setViewport({ width: 375, height: 900 });
    await settle();
    expect(reserved[375], 'at 375 px').to.deep.equal([el.getBoundingClientRect().height, after.getBoundingClientRect().top]);
    expect(shifts, 'layout shifts while the widget loaded').to.deep.equal([]);
  });

  for (const [label, width, lang] of [
    ['320 CSS px', 320, 'en'],
    ['320 CSS px in Arabic', 320, 'ar'],
    ['200 % zoom of a 1280 px window (640 CSS px)', 640, 'en'],
  ] as const) {
    it(`at ${label}: every step, from services to the confirmation, without sideways scrolling or cut content`, async () => {
      await setViewport({ width, height: 800 });
      await import('../../../src/widgets/booking-scheduler/define.js');
      const { el } = await page(`<prm-booking-scheduler lang="${lang}"></prm-booking-scheduler>`);
      const seen: Record<string, string[]> = {};
      const check = async (step: string) => {
        await el.updateComplete;
        await settle();
        seen[step] = overflow(el);
      };
      await until(() => !!$(el, '[part=services]'), 20_000);
      await check('services');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.choice')!.click();
      await until(() => !!$(el, '[part=doctors]'));
      await check('doctors');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.choice')!.click();
      await until(() => !!$(el, 'td.avail'), 20_000);
      $<HTMLElement>(el, 'td.avail')!.click();
      await until(() => !!$(el, '.slot'));
      await check('month and times');
      $<HTMLButtonElement>(el, '#zone-button')!.click();
      await until(() => !!$(el, '#zone-list'), 10_000);
      await check('time-zone picker');
      $<HTMLButtonElement>(el, '#zone-button')!.click();
      await el.updateComplete;
      $<HTMLElement>(el, '.slot')!.click();
      await until(() => !!$(el, '#f-name'), 10_000);
      await check('details form');
      const set = (s: string, v: string) => {
        const i = $<HTMLInputElement>(el, s)!;
        i.value = v;
        i.dispatchEvent(new Event('input'));
      };
      set('#f-name', 'Reflow Patient');
      set('#f-email', 'reflow@example.com');
      $<HTMLInputElement>(el, '#f-consent')!.click();
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await until(() => !!$(el, '[part=success]'), 20_000);
      await check('confirmation');
      expect(seen).to.deep.equal({ services: [], doctors: [], 'month and times': [], 'time-zone picker': [], 'details form': [], confirmation: [] });
    });
  }
});
