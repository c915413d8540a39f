import { expect, fixture, html } from '@open-wc/testing';
import { watchTags } from '../../src/loader/lazy.js';
import { defineElement } from '../../src/core/define.js';
import { until } from './fixtures/setup.js';
import { VERSION } from '../../src/core/version.js';

describe('lazy loading', () => {
  it('imports nothing before a tag exists, then imports once when it appears (also later, as SPAs do)', async () => {
    const calls: string[] = [];
    const registry = {
      'prm-lazy-a': async () => void calls.push('a'),
      'prm-lazy-b': async () => void calls.push('b'),
    };
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const w = watchTags(registry);
    await w.ready;
    expect(calls).to.deep.equal([]);
    root.append(document.createElement('prm-lazy-a'), document.createElement('prm-lazy-a'));
    await until(() => calls.length > 0);
    expect(calls).to.deep.equal(['a']);
    const deep = document.createElement('section');
    deep.innerHTML = '<div><prm-lazy-b></prm-lazy-b></div>';
    root.append(deep);
    await until(() => calls.length > 1);
    root.append(document.createElement('prm-lazy-a'));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).to.deep.equal(['a', 'b']);
    w.stop();
  });

  it('imports tags present at start and resolves ready when they are loaded', async () => {
    await fixture(html`<div><prm-lazy-c></prm-lazy-c></div>`);
    let done = false;
    const w = watchTags({ 'prm-lazy-c': () => new Promise((r) => setTimeout(() => r((done = true)), 50)) });
    await w.ready;
    expect(done).to.equal(true);
    w.stop();
  });

  it('load() imports a tag the observer cannot see (inside another shadow root)', async () => {
    let n = 0;
    const w = watchTags({ 'prm-lazy-d': async () => void n++ });
    await w.load('prm-lazy-d');
    await w.load('prm-lazy-d');
    expect(n).to.equal(1);
    w.stop();
  });
});

describe('guarded define and the loader twice', () => {
  it('defines a tag once; a second define of the same version is silent, another version warns', () => {
    const warns: unknown[] = [];
    const orig = console.warn;
    console.warn = (...a: unknown[]) => warns.push(a);
    try {
      class A extends HTMLElement {
        static version = VERSION;
      }
      class B extends HTMLElement {
        static version = VERSION;
      }
      expect(defineElement('prm-guard-x', A)).to.equal(A);
      expect(defineElement('prm-guard-x', B)).to.equal(A);
      expect(warns.length).to.equal(0);
      class Old extends HTMLElement {
        static version = '0.0.1';
      }
      customElements.define('prm-guard-y', Old);
      expect(defineElement('prm-guard-y', B)).to.equal(Old);
      expect(warns.length).to.equal(1);
      expect(String((warns[0] as unknown[])[0])).to.contain('prm-widgets 0.0.1');
    } finally {
      console.warn = orig;
    }
  });

  it('loading the loader twice (two copies, beside another Lit) throws nothing and keeps one PRM', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const g = globalThis as unknown as Record<string, string[]>;
    (g.litElementVersions ??= []).push('2.8.0');
    await import('../../src/loader.js');
    const first = window.PRM!;
    // @ts-expect-error a second copy of the module, as a second script tag from another URL gives
    await import('../../src/loader.js?copy=2');
    expect(window.PRM).to.equal(first);
    expect(first.version).to.equal(VERSION);
    await first.ready;
    first.configure({ currency: 'EUR' });
    expect(first.code.currency).to.equal('EUR');
    delete first.code.currency;
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
  });
});

describe('npm entry', () => {
  it('importing prm-widgets registers no tag and exposes configure() and the classes', async () => {
    const before = ['prm-quote-calculator', 'prm-booking-scheduler', 'prm-feedback-form', 'prm-story-carousel', 'prm-chat-launcher'].filter((t) => customElements.get(t));
    const mod = await import('../../src/index.js');
    const after = ['prm-quote-calculator', 'prm-booking-scheduler', 'prm-feedback-form', 'prm-story-carousel', 'prm-chat-launcher'].filter((t) => customElements.get(t));
    expect(after).to.deep.equal(before);
    expect(mod.version).to.equal(VERSION);
    expect(typeof mod.configure).to.equal('function');
    expect(typeof mod.PrmElement).to.equal('function');
  });
});

describe('version', () => {
  it('VERSION equals package.json’s version', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });
});
