import { html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { cardLayout, releaseReserve } from '../../core/theme/card.js';
import { DataController } from '../../core/data/controller.js';
import { nextTask } from '../../core/task.js';
import { KeyedCache } from '../../core/data/cache.js';
import { PrmApiError } from '../../core/api/errors.js';
import { formatList, formatMoney } from '../../core/i18n/format.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { Booking, BookingService, ConsultationKind, CreateBookingBody, Doctor, Hold, Slot, SlotsResponse } from '../../core/contract/booking.js';
import { addDays, dayKey, detectTimeZone, formatKey, groupByDay, isTimeZone, isolate, labelDay, noonOf, offsetLabel } from './zones.js';
import { GRID_KEYS, addMonths, alternativeMonths, bookableWindow, firstDayOfWeek, initialFocus, monthGrid, monthOf, monthRange, moveFocus, type GridKey } from './month.js';
import { newSession } from './hold.js';
import { httpUrl } from './urls.js';
import { cityOf } from './time-zones.js';
import type { DetailsView } from './details-view.js';
import { styles } from './booking-scheduler.styles.js';
import { BookingServicesResponseSchema, DoctorsResponseSchema, HoldResponseSchema, SlotsResponseSchema } from '../../generated/contract/booking.js';

export interface BookingViewDetail {
  mode: 'book' | 'manage';
}
export interface BookingServiceSelectDetail {
  service: string;
  kind: ConsultationKind;
}
export interface BookingSlotSelectDetail {
  /** UTC ISO-8601. */
  start: string;
  /** The patient's IANA zone the slot was shown in. */
  timeZone: string;
  doctor: string;
}
/** No contact data: events reach analytics tools, personal data does not. */
export interface BookingSubmitDetail {
  service: string;
  doctor: string;
  start: string;
  idempotencyKey: string;
}
export interface BookingSuccessDetail {
  id: string;
  reference: string;
  start: string;
  patientTimeZone: string;
  clinicTimeZone: string;
  kind: ConsultationKind;
}
export interface BookingConflictDetail {
  start: string;
  /** Starts offered instead, nearest first. */
  alternatives: string[];
}
export interface BookingRescheduleDetail {
  id: string;
  from: string;
  to: string;
}
export interface BookingCancelDetail {
  id: string;
}

declare module '../../core/events.js' {
  interface PrmEventDetails {
    'prm-booking-view': BookingViewDetail;
    'prm-booking-service-select': BookingServiceSelectDetail;
    'prm-booking-slot-select': BookingSlotSelectDetail;
    'prm-booking-submit': BookingSubmitDetail;
    'prm-booking-success': BookingSuccessDetail;
    'prm-booking-conflict': BookingConflictDetail;
    'prm-booking-reschedule': BookingRescheduleDetail;
    'prm-booking-cancel': BookingCancelDetail;
  }
}

export type Step = 'service' | 'doctor' | 'date' | 'details' | 'done' | 'manage';

interface Catalog {
  config: ClinicConfig;
  services: BookingService[];
  doctors: Doctor[];
}

/** Days a patient may book ahead (the reference server's horizon). */
const HORIZON_DAYS = 120;

/**
 * Books a consultation across time zones: consultation type, doctor or "first available", an
 * accessible month grid, the chosen day's times in the patient's zone with the clinic's beside
 * them, a details form while the slot is held, an idempotent booking that survives a dropped
 * connection, then add-to-calendar and a manage link (reschedule, cancel).
 *
 * @summary Consultation booking in the patient's time zone, with holds, calendar links and manage mode.
 *
 * @fires prm-booking-view - Once, when the loaded scheduler is first shown. `detail: { mode }`
 * @fires prm-booking-service-select - The patient chose a consultation type. `detail: { service, kind }`
 * @fires prm-booking-slot-select - The patient chose a time. `detail: { start (UTC), timeZone, doctor }`
 * @fires prm-booking-submit - The patient sent the booking (no contact data). `detail: { service, doctor, start, idempotencyKey }`
 * @fires prm-booking-success - The clinic confirmed the booking. `detail: { id, reference, start, patientTimeZone, clinicTimeZone, kind }`
 * @fires prm-booking-conflict - The time was taken by someone else. `detail: { start, alternatives }`
 * @fires prm-booking-reschedule - A booking was moved. `detail: { id, from, to }`
 * @fires prm-booking-cancel - A booking was cancelled. `detail: { id }`
 * @fires prm-error - Loading or sending failed. `detail: { widget, reason, message, status?, code? }`
 *
 * @csspart base - The card around everything.
 * @csspart services - The consultation types.
 * @csspart doctors - The doctor list.
 * @csspart calendar - The month grid.
 * @csspart slots - The chosen day's times.
 * @csspart zone - The time-zone line and picker.
 * @csspart form - The details form.
 * @csspart hold - The hold countdown.
 * @csspart alternatives - Times offered after a conflict.
 * @csspart success - The confirmation.
 * @csspart manage - The manage view of an existing booking.
 * @csspart loading - The loading skeleton.
 * @csspart error - An error state.
 * @csspart empty - The empty state.
 *
 * @cssprop [--prm-booking-scheduler-block-size=53.2177734375em] - Block size reserved for the widget before and while it loads (the first step's, for the docs snippet); the skeleton has this size. Once shown, the widget takes its content's size.
 * @cssprop --prm-color-primary - Buttons, the selected day and time.
 * @cssprop --prm-color-success - Days with availability, the confirmation.
 * @cssprop --prm-radius - Corner radius of controls.
 * @cssprop --prm-font-family - Font of the widget.
 */
export class PrmBookingScheduler extends PrmElement {
  static override tagName = 'prm-booking-scheduler';
  static override styles = [...(PrmElement.styles as never[]), cardLayout, releaseReserve, styles];

  static override properties = {
    ...PrmElement.properties,
    service: { reflect: true },
    doctor: { reflect: true },
    quote: { reflect: true },
    booking: { reflect: true },
    token: {},
    timeZone: { attribute: 'time-zone' },
    step: { state: true, attribute: false },
    serviceId: { state: true, attribute: false },
    doctorId: { state: true, attribute: false },
    language: { state: true, attribute: false },
    speaks: { state: true, attribute: false },
    zone: { state: true, attribute: false },
    month: { state: true, attribute: false },
    focusDay: { state: true, attribute: false },
    day: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    hold: { state: true, attribute: false },
    pickerOpen: { state: true, attribute: false },
    tick: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** Preselects a consultation type by id and skips that step (e.g. `video-consultation`). */
  declare service?: string;
  /** Preselects a doctor by id, or `any` for the first available. */
  declare doctor?: string;
  /** Reference of a quote this consultation follows (set by the page, or from `prm-quote-success`). */
  declare quote?: string;
  /** Manage mode: the booking id (with `token`); also read from the page's `prm-booking` query. */
  declare booking?: string;
  /** Manage mode: the booking's manage token; also read from the page's `prm-token` query. */
  declare token?: string;
  /** The patient's IANA time zone; detected from the browser by default. */
  declare timeZone?: string;

  /** @internal */ step: Step = 'service';
  /** @internal */ serviceId = '';
  /** @internal */ doctorId = 'any';
  /** @internal The "Speaks" filter. */ language = '';
  /** @internal The language "first available" is limited to (the filter when it was chosen), or empty. */ speaks = '';
  /** @internal The patient's zone (see the constructor). */ zone = '';
  /** @internal */ month = '';
  /** @internal */ focusDay = '';
  /** @internal */ day = '';
  /** @internal The chosen time. */ declare chosen?: Slot;
  /** @internal */ declare hold?: Hold;
  /** @internal */ pickerOpen = false;
  /** @internal */ tick = Date.now();
  /** @internal A short message shown above the times (hold lost, slot taken). */
  notice = '';

  /** Random id of this tab's holds (memory only). */
  readonly session = newSession();
  /** The booking being rescheduled in manage mode. */
  rescheduling?: { booking: Booking; token: string };
  #viewed = false;
  #pendingChecked = false;
  #autoMonths = 0;
  /** Months of the window seen without any free time with the chosen doctor. */
  #emptyMonths = new Set<string>();
  #timer?: ReturnType<typeof setInterval>;
  #view?: DetailsView;
  #viewLoading?: Promise<DetailsView>;
  #picker?: typeof import('./zone-picker.js');
  readonly slotCache = new KeyedCache<SlotsResponse>(24);

  readonly catalog = new DataController(this, {
    args: () => (this.client ? ([this.client, this.resolvedLocale] as const) : undefined),
    task: async ([client, locale], { signal }): Promise<Catalog> => {
      const [config, s, d] = await Promise.all([
        this.clinicCtl.load(),
        client.get('booking/services', BookingServicesResponseSchema, { signal, searchParams: { locale } }),
        client.get('booking/doctors', DoctorsResponseSchema, { signal, searchParams: { locale } }),
      ]);
      return { config, services: s.services, doctors: d.doctors };
    },
    isEmpty: (c) => !c.services.length,
  });

  readonly slots = new DataController(this, {
    args: () => (this.client && this.serviceId && this.month && (this.step === 'date' || this.step === 'details' || this.step === 'manage') ? ([this.client, this.serviceId, this.doctorId, this.month, this.anyLanguage()] as const) : undefined),
    task: ([client, service, doctor, month, language], { signal }) =>
      client.get('booking/slots', SlotsResponseSchema, { signal, searchParams: { service, doctor, ...(language ? { language } : {}), ...monthRange(month), session: this.session } }),
    cache: { store: this.slotCache, key: ([, s, d, m, l]) => `${s}|${d}|${m}|${l}` },
  });

  constructor() {
    super();
    // Detecting the browser's zone is the page's first Intl formatter, when the engine loads its
    // locale data: a long task by itself on a phone (110–210 ms at 4× CPU on the bench machine).
    // It runs in a task of its own, after the chunk's evaluation and before the first render (which
    // waits for a task, core/element.ts), instead of lengthening the evaluation's task; a zone set
    // meanwhile (the time-zone attribute, setZone) is kept.
    void nextTask().then(() => (this.zone ||= detectTimeZone()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('prm-quote-success', this.#onQuote);
    document.addEventListener('prm-quote-book', this.#onQuote);
    // The manage link of a confirmation: this page with ?prm-booking=…&prm-token=…
    const q = new URLSearchParams(location.search);
    if (!this.booking && q.get('prm-booking') && q.get('prm-token')) {
      this.booking = q.get('prm-booking')!;
      this.token = q.get('prm-token')!;
    }
    this.#timer = setInterval(() => {
      if (this.hold) this.tick = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('prm-quote-success', this.#onQuote);
    document.removeEventListener('prm-quote-book', this.#onQuote);
    clearInterval(this.#timer);
  }

  /** A quote on this page was sent (or "Book a consultation" chosen): carry its reference, and its contact into the form (memory only). */
  #onQuote = (e: Event) => {
    const d = (e as CustomEvent<{ reference?: string }>).detail;
    if (d?.reference) this.quote = d.reference;
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('timeZone') && this.timeZone && isTimeZone(this.timeZone)) this.zone = this.timeZone;
    if (changed.has('booking') && this.booking && this.token) {
      this.step = 'manage';
      void this.detailsView();
    }
    if (changed.has('quote')) this.#view?.prefill(this.quote);
    if (changed.has('service') && this.service) this.serviceId = this.service;
    if (changed.has('doctor') && this.doctor) this.doctorId = this.doctor;
    if (!this.month) this.month = monthOf(this.today());
    const c = this.catalog.value;
    if (c && this.step === 'service' && this.serviceId && c.services.some((s) => s.id === this.serviceId)) {
      this.step = this.doctor ? 'date' : 'doctor';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const root = this.renderRoot as ShadowRoot;
    if (this.#focusWanted) {
      const cell = root.querySelector<HTMLElement>(`[data-day="${this.#focusWanted}"]`);
      if (cell) {
        this.#focusWanted = '';
        cell.focus();
      }
    } else if (this.#gridFocused && !root.activeElement) {
      // The grid was re-rendered under the keyboard (a month arrived): focus stays on the day.
      root.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
    // A reload while a booking was pending: load the details part, whose queue finds it, shows it
    // and sends it with its key (never in place of a time picked later).
    if (!this.#pendingChecked && this.config) {
      this.#pendingChecked = true;
      if (hasPending(this.config.clinic)) void this.detailsView();
    }
    if (!this.#viewed && this.catalog.value) {
      this.#viewed = true;
      this.emit('prm-booking-view', { mode: this.step === 'manage' ? 'manage' : 'book' });
    }
    // A month without any free time: look at the next one (never past the window); every month of
    // the window empty is said as such (#noTimes), not as an empty month far ahead.
    const s = this.slots.value;
    if (this.step === 'date' && s && !this.slots.refreshing && this.#autoMonths < 5 && !this.day) {
      const w = this.window();
      const days = this.availableDays(s);
      const empty = ![...days].some((d) => monthOf(d) === this.month);
      if (empty && !this.#emptyMonths.has(this.month)) {
        this.#emptyMonths.add(this.month);
        this.requestUpdate();
      }
      if (empty && monthOf(w.max) > this.month) {
        this.#autoMonths++;
        this.month = addMonths(this.month, 1);
        this.focusDay = '';
      }
    }
  }

  /** Today in the patient's zone. */
  today(): string {
    return dayKey(Date.now(), this.zone);
  }

  window() {
    return bookableWindow(this.today(), HORIZON_DAYS);
  }

  availableDays(s: SlotsResponse): Set<string> {
    return new Set(groupByDay(s.slots, this.zone).keys());
  }

  /** The details form, confirmation and manage views (their own chunk, loaded on demand). */
  detailsView(): Promise<DetailsView> {
    this.#viewLoading ??= import('./details-view.js').then((m) => {
      this.#view = new m.DetailsView(this);
      const root = this.renderRoot as ShadowRoot;
      if (root.adoptedStyleSheets && m.detailsStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, m.detailsStyles.styleSheet];
      this.requestUpdate();
      return this.#view;
    });
    return this.#viewLoading;
  }

  /** Shows `b`, a booking submitted before a reload and still waiting to be sent, as the patient left it. */
  restore(b: CreateBookingBody): void {
    this.serviceId = b.service;
    this.doctorId = b.doctor;
    this.speaks = b.language ?? '';
    if (isTimeZone(b.timeZone)) this.zone = b.timeZone;
    if (b.quoteReference) this.quote = b.quoteReference;
    this.chosen = { start: b.start, end: b.start, doctorIds: [] };
    this.month = monthOf(dayKey(Date.parse(b.start), this.zone));
    this.hold = undefined;
    this.step = 'details';
  }

  /** Focuses the heading of a step (after the patient moved on, so focus is never lost). */
  focusHeading(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  emitEvent = this.emit.bind(this);

  chooseService(s: BookingService): void {
    this.serviceId = s.id;
    this.emit('prm-booking-service-select', { service: s.id, kind: s.kind });
    this.step = this.doctor ? 'date' : 'doctor';
    this.focusHeading(this.step === 'date' ? 'date-title' : 'doctor-title');
  }

  /** The language "first available" asks for (`language` of slots, holds and bookings), or empty. */
  anyLanguage(): string {
    return this.doctorId === 'any' ? this.speaks : '';
  }

  chooseDoctor(id: string, speaks = ''): void {
    this.doctorId = id;
    this.speaks = speaks;
    this.#autoMonths = 0;
    this.#emptyMonths.clear();
    this.month = monthOf(this.today());
    this.day = '';
    this.focusDay = '';
    this.step = 'date';
    this.focusHeading('date-title');
  }

  setMonth(m: string): void {
    this.month = m;
    this.focusDay = '';
    this.#autoMonths = 5;
  }

  selectDay(key: string): void {
    this.day = key;
    this.focusDay = key;
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#slots-title')?.focus());
  }

  #gridKey(e: KeyboardEvent, focus: string): void {
    const w = this.window();
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      // As a click: a day without times is not chosen (focus stays on it); it is said instead.
      const s = this.slots.value;
      if (s && this.availableDays(s).has(focus)) this.selectDay(focus);
      else this.#sayNoTimes();
      return;
    }
    if (!GRID_KEYS.includes(e.key)) return;
    e.preventDefault();
    this.#gridNote = '';
    const next = moveFocus(focus, e.key as GridKey, { ...w, firstDay: firstDayOfWeek(this.resolvedLocale), shift: e.shiftKey, rtl: this.matches(':dir(rtl)') });
    this.focusDay = next;
    if (monthOf(next) !== this.month) {
      this.month = monthOf(next);
      this.#autoMonths = 5;
    }
    this.#focusWanted = next;
  }

  /** What a keyboard user hears after Enter on a day without times (polite, cleared by the next move). */
  #gridNote = '';
  #sayNoTimes(): void {
    // Emptied first when already said, so pressing Enter twice is announced twice.
    this.#gridNote = this.#gridNote ? '' : msg('No free times on this day.');
    if (!this.#gridNote) void this.updateComplete.then(() => this.#sayNoTimes());
    this.requestUpdate();
  }

  /** A day the keyboard moved to: focused as soon as its cell is rendered (another month may load first). */
  #focusWanted = '';
  /** Whether a day of the grid has focus (a removed element gets no blur, so this survives a re-render). */
  #gridFocused = false;

  /** The patient picked a time: hold it for them while they fill in the form. */
  async selectSlot(slot: Slot): Promise<void> {
    // A booking still waiting to be sent stays the one shown (and sent): never a new time in its place.
    if (this.#view?.queue.unsent.length) return;
    this.chosen = slot;
    this.notice = '';
    this.emit('prm-booking-slot-select', { start: slot.start, timeZone: this.zone, doctor: this.doctorId });
    const view = this.detailsView();
    this.step = 'details';
    this.focusHeading('details-title');
    await view;
    await this.holdSlot(slot);
  }

  async holdSlot(slot: Slot): Promise<void> {
    this.hold = undefined;
    const client = this.client;
    if (!client) return;
    try {
      const language = this.anyLanguage();
      const r = await client.post('booking/holds', { service: this.serviceId, doctor: this.doctorId, ...(language ? { language } : {}), start: slot.start, session: this.session }, HoldResponseSchema, { idempotencyKey: `${this.session}-${slot.start}-${this.doctorId}` });
      // The clock the countdown reads from moves only while a hold exists: brought to now with it, or
      // the first second showed the time since the last hold (or since the page opened) on top.
      if (this.chosen === slot) {
        this.hold = r.hold;
        this.tick = Date.now();
      }
    } catch (err) {
      if (err instanceof PrmApiError && err.code === 'slot_taken') await this.#view?.conflict(slot.start);
      // Any other failure: no hold, but the patient can still book (the database decides).
    }
  }

  /**
   * Every doctor's free times around `start` (after it was taken), for alternatives with the same
   * doctor then another: the month on screen and, near its end, the next one. Undefined when the
   * list on screen already is that (first available, mid-month) or the request failed.
   */
  async slotsAround(start: string): Promise<Slot[] | undefined> {
    const months = alternativeMonths(start, this.month, this.zone);
    if (this.doctorId === 'any' && !months[1]) return undefined;
    const language = this.anyLanguage();
    const got = await Promise.all(
      months.map((m) => this.client?.get('booking/slots', SlotsResponseSchema, { searchParams: { service: this.serviceId, doctor: 'any', ...(language ? { language } : {}), ...monthRange(m), session: this.session } }).catch(() => undefined)),
    );
    const all = new Map(got.flatMap((r) => r?.slots ?? []).map((x) => [x.start, x]));
    return all.size ? [...all.values()] : undefined;
  }

  /** Forgets the slots of the current month (after a conflict or a booking) and reloads them. */
  refreshSlots(): void {
    this.slotCache.delete(`${this.serviceId}|${this.doctorId}|${this.month}|${this.anyLanguage()}`);
    this.slots.retry();
  }

  setZone(zone: string): void {
    this.zone = zone;
    this.pickerOpen = false;
    // Same instant list, regrouped: the chosen day stays when it still has times (always when the
    // zone did not change: Escape in the picker).
    const s = this.slots.value;
    if (this.day && !(s && groupByDay(s.slots, zone).has(this.day))) {
      this.day = '';
      this.focusDay = '';
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#zone-button')?.focus());
  }

  async openPicker(): Promise<void> {
    this.#picker ??= await import('./zone-picker.js');
    this.#picker.resetPicker(this);
    this.pickerOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#zone-search')?.focus());
  }

  /** From a past or cancelled booking in manage mode to a new booking. */
  startNew(): void {
    this.booking = this.token = undefined;
    this.rescheduling = undefined;
    this.chosen = undefined;
    this.serviceId = this.service ?? '';
    this.doctorId = this.doctor ?? 'any';
    this.step = 'service';
    this.focusHeading('service-title');
  }

  back(to: Step): void {
    this.step = to;
    this.focusHeading(`${to}-title`);
  }

  protected renderContent(): unknown {
    return html`<div class="card" part="base">${this.catalog.render({ complete: (c) => this.#content(c), pending: () => this.#skeleton(), emptyTitle: msg('No consultations can be booked online right now.') })}</div>`;
  }

  #skeleton() {
    return html`<div class="sk-grid" aria-hidden="true">${Array.from({ length: 3 }, () => html`<div class="skeleton-block"></div>`)}</div>`;
  }

  #content(c: Catalog) {
    switch (this.step) {
      case 'service':
        return this.#services(c);
      case 'doctor':
        return this.#doctors(c);
      case 'date':
        return this.#date(c);
      default:
        return this.#view ? this.#view.render(c) : this.#skeleton();
    }
  }

  #services(c: Catalog) {
    return html`<section class="step" part="services" aria-labelledby="service-title">
      <h2 id="service-title" class="title" tabindex="-1">${msg('Book a consultation')}</h2>
      <p class="sub">${msg('Choose the kind of consultation.')}</p>
      <ul class="choices" role="list">
        ${c.services.map(
          (s) => html`<li>
            <button type="button" class="choice" @click=${() => this.chooseService(s)} aria-describedby="svc-${s.id}${s.prepare?.length ? ` prep-${s.id}` : ''}">
              <span class="choice-title">${s.name}</span>
              <span class="choice-meta">${msg(str`${s.durationMinutes} min`)} · ${s.price ? formatMoney(s.price.amount, s.price.currency, this.resolvedLocale, { whole: true }) : msg('Free of charge')}</span>
            </button>
            <p class="hint" id="svc-${s.id}">${s.description}</p>
            ${s.prepare?.length ? html`<div class="prepare" id="prep-${s.id}"><h3>${msg('What to prepare')}</h3><ul class="hint">${s.prepare.map((p) => html`<li>${p}</li>`)}</ul></div>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  #doctors(c: Catalog) {
    const names = langNames(this.resolvedLocale);
    const forService = c.doctors.filter((d) => d.services.includes(this.serviceId));
    const langs = [...new Set(forService.flatMap((d) => d.languages))].sort();
    // A filter set for another consultation type whose doctors do not speak it counts as none.
    const lang = langs.includes(this.language) ? this.language : '';
    const shown = forService.filter((d) => !lang || d.languages.includes(lang));
    return html`<section class="step" part="doctors" aria-labelledby="doctor-title">
      ${this.service ? nothing : html`<button type="button" class="btn link-btn" @click=${() => this.back('service')}>${msg('Back')}</button>`}
      <h2 id="doctor-title" class="title" tabindex="-1">${msg('Choose a doctor')}</h2>
      <label class="field">
        <span>${msg('Speaks')}</span>
        <select class="input" @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!lang}>${msg('Any language')}</option>
          ${langs.map((l) => html`<option value=${l} ?selected=${lang === l}>${names.of(l) ?? l}</option>`)}
        </select>
      </label>
      <ul class="choices" role="list">
        <li><button type="button" class="choice" @click=${() => this.chooseDoctor('any', lang)}><span class="choice-title">${msg('First available doctor')}</span><span class="choice-meta">${lang ? msg(str`The earliest times with any doctor who speaks ${names.of(lang) ?? lang}`) : msg('The earliest times with any of our doctors')}</span></button></li>
        ${shown.map(
          (d) => html`<li>
            <button type="button" class="choice doctor" @click=${() => this.chooseDoctor(d.id)}>
              ${httpUrl(d.photoUrl) ? html`<img class="photo" src=${httpUrl(d.photoUrl)!} alt="" width="56" height="56" loading="lazy" />` : nothing}
              <span class="choice-title">${d.name}</span>
              <span class="choice-meta">${d.title}</span>
              <span class="choice-meta">${msg('Speaks:')} ${formatList(d.languages.map((l) => names.of(l) ?? l), this.resolvedLocale)}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${shown.length ? nothing : html`<p class="hint" role="status">${msg('No doctor speaks this language; first available still works, with an interpreter on request.')}</p>`}
    </section>`;
  }

  /** The zone line: "Times in New York (GMT−4) · change". */
  zoneLine(at: number) {
    return html`<div class="zone" part="zone">
      <span>${msg(str`Times in ${isolate(cityOf(this.zone))} (${isolate(offsetLabel(at, this.zone))})`)}</span>
      <button id="zone-button" type="button" class="btn link-btn" aria-expanded=${this.pickerOpen ? 'true' : 'false'} @click=${() => (this.pickerOpen ? (this.pickerOpen = false) : void this.openPicker())}>${msg('Change time zone')}</button>
      ${this.pickerOpen && this.#picker ? this.#picker.renderPicker(this, at) : nothing}
    </div>`;
  }

  #date(c: Catalog) {
    const clinicZone = c.config.timeZone;
    return html`<section class="step" aria-labelledby="date-title">
      <button type="button" class="btn link-btn" @click=${() => this.back(this.rescheduling ? 'manage' : 'doctor')}>${msg('Back')}</button>
      <h2 id="date-title" class="title" tabindex="-1">${msg('Pick a day and time')}</h2>
      ${this.zoneLine(noonOf(this.day || (monthOf(this.focusDay) === this.month ? this.focusDay : '') || `${this.month}-01`, this.zone))}
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.#noTimes() ? this.#noTimesState(c) : html`<div class="when">${this.slots.render({ complete: (s, refreshing) => this.#calendar(s, clinicZone, refreshing), pending: () => this.#calendarSkeleton() })}</div>`}
    </section>`;
  }

  /** Whether every month of the bookable window was seen without a free time (with this doctor). */
  #noTimes(): boolean {
    const w = this.window();
    for (let m = monthOf(w.min); m <= monthOf(w.max); m = addMonths(m, 1)) if (!this.#emptyMonths.has(m)) return false;
    return true;
  }

  /** No free time in the whole window: say so plainly, and offer the ways on. */
  #noTimesState(c: Catalog) {
    const weeks = Math.floor(HORIZON_DAYS / 7);
    const name = c.doctors.find((d) => d.id === this.doctorId)?.name;
    return html`<div class="state" part="empty" role="status">
      <p class="state-title">${name ? msg(str`${isolate(name)} has no free times in the next ${weeks} weeks.`) : msg(str`No free times in the next ${weeks} weeks.`)}</p>
      <div class="actions">
        <button type="button" class="btn" @click=${() => this.back('doctor')}>${msg('Choose another doctor')}</button>
        ${name ? html`<button type="button" class="btn btn-primary" @click=${() => this.chooseDoctor('any', this.language)}>${msg('First available doctor')}</button>` : nothing}
      </div>
    </div>`;
  }

  #calendarSkeleton() {
    return html`<div class="cal-skeleton skeleton-block" aria-hidden="true"></div>`;
  }

  #calendar(s: SlotsResponse, clinicZone: string, refreshing: boolean) {
    const locale = this.resolvedLocale;
    const w = this.window();
    const byDay = groupByDay(s.slots, this.zone);
    const available = new Set(byDay.keys());
    const firstDay = firstDayOfWeek(locale);
    const grid = monthGrid(this.month, { ...w, firstDay, available, today: this.today() });
    const focus = this.focusDay && monthOf(this.focusDay) === this.month ? this.focusDay : initialFocus(this.month, { ...w, available, selected: this.day });
    const weekday = (n: number, style: 'narrow' | 'short' | 'long') => formatKey(addDays('2023-01-01', n), locale, { weekday: style }); // 2023-01-01 was a Sunday
    const daySlots = this.day ? (byDay.get(this.day) ?? []) : [];
    return html`<div class="calendar" part="calendar" aria-busy=${refreshing ? 'true' : 'false'}>
        <div class="month-nav">
          <button type="button" class="btn" ?disabled=${!grid.canPrev} @click=${() => this.setMonth(addMonths(this.month, -1))} aria-label=${msg('Previous month')}><span aria-hidden="true" class="flip">‹</span></button>
          <h3 id="month-title" aria-live="polite">${formatKey(`${this.month}-01`, locale, { month: 'long', year: 'numeric' })}</h3>
          <button type="button" class="btn" ?disabled=${!grid.canNext} @click=${() => this.setMonth(addMonths(this.month, 1))} aria-label=${msg('Next month')}><span aria-hidden="true" class="flip">›</span></button>
        </div>
        <table role="grid" aria-labelledby="month-title" class="grid">
          <thead class=${grid.columns.some((d) => weekday(d, 'short').length > 3) ? 'long-wd' : ''}><tr>${grid.columns.map(
            (d) => html`<th scope="col" abbr=${weekday(d, 'long')}><span class="wd-s">${weekday(d, 'short')}</span><span class="wd-n" aria-hidden="true">${weekday(d, 'narrow')}</span></th>`,
          )}</tr></thead>
          <tbody>
            ${grid.weeks.map(
              (week) => html`<tr>
                ${week.map((d) => {
                  if (!d.inMonth) return html`<td class="out"></td>`;
                  const n = byDay.get(d.key)?.length ?? 0;
                  const what = d.available ? msg(str`times available: ${n}`) : d.inWindow ? msg('no times available') : msg('not bookable');
                  // Joined as the language joins them (Arabic: "،").
                  const label = msg(str`${formatKey(d.key, locale)}, ${what}`);
                  return html`<td
                    data-day=${d.key}
                    tabindex=${d.key === focus ? 0 : -1}
                    aria-selected=${d.key === this.day ? 'true' : 'false'}
                    aria-disabled=${d.available ? 'false' : 'true'}
                    aria-current=${d.today ? 'date' : nothing}
                    class=${`day${d.available ? ' avail' : ''}${d.key === this.day ? ' sel' : ''}${d.today ? ' today' : ''}`}
                    @click=${() => d.available && this.selectDay(d.key)}
                    @keydown=${(e: KeyboardEvent) => this.#gridKey(e, d.key)}
                    @focus=${() => ((this.focusDay = d.key), (this.#gridFocused = true))}
                    @blur=${() => (this.#gridFocused = false)}
                  ><span aria-hidden="true">${formatKey(d.key, locale, { day: 'numeric' })}</span><span class="visually-hidden">${label}</span></td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
        ${available.size ? nothing : html`<p class="hint" role="status">${msg('No free times this month. Try the next month.')}</p>`}
        <p class="visually-hidden" role="status" id="grid-note">${this.#gridNote}</p>
      </div>
      <div class="slots" part="slots">
        <h3 id="slots-title" tabindex="-1">${this.day ? formatKey(this.day, locale) : msg('Choose a day to see its times')}</h3>
        ${this.day
          ? daySlots.length
            ? html`<p class="hint">${msg(str`Clinic time (${isolate(cityOf(clinicZone))}) in grey.`)}</p>
                <ul class="slot-list" role="list">
                  ${labelDay(daySlots, this.zone, clinicZone, locale).map(
                    (l) => html`<li>
                      <button type="button" class="slot" data-start=${l.slot.start} aria-pressed=${this.chosen?.start === l.slot.start ? 'true' : 'false'} @click=${() => void this.selectSlot(l.slot)}>
                        <span class="t">${l.patient}${l.patientOffset ? html` <small>${l.patientOffset}</small>` : nothing}</span>
                        <span class="c">${msg(str`clinic ${l.clinic}`)}${l.clinicDayShift ? html` <small>(${l.clinicDayShift > 0 ? msg('next day') : msg('previous day')})</small>` : nothing}</span>
                      </button>
                    </li>`,
                  )}
                </ul>`
            : html`<p class="hint" role="status">${msg('No free times on this day.')}</p>`
          : nothing}
      </div>`;
  }
}

/** The sessionStorage key of the bookings (`booking`) or reschedules (`booking-move`) this tab still has to send. */
export const submitKey = (kind: 'booking' | 'booking-move', clinic: string) => `prm-submit:${kind}:${clinic}`;

/** Whether this tab keeps a booking or reschedule of `clinic` not yet sent (a reload while it was pending). */
function hasPending(clinic: string): boolean {
  try {
    return !!(sessionStorage.getItem(submitKey('booking', clinic)) || sessionStorage.getItem(submitKey('booking-move', clinic)));
  } catch {
    return false; // storage disabled: nothing can have been kept
  }
}

const namesCache = new Map<string, Intl.DisplayNames>();
/** Language names in the widget's locale ("Deutsch", "Allemand"). */
export function langNames(locale: string): Intl.DisplayNames {
  let n = namesCache.get(locale);
  if (!n) namesCache.set(locale, (n = new Intl.DisplayNames(locale, { type: 'language' })));
  return n;
}
