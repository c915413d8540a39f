import { fixture, html } from '@open-wc/testing';
import '../../../src/widgets/story-carousel/define.js';
import type { PrmStoryCarousel } from '../../../src/widgets/story-carousel/define.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

// Mounting <prm-story-carousel> and reading its shadow root, shared by its test files.

export type El = PrmStoryCarousel;
export const $ = <T extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot!.querySelector(s) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: El, s: string) => [...el.shadowRoot!.querySelectorAll(s)] as T[];
export const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
export const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
let n = 0;

/** A carousel with `attrs` (in English unless `lang` says otherwise), once its stories (or its empty or error state) and its messages are in. */
export async function mount(attrs: Record<string, string> = {}, opts: { clinic?: string; width?: number; wait?: string } = {}): Promise<El> {
  resetConfig({ api: location.origin, clinic: opts.clinic ?? 'pk_demo_aurora', _n: n++ });
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  if (opts.width) wrap.style.inlineSize = `${opts.width}px`;
  const el = document.createElement('prm-story-carousel');
  // Messages are page-wide (the last language asked for wins): every test says its language.
  for (const [k, v] of Object.entries({ lang: 'en', ...attrs })) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, opts.wait ?? '.slide[data-i] .title, [part=empty], [part=error]'), 15_000);
  // Translated messages arrive with their locale's chunk.
  const carousel: Record<string, string> = { en: 'carousel', de: 'Karussell', ar: 'عرض دوّار' };
  await until(() => $(el, '[part=base]')?.getAttribute('aria-roledescription') === carousel[el.lang], 10_000);
  await el.updateComplete;
  return el;
}
