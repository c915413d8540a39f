import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PriceGroup } from '../../core/contract/catalog.js';
import type { Estimate, EstimateLine } from '../../core/contract/quotes.js';
import { dateFormat, formatMoney, formatNumber } from '../../core/i18n/format.js';

/** Money, or a range `min – max` when the two differ; each amount isolated for bidi. */
export function money(min: number, max: number, currency: string, locale: string): TemplateResult {
  const a = formatMoney(min, currency, locale);
  if (max <= min) return html`<bdi>${a}</bdi>`;
  return html`<bdi>${a}</bdi> – <bdi>${formatMoney(max, currency, locale)}</bdi>`;
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

/** "4 × €95.00 · 2 included in the package": the shown unit price times the quantity is the amount. */
function lineDetail(l: EstimateLine, currency: string, locale: string): unknown {
  const qty = l.quantity > 1 ? html`${formatNumber(l.quantity, locale)} × <bdi>${formatMoney(l.unitAmount, currency, locale)}</bdi>` : nothing;
  if (qty === nothing && !l.note) return nothing;
  return html`<span class="line-note">${qty}${qty !== nothing && l.note ? ' · ' : ''}${l.note ? html`<bdi>${l.note}</bdi>` : nothing}</span>`;
}

/** The itemised breakdown: one table per group, lines with amounts, subtotals, then the total. */
export function breakdown(e: Estimate, locale: string): TemplateResult {
  return html`<div class="breakdown" part="breakdown">
    ${e.groups.map(
      (g) => html`<table class="group" part="group">
        <caption>${groupTitle(g.group)}</caption>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">${msg('Item')}</th>
            <th scope="col">${msg('Amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${g.lines.map(
            (l) => html`<tr part="line">
              <th scope="row"><bdi class="line-label">${l.label}</bdi>${lineDetail(l, e.currency, locale)}</th>
              <td>${l.amount === 0 && l.amountMax === 0 ? msg('Included') : money(l.amount, l.amountMax, e.currency, locale)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${msg('Subtotal')}</th>
            <td>${money(g.subtotal, g.subtotalMax, e.currency, locale)}</td>
          </tr>
        </tfoot>
      </table>`,
    )}
    <p class="total" part="total">
      <span>${e.isRange ? msg('Estimated total (range)') : msg('Estimated total')}</span>
      <strong>${money(e.total, e.totalMax, e.currency, locale)}</strong>
    </p>
  </div>`;
}

export function includedLists(e: Estimate): TemplateResult {
  return html`<div class="incl" part="included">
    ${e.included.length
      ? html`<div>
          <h4>${msg('Included')}</h4>
          <ul class="yes">
            ${e.included.map((s) => html`<li><bdi>${s}</bdi></li>`)}
          </ul>
        </div>`
      : nothing}
    ${e.notIncluded.length
      ? html`<div>
          <h4>${msg('Not included')}</h4>
          <ul class="no">
            ${e.notIncluded.map((s) => html`<li><bdi>${s}</bdi></li>`)}
          </ul>
        </div>`
      : nothing}
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
