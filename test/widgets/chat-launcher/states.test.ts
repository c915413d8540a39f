import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/widgets/chat-launcher/define.js';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import type { PrmErrorDetail } from '../../../src/core/events.js';
import { prmGlobal } from '../../../src/core/config/global.js';
import { startTags } from '../../../src/loader/start.js';
import { fakeOnLine, resetConfig, until } from '../../core/fixtures/setup.js';
import { interceptFetch, json } from '../quote-calculator/fixtures.js';
import { $, active, chatShown, mount, openDialog, settled, updated } from './helpers.js';

// The panel before the clinic profile (office hours, channels, consent text, privacy notice) is
// known: the shared loading state while it loads, the shared error state with "Try again" when it
// fails. Everything reaches the real reference server except the profile the test breaks.

const boom = () => json({ error: { code: 'internal', message: 'boom' } }, 500);
let n = 0;
/** A fresh api string (same server): the page caches the clinic profile per api + key. */
const fresh = () => resetConfig({ api: `${location.origin}/#states-${n++}`, clinic: 'pk_demo_aurora' });

describe('<prm-chat-launcher> before the clinic profile is known', () => {
  let errors: PrmErrorDetail[] = [];
  const onError = (e: Event) => errors.push((e as CustomEvent<PrmErrorDetail>).detail);
  beforeEach(() => {
    sessionStorage.clear();
    errors = [];
    fresh();
    document.addEventListener('prm-error', onError);
  });
  afterEach(async () => {
    document.removeEventListener('prm-error', onError);
    await setViewport({ width: 1280, height: 800 });
  });

  /** Nothing a patient could use before the profile: no consent box, no message field, no send, no hand-off. */
  const nothingToSend = (el: PrmChatLauncher) => {
    for (const sel of ['.consent', '#chat-input', '.send', '.attach', '[part=channels]', '[part=composer]']) expect($(el, sel), `${sel} shown without the clinic profile`).to.equal(null);
  };

  it('loading: the dialog says it is loading, offers nothing to send, then the chat arrives and focus moves into the message field', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const net = interceptFetch(async (url) => {
      if (url.pathname === '/v1/config') await held;
      return undefined;
    });
    try {
      const el = await mount();
      await openDialog(el);
      await until(() => !!$(el, '[role=dialog] [part=loading]'));
      expect($(el, '[part=loading]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part=loading] [role=status]')!.textContent).to.equal('Loading…');
      expect($(el, '#chat-title')!.textContent).to.equal('Chat with us');
      nothingToSend(el);
      expect(active(el)?.classList.contains('close'), 'focus in the dialog, on its close button').to.equal(true);
      await settled(el);
      await expect(el).to.be.accessible();
      release();
      await chatShown(el);
      await until(() => active(el)?.id === 'chat-input');
      expect($(el, '.consent')!.textContent).to.contain('Aurora International Hospital', 'the clinic’s consent text beside the box');
      expect(errors).to.deep.equal([]);
    } finally {
      release();
      net.restore();
    }
  });

  it('a 500 (the loader’s first data and /v1/config): an error state with "Try again", one prm-error, nothing sent; "Try again" (keyboard only) brings the chat', async () => {
    let broken = true;
    const net = interceptFetch((url) => (broken && (url.pathname === '/v1/config' || url.pathname === '/v1/bootstrap') ? boom() : undefined));
    try {
      // The loader saw the tag and asked for its first data (src/loader/start.ts), which fails too.
      const el = document.createElement('prm-chat-launcher');
      const parked = document.createDocumentFragment();
      parked.append(el);
      startTags(prmGlobal(), ['prm-chat-launcher'], parked as unknown as Document);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await openDialog(el);
      await until(() => !!$(el, '[role=dialog] [part=error]'), 10_000);
      const state = $(el, '[part=error]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(state.querySelector('.state-title')!.textContent).to.equal('Something went wrong');
      expect(state.querySelector('button')!.textContent).to.equal('Try again');
      expect($(el, '#chat-title')!.textContent).to.equal('Chat with us');
      nothingToSend(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(errors).to.have.length(1, 'prm-error once');
      expect(errors[0]).to.include({ widget: 'prm-chat-launcher', reason: 'http', status: 500 });
      expect(net.seen.filter((r) => r.url.pathname.startsWith('/v1/chat/')), 'nothing sent').to.deep.equal([]);
      await settled(el);
      await expect(el).to.be.accessible();
      // Keyboard only: focus went from the close button to "Try again" when the error came.
      expect(active(el)?.textContent).to.equal('Try again');
      broken = false;
      await sendKeys({ press: 'Enter' });
      await chatShown(el);
      await until(() => active(el)?.id === 'chat-input', 5000);
      expect($(el, '.consent')!.textContent).to.contain('Aurora International Hospital');
      await until(() => !!$(el, '[part=channels] a'));
      expect(errors).to.have.length(1);
    } finally {
      net.restore();
    }
  });

  it('the profile failed while the panel loaded on a hover: opening it later tries again (no error shown to a patient who never saw it fail)', async () => {
    let broken = true;
    const net = interceptFetch((url) => (broken && url.pathname === '/v1/config' ? boom() : undefined));
    try {
      const el = await mount();
      $(el, '[part=button]')!.dispatchEvent(new PointerEvent('pointerenter'));
      await until(() => errors.length === 1, 10_000);
      broken = false;
      await openDialog(el);
      await chatShown(el);
      expect(errors).to.have.length(1);
    } finally {
      net.restore();
    }
  });

  it('an answer that breaks the contract is an error too (reason invalid_response), not a chat with holes', async () => {
    const net = interceptFetch((url) => (url.pathname === '/v1/config' ? json({ name: 42, officeHours: 'always' }) : undefined));
    try {
      const el = await mount();
      await openDialog(el);
      await until(() => !!$(el, '[role=dialog] [part=error]'), 10_000);
      expect($(el, '[part=error] .state-title')!.textContent).to.equal('Something went wrong');
      nothingToSend(el);
      expect(errors.map((e) => [e.widget, e.reason])).to.deep.equal([['prm-chat-launcher', 'invalid_response']]);
    } finally {
      net.restore();
    }
  });

  it('offline: "You seem to be offline", and "Try again" once back brings the chat', async () => {
    let offline = true;
    const restoreOnLine = fakeOnLine(() => !offline);
    const net = interceptFetch((url) => (offline && url.pathname === '/v1/config' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount();
      await openDialog(el);
      await until(() => !!$(el, '[role=dialog] [part=error]'), 10_000);
      expect($(el, '[part=error] .state-title')!.textContent).to.equal('You seem to be offline');
      expect(errors.map((e) => e.reason)).to.deep.equal(['network']);
      nothingToSend(el);
      offline = false;
      $<HTMLButtonElement>(el, '[part=error] button')!.click();
      await chatShown(el);
      await until(() => !!$(el, '#chat-input'));
    } finally {
      net.restore();
      restoreOnLine();
    }
  });

  it('Arabic, on a phone, dark: the error state in Arabic, right to left, inside the full-screen dialog; axe clean (contrast in dark mode too)', async () => {
    await setViewport({ width: 375, height: 700 });
    const net = interceptFetch((url) => (url.pathname === '/v1/config' ? boom() : undefined));
    try {
      const el = await mount({ lang: 'ar', locale: 'ar', theme: 'dark' });
      await openDialog(el);
      await until(() => !!$(el, '[role=dialog] [part=error]') && /[\u0600-\u06ff]/.test($(el, '[part=error] .state-title')!.textContent!), 10_000);
      await updated(el);
      expect($(el, '[role=dialog]')!.getAttribute('aria-modal')).to.equal('true');
      expect($(el, '#chat-title')!.textContent).to.match(/[\u0600-\u06ff]/);
      expect($(el, '[part=error] button')!.textContent).to.match(/[\u0600-\u06ff]/);
      // Mirrored: the close button at the left end of the header.
      const header = $(el, 'header')!.getBoundingClientRect();
      expect($(el, '.close')!.getBoundingClientRect().left - header.left).to.be.lessThan(header.right - $(el, '.close')!.getBoundingClientRect().right);
      expect(getComputedStyle($(el, '[part=panel]')!).backgroundColor).to.equal('rgb(22, 26, 30)', 'dark surface');
      await settled(el);
      await expect(el).to.be.accessible();
    } finally {
      net.restore();
    }
  });
});
