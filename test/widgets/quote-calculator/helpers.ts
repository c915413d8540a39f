import { fixture, html } from '@open-wc/testing';
import '../../../src/widgets/quote-calculator/define.js';
import type { PrmQuoteCalculator } from '../../../src/widgets/quote-calculator/quote-calculator.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

/** A query in the calculator's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: PrmQuoteCalculator, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;

let n = 0;

/**
 * Mounts a calculator of the demo clinic (the real reference server at /v1) in a box of `style`,
 * with `attrs`, and waits until `ready` is in its shadow root. `currency` fixes the page-wide
 * display currency (undefined: the clinic's default).
 */
export async function mountQuote(attrs: Record<string, string>, o: { ready: string; currency?: string; style?: string }): Promise<PrmQuoteCalculator> {
  resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', currency: o.currency, _n: `quote-${n++}` });
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.setAttribute('style', o.style ?? 'width: 1000px');
  const el = document.createElement('prm-quote-calculator');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, o.ready), 15_000);
  return el;
}
