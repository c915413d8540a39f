import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { injected, loadPayloads, trapExecutions, typeInto } from '../../core/fixtures/xss.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

// Rendering is what is under test here, so the backend's answers carry a payload in every string
// field the feedback form shows (aspect labels, the invitation's treatment and reference, "you
// said" and "we did"); every other feedback test talks to the real server. A clinic key of its
// own per round, so the page-wide clinic-profile cache never serves an earlier round's labels.

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const $ = <T extends HTMLElement = HTMLElement>(el: PrmFeedbackForm, s: string) => el.shadowRoot!.querySelector<T>(s);
const TOKEN = 'xssinvitationtoken0000000';

describe('<prm-feedback-form>: XSS payloads render as text, never run', function () {
  this.timeout(300_000);

  it('every payload in every backend string it shows and every text input: 0 executions, 0 injected nodes', async () => {
    const payloads = await loadPayloads();
    const cfg = (await (await fetch('/v1/config', { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } })).json()) as { feedback: { aspects: { id: string; stages: string[]; label: Record<string, string> }[] } };
    const trap = trapExecutions();
    const p = (i: number) => payloads[i % payloads.length]!;
    let rounds = 0;
    try {
      for (let i = 0; i < payloads.length; i += 4) {
        resetConfig({ api: location.origin, clinic: `pk_xss_feedback_${i}` });
        sessionStorage.clear();
        const net = interceptFetch((url, method) => {
          if (url.pathname === '/v1/config') return json({ ...cfg, id: 'xss', feedback: { ...cfg.feedback, reviewUrl: 'https://x.example/r', aspects: cfg.feedback.aspects.map((a, j) => ({ ...a, label: { en: p(i + j) } })) } });
          if (url.pathname === '/v1/improvements') return json({ improvements: [0, 1, 2].map((j) => ({ id: `i${j}`, youSaid: p(i + j + 1), weDid: p(i + j + 2), date: '2026-01-01', aspects: ['medical'] })) });
          if (url.pathname === `/v1/feedback/invitations/${TOKEN}`) return json({ stage: 'in-clinic', procedureId: 'dental-implants', procedureName: p(i + 1), reference: p(i + 2), answered: false });
          if (method === 'POST' && url.pathname === '/v1/feedback') return json({ id: crypto.randomUUID(), createdAt: new Date().toISOString(), storyPending: true }, 201);
          return undefined;
        });
        try {
          const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement('prm-feedback-form');
          el.setAttribute('invitation', TOKEN);
          wrap.append(el);
          await until(() => !!$(el, '.aspect legend'), 15_000);
          // The payloads reached the page, as text.
          const labels = cfg.feedback.aspects.map((_, j) => p(i + j));
          const legends = [...el.shadowRoot!.querySelectorAll('.aspect legend')].map((l) => l.textContent);
          expect(legends.length).to.be.greaterThan(2);
          for (const l of legends) expect(labels).to.include(l);
          expect($(el, '#treatment')!.textContent).to.contain(p(i + 1).trim().slice(0, 20));
          $(el, '#nps-10')!.click();
          await until(() => !!$(el, '#f-publish'), 10_000);
          await typeInto(el, '#f-comment', p(i + 3));
          $(el, '#f-publish')!.click();
          await el.updateComplete;
          await typeInto(el, '#f-displayName', p(i + 4));
          expect(injected(el.shadowRoot!), 'form').to.deep.equal([]);
          await typeInto(el, '#f-displayName', 'A. K.');
          const country = $<HTMLSelectElement>(el, '#f-country')!;
          country.value = 'GB';
          country.dispatchEvent(new Event('change', { bubbles: true }));
          await el.updateComplete;
          $(el, 'button[type=submit]')!.click();
          await until(() => !!$(el, '[part=success]'), 15_000);
          expect($(el, '.wedid')!.textContent).to.contain(p(i + 2).trim().slice(0, 10));
          expect(injected(el.shadowRoot!), 'thank-you').to.deep.equal([]);
          rounds++;
        } finally {
          net.restore();
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(trap.executions).to.deep.equal([]);
      expect(rounds).to.equal(Math.ceil(payloads.length / 4));
    } finally {
      trap.release();
    }
  });

  it("the catalog's treatment names in the story offer's choice (a page without `procedure`): 0 executions, 0 injected nodes", async () => {
    const payloads = await loadPayloads();
    const trap = trapExecutions();
    const per = 40;
    try {
      for (let i = 0; i < payloads.length; i += per) {
        const names = payloads.slice(i, i + per);
        resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: `xss-catalog-${i}` });
        const net = interceptFetch((url) =>
          url.pathname === '/v1/catalog'
            ? json({ specialties: [{ id: 'dental', name: names[0] }], procedures: names.map((name, j) => ({ id: `p${j}`, specialty: 'dental', name, description: name, from: {} })) })
            : undefined,
        );
        try {
          const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement('prm-feedback-form');
          wrap.append(el);
          await until(() => !!$(el, '#nps-10'), 15_000);
          $(el, 'form')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
          $(el, '#nps-10')!.click();
          await until(() => !!$(el, '#f-publish'), 10_000);
          $(el, '#f-publish')!.click();
          await until(() => ($(el, '#f-procedureId') as HTMLSelectElement | null)?.options.length === names.length + 1, 10_000);
          const shown = [...$<HTMLSelectElement>(el, '#f-procedureId')!.options].slice(1).map((o) => o.textContent);
          expect([...shown].sort(), 'every name, as text').to.deep.equal([...names].sort());
          expect(injected(el.shadowRoot!)).to.deep.equal([]);
          wrap.remove();
        } finally {
          net.restore();
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(trap.executions).to.deep.equal([]);
    } finally {
      trap.release();
    }
  });
});
