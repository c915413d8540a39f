import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount, place } from './helpers.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

// Invitations, load failures and events of <prm-feedback-form>, against the real reference server
// (mounted at /v1 by web-test-runner); a test breaks an answer only where that is the point.

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let n = 0;
const fresh = (extra: Record<string, unknown> = {}) => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: n++, ...extra });
const STAFF = { Authorization: 'Bearer sk_demo_staff', 'Content-Type': 'application/json' };

async function invite(body: Record<string, unknown>): Promise<{ token: string; link: string | null }> {
  const r = await fetch('/v1/staff/feedback-invitations', { method: 'POST', headers: STAFF, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).to.equal(201);
  return (await r.json()) as { token: string; link: string | null };
}
async function rows(reference: string): Promise<number> {
  const r = await fetch('/v1/staff/feedback?limit=100', { headers: STAFF });
  const body = (await r.json()) as { feedback: { feedback: { reference?: string; stage?: string; procedureId?: string } }[] };
  return body.feedback.filter((f) => f.feedback.reference === reference).length;
}
async function send(el: PrmFeedbackForm, nps: number, comment = '') {
  $(el, `#nps-${nps}`)!.click();
  await el.updateComplete;
  if (comment) {
    const c = $<HTMLTextAreaElement>(el, '#f-comment')!;
    c.value = comment;
    c.dispatchEvent(new Event('input', { bubbles: true }));
  }
  $(el, 'button[type=submit]')!.click();
  await until(() => !!$(el, '[part=success]'), 15_000);
}

describe('<prm-feedback-form> invitations', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('opened with invitation="…": stage, treatment and reference come from the invitation; a second answer is a replay (one row)', async () => {
    const ref = `INV${Date.now().toString(36)}`.toUpperCase().slice(0, 16);
    const { token } = await invite({ stage: 'in-clinic', procedureId: 'dental-implants', reference: ref });
    const el = await mount({ invitation: token }); // no stage attribute: post-return unless the invitation says otherwise
    expect($(el, '.sub')!.textContent).to.equal('During your stay at the clinic');
    expect($(el, '#treatment')!.textContent).to.equal('Treatment: Dental implant (single)');
    expect($(el, '#reference')!.textContent).to.equal(`Reference: ${ref}`);
    expect($(el, '#f-reference'), 'no reference field to type into').to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('.aspect legend')].map((l) => l.textContent)).to.include('Interpreter'); // an in-clinic aspect
    await expect(el).to.be.accessible();
    await send(el, 9, 'Very kind staff');
    expect(await rows(ref)).to.equal(1);

    // The same invitation again (another tab): told it was answered, and no form whose answer the
    // server would drop while the widget said "sent" (review finding 6).
    sessionStorage.clear();
    fresh();
    const again = await place({ invitation: token });
    await until(() => !!$(again, '[part=success]'), 15_000);
    expect($(again, '#answered-title')!.textContent).to.equal('You have already answered this invitation. Thank you!');
    expect($(again, 'form'), 'no form to fill in for nothing').to.equal(null);
    expect($(again, '[part=success]')!.textContent).not.to.contain('was sent');
    await expect(again).to.be.accessible();
    expect(await rows(ref)).to.equal(1);
  });

  it("opened from the invitation link (?prm-feedback=…), in Arabic: the treatment's name in Arabic", async () => {
    const ref = `L${Date.now().toString(36)}`.toUpperCase();
    const { token, link } = await invite({ stage: 'pre-travel', procedureId: 'dental-implants', reference: ref, pageUrl: 'https://clinic.example/feedback' });
    expect(link).to.equal(`https://clinic.example/feedback?prm-feedback=${token}`);
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${new URL(link!).search}`);
    try {
      const el = await mount({ locale: 'ar' });
      expect($(el, '#treatment')!.textContent).to.contain('زراعة سن واحد');
      expect($(el, '#reference')!.textContent).to.contain(ref);
      await send(el, 10);
      expect(await rows(ref)).to.equal(1);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('an expired or unknown invitation: a polite note, and the patient can still send feedback (without it)', async () => {
    const ref = `X${Date.now().toString(36)}`;
    const el = await mount({ invitation: 'no-such-invitation-token-000000' });
    expect($(el, '[role=status].hint')!.textContent).to.contain('expired');
    const r = $<HTMLInputElement>(el, '#f-reference')!;
    r.value = ref;
    r.dispatchEvent(new Event('input', { bubbles: true }));
    await send(el, 7);
    expect(await rows(ref)).to.equal(1);
  });
});

describe('<prm-feedback-form> invitations: another tab, a failing lookup', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('answered in another tab after this page loaded: told plainly that it was answered already, not "sent", and not shown the answer just typed', async () => {
    const ref = `T${Date.now().toString(36)}`.toUpperCase();
    const { token } = await invite({ stage: 'post-return', procedureId: 'dental-implants', reference: ref });
    const el = await mount({ invitation: token });
    const seen: CustomEvent[] = [];
    for (const t of ['prm-feedback-success', 'prm-error']) el.addEventListener(t, (e) => seen.push(e as CustomEvent));
    // Meanwhile, the other tab answers the same invitation (its own Idempotency-Key).
    const other = await fetch('/v1/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PRM-Clinic': 'pk_demo_aurora', 'Idempotency-Key': `other-tab-${ref}` },
      body: JSON.stringify({ nps: 10, ratings: {}, invitation: token, locale: 'en' }),
    });
    expect(other.status).to.equal(201);
    await send(el, 3, 'Typed in this tab');
    expect($(el, '#answered-title')!.textContent).to.equal('You have already answered this invitation. Thank you!');
    expect($(el, '#not-saved')!.textContent).to.equal('Only its first answer is kept, so the answer you just sent was not saved.');
    const shown = $(el, '[part=success]')!.textContent!;
    expect(shown).not.to.contain('was sent');
    expect(shown, 'no summary of an answer that was not saved').not.to.contain('Typed in this tab');
    expect(el.shadowRoot!.activeElement?.id, 'focus on what happened').to.equal('answered-title');
    expect(seen.map((e) => e.type), 'no success for an answer that was not stored').to.deep.equal(['prm-error']);
    expect(seen[0]!.detail).to.deep.include({ reason: 'http', code: 'already_answered' });
    expect(sessionStorage.length, 'nothing left waiting in the tab').to.equal(0);
    await expect(el).to.be.accessible();
    expect(await rows(ref)).to.equal(1);
  });

  it('the invitation lookup answers 500: retried, then the form without its context and a calm note; the answer is still linked to the invitation', async () => {
    const ref = `F${Date.now().toString(36)}`.toUpperCase();
    const { token } = await invite({ stage: 'in-clinic', procedureId: 'dental-implants', reference: ref });
    let lookups = 0;
    const net = interceptFetch((url, method) => {
      if (method !== 'GET' || !url.pathname.startsWith('/v1/feedback/invitations/')) return undefined;
      lookups++;
      return json({ error: { code: 'internal', message: 'boom' } }, 500);
    });
    try {
      const errors: CustomEvent[] = [];
      const el = await place({ invitation: token });
      el.addEventListener('prm-error', (e) => errors.push(e));
      await until(() => !!$(el, 'form') || !!$(el, '[part=error]'), 20_000);
      // (booleans: a failing assertion on an element made the runner lose the page)
      expect(!!$(el, '[part=error]'), 'no error state instead of the form').to.equal(false);
      expect(lookups, 'retried before falling back').to.be.greaterThan(1);
      expect($(el, '#unread')!.textContent).to.equal('The details of your invitation could not be loaded, but you can still answer.');
      expect($(el, '#unread')!.getAttribute('role')).to.equal('status');
      expect(!!$(el, '#treatment'), 'no context it could not load').to.equal(false);
      expect(errors.length, 'the page hears of it').to.equal(1);
      await expect(el).to.be.accessible();
      $(el, 'form')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      await until(() => !!$(el, '#f-comment'), 10_000);
      await send(el, 8, 'Good');
      expect($(el, '#done-title')!.textContent).to.equal('Thank you — your feedback was sent');
    } finally {
      net.restore();
    }
    // Stored under the invitation: its reference and stage, and the invitation is answered now.
    expect(await rows(ref)).to.equal(1);
    const inv = (await (await fetch(`/v1/feedback/invitations/${token}`, { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } })).json()) as { answered: boolean };
    expect(inv.answered).to.equal(true);
  });

  it('the lookup fails and the link was not valid after all: the answer is sent again without it, not lost', async () => {
    const ref = `G${Date.now().toString(36)}`;
    const net = interceptFetch((url, method) => (method === 'GET' && url.pathname.startsWith('/v1/feedback/invitations/') ? json({ error: { code: 'internal', message: 'boom' } }, 503) : undefined));
    try {
      const el = await mount({ invitation: 'no-such-invitation-token-000001' });
      expect(!!$(el, '#unread'), 'the note').to.equal(true);
      const r = $<HTMLInputElement>(el, '#f-reference')!;
      r.value = ref;
      r.dispatchEvent(new Event('input', { bubbles: true }));
      await send(el, 6);
      expect($(el, '#done-title')!.textContent).to.equal('Thank you — your feedback was sent');
      const posts = net.seen.filter((x) => x.method === 'POST' && x.url.pathname === '/v1/feedback').map((x) => JSON.parse(x.body!) as { invitation?: string });
      expect(posts.map((b) => !!b.invitation)).to.deep.equal([true, false]);
    } finally {
      net.restore();
    }
    expect(await rows(ref)).to.equal(1);
  });
});

describe('<prm-feedback-form> the waiting panel when the clinic does not answer', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('POST /feedback answers 500 while the patient is online: "saved, sent as soon as the clinic answers", not an error title nor "back online"; then sent once', async () => {
    const ref = `P${Date.now().toString(36)}`;
    let down = true;
    const net = interceptFetch((url, method) => (down && method === 'POST' && url.pathname === '/v1/feedback' ? json({ error: { code: 'internal', message: 'boom' } }, 500) : undefined));
    try {
      const el = await mount();
      const r = $<HTMLInputElement>(el, '#f-reference')!;
      r.value = ref;
      r.dispatchEvent(new Event('input', { bubbles: true }));
      $(el, '#nps-5')!.click();
      await el.updateComplete;
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 20_000);
      expect($(el, '#pending-title')!.textContent).to.equal('Saved — it will be sent as soon as the clinic answers');
      const text = $(el, '#pending [role=status]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.match(/Your feedback from .+ is saved in this tab and will be sent automatically\. You do not need to send it again\./);
      expect(text).not.to.match(/went wrong|back online|connection/);
      await expect(el).to.be.accessible();
      down = false;
      $(el, '#pending button')!.click();
      await until(() => !!$(el, '#done-title'), 15_000);
    } finally {
      net.restore();
    }
    expect(await rows(ref)).to.equal(1);
  });
});

describe('<prm-feedback-form> when loading fails', function () {
  this.timeout(60_000);
  // The clinic profile is fetched once per page for each API base (core/clinic.ts): a base of its
  // own per test (same server; the query does not reach API paths) makes each test fetch it.
  beforeEach(() => fresh({ api: `${location.origin}/?run=${n}` }));

  // The clinic config is needed for the form; GET /improvements is optional (review.test.ts).
  for (const path of ['/v1/config']) {
    for (const [name, answer, text] of [
      ['garbage (wrong shape)', () => json(path === '/v1/config' ? { name: 42, feedback: 'nope' } : { improvements: [{ id: 1 }] }), 'Something went wrong'],
      ['not JSON', () => new Response('<html>oops</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'Something went wrong'],
      ['a 500', () => json({ error: { code: 'internal', message: 'boom' } }, 500), 'Something went wrong'],
      ['a timeout', () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')), 'taking too long'],
    ] as const) {
      it(`${path} answers ${name}: an error state with a retry that works, prm-error, no exception`, async () => {
        let broken = true;
        const net = interceptFetch((url) => (broken && url.pathname === path ? (answer() as Response | Promise<Response>) : undefined));
        const thrown: unknown[] = [];
        const onError = (e: ErrorEvent) => thrown.push(e.error);
        const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onRejection);
        try {
          const el = document.createElement('prm-feedback-form');
          const errors: CustomEvent[] = [];
          el.addEventListener('prm-error', (e) => errors.push(e));
          (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
          await until(() => !!$(el, '[part=error]'), 20_000);
          expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
          expect($(el, '[part=error]')!.textContent).to.contain(text);
          expect(el.getBoundingClientRect().height, 'not a blank box').to.be.greaterThan(100);
          await expect(el).to.be.accessible();
          expect(errors.length, 'one prm-error').to.equal(1);
          expect(errors[0]!.detail.widget).to.equal('prm-feedback-form');
          expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
          broken = false;
          $(el, '[part=error] button')!.click();
          await until(() => !!$(el, 'form'), 15_000);
          expect(thrown).to.deep.equal([]);
        } finally {
          net.restore();
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onRejection);
        }
      });
    }
  }
});

describe('<prm-feedback-form> events', function () {
  this.timeout(60_000);
  beforeEach(() => {
    sessionStorage.clear();
  });

  it('each prm-feedback-* event fires once per user action, typed, bubbling and composed; none when code sets a property; attribution reaches the server', async () => {
    fresh({ agent: 'agent-77' });
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?utm_source=newsletter&utm_campaign=spring`);
    const net = interceptFetch();
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const seen: CustomEvent[] = [];
    for (const t of ['prm-feedback-view', 'prm-feedback-change', 'prm-feedback-submit', 'prm-feedback-queued', 'prm-feedback-success', 'prm-error']) {
      wrap.addEventListener(t, (e) => seen.push(e as CustomEvent));
    }
    const names = () => seen.map((e) => e.type.replace('prm-feedback-', ''));
    try {
      const el = document.createElement('prm-feedback-form');
      el.setAttribute('stage', 'in-clinic');
      wrap.append(el);
      await until(() => !!$(el, 'form'), 15_000);
      await el.updateComplete;
      expect(names()).to.deep.equal(['view']);
      expect(seen[0]!.detail).to.deep.equal({ stage: 'in-clinic', invitation: false });

      // Set from code: re-renders, no event.
      el.stage = 'post-return';
      el.booking = 'B-1';
      await el.updateComplete;
      expect(names()).to.deep.equal(['view']);

      $(el, '#nps-4')!.click();
      await el.updateComplete;
      expect(names()).to.deep.equal(['view', 'change']);
      expect(seen[1]!.detail).to.deep.equal({ field: 'nps', nps: 4, aspects: {}, stage: 'post-return' });
      await until(() => !!$(el, '#f-comment'), 10_000); // the score's tap loaded the fields, no event for that
      expect(names()).to.deep.equal(['view', 'change']);
      $(el, '#r-medical-2')!.click();
      await el.updateComplete;
      expect(seen.at(-1)!.detail).to.deep.equal({ field: 'rating', nps: 4, aspects: { medical: 2 }, stage: 'post-return' });
      const c = $<HTMLTextAreaElement>(el, '#f-comment')!;
      c.value = 'The wifi was slow';
      c.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect(names()).to.deep.equal(['view', 'change', 'change', 'change']);
      expect(seen.at(-1)!.detail.field).to.equal('comment');
      expect(JSON.stringify(seen.map((e) => e.detail)), 'no free text in event details').not.to.contain('wifi');

      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(names()).to.deep.equal(['view', 'change', 'change', 'change', 'submit', 'success']);
      const [submit, success] = seen.slice(4);
      expect(submit!.detail).to.deep.include({ nps: 4, aspects: { medical: 2 }, stage: 'post-return', consentToPublish: false });
      expect(success!.detail.idempotencyKey).to.equal(submit!.detail.idempotencyKey);
      expect(success!.detail.feedbackId).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify([submit!.detail, success!.detail])).not.to.contain('wifi');
      for (const e of seen) expect(e.bubbles && e.composed, e.type).to.equal(true);

      const post = net.seen.find((s) => s.method === 'POST' && s.url.pathname === '/v1/feedback')!;
      const body = JSON.parse(post.body!) as { attribution?: Record<string, string>; reference?: string };
      expect(body.attribution).to.deep.include({ agent: 'agent-77', source: 'newsletter', campaign: 'spring' });
      expect(body.attribution!.landingPage).to.equal(`${location.origin}${location.pathname}`);
      expect(body.reference, 'the booking reference set from code').to.equal('B-1');
    } finally {
      net.restore();
      history.replaceState(null, '', before);
    }
  });

  it('offline: one prm-feedback-queued for the one submit, then one prm-feedback-success when it went through', async () => {
    fresh();
    let offline = true;
    const net = interceptFetch((url, method) => (offline && method === 'POST' && url.pathname === '/v1/feedback' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount();
      const seen: string[] = [];
      for (const t of ['prm-feedback-submit', 'prm-feedback-queued', 'prm-feedback-success', 'prm-error']) el.addEventListener(t, () => seen.push(t));
      $(el, '#nps-8')!.click();
      $(el, 'button[type=submit]')!.click();
      await until(() => !!$(el, '#pending'), 10_000);
      await new Promise((r) => setTimeout(r, 1500)); // any retry timer that fires while offline
      expect(seen).to.deep.equal(['prm-feedback-submit', 'prm-feedback-queued']);
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => !!$(el, '[part=success]'), 15_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).to.deep.equal(['prm-feedback-submit', 'prm-feedback-queued', 'prm-feedback-success']);
    } finally {
      net.restore();
    }
  });
});
