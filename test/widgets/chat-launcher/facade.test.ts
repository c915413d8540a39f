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

  // Each colour as painted inside the shadow root: a probe in the button's wrapper (or in the
  // greeting, which carries its own three) resolves the private variable in that mode.
  const painted = (where: Element, token: string) => {
    const probe = document.createElement('i');
    probe.style.color = `var(--_${token})`;
    where.append(probe);
    const v = getComputedStyle(probe).color;
    probe.remove();
    return v;
  };

  for (const [mode, i] of [['light', 0], ['dark', 1]] as const) {
    it(`its ${mode} colours are the SDK palette's: the button's and the greeting's`, async () => {
      const el = await mount({ theme: mode, greeting: 'Hello', 'greeting-delay': '0' });
      await until(() => !!el.shadowRoot!.querySelector('[part=greeting]'));
      const w = el.shadowRoot!.querySelector('.w')!;
      const g = el.shadowRoot!.querySelector('[part=greeting]')!;
      const got = {
        ...Object.fromEntries((['primary', 'on-primary', 'focus'] as const).map((t) => [t, painted(w, t)])),
        ...Object.fromEntries((['surface', 'on-surface', 'outline-variant'] as const).map((t) => [t, painted(g, t)])),
      };
      const want = Object.fromEntries(Object.keys(got).map((t) => [t, rgb(colorTokens[t as keyof typeof colorTokens][i])]));
      expect(got).to.deep.equal(want);
      const button = el.shadowRoot!.querySelector('[part=button]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal(rgb(colorTokens.primary[i]));
      expect(getComputedStyle(g).backgroundColor).to.equal(rgb(colorTokens.surface[i]));
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
