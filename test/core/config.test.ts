import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config/resolve.js';
import { prmGlobal } from '../../src/core/config/global.js';
import { PrmTestElement } from './fixtures/test-element.js';
import { resetConfig, until } from './fixtures/setup.js';

const defaults = { api: 'https://api.example', locale: 'auto', theme: 'light' };

describe('config resolution', () => {
  it('takes each field from the highest layer: attribute > configure() > data-* > remote > default', () => {
    const r = resolveConfig({
      attributes: { theme: 'dark' },
      code: { theme: 'auto', currency: 'EUR' },
      script: { clinic: 'pk_script', currency: 'USD', theme: 'light' },
      remote: { currency: 'TRY', locale: 'de' },
      defaults,
    });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.config).to.deep.equal({ api: 'https://api.example', clinic: 'pk_script', locale: 'de', theme: 'dark', currency: 'EUR' });
  });

  it('ignores empty and null values so a lower layer still applies', () => {
    const r = resolveConfig({ attributes: { clinic: '', theme: null }, script: { clinic: 'pk_x', theme: 'dark' }, defaults });
    expect(r.ok && r.config.clinic).to.equal('pk_x');
    expect(r.ok && r.config.theme).to.equal('dark');
  });

  it('names a missing field and says how to set it', () => {
    const r = resolveConfig({ defaults });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.field).to.equal('clinic');
    expect(r.message).to.contain('"clinic" is missing').and.contain('data-clinic');
  });

  it('names an invalid field with the bad value', () => {
    const r = resolveConfig({ code: { clinic: 'pk_ok', theme: 'purple' }, defaults });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.field).to.equal('theme');
    expect(r.message).to.contain('"theme" is invalid (got "purple")');
  });

  it('rejects a javascript: api URL', () => {
    const r = resolveConfig({ code: { clinic: 'pk_ok', api: 'javascript:alert(1)' }, defaults });
    expect(!r.ok && r.field).to.equal('api');
  });
});

describe('config in a widget', () => {
  let errors: unknown[][];
  const origError = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...a: unknown[]) => errors.push(a);
  });
  afterEach(() => {
    console.error = origError;
    resetConfig();
  });

  it('shows a polite error state, fires prm-error naming the field, logs one console error, never throws', async () => {
    resetConfig({ api: location.origin });
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const a = document.createElement('prm-test-element');
    const b = document.createElement('prm-test-element');
    const ev = oneEvent(a, 'prm-error');
    wrap.append(a, b);
    const { detail } = await ev;
    expect(detail.reason).to.equal('config');
    expect(detail.field).to.equal('clinic');
    await a.updateComplete;
    const state = a.shadowRoot!.querySelector('[part=error]')!;
    expect(state.getAttribute('role')).to.equal('status');
    expect(state.textContent).to.contain('not available right now');
    expect(errors.length, 'one console error for the page, not one per widget').to.equal(1);
    expect(String(errors[0]![0])).to.contain('"clinic" is missing');
    await expect(a).to.be.accessible();
  });

  it('an attribute overrides configure(), and configure() later re-renders live widgets', async () => {
    resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', theme: 'light' });
    const el = await fixture<PrmTestElement>(html`<prm-test-element theme="dark"></prm-test-element>`);
    expect(el.matches(':state(dark)')).to.equal(true);
    el.removeAttribute('theme');
    await el.updateComplete;
    expect(el.matches(':state(light)')).to.equal(true);
    prmGlobal().configure({ theme: 'auto' });
    await until(() => el.matches(':state(auto)'));
    prmGlobal().configure({ clinic: 'not a key!' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('not available right now');
    // Reported once the task that set it is over (config may still arrive within it).
    await until(() => errors.length > 0);
    expect(String(errors[0]?.[0])).to.contain('"clinic" is invalid');
  });
});
