import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PrmTestElement } from './fixtures/test-element.js';
import './fixtures/test-element.js';
import { resetConfig, until } from './fixtures/setup.js';

const uid = () => Math.random().toString(36).slice(2);

async function make(path: string, attrs = '') {
  const el = document.createElement('prm-test-element') as PrmTestElement;
  el.path = path;
  if (attrs) el.setAttribute('theme', attrs);
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.append(el);
  return el;
}

describe('base element and data controller', () => {
  beforeEach(() => resetConfig());

  it('renders first in a later task than the one that attached it (module evaluation and first render are two tasks)', async () => {
    const el = document.createElement('prm-test-element') as PrmTestElement;
    el.path = 'slow?ms=0';
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    wrap.append(el);
    // Many microtasks later, still in the same task (Lit schedules its update as a microtask): nothing yet.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(el.hasUpdated).to.equal(false);
    expect(el.shadowRoot?.childElementCount ?? 0).to.equal(0);
    await el.updateComplete;
    expect(el.hasUpdated).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part=base]')).to.exist;
  });

  it('shows an accessible loading skeleton while data is on its way', async () => {
    const el = await make('slow?ms=800');
    await until(() => !!el.shadowRoot!.querySelector('[part=loading]'));
    const loading = el.shadowRoot!.querySelector('[part=loading]')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.querySelector('[role=status]')!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
  });

  it('shows an error a patient understands with a retry that works, and fires prm-error', async () => {
    const id = uid();
    const el = document.createElement('prm-test-element') as PrmTestElement;
    el.path = `flaky?id=${id}&fail=3&status=500`;
    const ev = oneEvent(el, 'prm-error');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const { detail } = await ev;
    expect(detail).to.include({ widget: 'prm-test-element', reason: 'http', status: 500 });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Something went wrong');
    await expect(el).to.be.accessible();
    const retry = alert.querySelector('button')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot!.querySelector('#second'));
    expect(el.shadowRoot!.querySelector('#second')!.textContent).to.contain('4');
  });

  it('an unknown clinic key shows "not available" with no retry, after one request and one console error', async () => {
    const id = uid();
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const el = document.createElement('prm-test-element') as PrmTestElement;
      el.path = `flaky?id=${id}&fail=9&status=401&code=unauthorized`;
      el.setAttribute('clinic', `pk_unknown_${id}`);
      const ev = oneEvent(el, 'prm-error');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      expect((await ev).detail).to.include({ reason: 'unauthorized', status: 401 });
      await el.updateComplete;
      const state = el.shadowRoot!.querySelector('[part=error]')!;
      expect(state.textContent).to.contain('not available');
      expect(state.querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
      expect(errors.filter((a) => String(a[0]).includes(`pk_unknown_${id}`)).length).to.equal(1);
    } finally {
      console.error = original;
    }
    const n = await (await fetch(`/v1/__test/count?id=${id}&clinic=pk_demo_aurora`)).json();
    expect(n.n).to.equal(1);
  });

  it('shows an invalid answer as an error state, never an exception or a blank box', async () => {
    const el = await make('garbage');
    await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Something went wrong');
  });

  it('shows the empty state when the data is empty', async () => {
    const el = document.createElement('prm-test-element') as PrmTestElement;
    el.empty = true;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(() => !!el.shadowRoot!.querySelector('[part=empty]'));
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent).to.contain('Nothing here yet');
    await expect(el).to.be.accessible();
  });

  it('emits typed events that bubble and cross the shadow boundary on user action only', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><prm-test-element></prm-test-element></div>`);
    const el = wrap.querySelector('prm-test-element')!;
    await until(() => !!el.shadowRoot!.querySelector('#second'));
    let fired = 0;
    wrap.addEventListener('prm-test-click', () => fired++);
    el.path = 'slow?ms=1';
    await el.updateComplete;
    expect(fired, 'no event from a property set in code').to.equal(0);
    const ev = oneEvent(wrap, 'prm-test-click');
    (el.shadowRoot!.querySelector('#second') as HTMLButtonElement).click();
    const e = await ev;
    expect(e.detail.count).to.equal(1);
    expect(e.composed && e.bubbles).to.equal(true);
  });

  it('is accessible in dark mode and its tokens can be themed from the page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><style>
      .brand prm-test-element { --prm-color-primary: rgb(255, 196, 120); }
    </style><div class="brand"><prm-test-element theme="dark"></prm-test-element></div></div>`);
    const el = wrap.querySelector('prm-test-element')!;
    await until(() => !!el.shadowRoot!.querySelector('#second'));
    expect(getComputedStyle(el.shadowRoot!.querySelector('#second')!).backgroundColor).to.equal('rgb(255, 196, 120)');
    expect(getComputedStyle(el).color).to.equal('rgb(233, 237, 240)');
    await expect(el).to.be.accessible();
  });

  it('writes nothing to :root or the host page', async () => {
    const before = document.documentElement.getAttribute('style');
    const sheets = document.styleSheets.length;
    await make('slow?ms=1');
    expect(document.documentElement.getAttribute('style')).to.equal(before);
    expect(document.styleSheets.length).to.equal(sheets);
    expect(document.adoptedStyleSheets.length).to.equal(0);
  });

  it('applies the clinic’s remote theme (mode and tokens) below what the page sets', async () => {
    resetConfig({ api: location.origin, clinic: 'pk_demo_second' });
    const el = await make('slow?ms=1');
    await until(() => !!el.shadowRoot!.querySelector('#second') && getComputedStyle(el.shadowRoot!.querySelector('#second')!).backgroundColor === 'rgb(29, 78, 216)');
    expect(el.matches(':state(light)')).to.equal(true);
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    const aurora = await make('slow?ms=1');
    await until(() => aurora.matches(':state(auto)'));
    expect(getComputedStyle(aurora.shadowRoot!.querySelector('.card')!).borderTopLeftRadius).to.equal(`${0.75 * 1.5 * 16}px`);
    const wrap = await fixture<HTMLDivElement>(html`<div><style>
      .page prm-test-element { --prm-color-primary: rgb(120, 20, 60); }
    </style><div class="page"><prm-test-element theme="light"></prm-test-element></div></div>`);
    const pageWins = wrap.querySelector('prm-test-element')!;
    await until(() => !!pageWins.shadowRoot!.querySelector('#second'));
    await new Promise((r) => setTimeout(r, 200));
    expect(pageWins.matches(':state(light)'), 'attribute beats the remote mode').to.equal(true);
    expect(getComputedStyle(pageWins.shadowRoot!.querySelector('#second')!).backgroundColor).to.equal('rgb(120, 20, 60)');
  });
});
