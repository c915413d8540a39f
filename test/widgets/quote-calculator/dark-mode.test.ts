import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { ThemeSchema, type Theme } from '../../../src/core/contract/theme.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { interceptFetch, json } from './fixtures.js';

// The clinic's own remote theme, served by the real reference server (GET /v1/config), in light,
// dark and auto-dark (the OS in dark mode), in every state of the quote calculator: axe finds 0
// violations (contrast included). Three themes: the demo clinic's (one brand colour, #0b5f5a), and
// a very light (#f5f5a0) and a very dark (#101820) brand colour set through PUT /v1/staff/theme.

const $ = (el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);

// The clinic profile is cached per page for each API base URL + key: a new spelling of the same
// base URL (`/./`, `/././`…) gives each mount its own GET /v1/config, so a theme just PUT is seen.
let variant = 0;
const freshApi = () => `${location.origin}/${'./'.repeat(++variant)}`;

const SECOND_STAFF = 'sk_demo_second_staff';
const SECOND_THEME = { mode: 'light', tokens: { '--prm-color-primary': '#1d4ed8' } };

async function putSecondTheme(theme: unknown) {
  const res = await fetch('/v1/staff/theme', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-PRM-Clinic': 'pk_demo_second', Authorization: `Bearer ${SECOND_STAFF}` },
    body: JSON.stringify(theme),
  });
  expect(res.status).to.equal(200);
}

async function servedTheme(clinic: string): Promise<Theme> {
  const res = await fetch('/v1/config', { headers: { 'X-PRM-Clinic': clinic } });
  return ThemeSchema.parse((await res.json()).theme);
}

type Mode = 'light' | 'dark' | 'auto-dark';
const THEMES = [
  { name: 'demo clinic (#0b5f5a)', clinic: 'pk_demo_aurora', brand: undefined },
  { name: 'very light brand #f5f5a0', clinic: 'pk_demo_second', brand: '#f5f5a0' },
  { name: 'very dark brand #101820', clinic: 'pk_demo_second', brand: '#101820' },
] as const;

async function mount(clinic: string, mode: Mode, attrs: Record<string, string> = {}): Promise<PrmQuoteCalculator> {
  resetConfig({ api: freshApi(), clinic, currency: undefined });
  const wrap = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
  const el = document.createElement('prm-quote-calculator');
  el.setAttribute('theme', mode === 'auto-dark' ? 'auto' : mode);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  return el;
}

/** Waits until the clinic's theme is applied: the primary the widget uses is the served one. */
async function themed(el: PrmQuoteCalculator, theme: Theme, mode: Mode) {
  const want = (mode === 'light' ? theme.tokens : { ...theme.tokens, ...theme.dark })['--prm-color-primary'];
  expect(want, 'the served theme sets the brand colour').to.be.a('string');
  await until(() => getComputedStyle(el).getPropertyValue('--prm-color-primary').trim() === want, 10_000);
}

describe('<prm-quote-calculator> with the clinic theme in light, dark and auto-dark: axe 0 violations', function () {
  this.timeout(120_000);
  after(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await putSecondTheme(SECOND_THEME);
  });

  for (const t of THEMES) {
    for (const mode of ['light', 'dark', 'auto-dark'] as const) {
      it(`${t.name}, ${mode}: loading, estimate, form with errors, error`, async () => {
        if (t.brand) await putSecondTheme({ mode: 'auto', tokens: { '--prm-color-primary': t.brand } });
        const theme = await servedTheme(t.clinic);
        await emulateMedia({ colorScheme: mode === 'light' ? 'light' : 'dark' });

        // Loading: the skeleton, once the theme has arrived (the catalog is held back).
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const held = interceptFetch(async (url) => {
          if (url.pathname.endsWith('/v1/catalog')) await gate;
          return undefined;
        });
        try {
          const el = await mount(t.clinic, mode);
          await until(() => !!$(el, '[part=loading]'));
          await themed(el, theme, mode);
          await expect(el, 'loading').to.be.accessible();
          el.parentElement!.remove();
        } finally {
          release();
          held.restore();
        }

        // Estimate, then the lead form submitted empty (inline errors in the error colour).
        const el = await mount(t.clinic, mode, { procedure: 'dental-implants', 'home-country': 'GB' });
        await until(() => !!$(el, '[part=breakdown]'), 15_000);
        await themed(el, theme, mode);
        await expect(el, 'estimate').to.be.accessible();
        $(el, '.cta')!.click();
        await until(() => !!$(el, '#f-name'));
        $(el, 'form [type=submit]')!.click();
        await until(() => !!$(el, '[aria-invalid=true]'));
        await expect(el, 'form with errors').to.be.accessible();
        el.parentElement!.remove();

        // Error: the catalog answers 500 (every retry).
        const broken = interceptFetch((url) => (url.pathname.endsWith('/v1/catalog') ? json({ error: { code: 'internal', message: 'boom' } }, 500) : undefined));
        try {
          const bad = await mount(t.clinic, mode);
          await until(() => !!$(bad, '[part=error]'), 15_000);
          await themed(bad, theme, mode);
          await expect(bad, 'error').to.be.accessible();
        } finally {
          broken.restore();
        }
      });
    }
  }
});
