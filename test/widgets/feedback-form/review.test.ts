import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { fakeOnLine, resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount, place } from './helpers.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

// Findings of the patient-style review of <prm-feedback-form>, each checked as the patient would
// notice it, against the real reference server (mounted at /v1 by web-test-runner).

let n = 0;
const fresh = (extra: Record<string, unknown> = {}) => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: `review${n++}`, ...extra });
const STAFF = { Authorization: 'Bearer sk_demo_staff' };

async function rows(reference: string): Promise<number> {
  const r = await fetch('/v1/staff/feedback?limit=100', { headers: STAFF });
  const body = (await r.json()) as { feedback: { feedback: { reference?: string } }[] };
  return body.feedback.filter((f) => f.feedback.reference === reference).length;
}
function type(el: PrmFeedbackForm, id: string, value: string) {
  const c = $<HTMLInputElement>(el, `#${id}`)!;
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true }));
}
async function fill(el: PrmFeedbackForm, o: { nps: number; comment?: string; reference: string; stars?: Record<string, number> }) {
  $(el, `#nps-${o.nps}`)!.click();
  await el.updateComplete;
  for (const [id, v] of Object.entries(o.stars ?? {})) $(el, `#r-${id}-${v}`)!.click();
  if (o.comment) type(el, 'f-comment', o.comment);
  type(el, 'f-reference', o.reference);
  await el.updateComplete;
}
const offlineFeedback = () => {
  const state = { offline: true };
  const net = interceptFetch((url, method) => (state.offline && method === 'POST' && url.pathname === '/v1/feedback' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
  return { state, net };
};

describe('<prm-feedback-form> review findings', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('1. pressing Send again while the first answer waits offline stores one row, not two', async () => {
    const ref = `D${Date.now().toString(36)}`;
    const { state, net } = offlineFeedback();
    try {
      const el = await mount();
      await fill(el, { nps: 5, comment: 'Twice?', reference: ref, stars: { medical: 3 } });
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 10_000);
      const send = $<HTMLButtonElement>(el, 'button[type=submit]');
      expect(!send || send.disabled, 'no enabled Send while an answer waits').to.equal(true);
      send?.click();
      $<HTMLFormElement>(el, 'form')?.requestSubmit(); // Enter in a field, or a script
      await el.updateComplete;
      state.offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(await rows(ref)).to.equal(1);
      const keys = new Set(net.seen.filter((s) => s.method === 'POST' && s.url.pathname === '/v1/feedback').map((s) => s.key));
      expect(keys.size, 'one Idempotency-Key').to.equal(1);
    } finally {
      net.restore();
    }
  });

  for (const [name, answer] of [
    ['a 500', () => new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500, headers: { 'Content-Type': 'application/json' } })],
    ['garbage (wrong shape)', () => new Response(JSON.stringify({ improvements: [{ id: 1 }] }), { status: 200, headers: { 'Content-Type': 'application/json' } })],
  ] as const) {
    it(`2. GET /improvements answers ${name}: the form still shows and sends; the thank-you says the list could not be loaded`, async () => {
      fresh({ api: `${location.origin}/?imp=${n}` }); // its own API base: the clinic profile is fetched again
      const ref = `I${Date.now().toString(36)}`;
      const net = interceptFetch((url) => (url.pathname === '/v1/improvements' ? answer() : undefined));
      try {
        const el = await mount();
        expect($(el, '[part=error]'), 'no error state instead of the form').to.equal(null);
        await fill(el, { nps: 3, reference: ref, stars: { medical: 1 } });
        $(el, 'button[type=submit]')!.click();
        await until(() => !!$(el, '[part=success]'), 15_000);
        expect($(el, '#done-title')!.textContent).to.contain('Thank you');
        expect($(el, '#wedid-error')!.textContent).to.equal('What the clinic has changed after feedback cannot be shown right now.');
        expect(await rows(ref)).to.equal(1);
        await expect(el).to.be.accessible();
      } finally {
        net.restore();
      }
    });
  }
});

describe('<prm-feedback-form> review findings: waiting submissions', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('3. reloaded while an answer waits: what was saved and that it will be sent, no blank form, no Send; then sent once', async () => {
    const ref = `W${Date.now().toString(36)}`;
    const { state, net } = offlineFeedback();
    try {
      const el = await mount({ stage: 'in-clinic' });
      await fill(el, { nps: 6, comment: 'The interpreter came late', reference: ref, stars: { interpreter: 1 } });
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 10_000);
      el.remove(); // the reload: a new mount in the same tab

      const again = await place({ stage: 'in-clinic' });
      await until(() => !!$(again, '#pending'), 15_000);
      await new Promise((r) => setTimeout(r, 300)); // its first retry fails too
      const text = $(again, '#pending')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('will be sent');
      // Said of feedback, not of "your request", and not tied to the connection: it may be the clinic.
      expect(text).to.match(/Your feedback from .+ is saved in this tab and will be sent automatically\. You do not need to send it again\./);
      expect(text).to.match(/friend or relative\?\s*6\b/);
      expect(text).to.contain('What should we have done better?');
      expect(text).to.contain('Interpreter');
      expect(text).to.contain('1 of 5 stars');
      expect(text).to.contain('The interpreter came late');
      expect($(again, 'form'), 'no blank form beside it').to.equal(null);
      expect($(again, 'button[type=submit]'), 'no Send to press again').to.equal(null);
      await expect(again).to.be.accessible();
      state.offline = false;
      $(again, '#pending button')!.click();
      await until(() => !!$(again, '[part=success]'), 15_000);
      expect(await rows(ref)).to.equal(1);
    } finally {
      net.restore();
    }
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`4. offline at submit (${lang}): saved and sent when back online, never "Something went wrong"`, async () => {
      const ref = `O${lang}${Date.now().toString(36)}`;
      const { state, net } = offlineFeedback();
      const restoreOnLine = fakeOnLine(() => !state.offline);
      try {
        const el = await mount(lang === 'ar' ? { locale: 'ar' } : {});
        await fill(el, { nps: 8, reference: ref });
        $(el, 'button[type=submit]')!.click();
        await until(() => !!$(el, '#pending'), 10_000);
        const text = $(el, '#pending')!.textContent!;
        if (lang === 'en') {
          expect($(el, '#pending-title')!.textContent).to.equal('Saved — it will be sent when you’re back online');
          expect(text).not.to.contain('Something went wrong');
        } else {
          expect(text).to.match(/[\u0600-\u06ff]/);
          expect(text).not.to.contain('حدث خطأ ما');
        }
        expect(el.shadowRoot!.activeElement?.id, 'focus follows the pressed Send').to.equal('pending-title');
        state.offline = false;
        window.dispatchEvent(new Event('online'));
        await until(() => !!$(el, '[part=success]'), 15_000);
        expect(await rows(ref)).to.equal(1);
      } finally {
        restoreOnLine();
        net.restore();
      }
    });
  }
});

describe('<prm-feedback-form> review findings: sent later', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  /** A clinic page: a link at the top, a long article, the widget at the bottom. */
  async function page(): Promise<{ link: HTMLAnchorElement; host: HTMLDivElement }> {
    const wrap = await fixture<HTMLDivElement>(html`<div><a href="#prices" id="prices">Prices</a><div class="article"></div><div class="host"></div></div>`);
    wrap.querySelector<HTMLElement>('.article')!.style.blockSize = '3000px'; // (a test page, not the widget)
    return { link: wrap.querySelector('a')!, host: wrap.querySelector('.host')! };
  }

  it('5. an answer sent in the background keeps focus and scroll where the patient is: after going online, and on the next load', async () => {
    const ref = `F${Date.now().toString(36)}`;
    const { state, net } = offlineFeedback();
    try {
      const { link, host } = await page();
      const el = document.createElement('prm-feedback-form');
      host.append(el);
      await until(() => !!$(el, 'form'), 15_000);
      $(el, 'form')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      await until(() => !!$(el, '#f-comment'), 10_000);
      await fill(el, { nps: 9, reference: ref });
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 10_000);
      // The patient moves on: back to the top of the page, to a link.
      window.scrollTo(0, 0);
      link.focus();
      state.offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(document.activeElement, 'focus stays on the link').to.equal(link);
      expect(window.scrollY, 'the page did not jump to the thank-you').to.equal(0);
      expect(await rows(ref)).to.equal(1);

      // The next load in the tab sends what an earlier one left: no focus taken, no scroll either.
      state.offline = true;
      const ref2 = `G${Date.now().toString(36)}`;
      const first = document.createElement('prm-feedback-form');
      host.append(first);
      await until(() => !!$(first, 'form'), 15_000);
      $(first, 'form')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      await until(() => !!$(first, '#f-comment'), 10_000);
      await fill(first, { nps: 2, reference: ref2 });
      $(first, 'button[type=submit]')!.click();
      await until(() => !!$(first, '#pending'), 10_000);
      first.remove();
      el.remove();
      state.offline = false;
      window.scrollTo(0, 0);
      link.focus();
      const again = document.createElement('prm-feedback-form');
      host.append(again);
      await until(() => !!$(again, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(document.activeElement, 'focus stays on the link').to.equal(link);
      expect(window.scrollY).to.equal(0);
      expect(await rows(ref2)).to.equal(1);
    } finally {
      net.restore();
    }
  });
});

describe('<prm-feedback-form> review findings: story hint, events', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('7. publishing a story: the comment hint no longer says "Optional" above "Please write a few words for your story."', async () => {
    const el = await mount({ procedure: 'dental-implants' });
    $(el, '#nps-10')!.click();
    await until(() => !!$(el, '#f-publish'), 10_000);
    expect($(el, '#h-comment')!.textContent).to.contain('Optional');
    $(el, '#f-publish')!.click();
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click(); // empty comment: its error shows
    await el.updateComplete;
    expect($(el, '#e-comment')!.textContent).to.contain('few words for your story');
    expect($(el, '#h-comment')?.textContent ?? '', 'no "Optional" above a required comment').not.to.contain('Optional');
    expect($(el, '#f-comment')!.getAttribute('aria-required')).to.equal('true');
    $(el, '#f-publish')!.click();
    await el.updateComplete;
    expect($(el, '#h-comment')!.textContent).to.contain('Optional');
  });

  it('9. events: prm-feedback-submit before prm-feedback-queued, queued once however often a retry fails', async () => {
    const { state, net } = offlineFeedback();
    let browserOffline = true;
    const restoreOnLine = fakeOnLine(() => !browserOffline);
    try {
      const el = await mount();
      const seen: string[] = [];
      for (const t of ['prm-feedback-submit', 'prm-feedback-queued', 'prm-feedback-success']) el.addEventListener(t, () => seen.push(t.replace('prm-feedback-', '')));
      $(el, '#nps-7')!.click();
      await el.updateComplete;
      $(el, 'button[type=submit]')!.click(); // the browser knows it is offline
      await until(() => !!$(el, '#pending'), 10_000);
      expect(seen).to.deep.equal(['submit', 'queued']);
      browserOffline = false; // online again, but the request still fails: two retries by hand
      for (let i = 0; i < 2; i++) {
        $(el, '#pending button')!.click();
        await new Promise((r) => setTimeout(r, 400));
      }
      expect(seen).to.deep.equal(['submit', 'queued']);
      state.offline = false;
      $(el, '#pending button')!.click();
      await until(() => !!$(el, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).to.deep.equal(['submit', 'queued', 'success']);
    } finally {
      restoreOnLine();
      net.restore();
    }
  });
});

describe('<prm-feedback-form> review findings: narrow screens', function () {
  this.timeout(60_000);
  beforeEach(() => fresh());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const locale of ['en', 'ar']) {
    it(`8. NPS scale at 320 px (${locale}): no box overlaps another or leaves the scale, each at least 24 px`, async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await mount(locale === 'ar' ? { locale } : {});
      await el.updateComplete;
      const grid = $(el, '.nps')!.getBoundingClientRect();
      const boxes = [...el.shadowRoot!.querySelectorAll('.opt span')].map((s) => s.getBoundingClientRect());
      expect(boxes.length).to.equal(11);
      const bad: string[] = [];
      boxes.forEach((b, i) => {
        if (b.left < grid.left - 0.5 || b.right > grid.right + 0.5) bad.push(`${i} outside the scale: ${b.left.toFixed(1)}–${b.right.toFixed(1)} in ${grid.left.toFixed(1)}–${grid.right.toFixed(1)}`);
        if (b.width < 24 || b.height < 24) bad.push(`${i} smaller than 24 px`);
        boxes.forEach((c, j) => {
          if (j > i && b.left < c.right - 0.5 && c.left < b.right - 0.5 && b.top < c.bottom - 0.5 && c.top < b.bottom - 0.5) bad.push(`${i} overlaps ${j}`);
        });
      });
      expect(bad).to.deep.equal([]);
    });
  }
});

describe('<prm-feedback-form> review findings: story countries', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('10. a patient from Egypt can publish a story: every country, sorted by its Arabic name; the server accepts it', async () => {
    const ref = `E${Date.now().toString(36)}`;
    const el = await mount({ procedure: 'dental-implants', locale: 'ar' });
    await fill(el, { nps: 10, comment: 'The team was wonderful.', reference: ref });
    $(el, '#f-publish')!.click();
    await until(() => !!$(el, '#f-country'), 10_000);
    const options = [...$<HTMLSelectElement>(el, '#f-country')!.options].filter((o) => o.value);
    expect(options.length).to.equal(249);
    const names = options.map((o) => o.textContent!.trim());
    for (const n of ['مصر', 'الأردن', 'المغرب', 'عُمان', 'الجزائر']) expect(names).to.include(n);
    expect([...names].sort(new Intl.Collator('ar').compare), 'sorted by the Arabic name').to.deep.equal(names);
    type(el, 'f-displayName', 'م. ع.');
    const country = $<HTMLSelectElement>(el, '#f-country')!;
    country.value = 'EG';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[part=success]'), 15_000);
    expect(await rows(ref)).to.equal(1);
    const r = await fetch('/v1/staff/stories?status=pending', { headers: STAFF });
    const stories = ((await r.json()) as { stories: { country: string; displayName: string }[] }).stories;
    expect(stories.some((s) => s.country === 'EG' && s.displayName === 'م. ع.'), 'stored as a pending story from Egypt').to.equal(true);
  });
});

describe('<prm-feedback-form> review findings: smaller points', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('11. a reference typed with Arabic-Indic digits is sent with ASCII digits; the comment follows its own text direction', async () => {
    const stamp = Date.now().toString(36).toUpperCase().replace(/[0-9]/g, '');
    const ascii = `B-7K2M9Q${stamp}`.slice(0, 20);
    const typed = ascii.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const el = await mount({ locale: 'ar' });
    expect($(el, '#f-comment')!.getAttribute('dir'), 'an English comment in the Arabic widget reads left to right').to.equal('auto');
    await fill(el, { nps: 8, comment: 'The team was wonderful.', reference: typed });
    $(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[part=success]'), 15_000);
    expect(await rows(ascii), 'stored under the booking reference as the clinic writes it').to.equal(1);
  });

  it('11. the comment limit and counter are numbers formatted for the locale: 4,000 in English, 4.000 in German', async () => {
    const el = await mount();
    expect($(el, '#h-comment')!.textContent).to.contain('4,000 characters');
    expect($(el, '#count')!.textContent).to.contain('0 of 4,000 characters');
    el.setAttribute('locale', 'de');
    await until(() => ($(el, '#h-comment')?.textContent ?? '').includes('4.000'), 10_000);
  });
});
