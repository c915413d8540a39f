import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/chat-launcher/define.js';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { injected, loadPayloads, trapExecutions } from '../../core/fixtures/xss.js';
import { clinicConfig, json, stubFetch } from '../quote-calculator/fixtures.js';

// Every XSS payload of test/fixtures/xss-payloads.txt through the message input and every backend
// string the chat shows: the patient's own messages and the staff's replies go through the real
// reference server (posted, stored, streamed back over SSE); the clinic profile (name, consent
// text) and the FAQ answers (answer and source question) are stubbed with payloads, since their
// rendering is what is under test. 0 executions, nothing parsed as HTML.

const STAFF = 'sk_demo_staff';
const panelRoot = (el: PrmChatLauncher) => el.shadowRoot!.querySelector('prm-chat-panel')?.shadowRoot ?? null;
const $ = <T extends HTMLElement>(el: PrmChatLauncher, s: string) => panelRoot(el)?.querySelector<T>(s) ?? null;
const texts = (el: PrmChatLauncher, s: string) => [...(panelRoot(el)?.querySelectorAll(s) ?? [])].map((n) => n.textContent ?? '');
/** Everything a payload could have injected into the launcher or its panel. */
// (The demo clinic's own phone and email hand-off links are tel: and mailto:, not payloads.)
// (The panel's own paper-clip icons, on the attach button and beside each file, are ours too.)
const bad = (el: PrmChatLauncher) =>
  [...injected(el.shadowRoot!, 'svg, path'), ...injected(panelRoot(el) ?? document.createDocumentFragment(), ':is(.attach, .file) :is(svg, path)')].filter((b) => !/^href=(tel:\+\d+|mailto:[\w.@-]+)$/.test(b));

async function mount(api = location.origin): Promise<PrmChatLauncher> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-chat-launcher');
  el.setAttribute('api', api);
  wrap.append(el);
  el.shadowRoot!.querySelector<HTMLElement>('[part=button]')!.click();
  await until(() => !!$(el, '#chat-input'), 15_000); // the chat, once the clinic profile is here
  return el;
}
/** Outside office hours the panel asks who to answer: the name field gets `name`, the email a valid one. */
function contact(el: PrmChatLauncher, name: string) {
  for (const [id, v] of [['#f-name', name], ['#f-email', 'patient@example.com']]) {
    const i = $<HTMLInputElement>(el, id!);
    if (!i) continue;
    i.value = v!;
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}
async function send(el: PrmChatLauncher, text: string) {
  const t = $<HTMLTextAreaElement>(el, '#chat-input')!;
  t.value = text;
  t.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  $(el, '.send')!.click();
}

describe('chat launcher: XSS payloads render as text, never run', function () {
  this.timeout(180_000);
  let payloads: string[] = [];
  let trap: ReturnType<typeof trapExecutions>;
  let restore: (() => void) | undefined;

  before(async () => {
    payloads = await loadPayloads();
  });
  beforeEach(() => {
    sessionStorage.clear();
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
    trap = trapExecutions();
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    trap.release();
  });

  it('the detector works: an injected payload would be counted', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src=x onerror="window.__xss(0)">';
    document.body.append(div);
    await until(() => trap.executions.length === 1);
    expect(injected(div)).to.not.deep.equal([]);
    div.remove();
  });

  it('every payload as the patient’s message and as a staff reply (real server, SSE)', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '.consent input')!.click();
    contact(el, 'Patient');
    // One message per payload would meet the server's rate limit: payloads go in groups of lines,
    // each group one message (a payload parsed as HTML would run wherever it sits in the text).
    const groups: string[] = [];
    for (const p of payloads) {
      const last = groups.length - 1;
      if (last >= 0 && groups[last]!.length + p.length < 1800) groups[last] += `\n${p}`;
      else groups.push(p);
    }
    for (const g of groups) {
      await send(el, g);
      await until(() => texts(el, '.msg.visitor .text').includes(g), 15_000);
    }
    await until(() => (panelRoot(el)?.querySelectorAll('.state.sent').length ?? 0) === groups.length, 20_000);
    const conv = JSON.parse(sessionStorage.getItem('prm-chat:pk_demo_aurora')!) as { id: string };
    for (const g of groups) {
      const r = await fetch(`/v1/staff/conversations/${conv.id}/messages`, { method: 'POST', headers: { Authorization: `Bearer ${STAFF}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ body: g }) });
      expect(r.status).to.equal(201);
    }
    await until(() => groups.every((g) => texts(el, '.msg.staff .text').includes(g)), 20_000);
    // Attachment names are shown too: payloads as file names (a few: uploads are rate limited).
    const { token } = JSON.parse(sessionStorage.getItem('prm-chat:pk_demo_aurora')!) as { token: string };
    const names = payloads.filter((p) => p.length <= 200).slice(0, 6);
    for (const name of names) {
      const r = await fetch(`/v1/chat/conversations/${conv.id}/attachments?clinic=pk_demo_aurora&token=${token}&consent=2026-09&name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'Idempotency-Key': crypto.randomUUID() },
        body: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
      });
      expect(r.status).to.equal(201);
    }
    await until(() => (panelRoot(el)?.querySelectorAll('.msg .file .name').length ?? 0) === names.length, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(trap.executions).to.deep.equal([]);
    expect(bad(el)).to.deep.equal([]);
  });

  it('every payload as the clinic’s name and consent text and as an FAQ answer and its source', async () => {
    for (const [i, p] of payloads.entries()) {
      const real = window.fetch.bind(window);
      restore = stubFetch((url, init) => {
        // The consent version is the real server's: it refuses a conversation agreed to another text.
        if (url.pathname === '/v1/config') return json({ ...clinicConfig(() => p), consent: { ...clinicConfig(() => p).consent, version: '2026-09' } });
        // The server keeps the FAQ assistant's answer with the patient's message: the payload is the answer.
        if (/\/v1\/chat\/conversations\/[^/]+\/messages$/.test(url.pathname) && init.method === 'POST')
          return real(url.href, { method: init.method, body: init.body, headers: init.headers }).then(async (r) => {
            const body = (await r.json()) as { message: Record<string, unknown> };
            body.message['faq'] = { id: 'faq-x', question: p, answer: p, score: 0.9 };
            return json(body, r.status);
          });
        return real(url.href, { method: init.method, body: init.body, headers: init.headers });
      });
      // A distinct api string each round (same server): the clinic profile is cached per api + key.
      const el = await mount(`${location.origin}/#${i}`);
      // Without the loader the panel asks for the clinic profile itself when it loads: its name comes with it.
      await until(() => $(el, '[role=dialog] h2')!.textContent === p, 10_000);
      $<HTMLInputElement>(el, '.consent input')!.click();
      // (The stubbed clinic has no office hours: "leave a message" — the payload goes in the name field too.)
      expect($(el, '#f-name'), 'the name field is shown').to.exist;
      contact(el, p.slice(0, 200));
      await send(el, 'Do I need a visa?');
      await until(() => texts(el, '.faq .text').includes(p), 10_000);
      expect(texts(el, '.faq .source')[0]).to.contain(p);
      expect(bad(el), `payload ${i}: ${p}`).to.deep.equal([]);
      // The conversation this round opened is stored once created: wait, then forget it.
      await until(() => !!$(el, '.state.sent'), 10_000);
      restore();
      restore = undefined;
      el.remove();
      sessionStorage.clear();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(trap.executions).to.deep.equal([]);
  });
});
