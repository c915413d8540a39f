import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/story-carousel/define.js';
import type { PrmStoryCarousel } from '../../../src/widgets/story-carousel/define.js';
import type { Story } from '../../../src/core/contract/stories.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { injected as injectedBy, loadPayloads, trapExecutions } from '../../core/fixtures/xss.js';
import { interceptFetch, json } from '../quote-calculator/fixtures.js';

// Rendering is what is under test here, so GET /v1/stories is answered with a payload in every
// string field the carousel shows (and hostile URLs in every media field); everything else
// reaches the real server.

const $ = (el: PrmStoryCarousel, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement | null;
// The carousel's own images (photo, video poster) and, after the click, its player frame.
const injected = (root: ShadowRoot) => injectedBy(root, 'img.photo, .poster img, .player iframe');

function story(i: number, p: string): Story {
  return {
    id: `x-${i}`,
    procedureId: 'lasik',
    procedureName: p,
    language: i % 2 ? 'en' : 'de',
    country: 'GB',
    displayName: p,
    title: p,
    body: p,
    rating: 5,
    date: '2026-10-01',
    verified: true,
    image: i % 3 === 0 ? { url: `javascript:window.__xss(${i})`, alt: p, width: 640, height: 480, srcset: [{ url: 'javascript:alert(1)', width: 320 }] } : { url: 'https://images.example/a.svg', alt: p, width: 640, height: 480, srcset: [{ url: 'https://images.example/a-320w.svg', width: 320 }] },
    video: i % 3 === 1 ? { provider: 'youtube', url: `javascript:window.__xss(${i})`, poster: { url: 'https://images.example/p.svg', width: 1280, height: 720 } } : i % 3 === 2 ? { provider: 'youtube', url: 'https://www.youtube-nocookie.com/embed/x', poster: { url: `javascript:window.__xss(${i})`, width: 1280, height: 720 } } : null,
  };
}

describe('story carousel: XSS payloads render as text, never run', function () {
  this.timeout(240_000);

  it('every payload in every story field shown (name, title, text, procedure, alt) and hostile media URLs: 0 executions, 0 injected nodes', async () => {
    const payloads = await loadPayloads();
    const stories = payloads.map((p, i) => story(i, p));
    const trap = trapExecutions();
    const net = interceptFetch((url) => (url.pathname === '/v1/stories' ? json({ stories, total: stories.length, averageRating: 5, nextCursor: null }) : undefined));
    try {
      resetConfig({ api: location.origin, clinic: 'pk_demo_aurora' });
      // One story per view (narrow), so each becomes the first in view in turn.
      const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 360px"></div>`);
      const el = document.createElement('prm-story-carousel');
      el.setAttribute('lang', 'en');
      el.setAttribute('structured-data', '');
      wrap.append(el);
      await until(() => !!$(el, '.slide[data-i] .title'), 15_000);
      const seen = new Set<string>();
      for (let i = 0; i < stories.length; i++) {
        const slide = $(el, '.slide:not([inert])')!;
        seen.add(slide.getAttribute('aria-label')!);
        // The payload is there, as text.
        expect(slide.querySelector('.title')!.textContent).to.equal(payloads[i]);
        slide.querySelector<HTMLElement>('.more')?.click();
        slide.querySelector<HTMLElement>('.poster')?.click();
        await el.updateComplete;
        expect(injected(el.shadowRoot!), `story ${i}`).to.deep.equal([]);
        $(el, '.arrow.next')!.click();
        await el.updateComplete;
      }
      expect(seen.size).to.equal(stories.length);
      // Hostile media URLs never reached an attribute.
      expect(el.shadowRoot!.innerHTML).not.to.match(/javascript:/i);
      // The JSON-LD in the light DOM: one script, nothing else.
      await until(() => !!el.querySelector('script'));
      expect(el.querySelectorAll('*').length).to.equal(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(trap.executions).to.deep.equal([]);
    } finally {
      net.restore();
      trap.release();
    }
  });
});
