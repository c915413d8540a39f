import { expect } from '@open-wc/testing';
import '../../../src/widgets/chat-launcher/define.js';
import { prmGlobal } from '../../../src/core/config/global.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount, openDialog, panelOf } from './helpers.js';

// A clinic that answers on WhatsApp, Telegram, phone and email but offers no live chat: the real
// server's clinic profile with `channels.liveChat: false` (the server itself refuses the
// conversation then: test/server/chat.test.ts). Everything else reaches the real server.

describe('<prm-chat-launcher> for a clinic without live chat', () => {
  let restore: (() => void) | undefined;
  const posted: string[] = [];
  beforeEach(() => {
    sessionStorage.clear();
    posted.length = 0;
    if (window.PRM) window.PRM.boot = [];
    delete prmGlobal().done;
    // A distinct api string (same server): the clinic profile is cached per api + key.
    resetConfig({ api: `${location.origin}/#no-live-chat`, clinic: 'pk_demo_aurora' });
    const real = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.startsWith('/v1/chat/')) posted.push(url.pathname);
      const res = await real(input, init);
      if (url.pathname !== '/v1/config') return res;
      const cfg = (await res.json()) as { channels: Record<string, unknown> };
      cfg.channels = { ...cfg.channels, liveChat: false };
      return new Response(JSON.stringify(cfg), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    restore = () => (window.fetch = real);
  });
  afterEach(() => restore?.());

  it('shows only the clinic’s channels: no message field, no consent line, nothing sent; axe 0', async () => {
    const el = await mount();
    await openDialog(el);
    await until(() => /Aurora/.test($(el, '[role=dialog] h2')?.textContent ?? ''), 10_000);
    await until(() => !!$(el, '[part=channels]'), 10_000);
    const links = [...panelOf(el)!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=channels] a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['WhatsApp', 'Telegram', 'Phone', 'Email']);
    expect(links[0]!.href).to.match(/^https:\/\/wa\.me\/905321234567/);
    // Not "other ways to reach us": they are the only ones, the dialog's own content (named by its title).
    expect($(el, '[part=channels]')!.getAttribute('aria-label')).to.equal(null);
    expect($(el, '[part=channels]')!.closest('[role=dialog]')!.getAttribute('aria-labelledby')).to.equal('chat-title');
    for (const s of ['#chat-input', '.consent', '[part=composer]', '[part=log]', '.availability', '.attach']) expect($(el, s), `${s} is not shown`).to.equal(null);
    // APG: focus is inside the dialog, on its first control (no message field to go to).
    expect(panelOf(el)!.shadowRoot!.activeElement?.matches('.close'), 'focus on the close button').to.equal(true);
    expect(posted, 'no conversation is created').to.deep.equal([]);
    await Promise.all(panelOf(el)!.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });
});
