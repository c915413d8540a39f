import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PriceGroup } from '../../core/contract/catalog.js';
import type { Estimate } from '../../core/contract/quotes.js';
import { dateFormat, formatMoney } from '../../core/i18n/format.js';

/**
 * The estimate as first seen (in the widget's own chunk): the total, each group behind its
 * subtotal, the disclosures. The lines themselves render from `estimate-view.ts`, loaded when a
 * section is first opened.
 */

/** Money, or a range `min – max` when the two differ; each amount isolated for bidi. */
export function money(min: number, max: number, currency: string, locale: string): TemplateResult {
  const a = formatMoney(min, currency, locale);
  if (max <= min) return html`<bdi>${a}</bdi>`;
  return html`<bdi>${a}</bdi> – <bdi>${formatMoney(max, currency, locale)}</bdi>`;
}

/**
 * "You save €3,100" against the home country; "at least" only when the total is a range (the
 * saving is then counted from its top). Undefined when there is no saving to state.
 */
export function saving(e: Estimate, locale: string): string | undefined {
  const s = e.savings;
  if (!s || s.amount <= 0) return undefined;
  const a = formatMoney(s.amount, e.currency, locale);
  return e.isRange ? msg(str`You save at least ${a}`) : msg(str`You save ${a}`);
}

export function groupTitle(g: PriceGroup): string {
  switch (g) {
    case 'medical':
      return msg('Medical');
    case 'stay':
      return msg('Hospital and hotel stay');
    default:
      return msg('Travel and support');
  }
}

export const totalLine = (e: Estimate, locale: string) =>
  html`<p class="total" part="total">
    <span>${e.isRange ? msg('Estimated total (range)') : msg('Estimated total')}</span>
    <strong>${money(e.total, e.totalMax, e.currency, locale)}</strong>
  </p>`;

export type Toggle = (key: string) => () => void;

/**
 * A section shown by its title and amount, its content rendered only once opened (a disclosure
 * button with `aria-expanded`): the first view stays small.
 */
export function disclosure(key: string, open: ReadonlySet<string>, toggle: Toggle, title: string, amount: unknown, content: () => unknown, part?: string): TemplateResult {
  const isOpen = open.has(key);
  return html`<h4 class="disc" part=${part ?? nothing}>
      <button type="button" class="disclose" id=${`d-${key}`} aria-expanded=${isOpen ? 'true' : 'false'} aria-controls=${isOpen ? `p-${key}` : nothing} @click=${toggle(key)}>
        ${title}<span class="amt">${amount}</span>
      </button>
    </h4>
    ${isOpen ? html`<div class="panel" id=${`p-${key}`}>${content()}</div>` : nothing}`;
}

/** The estimate as first seen: the total, then each group behind its subtotal. */
export function summary(e: Estimate, locale: string, open: ReadonlySet<string>, toggle: Toggle, lines: (g: Estimate['groups'][number]) => unknown): TemplateResult {
  return html`<div class="breakdown" part="breakdown">
    ${totalLine(e, locale)}
    ${e.groups.map((g) => disclosure(g.group, open, toggle, groupTitle(g.group), money(g.subtotal, g.subtotalMax, e.currency, locale), () => lines(g), 'group'))}
  </div>`;
}

/** Rounding, rates date and validity, stated plainly. */
export function disclaimer(validityDays: number, ratesDate: string | undefined, locale: string): TemplateResult {
  const date = ratesDate ? dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${ratesDate}T00:00:00Z`)) : '';
  return html`<p class="disclaimer" part="disclaimer">
    ${msg(str`This is an estimate, valid for ${validityDays} days. The final price is confirmed by the clinic after a medical review.`)}
    ${ratesDate ? msg(str`Exchange rates of ${date}.`) : nothing}
    ${msg('Each line is converted and rounded to the nearest minor unit (half up); totals are the sum of the lines.')}
  </p>`;
}
