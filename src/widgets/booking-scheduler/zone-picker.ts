/**
 * The searchable time-zone picker of `<prm-booking-scheduler>` (its own chunk, loaded when the
 * patient asks to change the zone): a search box and a native list box of at most 50 matches.
 */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { searchZones, timeZoneOptions, type ZoneOption } from './time-zones.js';
import type { PrmBookingScheduler } from './booking-scheduler.js';

let list: { key: string; options: ZoneOption[] } | undefined;
let query = '';

function options(locale: string, at: number, current: string): ZoneOption[] {
  const key = `${locale}|${at}|${current}`;
  if (list?.key !== key) list = { key, options: timeZoneOptions(locale, at, [current]) };
  return list.options;
}

export function renderPicker(host: PrmBookingScheduler, at: number): unknown {
  const all = options(host.resolvedLocale, at, host.zone);
  const found = searchZones(all, query);
  const shown = found.slice(0, 50);
  const choose = (id: string) => {
    query = '';
    host.setZone(id);
  };
  return html`<div class="picker">
    <label class="field">
      <span>${msg('Search a city or UTC offset')}</span>
      <input
        id="zone-search"
        class="input"
        type="search"
        autocomplete="off"
        .value=${query}
        aria-controls="zone-list"
        @input=${(e: Event) => {
          query = (e.target as HTMLInputElement).value;
          host.requestUpdate();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            host.renderRoot.querySelector<HTMLSelectElement>('#zone-list')?.focus();
          } else if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            choose(shown[0].id);
          } else if (e.key === 'Escape') host.setZone(host.zone);
        }}
      />
    </label>
    <p class="hint" role="status">${msg(str`${found.length} time zones found`)}</p>
    <select
      id="zone-list"
      class="input zone-list"
      size="6"
      aria-label=${msg('Time zones')}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          choose((e.target as HTMLSelectElement).value);
        } else if (e.key === 'Escape') host.setZone(host.zone);
      }}
      @click=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        if (v) choose(v);
      }}
    >
      ${shown.map((z) => html`<option value=${z.id} ?selected=${z.id === host.zone}>${z.city} (${z.offsetLabel})${z.name ? ` — ${z.name}` : ''}</option>`)}
    </select>
  </div>`;
}
