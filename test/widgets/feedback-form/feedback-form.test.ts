import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

// Talks to the real reference server (mounted at /v1 by web-test-runner); a test breaks the
// network or the answer only where that is the point (offline, cut, 500, 429).

declare global {
  interface Window {
    __xss?: (n?: unknown) => void;
  }
}

const $ = <T extends Element = HTMLElement>(el: PrmFeedbackForm, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const $$ = (el: PrmFeedbackForm, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const active = (el: PrmFeedbackForm) => el.shadowRoot!.activeElement as HTMLElement | null;
let n = 0;
const fresh = () => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: n++ });

async function mount(attrs: Record<string, string> = {}, lang?: string): Promise<PrmFeedbackForm> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  if (lang) wrap.setAttribute('lang', lang);
  const el = document.createElement('prm-feedback-form');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, 'form') || !!$(el, '[part=success]'), 10_000);
  // Messages are page-wide and load per language: wait for this widget's own.
  const arabic = attrs['locale'] === 'ar';
  await until(() => !$(el, '#nps-q') || /[\u0600-\u06ff]/.test($(el, '#nps-q')!.textContent!) === arabic, 10_000);
  await touch(el);
  return el;
}

/** The first touch of the form (a tap, a focus) loads the form layer: the comment and other fields appear. */
async function touch(el: PrmFeedbackForm) {
  const form = $(el, 'form');
  if (!form) return;
  form.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  await until(() => !!$(el, '#f-comment'), 10_000);
}

/** Feedback rows stored with this reference, read through the staff API of the real server. */
async function rows(reference: string): Promise<number> {
  const r = await fetch('/v1/staff/feedback?limit=100', { headers: { Authorization: 'Bearer sk_demo_staff' } });
  const body = (await r.json()) as { feedback: { feedback: { reference?: string } }[] };
  return body.feedback.filter((f) => f.feedback.reference === reference).length;
}

/** Health text must never reach localStorage, cookies or IndexedDB. */
async function assertNoPersistentCopy(marker: string) {
  for (let i = 0; i < localStorage.length; i++) expect(localStorage.getItem(localStorage.key(i)!) ?? '').not.to.contain(marker);
  expect(document.cookie).not.to.contain(marker);
  const dbs = await indexedDB.databases();
  expect(dbs.map((d) => d.name), 'no IndexedDB database').to.deep.equal([]);
}
const inSession = (marker: string) => Object.keys(sessionStorage).some((k) => (sessionStorage.getItem(k) ?? '').includes(marker));

async function fill(el: PrmFeedbackForm, o: { nps: number; comment: string; reference: string; stars?: Record<string, number> }) {
  $<HTMLInputElement>(el, `#nps-${o.nps}`)!.click();
  for (const [id, v] of Object.entries(o.stars ?? {})) $<HTMLInputElement>(el, `#r-${id}-${v}`)!.click();
  const c = $<HTMLTextAreaElement>(el, '#f-comment')!;
  c.value = o.comment;
  c.dispatchEvent(new Event('input', { bubbles: true }));
  const r = $<HTMLInputElement>(el, '#f-reference')!;
  r.value = o.reference;
  r.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}
const submit = async (el: PrmFeedbackForm) => {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
};
const sent = (el: PrmFeedbackForm) => until(() => !!$(el, '[part=success]'), 15_000);

describe('<prm-feedback-form>', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('loads the aspects of its stage from the clinic config; stage changes them; axe clean in light and dark', async () => {
    const el = await mount({ stage: 'in-clinic' });
    const legends = $$(el, '.aspect legend').map((l) => l.textContent!.trim());
    expect(legends).to.include.members(['Medical care', 'Interpreter', 'Facilities']);
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const pre = await mount({ stage: 'pre-travel' });
    const preLegends = $$(pre, '.aspect legend').map((l) => l.textContent!.trim());
    expect(preLegends).to.include('Treatment and travel planning');
    expect(preLegends).not.to.include('Interpreter');
  });

  it('before the first touch, the outline of the comment and details says what brings them; the touch replaces it with the fields', async () => {
    fresh();
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('prm-feedback-form') as PrmFeedbackForm;
    wrap.append(el);
    await until(() => !!$(el, '#nps-0'), 10_000);
    const hint = $(el, '.later .hint');
    expect(hint?.textContent).to.equal('Choose a score to add a comment and the details of your treatment.');
    expect(hint!.closest('[aria-hidden=true]'), 'read by screen readers too').to.equal(null);
    expect(hint!.getBoundingClientRect().height, 'shown').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await touch(el);
    expect($(el, '.later'), 'the outline gave way to the fields').to.equal(null);
  });

  it('NPS: eleven radios, names say the number and the meaning at both ends; arrows move and select', async () => {
    const el = await mount();
    const radios = $$(el, 'input[name=nps]');
    expect(radios.length).to.equal(11);
    expect(radios[0]!.getAttribute('aria-label')).to.equal('0 – Not at all likely');
    expect(radios[10]!.getAttribute('aria-label')).to.equal('10 – Extremely likely');
    expect(radios[5]!.getAttribute('aria-label')).to.equal('5');
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('nps-1');
    expect($<HTMLInputElement>(el, '#nps-1')!.checked).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('nps-10');
  });

  it('RTL (Arabic): the scale runs right to left, ArrowLeft moves to the next number, names in Arabic', async () => {
    const el = await mount({ locale: 'ar' });
    await until(() => getComputedStyle(el).direction === 'rtl');
    const x = (i: number) => $(el, `#nps-${i}`)!.getBoundingClientRect().left;
    expect(x(0)).to.be.greaterThan(x(1));
    expect(x(1)).to.be.greaterThan(x(2));
    const row0 = $(el, '#nps-0')!.getBoundingClientRect().top;
    expect(x(0)).to.be.greaterThan(x(9)); // same visual row on a wide screen: 0 at the right
    expect($(el, '#nps-9')!.getBoundingClientRect().top).to.be.closeTo(row0, 2);
    expect($(el, '#nps-0')!.getAttribute('aria-label')).to.match(/^0 – /);
    expect($(el, '#nps-0')!.getAttribute('aria-label')).to.equal('0 – غير مرجّح إطلاقاً');
    expect($(el, '#nps-10')!.getAttribute('aria-label')).to.equal('10 – مرجّح جداً');
    $<HTMLInputElement>(el, '#nps-3')!.focus();
    $<HTMLInputElement>(el, '#nps-3')!.click();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('nps-4');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('nps-2');
    await expect(el).to.be.accessible();
  });

  it('stars: a radio group per aspect, focus visible, clearable; low NPS asks what to do better, high invites a story', async () => {
    const el = await mount({ stage: 'in-clinic', procedure: 'dental-implants' });
    $<HTMLInputElement>(el, '#r-medical-2')!.click();
    await el.updateComplete;
    const clear = $<HTMLButtonElement>(el, 'button.clear')!;
    expect(clear.getAttribute('aria-label')).to.equal('Clear rating: Medical care');
    clear.click();
    await el.updateComplete;
    expect($$(el, 'input[name=r-medical]').some((r) => (r as HTMLInputElement).checked)).to.equal(false);
    $<HTMLInputElement>(el, '#r-medical-1')!.focus();
    expect(getComputedStyle($(el, '#r-medical-1 + span')!).outlineStyle).to.equal('solid');
    $<HTMLInputElement>(el, '#nps-3')!.click();
    await el.updateComplete;
    expect($(el, 'label[for=f-comment]')!.textContent).to.equal('What should we have done better?');
    expect($(el, '[part=story]')).to.equal(null);
    $<HTMLInputElement>(el, '#nps-10')!.click();
    await el.updateComplete;
    const publish = $<HTMLInputElement>(el, '#f-publish')!;
    expect(publish.checked, 'unticked').to.equal(false);
    await expect(el).to.be.accessible();
  });

  for (const [name, breakIt] of [
    ['offline at request time', 'offline'],
    ['network cut mid-request (stored, answer lost)', 'cut'],
    ['500 then success', '500'],
    ['429 with Retry-After', '429'],
  ] as const) {
    it(`${name}: exactly one row, the right states, no persistent copy (3 runs)`, async function () {
      this.timeout(90_000);
      for (let run = 0; run < 3; run++) {
        sessionStorage.clear();
        fresh();
        const marker = `Marker${breakIt}${run}${Date.now().toString(36)}`;
        const ref = `T${Date.now().toString(36)}${run}`;
        // Three failures: more than the API client's own retries inside one call, so the queue
        // keeps the submission and the patient sees it saved.
        let failures = 3;
        let broken = true;
        const real = window.fetch;
        const net = interceptFetch(async (url, method) => {
          if (method !== 'POST' || url.pathname !== '/v1/feedback' || !broken) return undefined;
          if (breakIt === 'offline') throw new TypeError('Failed to fetch');
          if (breakIt === 'cut') return undefined;
          if (--failures <= 0) broken = false;
          if (breakIt === '500') return json({ error: { code: 'internal', message: 'boom' } }, 500);
          if (breakIt === '429') return json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'Retry-After': '1' });
          return undefined;
        });
        // The cut: the request reaches the server (stored), the answer never reaches the page.
        if (breakIt === 'cut') {
          const inner = window.fetch;
          window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
            const req = input instanceof Request ? input : new Request(input, init);
            if (broken && req.method === 'POST' && new URL(req.url).pathname === '/v1/feedback') {
              if (--failures <= 0) broken = false;
              await real(req);
              throw new TypeError('network connection lost');
            }
            return inner(input, init);
          };
        }
        try {
          const el = await mount();
          const queued: unknown[] = [];
          el.addEventListener('prm-feedback-queued', (e) => queued.push(e));
          await fill(el, { nps: 4, comment: `${marker} the pain relief came late`, reference: ref });
          await submit(el);
          await until(() => !!$(el, '#pending'), 10_000);
          expect($(el, '#pending')!.textContent).to.contain('saved in this tab');
          expect(queued.length).to.be.greaterThan(0);
          expect(inSession(marker), 'pending copy in sessionStorage').to.equal(true);
          await assertNoPersistentCopy(marker);
          if (breakIt === 'offline') {
            broken = false;
            window.dispatchEvent(new Event('online'));
          } else if (breakIt === 'cut') {
            $<HTMLButtonElement>(el, '#pending button')!.click();
          } // 500: sent by the backoff timer (5 s); 429: by the timer after Retry-After (1 s); nothing clicked
          await sent(el);
          expect($(el, '#done-title')!.textContent).to.contain('Thank you');
          expect(await rows(ref)).to.equal(1);
          expect(inSession(marker), 'gone from sessionStorage once acknowledged').to.equal(false);
          await assertNoPersistentCopy(marker);
          const keys = new Set(net.seen.filter((s) => s.method === 'POST').map((s) => s.key));
          expect(keys.size, 'one Idempotency-Key for every attempt').to.equal(1);
        } finally {
          window.fetch = real;
          net.restore();
        }
      }
    });
  }

  it('reload in the tab while pending: sent on the next load, once', async () => {
    const ref = `R${Date.now().toString(36)}`;
    const net = interceptFetch((url, method) => (method === 'POST' && url.pathname === '/v1/feedback' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const el = await mount();
    await fill(el, { nps: 8, comment: 'ok', reference: ref });
    await submit(el);
    await until(() => !!$(el, '#pending'));
    el.remove();
    net.restore();
    const again = await mount();
    await sent(again);
    expect(await rows(ref)).to.equal(1);
  });

  it('thank-you: "You said, we did" matched to the aspect rated lowest, in the patient\'s language; high NPS gets the review link', async () => {
    const el = await mount({ stage: 'in-clinic' });
    await fill(el, { nps: 9, comment: 'Good', reference: `Y${Date.now().toString(36)}`, stars: { medical: 5, interpreter: 1 } });
    await submit(el);
    await sent(el);
    const items = $$(el, '.wedid li').map((l) => l.textContent!);
    expect(items[0]).to.contain('Arabic interpreter');
    expect($<HTMLAnchorElement>(el, '[part=success] a')!.href).to.match(/^https:\/\//);
    expect(active(el)?.id).to.equal('done-title');
    await expect(el).to.be.accessible();
    const ar = await mount({ stage: 'in-clinic', locale: 'ar' });
    await fill(ar, { nps: 2, comment: 'x', reference: `Z${Date.now().toString(36)}`, stars: { interpreter: 1 } });
    await submit(ar);
    await sent(ar);
    expect($$(ar, '.wedid li')[0]!.textContent).to.contain('مترجم عربي');
  });

  it('keyboard only: score, a star, comment, send, thank-you', async () => {
    const el = await mount({ stage: 'post-return' });
    const ref = `K${Date.now().toString(36)}`;
    $<HTMLInputElement>(el, '#nps-0')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('nps-8');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('name')).to.match(/^r-/);
    await sendKeys({ press: 'ArrowRight' }); // native radio: selects
    await el.updateComplete;
    for (let i = 0; i < 30 && active(el)?.id !== 'f-comment'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kind nurses' });
    for (let i = 0; i < 10 && active(el)?.id !== 'f-reference'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: ref });
    for (let i = 0; i < 10 && active(el)?.getAttribute('type') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await sent(el);
    expect(active(el)?.id).to.equal('done-title');
    expect(await rows(ref)).to.equal(1);
  });
});
