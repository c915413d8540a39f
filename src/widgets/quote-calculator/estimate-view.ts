/**
 * The estimate's details: every line of a group, the included / not included lists, the full
 * breakdown of the confirmation. Loaded when the patient first opens a section (or the lead form),
 * so the first view's chunk stays small.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ProcedureSummary } from '../../core/contract/catalog.js';
import type { Estimate, EstimateGroup, EstimateLine } from '../../core/contract/quotes.js';
import { displayName, formatMoney, formatNumber, formatPercent } from '../../core/i18n/format.js';
import { groupTitle, money, saving, totalLine } from './estimate-summary.js';

export { money };

/** Styles of the details, adopted by the element when this module loads. */
export const detailStyles = css`
  [role='listbox'] {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    inset-block-start: 100%;
    display: grid;
    gap: calc(var(--_space) * 1);
    margin: 2px 0 0;
    padding: 4px;
    list-style: none;
    max-block-size: min(20em, 60vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    scroll-snap-type: y proximity;
    background: var(--_surface);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    box-shadow: var(--_elevation-high);
  }
  [role='option'] {
    cursor: pointer;
    scroll-snap-align: start;
    justify-content: space-between;
    flex-wrap: wrap;
  }
  [role='option']::before {
    display: none;
  }
  [role='option'][aria-selected='true'] {
    border-color: var(--_primary);
    background: var(--_surface-variant);
  }
  [role='option'].active,
  [role='option']:hover {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: calc(var(--_space) * 1);
  }
  th,
  td {
    padding-block: calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_outline-variant);
    vertical-align: top;
  }
  th {
    text-align: start;
    font-weight: 400;
  }
  th .line-note {
    display: block;
  }
  td bdi,
  strong bdi {
    white-space: nowrap;
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
    padding-inline-start: calc(var(--_space) * 3);
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-block-end: 0;
  }
  .savings {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .saving strong {
    color: var(--_success);
    font-size: 1.15em;
  }
  .incl {
    display: grid;
    gap: calc(var(--_space) * 3);
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
  }
  .incl ul {
    margin: calc(var(--_space) * 1) 0 0;
    padding-inline-start: 1.25em;
  }
  .incl .yes li::marker {
    content: '✓  ';
    color: var(--_success);
  }
  .incl .no li::marker {
    content: '✕  ';
    color: var(--_on-surface-variant);
  }
`;

/** "4 × €95.00 · 2 included in the package": the shown unit price times the quantity is the amount. */
function lineDetail(l: EstimateLine, currency: string, locale: string): unknown {
  const qty = l.quantity > 1 ? html`${formatNumber(l.quantity, locale)} × <bdi>${formatMoney(l.unitAmount, currency, locale)}</bdi>` : nothing;
  if (qty === nothing && !l.note) return nothing;
  return html`<span class="line-note">${qty}${qty !== nothing && l.note ? ' · ' : ''}${l.note ? html`<bdi>${l.note}</bdi>` : nothing}</span>`;
}

/** One group's lines as a table (label, amount); the confirmation adds a caption and the subtotal. */
export function lines(g: EstimateGroup, currency: string, locale: string, full?: boolean): TemplateResult {
  return html`<table class="group lines" part=${full ? 'group' : nothing}>
    ${full ? html`<caption>${groupTitle(g.group)}</caption>` : nothing}
    <thead class="visually-hidden">
      <tr>
        <th scope="col">${msg('Item')}</th>
        <th scope="col">${msg('Amount')}</th>
      </tr>
    </thead>
    <tbody>
      ${g.lines.map(
        (l) => html`<tr part="line">
          <th scope="row"><bdi class="line-label">${l.label}</bdi>${lineDetail(l, currency, locale)}</th>
          <td>${l.amount === 0 && l.amountMax === 0 ? msg('Included') : money(l.amount, l.amountMax, currency, locale)}</td>
        </tr>`,
      )}
    </tbody>
    ${full
      ? html`<tfoot>
          <tr>
            <th scope="row">${msg('Subtotal')}</th>
            <td>${money(g.subtotal, g.subtotalMax, currency, locale)}</td>
          </tr>
        </tfoot>`
      : nothing}
  </table>`;
}

/** The itemised breakdown, every line shown: one table per group with its subtotal, then the total. */
export function breakdown(e: Estimate, locale: string): TemplateResult {
  return html`<div class="breakdown" part="breakdown">
    ${e.groups.map((g) => lines(g, e.currency, locale, true))} ${totalLine(e, locale)}
  </div>`;
}

export function includedLists(e: Estimate): TemplateResult {
  return html`<div class="incl">
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


/** The comparison with prices at home, once opened: the country, its typical price, the saving, the source. */
export function savingsPanel(est: Estimate, countries: readonly string[], country: string | undefined, locale: string, pick: (e: Event) => void): TemplateResult {
  const s = est.savings;
  return html`<label class="field">
      <span class="label">${msg('Compare with prices at home')}</span>
      <select id="country" class="input" @change=${pick}>
        <option value="" ?selected=${!country}>${msg('Do not compare')}</option>
        ${countries.map((c) => html`<option .value=${c} ?selected=${c === country}>${displayName(locale, 'region', c)}</option>`)}
      </select>
    </label>
    ${s
      ? html`<p class="saving-line">${typicalIn(displayName(locale, 'region', s.country))} <bdi>${formatMoney(s.benchmark.amount, s.benchmark.currency, locale)}</bdi></p>
          ${s.amount > 0
            ? html`<p class="saving" id="saving">
                <strong>${saving(est, locale)}</strong>
                (${formatPercent(s.percent / 100, locale)})
              </p>`
            : html`<p class="saving-none" id="saving">${msg('No saving against this country for this package.')}</p>`}
          <p class="source">${sourceLine(s.source, s.year)}</p>`
      : nothing}`;
}

const typicalIn = (country: string) => msg(str`Typical price in ${country}:`);
const sourceLine = (source: string, year: number) => msg(str`Source: ${source}, ${year}.`);

/** The treatments of the open combobox (WAI-ARIA listbox); `active` is the option the arrow keys reached. */
export function listbox(list: readonly ProcedureSummary[], active: number, selected: string | undefined, from: (p: ProcedureSummary) => string | undefined, choose: (p: ProcedureSummary) => void): TemplateResult {
  return html`<ul id="procs" role="listbox" aria-label=${msg('Treatment')} @pointerdown=${(e: Event) => e.preventDefault()}>
      ${list.map((proc, i) => {
        const f = from(proc);
        return html`<li id=${`proc-${proc.id}`} role="option" aria-selected=${selected === proc.id ? 'true' : 'false'} class=${i === active ? 'option active' : 'option'} @click=${() => choose(proc)}>
          <bdi class="opt-name">${proc.name}</bdi>${f ? html`<span class="opt-meta">${f}</span>` : nothing}
        </li>`;
      })}
    </ul>
    ${list.length ? nothing : html`<p class="hint" role="status">${msg('No treatment matches your search.')}</p>`}`;
}

/**
 * The booking page for a quote: `url` (relative to the page) with `?quote=<reference>`; undefined
 * without a URL or for anything but http(s) (a `javascript:` URL in an attribute must not run).
 */
export function bookingHref(url: string | undefined, reference: string, base: string = location.href): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    u.searchParams.set('quote', reference);
    return u.href;
  } catch {
    return undefined;
  }
}

/** A `<prm-booking-scheduler>` in the same document or shadow root as `host`. */
export function scheduler(host: Element): HTMLElement | null {
  return (host.getRootNode() as ParentNode).querySelector?.('prm-booking-scheduler') ?? document.querySelector('prm-booking-scheduler');
}

/**
 * "Book a consultation": the scheduler on the page takes the quote reference and the patient's
 * focus; else the booking URL opens with `?quote=`.
 */
export function goBook(host: Element, url: string | undefined, reference: string): void {
  const s = scheduler(host);
  if (s) {
    s.setAttribute('quote', reference);
    if (!s.hasAttribute('tabindex') && s.tabIndex < 0) s.setAttribute('tabindex', '-1');
    s.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    s.focus({ preventScroll: true });
    return;
  }
  const href = bookingHref(url, reference);
  if (href) location.assign(href);
}
