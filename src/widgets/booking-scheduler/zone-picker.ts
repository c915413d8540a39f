/**
 * The time-zone picker of `<prm-booking-scheduler>` (its own chunk, loaded when the patient asks to
 * change the zone): a WAI-ARIA APG editable combobox with a list box popup. Typing filters by city,
 * IANA name, the zone's name or its UTC offset ("kolkata", "+5:30"), and the most-asked cities in
 * Arabic, Russian and Turkish ("نيويورك", "Дубай", "Londra": city-names.ts); Down/Up move through the
 * matches (aria-activedescendant, focus stays in the text box), Home/End jump to the first/last
 * match, Enter chooses, Escape closes and returns to "Change time zone". At most 50 matches are in
 * the DOM at once.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { searchZones, timeZoneOptions, type ZoneOption } from './time-zones.js';
import { withCityNames } from './city-names.js';
import type { PrmBookingScheduler } from './booking-scheduler.js';

const MAX = 50;
let list: { key: string; options: ZoneOption[] } | undefined;
/** Each scheduler's own search: the text typed, and the option with visual focus among those shown (-1: focus on the text). */
interface PickerState {
  query: string;
  active: number;
}
const states = new WeakMap<PrmBookingScheduler, PickerState>();
const stateOf = (host: PrmBookingScheduler): PickerState => {
  let st = states.get(host);
  if (!st) states.set(host, (st = { query: '', active: -1 }));
  return st;
};

function options(locale: string, at: number, current: string): ZoneOption[] {
  const key = `${locale}|${at}|${current}`;
  if (list?.key !== key) list = { key, options: withCityNames(timeZoneOptions(locale, at, [current])) };
  return list.options;
}

/** The next active index for `key` among `count` options (pure: the APG listbox popup keys). */
export function moveActive(key: string, current: number, count: number): number | undefined {
  if (!count) return undefined;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return current < 0 ? undefined : 0; // on the text (no option active): the caret moves instead
    case 'End':
      return current < 0 ? undefined : count - 1;
  }
  return undefined;
}

/** Starts a fresh search in `host`'s picker (called when it opens). */
export function resetPicker(host: PrmBookingScheduler): void {
  states.set(host, { query: '', active: -1 });
}

export function renderPicker(host: PrmBookingScheduler, at: number): unknown {
  const st = stateOf(host);
  const query = st.query;
  let active = st.active;
  const all = options(host.resolvedLocale, at, host.zone);
  const found = searchZones(all, query);
  const shown = found.slice(0, MAX);
  if (active >= shown.length) active = st.active = -1;
  const choose = (id: string) => {
    resetPicker(host);
    host.setZone(id);
  };
  const optId = (i: number) => `zone-opt-${i}`;
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const o = shown[active] ?? shown[0];
      if (o) choose(o.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      resetPicker(host);
      host.setZone(host.zone);
    } else {
      const next = moveActive(e.key, active, shown.length);
      if (next === undefined) return;
      e.preventDefault();
      active = st.active = next;
      host.requestUpdate();
      void host.updateComplete.then(() => host.renderRoot.querySelector(`#${optId(next)}`)?.scrollIntoView({ block: 'nearest' }));
    }
  };
  return html`<div class="picker">
    <label for="zone-search">${msg('Search a city or UTC offset')}</label>
    <input
      id="zone-search"
      class="input"
      type="text"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-autocomplete="list"
      aria-expanded="true"
      aria-controls="zone-list"
      aria-activedescendant=${active >= 0 ? optId(active) : nothing}
      .value=${query}
      @input=${(e: Event) => {
        st.query = (e.target as HTMLInputElement).value;
        st.active = -1;
        host.requestUpdate();
      }}
      @keydown=${key}
    />
    <p class="hint" role="status">${msg(str`Time zones found: ${found.length}`)}</p>
    <ul id="zone-list" class="zone-list" role="listbox" aria-label=${msg('Time zones')}>
      ${shown.map(
        (z, i) => html`<li
          id=${optId(i)}
          role="option"
          aria-selected=${i === active ? 'true' : 'false'}
          class=${z.id === host.zone ? 'current' : ''}
          @pointerdown=${(e: Event) => e.preventDefault()}
          @click=${() => choose(z.id)}
        >
          <span class="city">${z.city}</span> <span dir="ltr">${z.offsetLabel}</span>${z.name ? html` <span class="hint">${z.name}</span>` : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}
