import { expect, fixture, html } from '@open-wc/testing';
import { resolveLocale, matchLocale } from '../../src/core/i18n/locale.js';
import { formatMoney, dateInZone, formatDateTime, minorDigits } from '../../src/core/i18n/format.js';
import { currentLocale, useLocale } from '../../src/core/i18n/localization.js';
import type { PrmTestElement } from './fixtures/test-element.js';
import './fixtures/test-element.js';
import { resetConfig, until } from './fixtures/setup.js';

describe('locale resolution', () => {
  it('matches regional tags to supported locales and skips unsupported ones', () => {
    expect(matchLocale('ar-EG')).to.equal('ar');
    expect(matchLocale('DE')).to.equal('de');
    expect(matchLocale('ja')).to.equal(undefined);
  });

  it('element lang → configured locale → nearest ancestor [lang] → navigator.languages → en', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="fr"><section lang="ja"><span></span></section></div>`);
    const span = outer.querySelector('span')!;
    expect(resolveLocale(span, 'auto', ['ru'])).to.equal('fr');
    expect(resolveLocale(span, 'tr', ['ru'])).to.equal('tr');
    span.setAttribute('lang', 'es-MX');
    expect(resolveLocale(span, 'tr', ['ru'])).to.equal('es');
    const lone = document.createElement('span');
    expect(resolveLocale(lone, 'auto', ['ja', 'de-AT'])).to.equal('de');
    expect(resolveLocale(lone, 'auto', ['ja'])).to.equal('en');
  });

  it('crosses shadow roots to find the ancestor lang', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="ar"></div>`);
    const inner = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(resolveLocale(inner, 'auto', ['en'])).to.equal('ar');
  });
});

describe('Intl helpers', () => {
  it('formats integer minor units by the currency’s own minor unit', () => {
    expect(minorDigits('EUR')).to.equal(2);
    expect(minorDigits('JPY')).to.equal(0);
    expect(formatMoney(123456, 'EUR', 'en')).to.equal('€1,234.56');
    expect(formatMoney(123456, 'JPY', 'en')).to.equal('¥123,456');
    expect(formatMoney(123456, 'EUR', 'de')).to.match(/^1\.234,56\s€$/);
  });

  it('puts an instant on the calendar day of a given zone', () => {
    expect(dateInZone('2026-03-28T22:30:00Z', 'Europe/Istanbul')).to.equal('2026-03-29');
    expect(dateInZone('2026-03-28T22:30:00Z', 'America/New_York')).to.equal('2026-03-28');
    expect(formatDateTime('2026-03-28T22:30:00Z', 'Europe/Istanbul', 'en', { timeStyle: 'short' })).to.equal('1:30 AM');
  });
});

describe('language and direction of a widget', () => {
  beforeEach(() => resetConfig());
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('renders Arabic right-to-left: dir=rtl, translated text, and the row mirrored', async () => {
    const el = await fixture<PrmTestElement>(html`<prm-test-element lang="ar"></prm-test-element>`);
    await until(() => currentLocale() === 'ar' && !!el.shadowRoot!.querySelector('#second'));
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const first = el.shadowRoot!.querySelector('#first')!.getBoundingClientRect();
    const second = el.shadowRoot!.querySelector('#second')!.getBoundingClientRect();
    expect(first.left, 'first item sits to the right in RTL').to.be.greaterThan(second.left);
    expect(el.shadowRoot!.querySelector('#second')!.textContent).to.contain('حاول مرة أخرى');
    await expect(el).to.be.accessible();
  });

  it('renders English left-to-right with the first item on the left', async () => {
    const el = await fixture<PrmTestElement>(html`<prm-test-element lang="en"></prm-test-element>`);
    await until(() => currentLocale() === 'en' && !!el.shadowRoot!.querySelector('#second'));
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
    const first = el.shadowRoot!.querySelector('#first')!.getBoundingClientRect();
    const second = el.shadowRoot!.querySelector('#second')!.getBoundingClientRect();
    expect(first.left).to.be.lessThan(second.left);
    expect(el.shadowRoot!.querySelector('#second')!.textContent).to.contain('Try again');
  });

  it('loads a locale’s messages only when that locale is used', async () => {
    const loaded = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/generated/locales/'));
    expect(loaded().some((n) => n.includes('/tr.'))).to.equal(false);
    document.documentElement.lang = 'tr';
    const el = await fixture<PrmTestElement>(html`<prm-test-element></prm-test-element>`);
    await until(() => currentLocale() === 'tr');
    await el.updateComplete;
    expect(loaded().filter((n) => n.includes('/tr.')).length).to.equal(1);
    expect(loaded().some((n) => n.includes('/ru.') || n.includes('/de.'))).to.equal(false);
  });

  it('the last language asked for wins, also over one whose messages are still on their way', async () => {
    document.documentElement.removeAttribute('lang');
    await useLocale('en');
    const es = useLocale('es'); // its messages are fetched now
    await useLocale('en'); // asked for meanwhile
    await es;
    await new Promise((r) => setTimeout(r, 300));
    expect(currentLocale()).to.equal('en');
  });
});
