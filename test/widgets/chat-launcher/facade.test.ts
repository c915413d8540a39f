import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/chat-launcher/define.js';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import { facadeWords } from '../../../src/widgets/chat-launcher/facade-words.js';
import { colorTokens } from '../../../src/core/theme/palette.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

// The facade runs before the shared runtime, so it carries its own copies of two things the
// runtime owns: the default colours (src/core/theme/palette.ts) and its English words (msg() in
// facade-words.ts). These tests fail when a copy drifts from its source.

const rgb = (c: string) => {
  const probe = document.createElement('i');
  probe.style.color = c;
  document.body.append(probe);
  const v = getComputedStyle(probe).color;
  probe.remove();
  return v;
};

async function mount(attrs: Record<string, string> = {}): Promise<PrmChatLauncher> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-chat-launcher');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  return el;
}

describe('<prm-chat-launcher> facade copies', () => {
  // No clinic: no remote theme, the facade's own defaults show.
  beforeEach(() => {
    sessionStorage.clear();
    resetConfig({ api: location.origin });
  });

  for (const [mode, i] of [['light', 0], ['dark', 1]] as const) {
    it(`its ${mode} colours are the SDK palette's`, async () => {
      const el = await mount({ theme: mode });
      const tokens = ['primary', 'on-primary', 'surface', 'on-surface', 'outline-variant', 'error', 'on-error', 'focus'] as const;
      const got = Object.fromEntries(tokens.map((t) => [t, rgb(getComputedStyle(el).getPropertyValue(`--_${t}`).trim())]));
      const want = Object.fromEntries(tokens.map((t) => [t, rgb(colorTokens[t][i])]));
      expect(got).to.deep.equal(want);
      const button = el.shadowRoot!.querySelector('[part=button]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal(rgb(colorTokens.primary[i]));
    });
  }

  it('its English words are the msg() source texts, for the button and the greeting', async () => {
    const words = facadeWords();
    const el = await mount({ greeting: 'Hello', 'greeting-delay': '0' });
    expect(el.shadowRoot!.querySelector('[part=button]')!.getAttribute('aria-label')).to.equal(words['facade-chat-open']);
    await until(() => !!el.shadowRoot!.querySelector('[part=greeting] button'));
    expect(el.shadowRoot!.querySelector('[part=greeting] button')!.getAttribute('aria-label')).to.equal(words['facade-chat-dismiss']);
  });
});
