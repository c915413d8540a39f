import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/widgets/chat-launcher/define.js';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { useLocale } from '../../../src/core/i18n/localization.js';
import { startTags } from '../../../src/loader/start.js';
import { prmGlobal } from '../../../src/core/config/global.js';
import { PrmElement } from '../../../src/core/element.js';
import { ApiClient } from '../../../src/core/api/client.js';
import { ClinicConfigSchema } from '../../../src/generated/contract/config.js';
import { $, $$, STAFF, active, mount, open, panelOf, settled, staffMessages, staffReply, stored, type, updated } from './helpers.js';

// Everything here talks to the real reference server mounted at /v1 (PGlite in memory).
const panelRequested = () => performance.getEntriesByType('resource').some((r) => /chat-launcher\/panel\.(ts|js)/.test(r.name));

/**
 * The real server's clinic profile with its office hours made `open` (every day, in a zone where
 * it is midday now) or `closed` (no day at all), so what the panel shows does not depend on the
 * hour the tests run. Every other call reaches the real server; POST bodies to
 * /v1/chat/conversations are recorded in `posted`. Returns the restore function.
 */
function clinicHours(mode: 'open' | 'closed', posted: string[] = []): () => void {
  // Profiles earlier launchers fetched and no panel took (PRM.boot) would be handed out first.
  if (window.PRM) window.PRM.boot = [];
  const real = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === '/v1/chat/conversations' && init?.method === 'POST') posted.push(String(init.body));
    const res = await real(input, init);
    if (url.pathname !== '/v1/config') return res;
    const cfg = (await res.json()) as { officeHours: { timeZone: string; days: { day: string; open: string; close: string }[] } };
    const n = new Date().getUTCHours() - 12; // Etc/GMT+n is UTC−n: midday there now
    cfg.officeHours =
      mode === 'closed'
        ? { timeZone: 'Europe/Istanbul', days: [] }
        : { timeZone: n >= 0 ? `Etc/GMT+${n}` : `Etc/GMT-${-n}`, days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => ({ day, open: '00:00', close: '23:59' })) };
    return new Response(JSON.stringify(cfg), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return () => (window.fetch = real);
}

describe('<prm-chat-launcher>', () => {
  let restoreHours: (() => void) | undefined;
  beforeEach(() => {
    sessionStorage.clear();
    delete prmGlobal().done;
    // A distinct api string (same server): the clinic profile is cached per api + key.
    resetConfig({ api: `${location.origin}/#open`, clinic: 'pk_demo_aurora' });
    restoreHours = clinicHours('open');
  });
  afterEach(async () => {
    restoreHours?.();
    await setViewport({ width: 1280, height: 800 });
    // The page's messages are in one language (@lit/localize is page-wide): a German or Arabic
    // launcher of this test must not leave its language to the next test's English one.
    await useLocale('en');
  });

  // Must run first: once any test opened the panel, its module is in the page.
  it('the facade loads no panel code and stores nothing before intent; hover starts the fetch before the click', async () => {
    const el = await mount();
    await new Promise((r) => setTimeout(r, 300));
    expect(panelRequested(), 'panel chunk requested before any interaction').to.equal(false);
    expect(sessionStorage.length).to.equal(0);
    $(el, '[part=button]')!.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => panelRequested(), 5000);
    expect(el.open).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens as a dialog with focus inside; Escape closes and focus returns to the launcher (APG)', async () => {
    const el = await mount();
    const opened = oneEvent(el, 'prm-chat-open');
    await open(el);
    await opened;
    const dialog = $(el, '[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal('false', 'a corner panel on a large screen is not modal');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('chat-title');
    await until(() => active(el)?.id === 'chat-input');
    expect($(el, '.welcome')?.textContent, 'an empty log says what to ask and who answers').to.match(/Ask us about treatment.*coordinator replies/);
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'prm-chat-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect($(el, '[role=dialog]')).to.equal(null);
    await until(() => active(el)?.getAttribute('part') === 'button');
  });

  it('on a small screen the dialog is modal and Tab stays inside it', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await mount();
    await open(el);
    const dialog = $(el, '[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    for (let i = 0; i < 25; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(active(el)), `focus left the dialog after ${i + 1} Tabs`).to.equal(true);
    }
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(active(el))).to.equal(true);
    }
    await sendKeys({ up: 'Shift' });
  });

  it('live chat: consent first, message sent with the queue, staff reply over SSE; only id + token stored', async () => {
    const el = await mount();
    await open(el);
    await type(el, 'Hello, is the VIP package available in March?');
    $(el, '.send')!.click();
    await updated(el);
    expect($(el, '.error')?.textContent).to.match(/privacy/i, 'no message before consent');
    const box = $<HTMLInputElement>(el, '.consent input')!;
    box.click();
    await type(el, 'Hello, is the VIP package available in March?');
    const sent = oneEvent(el, 'prm-chat-message-sent');
    $(el, '.send')!.click();
    const { detail } = await sent;
    const conv = stored()!;
    expect(conv.id).to.equal(detail.conversationId);
    expect(JSON.stringify(sessionStorage)).not.to.contain('VIP package', 'a message body reached sessionStorage');
    await until(() => !!$(el, '.state.sent'), 5000);

    const received = oneEvent(el, 'prm-chat-message-received');
    await staffReply(conv.id, 'Yes, from 3 March.');
    await received;
    await until(() => $$(el, '.msg.staff .text').some((n) => n.textContent === 'Yes, from 3 March.'), 5000);
    expect((await staffMessages(conv.id)).filter((m) => m.author === 'visitor').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('unread while closed: staff replies count on the badge and are announced; opening clears them', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'Can my husband stay with me?');
    const sent = oneEvent(el, 'prm-chat-message-sent');
    $(el, '.send')!.click();
    const { detail } = await sent;
    await until(() => !!$(el, '.state.sent'), 5000);
    el.hide();
    await until(() => !$(el, '[role=dialog]'), 5000);
    const badge = $(el, '[part=badge]');
    expect(badge?.hidden, 'no badge before a reply').to.not.equal(false);
    await staffReply(detail.conversationId, 'Yes, companions are welcome.');
    await staffReply(detail.conversationId, 'The room has a second bed.');
    await until(() => $(el, '[part=badge]')?.textContent === '2' && !$(el, '[part=badge]')!.hidden, 10_000);
    expect($(el, '[part=badge]')!.getAttribute('aria-hidden'), 'the count is announced, not read twice').to.equal('true');
    expect([...el.shadowRoot!.querySelectorAll('[role=status]')].map((n) => n.textContent).join(' ')).to.include('Unread messages: 2');
    await expect(el).to.be.accessible();
    await open(el);
    await until(() => !!$(el, '[part=badge]')?.hidden, 5000);
  });

  it('FAQ assistant: an answer is labelled automatic, names its source and offers a person', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'Do I need a visa?');
    $(el, '.send')!.click();
    await until(() => !!$(el, '.faq .source'), 5000);
    expect($(el, '.faq .label')!.textContent).to.equal('Automatic answer');
    expect($(el, '.faq .source')!.textContent).to.contain('Do I need a visa to travel to Turkey');
    expect($(el, '.faq .link')!.textContent).to.equal('Talk to a person');
    // Asking for a person is not a question for the assistant: no second automatic answer.
    const sent = oneEvent(el, 'prm-chat-message-sent');
    $(el, '.faq .link')!.click();
    await sent;
    await updated(el);
    expect($$(el, '.faq').length).to.equal(1);
    // The next page of the site: the answer comes back with the history (staff see it too).
    el.remove();
    const next = await mount();
    await open(next);
    await until(() => !!$(next, '.faq .source'), 5000);
    expect($$(next, '.faq').length).to.equal(1);
    expect($(next, '.faq .source')!.textContent).to.contain('Do I need a visa to travel to Turkey');
    const staffSide = await staffMessages(stored()!.id);
    expect((staffSide[0] as { faq?: { id: string } }).faq?.id).to.equal('visa');
  });

  it('a message sent while offline is delivered once when the network is back', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'first');
    $(el, '.send')!.click();
    await until(() => !!stored() && !!$(el, '.state.sent'), 5000);
    const realFetch = window.fetch;
    let failed = 0;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/messages') && init?.method === 'POST') {
        failed++;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    };
    try {
      await type(el, 'sent while offline');
      $(el, '.send')!.click();
      await until(() => failed > 0 && !!$(el, '.state.pending-offline'), 8000);
    } finally {
      window.fetch = realFetch;
    }
    // A coordinator answers the first message meanwhile: the server stores it first.
    await staffReply(stored()!.id, 'Reply written while you were offline');
    await until(() => $$(el, '.msg.staff .text').some((n) => n.textContent === 'Reply written while you were offline'), 8000);
    window.dispatchEvent(new Event('online'));
    await until(() => $$(el, '.state.sent').length === 2, 8000);
    const bodies = (await staffMessages(stored()!.id)).map((m) => m.body);
    expect(bodies.filter((b) => b === 'sent while offline').length).to.equal(1);
    await updated(el);
    // The log reads in the server's order, as the coordinator and the next page see it.
    const order = $$(el, '.msg:not(.faq) .text').map((n) => n.textContent);
    expect(order.indexOf('Reply written while you were offline')).to.be.lessThan(order.indexOf('sent while offline'));
  });

  it('hand-off links carry the reference of a quote made on the page before the panel loaded, and of a booking made while it is open', async () => {
    // A widget of the page, emitting through the shared runtime as the quote calculator and the
    // booking scheduler do (core/element.ts records the last success of each kind).
    class SuccessProbe extends PrmElement {
      fire(name: 'prm-quote-success' | 'prm-booking-success' | 'prm-feedback-success', reference: string, more: object = {}) {
        return this.emit(name, { reference, ...more } as never);
      }
      protected renderContent() {
        return '';
      }
    }
    SuccessProbe.define('prm-test-success-probe');
    const probe = (await fixture(html`<prm-test-success-probe></prm-test-success-probe>`)) as SuccessProbe;
    const el = await mount();
    probe.fire('prm-quote-success', 'Q-ABC234');
    await open(el);
    await until(() => !!$(el, '.channels a'));
    const wa = () => ($$(el, '.channels a') as HTMLAnchorElement[]).find((a) => a.textContent === 'WhatsApp')!;
    expect(wa().href).to.equal(`https://wa.me/905321234567?text=${encodeURIComponent('About quote Q-ABC234')}`);
    wa().addEventListener('click', (e) => e.preventDefault());
    const handoff = oneEvent(el, 'prm-chat-handoff');
    wa().click();
    expect((await handoff).detail).to.deep.equal({ channel: 'whatsapp', reference: 'Q-ABC234' });
    // Another page (nothing done yet): a booking made while the panel is open shows at once.
    el.remove();
    delete prmGlobal().done;
    const other = await mount();
    await open(other);
    await until(() => !!$(other, '.channels a'));
    const wa2 = () => ($$(other, '.channels a') as HTMLAnchorElement[]).find((a) => a.textContent === 'WhatsApp')!;
    expect(decodeURIComponent(wa2().href)).to.not.include('About');
    probe.fire('prm-booking-success', 'B-XYZ789');
    await until(() => decodeURIComponent(wa2().href).endsWith('About booking B-XYZ789'));
    // What stays page-wide is the reference alone, never what a patient answered.
    probe.fire('prm-feedback-success', 'F-1', { nps: 2, aspects: { care: 1 }, stage: 'post-return' });
    expect(prmGlobal().done?.['prm-feedback-success']).to.deep.equal({ reference: 'F-1' });
  });

  it('the clinic’s colours are on the button before any interaction, from the loader’s first data: read, not taken, no request of its own', async () => {
    resetConfig({ api: `${location.origin}/#boot`, clinic: 'pk_demo_aurora' });
    const seen = performance.getEntriesByType('resource').length;
    // What the loader does when the tag appears, before the facade's code arrives (src/loader/start.ts).
    const el = document.createElement('prm-chat-launcher');
    el.setAttribute('theme', 'dark');
    const parked = document.createDocumentFragment();
    parked.append(el);
    startTags(prmGlobal(), ['prm-chat-launcher'], parked as unknown as Document);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const button = () => getComputedStyle($(el, '[part=button]')!).backgroundColor;
    // The demo clinic's dark primary, derived by the server (GET /v1/config → theme.dark), not the SDK's default (#6fd6cc).
    await until(() => button() === 'rgb(84, 156, 150)', 5000);
    const api = () => performance.getEntriesByType('resource').slice(seen).map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/v1/'));
    expect(api()).to.deep.equal(['/v1/bootstrap'], 'one request: the first data');
    // The panel's client then takes the same profile from there: no GET /v1/config either.
    await open(el);
    expect(api().filter((p) => p === '/v1/config')).to.deep.equal([]);
    expect(button()).to.equal('rgb(84, 156, 150)');
  });

  it('a launcher whose code arrives after another widget took the clinic profile from the loader’s first data still paints it', async () => {
    resetConfig({ api: `${location.origin}/#late`, clinic: 'pk_demo_aurora' });
    const el = document.createElement('prm-chat-launcher');
    el.setAttribute('theme', 'dark');
    const parked = document.createDocumentFragment();
    parked.append(el);
    startTags(prmGlobal(), ['prm-chat-launcher'], parked as unknown as Document);
    // Another widget's client takes the profile first (the quote calculator's, on a page with both).
    await new ApiClient({ baseUrl: `${location.origin}/#late-widget`, clinic: 'pk_demo_aurora' }).get('config', ClinicConfigSchema);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(() => getComputedStyle($(el, '[part=button]')!).backgroundColor === 'rgb(84, 156, 150)', 5000);
  });

  it('without the loader (npm), the button takes the clinic’s colours once the panel has the profile', async () => {
    resetConfig({ api: `${location.origin}/#npm`, clinic: 'pk_demo_aurora' });
    const el = await mount({ theme: 'dark' });
    const button = () => getComputedStyle($(el, '[part=button]')!).backgroundColor;
    await new Promise((r) => setTimeout(r, 200));
    expect(button()).to.equal('rgb(111, 214, 204)', 'the SDK default until the profile is here');
    $(el, '[part=button]')!.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => button() === 'rgb(84, 156, 150)', 8000);
  });

  it('Arabic: the launcher sits at the inline end, i.e. mirrored to the left', async () => {
    const en = await mount();
    const ar = await mount({ lang: 'ar', dir: 'rtl', locale: 'ar' });
    const a = $(en, '[part=button]')!.getBoundingClientRect();
    const b = $(ar, '[part=button]')!.getBoundingClientRect();
    expect(a.left).to.be.greaterThan(window.innerWidth / 2);
    expect(b.right).to.be.lessThan(window.innerWidth / 2);
    // bottom-start mirrors too: right in Arabic.
    ar.setAttribute('position', 'bottom-start');
    expect($(ar, '[part=button]')!.getBoundingClientRect().left).to.be.greaterThan(window.innerWidth / 2);
  });

  it('dark mode with the demo clinic’s remote theme: axe finds no violation, closed (greeting shown) and open', async () => {
    const el = await mount({ theme: 'dark', greeting: 'Questions about your treatment? Ask us.', 'greeting-delay': '0' });
    await until(() => !!$(el, '[part=greeting]'));
    // The button is in its dark colour (not the light primary #0b5f5a).
    await until(() => getComputedStyle($(el, '[part=button]')!).backgroundColor !== 'rgb(11, 95, 90)');
    await expect(el).to.be.accessible();
    await open(el);
    await settled(el); // axe measures colours: not while the panel fades in
    expect(getComputedStyle($(el, '[part=panel]')!).backgroundColor).to.equal('rgb(22, 26, 30)', 'dark surface');
    await expect(el).to.be.accessible();
  });

  it('the greeting: shown after its delay, dismissed with its labelled button, not shown again in this tab', async () => {
    const el = await mount({ greeting: 'Hello!', 'greeting-delay': '0', lang: 'de' });
    await until(() => !!$(el, '[part=greeting]'));
    const close = $(el, '[part=greeting] button')!;
    expect(close.getAttribute('aria-label')).to.equal('Begrüßung schließen');
    close.click();
    expect($(el, '[part=greeting]')).to.equal(null);
    expect(active(el)?.getAttribute('part')).to.equal('button', 'focus went back to the launcher');
    const again = await mount({ greeting: 'Hello!', 'greeting-delay': '0' });
    await new Promise((r) => setTimeout(r, 200));
    expect($(again, '[part=greeting]')).to.equal(null);
  });

  it('never covers the page’s focused element: it steps aside while a field under it has focus', async () => {
    const el = await mount();
    const b = $(el, '[part=button]')!.getBoundingClientRect();
    // A page field right where the button floats, and one far from it.
    const under = Object.assign(document.createElement('input'), { ariaLabel: 'under' });
    under.className = 'under-launcher';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.under-launcher{position:fixed;left:${b.left}px;top:${b.top}px;width:${b.width}px}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const away = Object.assign(document.createElement('input'), { ariaLabel: 'away' });
    // The field comes just before the launcher in the page's Tab order, as a cookie banner's button would.
    el.before(under);
    document.body.append(away);
    try {
      const visible = () => getComputedStyle($(el, '.w')!).opacity === '1';
      expect(visible()).to.equal(true);
      under.focus();
      expect(visible()).to.equal(false, 'the button still covers the focused field');
      away.focus();
      expect(visible()).to.equal(true, 'the button came back once focus moved away');
      under.focus();
      under.blur();
      expect(visible()).to.equal(true, 'the button came back once the field lost focus to nothing');
      $(el, '[part=button]')!.focus();
      expect(visible()).to.equal(true, 'focusing the launcher itself does not hide it');
      // Stepping aside must not take it out of the keyboard's way: Tab from the field reaches it.
      under.focus();
      expect(visible()).to.equal(false);
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('button', 'Tab from the field under it skipped the launcher');
      expect(visible()).to.equal(true, 'the focused launcher is shown');
    } finally {
      under.remove();
      away.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
    }
  });

  it('keyboard only, before the first message: Enter without consent says why and takes focus to the box to tick; the text typed stays', async () => {
    const el = await mount();
    await open(el);
    expect(active(el)?.id).to.equal('chat-input', 'focus starts in the message field');
    await sendKeys({ type: 'Do you offer interpreters?' });
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'chat-consent');
    expect($(el, '.error[role=alert]')?.textContent).to.match(/privacy notice/i);
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#chat-consent')!.checked).to.equal(true);
    // Back to the message (past the privacy link and the attach button) and send it.
    for (let i = 0; i < 5 && active(el)?.id !== 'chat-input'; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('chat-input');
    expect($<HTMLTextAreaElement>(el, '#chat-input')!.value).to.equal('Do you offer interpreters?', 'the text typed was lost');
    const sent = oneEvent(el, 'prm-chat-message-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    expect((await staffMessages(stored()!.id)).filter((m) => m.author === 'visitor').map((m) => m.body)).to.deep.equal(['Do you offer interpreters?']);
  });

  it('typing with the keyboard and sending twice: the box empties after each send and each message goes with its own text', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    const box = $<HTMLTextAreaElement>(el, '#chat-input')!;
    box.focus();
    await sendKeys({ type: 'Is there an interpreter?' });
    let sent = oneEvent(el, 'prm-chat-message-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    await updated(el);
    expect($<HTMLTextAreaElement>(el, '#chat-input')!.value).to.equal('', 'the sent text stayed in the box');
    await sendKeys({ type: 'Second question' });
    sent = oneEvent(el, 'prm-chat-message-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    await updated(el);
    expect($<HTMLTextAreaElement>(el, '#chat-input')!.value).to.equal('');
    const bodies = (await staffMessages(stored()!.id)).filter((m) => m.author === 'visitor').map((m) => m.body);
    expect(bodies).to.deep.equal(['Is there an interpreter?', 'Second question']);
  });

  it('a long conversation: the composer stays whole and the newest line stays in view, also for a staff reply', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    for (let i = 1; i <= 8; i++) {
      await type(el, `Question number ${i} about the treatment plan and the hotel near the clinic`);
      const sent = oneEvent(el, 'prm-chat-message-sent');
      $(el, '.send')!.click();
      await sent;
    }
    await updated(el);
    const log = $(el, '.log')!;
    const composer = $(el, '.composer')!;
    await until(() => log.scrollHeight - log.scrollTop - log.clientHeight < 2, 5000);
    expect(composer.scrollHeight - composer.clientHeight, 'the composer was squeezed').to.be.at.most(1);
    const dialog = $(el, '[role=dialog]')!.getBoundingClientRect();
    const send = $(el, '.send')!.getBoundingClientRect();
    expect(send.bottom, 'the send button is cut off').to.be.at.most(dialog.bottom);
    await staffReply(stored()!.id, 'A reply that must be seen without scrolling.');
    await until(() => $$(el, '.msg.staff .text').some((n) => n.textContent?.startsWith('A reply that must')), 5000);
    await until(() => log.scrollHeight - log.scrollTop - log.clientHeight < 2, 5000);
    // Reading back up is respected: a new line does not pull the patient down.
    log.scrollTop = 0;
    await staffReply(stored()!.id, 'Another reply.');
    await until(() => $$(el, '.msg.staff .text').some((n) => n.textContent === 'Another reply.'), 5000);
    await updated(el);
    expect(log.scrollTop).to.equal(0);
  });

  it('on a phone the dialog ends where the on-screen keyboard begins (the visual viewport), with the message field in view', async () => {
    await setViewport({ width: 375, height: 700 });
    // The keyboard shrinks the visual viewport only; a stand-in whose height the test sets.
    const vv = Object.assign(new EventTarget(), { height: 700, offsetTop: 0, width: 375 });
    const real = Object.getOwnPropertyDescriptor(window, 'visualViewport');
    Object.defineProperty(window, 'visualViewport', { configurable: true, get: () => vv });
    try {
      const el = await mount();
      await open(el);
      const dialog = () => $(el, '[role=dialog]')!.getBoundingClientRect();
      expect(Math.round(dialog().height)).to.equal(700);
      vv.height = 380;
      vv.dispatchEvent(new Event('resize'));
      await until(() => Math.round(dialog().height) === 380, 2000);
      const input = $(el, '#chat-input')!.getBoundingClientRect();
      expect(input.bottom, 'the message field is under the keyboard').to.be.at.most(380);
      expect(input.top).to.be.at.least(0);
      vv.height = 700;
      vv.dispatchEvent(new Event('resize'));
      await until(() => Math.round(dialog().height) === 700, 2000);
    } finally {
      if (real) Object.defineProperty(window, 'visualViewport', real);
      else delete (window as { visualViewport?: unknown }).visualViewport;
    }
  });

  it('the typing indicator goes away when the coordinator stops typing without sending', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'Hello?');
    const sent = oneEvent(el, 'prm-chat-message-sent');
    $(el, '.send')!.click();
    await sent;
    const r = await fetch(`/v1/staff/conversations/${stored()!.id}/typing`, { method: 'POST', headers: { Authorization: `Bearer ${STAFF}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ typing: true }) });
    expect(r.ok).to.equal(true);
    await until(() => $(el, '.typing')?.textContent?.includes('typing') ?? false, 5000);
    await until(() => !$(el, '.typing')?.textContent?.trim(), 12_000);
  });

  it('the history replayed on the next page of the site is not announced again; a new reply is', async () => {
    const el = await mount();
    await open(el);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'Is parking free?');
    const sent = oneEvent(el, 'prm-chat-message-sent');
    $(el, '.send')!.click();
    await sent;
    const first = oneEvent(el, 'prm-chat-message-received');
    await staffReply(stored()!.id, 'Yes, for patients.');
    await first;
    // The next page of the site: a new launcher, the same tab.
    el.remove();
    const seen: string[] = [];
    const record = (e: Event) => seen.push((e as CustomEvent<{ messageId: string }>).detail.messageId);
    document.addEventListener('prm-chat-message-received', record);
    try {
      const next = await mount();
      await until(() => !!panelOf(next), 5000);
      await open(next);
      await until(() => $$(next, '.msg.staff .text').some((n) => n.textContent === 'Yes, for patients.'), 5000);
      expect(seen, 'the replayed reply was announced again').to.deep.equal([]);
      await staffReply(stored()!.id, 'And for companions.');
      await until(() => seen.length === 1, 5000);
    } finally {
      document.removeEventListener('prm-chat-message-received', record);
    }
  });

  it('opening the chat answers the greeting: it does not come back in this tab', async () => {
    const el = await mount({ greeting: 'Hello!', 'greeting-delay': '0' });
    await until(() => !!$(el, '[part=greeting]'), 5000);
    await open(el);
    expect($(el, '[part=greeting]')).to.equal(null);
    el.hide();
    el.remove();
    const again = await mount({ greeting: 'Hello!', 'greeting-delay': '0' });
    await new Promise((r) => setTimeout(r, 300));
    expect($(again, '[part=greeting]')).to.equal(null);
  });

  it('the greeting never covers the page’s focused element either', async () => {
    const el = await mount({ greeting: 'Questions about your treatment? Ask us.', 'greeting-delay': '0' });
    await until(() => !!$(el, '[part=greeting]'), 5000);
    const g = $(el, '[part=greeting]')!;
    const b = g.getBoundingClientRect();
    const under = Object.assign(document.createElement('a'), { href: '#x', textContent: 'a link under the bubble' });
    under.className = 'under-greeting';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.under-greeting{position:fixed;left:${b.left + 4}px;top:${b.top + 4}px}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.body.append(under);
    try {
      const r = under.getBoundingClientRect();
      const onTop = () => document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      expect(onTop(), 'the test link is under the bubble').to.equal(el);
      under.focus();
      expect(onTop(), 'the bubble covers the focused link').to.equal(under);
      expect(getComputedStyle($(el, '.w')!).opacity).to.equal('0');
      under.blur();
      expect(getComputedStyle($(el, '.w')!).opacity).to.equal('1');
    } finally {
      under.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
    }
  });

  it('--prm-chat-offset-block lifts the button above a cookie banner', async () => {
    const el = await mount();
    const before = $(el, '[part=button]')!.getBoundingClientRect().bottom;
    el.style.setProperty('--prm-chat-offset-block', '120px');
    expect(Math.round(before - $(el, '[part=button]')!.getBoundingClientRect().bottom)).to.equal(120 - 16);
  });
});

describe('<prm-chat-launcher> outside office hours: leave a message', () => {
  let restore: (() => void) | undefined;
  const posted: string[] = [];
  beforeEach(() => {
    sessionStorage.clear();
    posted.length = 0;
    resetConfig({ api: `${location.origin}/#closed`, clinic: 'pk_demo_aurora' });
    restore = clinicHours('closed', posted);
  });
  afterEach(() => restore?.());

  it('asks for a name (optional) and an email (required) through the form layer, and sends them with the conversation', async () => {
    const el = await mount();
    await open(el);
    await until(() => !!$(el, '#f-email'));
    expect($(el, 'label[for=f-name]')!.textContent).to.contain('Your name');
    expect($(el, '.availability')!.textContent).to.match(/offline/i);
    $<HTMLInputElement>(el, '.consent input')!.click();
    await type(el, 'Can I come in March?');
    $(el, '.send')!.click();
    await updated(el);
    expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true', 'no message without an email to answer');
    expect(posted).to.deep.equal([]);
    for (const [id, v] of [['#f-name', 'Leyla Demir'], ['#f-email', 'leyla@example.com']] as const) {
      const i = $<HTMLInputElement>(el, id)!;
      i.value = v;
      i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await type(el, 'Can I come in March?');
    $(el, '.send')!.click();
    await until(() => !!$(el, '.state.sent'), 8000);
    expect(JSON.parse(posted[0]!)).to.include({ name: 'Leyla Demir', email: 'leyla@example.com' });
    expect(JSON.parse(posted[0]!).consent, 'the consent ticked, with the version of the clinic’s text').to.deep.equal({ accepted: true, version: '2026-09' });
    // axe measures colours: not while the panel is still fading in (a busy machine lets it run late).
    await settled(el);
    await expect(el).to.be.accessible();
  });
});

describe('<prm-chat-launcher> attachments', () => {
  let restore: (() => void) | undefined;
  let uploads = 0;
  let picker = 0;
  const onPickerClick = (e: Event) => {
    // The system's file picker cannot be driven from a test: count that it was asked for, then
    // hand the input a file as the picker would.
    e.preventDefault();
    picker++;
  };
  beforeEach(() => {
    sessionStorage.clear();
    uploads = picker = 0;
    resetConfig({ api: `${location.origin}/#files`, clinic: 'pk_demo_aurora' });
    const hours = clinicHours('open');
    const inner = window.fetch;
    window.fetch = (input, init) => {
      if (/\/attachments\?/.test(String(input instanceof Request ? input.url : input)) && init?.method === 'POST') uploads++;
      return inner(input, init);
    };
    restore = () => {
      window.fetch = inner;
      hours();
    };
  });
  afterEach(async () => {
    restore?.();
    await setViewport({ width: 1280, height: 800 });
    await useLocale('en');
  });

  const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  // A real 1×1 PNG.
  const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  const openWithPicker = async (el: PrmChatLauncher) => {
    await open(el);
    await settled(el); // axe measures colours: not while the panel fades in
    $(el, '#chat-file')!.addEventListener('click', onPickerClick);
  };
  const pick = async (el: PrmChatLauncher, file: File) => {
    const input = $<HTMLInputElement>(el, '#chat-file')!;
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    await updated(el);
  };
  const agree = async (el: PrmChatLauncher) => {
    $(el, '.attach')!.click();
    await until(() => !!$(el, '#share-consent'));
    $<HTMLInputElement>(el, '#share-consent')!.click();
    await updated(el);
    $(el, '.share .send')!.click();
    await updated(el);
  };

  it('asks for consent to share health records first; a PDF and a photo are uploaded, shown with their size, and open with the conversation token', async () => {
    const el = await mount();
    await openWithPicker(el);
    $(el, '.attach')!.click();
    await until(() => active(el)?.id === 'share-consent');
    expect($(el, '.share-title')!.textContent).to.equal('Share health records');
    expect($(el, '.share .consent')!.textContent).to.contain('Aurora International Hospital', 'the clinic’s own consent text');
    await expect(el).to.be.accessible();
    $(el, '.share .send')!.click();
    await updated(el);
    expect($(el, '.error')!.textContent).to.contain('agree to share health records');
    expect(picker).to.equal(0, 'no file picker before consent');
    $<HTMLInputElement>(el, '#share-consent')!.click();
    await updated(el);
    $(el, '.share .send')!.click();
    await updated(el);
    expect(picker).to.equal(1);
    expect($(el, '.share')).to.equal(null);

    const sent = oneEvent(el, 'prm-chat-message-sent');
    await pick(el, new File([PDF], 'blood-test.pdf', { type: 'application/pdf' }));
    await sent;
    await until(() => !!$(el, '.msg.visitor a.file'), 8000);
    const link = $<HTMLAnchorElement>(el, '.msg.visitor a.file')!;
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`blood-test.pdf (${PDF.length} byte)`);
    expect($(el, '.msg.visitor .state')!.textContent).to.equal('Sent');
    const res = await fetch(link.href);
    expect(res.status).to.equal(200);
    expect(await res.text()).to.equal(PDF);
    const conv = stored()!;
    expect(link.href).to.contain(`token=${conv.token}`);
    const withoutToken = new URL(link.href);
    withoutToken.searchParams.delete('token');
    expect((await fetch(withoutToken)).status).to.be.oneOf([400, 401, 403, 404]);

    // The second file needs no second consent.
    $(el, '.attach')!.click();
    await updated(el);
    expect(picker).to.equal(2);
    expect($(el, '.share')).to.equal(null);
    await pick(el, new File([PNG], 'x-ray.png', { type: 'image/png' }));
    await until(() => $$(el, '.msg.visitor a.file').length === 2, 8000);
    const staffSide = (await (await fetch(`/v1/staff/conversations/${conv.id}/messages`, { headers: { Authorization: `Bearer ${STAFF}` } })).json()) as { messages: { attachment?: { name: string; mediaType: string } }[] };
    expect(staffSide.messages.map((m) => m.attachment && [m.attachment.name, m.attachment.mediaType]).filter(Boolean)).to.deep.equal([
      ['blood-test.pdf', 'application/pdf'],
      ['x-ray.png', 'image/png'],
    ]);
    expect(uploads).to.equal(2);
    const kept = JSON.stringify(sessionStorage);
    expect(kept).not.to.contain('blood-test');
    expect(kept).not.to.contain('%PDF');
    await expect(el).to.be.accessible();

    // Another page of the site (same tab): the files come back from the server, links included.
    el.remove();
    const again = await mount();
    await open(again);
    await until(() => $$(again, '.msg.visitor a.file').length === 2, 8000);
    expect((await fetch($<HTMLAnchorElement>(again, '.msg.visitor a.file')!.href)).status).to.equal(200);
  });

  it('a .png that is really text, and an 11 MB file, are refused with a clear message and never uploaded', async () => {
    const el = await mount();
    await openWithPicker(el);
    await agree(el);
    await pick(el, new File(['<html><script>alert(1)</script></html>'], 'scan.png', { type: 'image/png' }));
    expect($(el, '.error')!.getAttribute('role')).to.equal('alert');
    expect($(el, '.error')!.textContent).to.equal('"scan.png" is not a photo (JPEG, PNG, WebP, HEIC) or a PDF. Please choose another file.');
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PNG);
    await pick(el, new File([big], 'big-scan.png', { type: 'image/png' }));
    // Reading the first bytes of 11 MB can outlast pick()'s 50 ms on a busy machine (CI): wait for the answer.
    await until(() => !!$(el, '.error')?.textContent?.includes('big-scan.png'), 5000).catch(() => undefined);
    expect($(el, '.error')!.textContent).to.equal('"big-scan.png" is larger than 10 MB. Please choose a smaller file.');
    await new Promise((r) => setTimeout(r, 200));
    expect(uploads).to.equal(0);
    expect($$(el, '.msg.visitor')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('an upload that fails for the network waits, is retried with Retry under the same key, and is stored once', async () => {
    const el = await mount();
    await openWithPicker(el);
    await agree(el);
    const inner = window.fetch;
    const keys: string[] = [];
    let fail = true;
    window.fetch = (input, init) => {
      if (/\/attachments\?/.test(String(input instanceof Request ? input.url : input)) && init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        if (fail) return Promise.reject(new TypeError('Failed to fetch'));
      }
      return inner(input, init);
    };
    try {
      await pick(el, new File([PDF], 'scan.pdf', { type: 'application/pdf' }));
      await until(() => !!$(el, '.state.pending-offline'), 10_000);
      expect($(el, '.msg.visitor .file')!.textContent).to.contain('scan.pdf');
      expect($(el, '.msg.visitor a.file')).to.equal(null, 'no link before the server has it');
      fail = false;
      ($$(el, '.msg.visitor button.link').find((b) => b.textContent === 'Retry') as HTMLElement).click();
      await until(() => !!$(el, '.msg.visitor a.file'), 10_000);
    } finally {
      window.fetch = inner;
    }
    expect(new Set(keys).size).to.equal(1, 'one Idempotency-Key for every try');
    const conv = stored()!;
    const staffSide = (await (await fetch(`/v1/staff/conversations/${conv.id}/messages`, { headers: { Authorization: `Bearer ${STAFF}` } })).json()) as { messages: { attachment?: unknown }[] };
    expect(staffSide.messages.filter((m) => m.attachment)).to.have.length(1);
  });

  it('dark mode with the clinic’s remote theme: axe finds no violation in the consent step nor with a file shown', async () => {
    const el = await mount({ theme: 'dark' });
    await openWithPicker(el);
    $(el, '.attach')!.click();
    await until(() => !!$(el, '#share-consent'));
    expect(getComputedStyle($(el, '.share')!).backgroundColor).not.to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#share-consent')!.click();
    await updated(el);
    $(el, '.share .send')!.click();
    await pick(el, new File([PNG], 'photo.png', { type: 'image/png' }));
    await until(() => !!$(el, '.msg.visitor a.file'), 8000);
    await expect(el).to.be.accessible();
  });

  it('at 320 px wide (a 640 px window at 200 % zoom): the panel, the composer with its attach button and the consent step fit without sideways scrolling, targets ≥ 24 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount();
    await openWithPicker(el);
    const fits = (what: string) => {
      const dialog = $(el, '[role=dialog]')!;
      const r = dialog.getBoundingClientRect();
      expect(r.left, `${what}: dialog left edge`).to.be.at.least(0);
      expect(r.right, `${what}: dialog right edge`).to.be.at.most(320.5);
      expect(document.documentElement.scrollWidth, `${what}: page scrolls sideways`).to.be.at.most(320);
      for (const n of dialog.querySelectorAll<HTMLElement>('*')) {
        if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible' && n.clientWidth > 1 && !n.classList.contains('visually-hidden')) expect.fail(`${what}: ${n.tagName.toLowerCase()}.${n.className} scrolls sideways (${n.scrollWidth} > ${n.clientWidth})`);
      }
      for (const sel of ['.attach', 'textarea', '[part=send], .send']) {
        const c = $(el, sel);
        if (!c) continue;
        const b = c.getBoundingClientRect();
        expect(b.left >= 0 && b.right <= 320.5, `${what}: ${sel} inside the screen (${b.left}–${b.right})`).to.equal(true);
        expect(Math.min(b.width, b.height), `${what}: ${sel} target size`).to.be.at.least(24);
      }
    };
    expect($(el, '.attach'), 'the attach button').to.exist;
    fits('composer');
    $(el, '.attach')!.click();
    await until(() => !!$(el, '#share-consent'));
    await updated(el);
    fits('consent step');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to the attach button, agree with Space, choose with Enter', async () => {
    const el = await mount();
    $(el, '[part=button]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'chat-input', 10_000);
    $(el, '#chat-file')!.addEventListener('click', onPickerClick);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Attach a photo or PDF');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'share-consent');
    await sendKeys({ press: 'Space' });
    await until(() => $<HTMLInputElement>(el, '#share-consent')!.checked);
    while (active(el)?.textContent !== 'Agree and choose a file') await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => picker === 1);
    expect(active(el)?.classList.contains('attach')).to.equal(true, 'focus back on the attach button');
    await pick(el, new File([PDF], 'report.pdf', { type: 'application/pdf' }));
    await until(() => !!$(el, '.msg.visitor a.file'), 8000);
    await sendKeys({ press: 'Escape' });
    await until(() => active(el)?.getAttribute('part') === 'button');
  });

  it('Arabic: the attach button sits at the inline start of the composer (the right), refusals are in Arabic', async () => {
    const en = await mount();
    await open(en);
    const enRow = [$(en, '.attach')!.getBoundingClientRect(), $(en, '#chat-input')!.getBoundingClientRect()] as const;
    expect(enRow[0].right).to.be.at.most(enRow[1].left);
    en.remove();
    const ar = await mount({ lang: 'ar', locale: 'ar' });
    ar.shadowRoot!.querySelector('[part=button]')!.dispatchEvent(new MouseEvent('click'));
    await until(() => !!$(ar, '[role=dialog] h2'), 10_000);
    $(ar, '#chat-file')!.addEventListener('click', onPickerClick);
    await settled(ar);
    const [attach, input] = [$(ar, '.attach')!.getBoundingClientRect(), $(ar, '#chat-input')!.getBoundingClientRect()];
    expect(attach.left).to.be.at.least(input.right, 'mirrored: the attach button right of the field');
    // The Arabic messages load with the panel: wait for them.
    await until(() => $(ar, '.attach')!.getAttribute('aria-label') === 'إرفاق صورة أو ملف PDF', 10_000);
    // The clinic's own Arabic name from its profile, not its English one in Latin script.
    await until(() => $(ar, '[role=dialog] h2')?.textContent === 'مستشفى أورورا الدولي', 10_000);
    await agree(ar);
    await pick(ar, new File(['not a picture'], 'صورة.png', { type: 'image/png' }));
    const text = $(ar, '.error')!.textContent!;
    expect(text).to.contain('صورة.png');
    expect(text).to.match(/[\u0600-\u06ff]{3}/);
    expect(text).not.to.contain('Please');
    await expect(ar).to.be.accessible();
  });
});
