import { fixture, html } from '@open-wc/testing';
import '../../../src/widgets/feedback-form/define.js';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { until } from '../../core/fixtures/setup.js';

// Mounting <prm-feedback-form> the way the flows and review tests share.

export const $ = <T extends HTMLElement = HTMLElement>(el: PrmFeedbackForm, s: string) => el.shadowRoot!.querySelector<T>(s);

/** The element with `attrs`, in the page; nothing awaited. */
export async function place(attrs: Record<string, string> = {}): Promise<PrmFeedbackForm> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-feedback-form');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  return el;
}

/** The element with its form open: messages in its language, the form layer loaded. */
export async function mount(attrs: Record<string, string> = {}): Promise<PrmFeedbackForm> {
  const el = await place(attrs);
  await until(() => !!$(el, 'form'), 15_000);
  const arabic = attrs['locale'] === 'ar';
  await until(() => /[\u0600-\u06ff]/.test($(el, '#nps-q')!.textContent!) === arabic, 10_000);
  // The first touch of the form loads the form layer (comment, date, reference appear).
  $(el, 'form')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  await until(() => !!$(el, '#f-comment'), 10_000);
  return el;
}
