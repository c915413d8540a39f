/**
 * The details form, the confirmation and the manage view of `<prm-booking-scheduler>`: loaded
 * when the patient picks a time (or opens a manage link), so the calendar itself stays small.
 */
import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { attribution } from '../../core/attribution.js';
import { PrmApiError } from '../../core/api/errors.js';
import { apiBase } from '../../core/api/base.js';
import { errorMessage } from '../../core/states.js';
import { SubmitQueue, type SubmitEntry } from '../../core/submit/queue.js';
import type { Attribution } from '../../core/contract/common.js';
import {
  BookingResponseSchema,
  CreateBookingResponseSchema,
  type Booking,
  type BookingService,
  type CreateBookingBody,
  type CreateBookingResponse,
  type Slot,
} from '../../core/contract/booking.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import { COUNTRIES, DETAILS_FIELDS, NOTES_MAX, bookingBody, countdown, httpUrl, manageUrl, serverErrors, validateDetails, type DetailsErrors, type DetailsField, type DetailsForm, type Problem } from './details.js';
import { formatDay, formatTime, groupByDay } from './zones.js';
import { googleCalendarUrl, nearestAlternatives, outlookCalendarUrl, type Alternative } from './alternatives.js';
import { langNames, type PrmBookingScheduler } from './booking-scheduler.js';

export const detailsStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  .form .grid {
    display: grid;
    gap: calc(var(--_space) * 4);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-inline-size: 40em) {
    .form .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .form .wide {
      grid-column: 1 / -1;
    }
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    font-size: 0.9em;
  }
  .summary,
  .hold,
  .done-box {
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
    background: var(--_surface-variant);
  }
  .check {
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
  }
  .check input {
    inline-size: 1.5em;
    block-size: 1.5em;
    flex: none;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .links a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    color: var(--_primary);
    font-weight: 600;
  }
  .done-title {
    color: var(--_success);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 1) calc(var(--_space) * 3);
    margin: 0;
  }
  dd {
    margin: 0;
  }
`;

type Status = 'idle' | 'conflict' | 'error';

/** `POST /v1/bookings` with the queue entry's Idempotency-Key. */
function send(host: PrmBookingScheduler, body: CreateBookingBody, key: string, signal: AbortSignal): Promise<CreateBookingResponse> {
  const client = host['client'];
  if (!client) return Promise.reject(new PrmApiError('network', 'No API client'));
  return client.post('bookings', body, CreateBookingResponseSchema, { idempotencyKey: key, signal });
}

export class DetailsView {
  errors: DetailsErrors = {};
  status: Status = 'idle';
  alternatives: Alternative<Slot>[] = [];
  error?: unknown;
  result?: CreateBookingResponse;
  /** Manage mode: the booking as loaded, and what happened to it. */
  managed?: Booking;
  manageError?: unknown;
  confirmCancel = false;
  busy = false;
  readonly queue: SubmitQueue<CreateBookingBody, CreateBookingResponse>;

  constructor(private readonly host: PrmBookingScheduler) {
    this.queue = new SubmitQueue(host, {
      storageKey: () => `prm-submit:booking:${host['config']?.clinic ?? ''}`,
      send: (body, key, signal) => send(host, body, key, signal),
      onChange: (e) => this.#settled(e),
    });
    if (host.step === 'manage') void this.loadManaged();
  }

  get #locale() {
    return this.host.resolvedLocale;
  }

  async loadManaged(): Promise<void> {
    const h = this.host;
    const client = h['client'];
    if (!client || !h.booking || !h.token) return;
    this.manageError = undefined;
    try {
      const r = await client.get(`bookings/${encodeURIComponent(h.booking)}`, BookingResponseSchema, { searchParams: { token: h.token } });
      this.managed = r.booking;
      h.serviceId = r.booking.service;
      h.doctorId = r.booking.doctor.id;
    } catch (err) {
      this.manageError = err;
      h.reportError(err);
    }
    h.requestUpdate();
  }

  #settled(e: SubmitEntry<CreateBookingBody, CreateBookingResponse>): void {
    const h = this.host;
    if (e.status === 'sent' && e.result) {
      this.result = e.result;
      const b = e.result.booking;
      h.hold = undefined;
      h.refreshSlots();
      h.step = 'done';
      h.focusHeading('done-title');
      h.emitEvent('prm-booking-success', { id: b.id, reference: b.reference, start: b.start, patientTimeZone: b.patientTimeZone, clinicTimeZone: b.timeZone, kind: b.kind });
    } else if (e.status === 'refused') {
      const err = e.error;
      if (err instanceof PrmApiError && err.code === 'slot_taken') void this.conflict(e.body.start);
      else {
        this.status = 'error';
        this.error = err;
        if (err instanceof PrmApiError) this.errors = serverErrors(err.fields);
        h.reportError(err);
      }
      this.queue.forget(e);
    }
  }

  /** Someone else took `start`: say so, keep the form, reload the times and offer the nearest. */
  async conflict(start: string): Promise<void> {
    const h = this.host;
    this.status = 'conflict';
    h.hold = undefined;
    h.refreshSlots();
    h.requestUpdate();
    await h.slots.task.taskComplete.catch(() => undefined);
    const slots = h.slots.value?.slots ?? [];
    this.alternatives = nearestAlternatives(slots, start, h.doctorId, 3);
    h.emitEvent('prm-booking-conflict', { start, alternatives: this.alternatives.map((a) => a.slot.start) });
    h.requestUpdate();
    void h.updateComplete.then(() => h.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus());
  }

  async #pickAlternative(a: Alternative<Slot>): Promise<void> {
    this.status = 'idle';
    this.alternatives = [];
    await this.host.selectSlot(a.slot);
  }

  #set<K extends keyof DetailsForm>(k: K, v: DetailsForm[K]): void {
    this.host.form = { ...this.host.form, [k]: v };
    if (this.errors[k as DetailsField]) this.errors = { ...this.errors, [k]: undefined };
  }

  #submit(e: Event, c: { config: ClinicConfig }): void {
    e.preventDefault();
    const h = this.host;
    const slot = h.chosen;
    if (!slot || this.queue.unsent.length) return;
    this.errors = validateDetails(h.form);
    const first = DETAILS_FIELDS.find((f) => this.errors[f]);
    if (first) {
      h.requestUpdate();
      void h.updateComplete.then(() => h.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus());
      return;
    }
    if (h.rescheduling) {
      void this.#reschedule(slot);
      return;
    }
    this.status = 'idle';
    const attr: Attribution = attribution(h.agent);
    const body = bookingBody({
      service: h.serviceId,
      doctor: h.doctorId,
      start: slot.start,
      form: h.form,
      timeZone: h.zone,
      locale: this.#locale,
      consentVersion: c.config.consent.version,
      session: h.session,
      quoteReference: h.quote,
      attribution: attr,
    });
    const entry = this.queue.submit(body);
    h.emitEvent('prm-booking-submit', { service: body.service, doctor: body.doctor, start: body.start, idempotencyKey: entry.key });
  }

  async #reschedule(slot: Slot): Promise<void> {
    const h = this.host;
    const r = h.rescheduling!;
    const client = h['client'];
    if (!client) return;
    this.busy = true;
    h.requestUpdate();
    try {
      const res = await client.patch(`bookings/${encodeURIComponent(r.booking.id)}`, { start: slot.start, doctor: h.doctorId, session: h.session }, BookingResponseSchema, { searchParams: { token: r.token } });
      h.emitEvent('prm-booking-reschedule', { id: r.booking.id, from: r.booking.start, to: res.booking.start });
      this.managed = res.booking;
      h.rescheduling = undefined;
      h.hold = undefined;
      h.refreshSlots();
      h.step = 'manage';
      h.focusHeading('manage-title');
    } catch (err) {
      if (err instanceof PrmApiError && err.code === 'slot_taken') await this.conflict(slot.start);
      else {
        this.status = 'error';
        this.error = err;
        h.reportError(err);
      }
    } finally {
      this.busy = false;
      h.requestUpdate();
    }
  }

  async #cancel(): Promise<void> {
    const h = this.host;
    const b = this.managed;
    const client = h['client'];
    if (!b || !client || !h.token) return;
    this.busy = true;
    h.requestUpdate();
    try {
      const r = await client.delete(`bookings/${encodeURIComponent(b.id)}`, BookingResponseSchema, { searchParams: { token: h.token } });
      this.managed = r.booking;
      this.confirmCancel = false;
      h.emitEvent('prm-booking-cancel', { id: b.id });
      h.focusHeading('manage-title');
    } catch (err) {
      this.manageError = err;
      h.reportError(err);
    } finally {
      this.busy = false;
      h.requestUpdate();
    }
  }

  render(c: { config: ClinicConfig; services: BookingService[] }): unknown {
    const h = this.host;
    if (h.step === 'done' && this.result) return this.#done(c, this.result.booking, this.result);
    if (h.step === 'manage') return this.#manage(c);
    return this.#details(c);
  }

  /** "Tuesday, 3 March 2026, 9:30 AM" in `zone`. */
  #when(start: string, zone: string): string {
    return `${formatDay(start, zone, this.#locale)}, ${formatTime(start, zone, this.#locale)}`;
  }

  #twoZones(start: string, patientZone: string, clinicZone: string) {
    return html`<dl>
      <dt>${msg('Your time')}</dt>
      <dd><strong>${this.#when(start, patientZone)}</strong> (${patientZone})</dd>
      <dt>${msg('Clinic time')}</dt>
      <dd>${this.#when(start, clinicZone)} (${clinicZone})</dd>
    </dl>`;
  }

  #problem(field: DetailsField, p: Problem | undefined) {
    if (!p) return nothing;
    const text =
      p === 'required'
        ? field === 'consent'
          ? msg('Please agree so the clinic can prepare your consultation.')
          : msg('This field is required.')
        : p === 'tooLong'
          ? msg('This is too long.')
          : field === 'email'
            ? msg('Enter an email address like name@example.com.')
            : field === 'phone'
              ? msg('Enter the number with its country code, e.g. +44 7700 900123.')
              : msg('Please check this field.');
    return html`<span class="error" id="e-${field}">${text}</span>`;
  }

  #field(field: 'name' | 'email' | 'phone', label: string, type: string, auto: string) {
    const h = this.host;
    const err = this.errors[field];
    return html`<label class="field">
      <span>${label}</span>
      <input id="f-${field}" class="input" type=${type} autocomplete=${auto} .value=${h.form[field]} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `e-${field}` : nothing} @input=${(e: Event) => this.#set(field, (e.target as HTMLInputElement).value)} ?required=${field !== 'phone'} dir=${field === 'name' ? 'auto' : 'ltr'} />
      ${this.#problem(field, err)}
    </label>`;
  }

  #details(c: { config: ClinicConfig; services: BookingService[] }) {
    const h = this.host;
    const slot = h.chosen;
    const locale = this.#locale;
    const f = h.form;
    const region = new Intl.DisplayNames(locale, { type: 'region' });
    const names = langNames(locale);
    const left = h.hold ? Date.parse(h.hold.expiresAt) - h.tick : 0;
    const entry = this.queue.last;
    const sending = entry?.status === 'sending';
    const pending = entry?.status === 'pending-offline';
    const consentText = c.config.consent.text[locale] ?? c.config.consent.text[locale.slice(0, 2)] ?? c.config.consent.text['default'] ?? '';
    return html`<section class="step" aria-labelledby="details-title">
      <button type="button" class="btn link-btn" @click=${() => h.back('date')}>${msg('Back')}</button>
      <h2 id="details-title" class="title" tabindex="-1">${h.rescheduling ? msg('Confirm the new time') : msg('Your details')}</h2>
      ${slot ? html`<div class="summary">${this.#twoZones(slot.start, h.zone, c.config.timeZone)}</div>` : nothing}
      ${slot && !h.rescheduling
        ? html`<p class="hold" part="hold">
            ${h.hold && left > 0
              ? html`${msg('We are holding this time for you for')} <strong>${countdown(left)}</strong>`
              : h.hold
                ? msg('The hold on this time has ended; it may still be free, you can still book it.')
                : msg('We could not hold this time; you can still book it.')}
            <span class="visually-hidden" role="status">${h.hold && left > 0 && left < 60_000 ? msg('Less than a minute left on your hold.') : ''}</span>
          </p>`
        : nothing}
      ${this.status === 'conflict'
        ? html`<div class="notice" role="alert" part="alternatives">
            <h3 id="conflict-title" tabindex="-1">${msg('Sorry, someone has just booked this time.')}</h3>
            <p>${msg('Everything you typed is kept. Choose another time:')}</p>
            ${this.alternatives.length
              ? html`<ul class="slot-list" role="list">
                  ${this.alternatives.map(
                    (a) => html`<li><button type="button" class="slot" @click=${() => void this.#pickAlternative(a)}>${this.#when(a.slot.start, h.zone)}${a.doctor === 'any' && h.doctorId !== 'any' ? html` <small>${msg('another doctor')}</small>` : nothing}</button></li>`,
                  )}
                </ul>`
              : html`<p>${msg('No other times are free nearby; go back to the calendar.')}</p>`}
          </div>`
        : nothing}
      ${this.status === 'error' ? html`<p class="notice" role="alert">${errorMessage(this.error).title}. ${errorMessage(this.error).text}</p>` : nothing}
      ${h.rescheduling
        ? html`<button class="btn btn-primary" type="button" ?disabled=${this.busy} @click=${() => h.chosen && void this.#reschedule(h.chosen)}>${msg('Move my booking to this time')}</button>`
        : html`<form class="form" part="form" novalidate @submit=${(e: Event) => this.#submit(e, c)}>
            ${h.quote ? html`<p class="hint">${msg(str`Following up on your quote ${h.quote}.`)}</p>` : nothing}
            <div class="grid">
              ${this.#field('name', msg('Full name'), 'text', 'name')} ${this.#field('email', msg('Email'), 'email', 'email')}
              ${this.#field('phone', msg('Phone with country code'), 'tel', 'tel')}
              <label class="field">
                <span>${msg('Country you live in')}</span>
                <select id="f-country" class="input" autocomplete="country" @change=${(e: Event) => this.#set('country', (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!f.country}>${msg('Choose…')}</option>
                  ${COUNTRIES.map((code) => [code, region.of(code) ?? code] as const)
                    .sort((a, b) => a[1].localeCompare(b[1], locale))
                    .map(([code, name]) => html`<option value=${code} ?selected=${f.country === code}>${name}</option>`)}
                </select>
              </label>
              <fieldset class="field wide">
                <legend>${msg('How should we contact you?')}</legend>
                ${(['email', 'whatsapp', 'phone'] as const).map(
                  (ch) => html`<label class="check"><input type="radio" name="channel" .checked=${f.channel === ch} @change=${() => this.#set('channel', ch)} />${ch === 'email' ? msg('Email') : ch === 'whatsapp' ? 'WhatsApp' : msg('Phone call')}</label>`,
                )}
              </fieldset>
              <label class="field">
                <span>${msg('Interpreter')}</span>
                <select id="f-interpreter" class="input" @change=${(e: Event) => this.#set('interpreter', (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!f.interpreter}>${msg('No interpreter needed')}</option>
                  ${c.config.locales.map((l) => html`<option value=${l} ?selected=${f.interpreter === l}>${names.of(l) ?? l}</option>`)}
                </select>
              </label>
              <label class="field wide">
                <span>${msg('Anything the doctor should know (optional)')}</span>
                <textarea id="f-notes" class="input" rows="3" maxlength=${NOTES_MAX} .value=${f.notes} aria-invalid=${this.errors.notes ? 'true' : 'false'} @input=${(e: Event) => this.#set('notes', (e.target as HTMLTextAreaElement).value)}></textarea>
                ${this.#problem('notes', this.errors.notes)}
              </label>
              <div class="field wide">
                <label class="check">
                  <input id="f-consent" type="checkbox" .checked=${f.consent} aria-invalid=${this.errors.consent ? 'true' : 'false'} aria-describedby=${this.errors.consent ? 'e-consent' : nothing} @change=${(e: Event) => this.#set('consent', (e.target as HTMLInputElement).checked)} />
                  <span>${consentText}</span>
                </label>
                ${this.#problem('consent', this.errors.consent)}
              </div>
            </div>
            ${pending
              ? html`<p class="notice" role="status">${msg('You seem to be offline. Your booking is saved in this tab and will be sent as soon as the connection is back.')}
                  <button type="button" class="btn" @click=${() => this.queue.retry()}>${msg('Try again now')}</button></p>`
              : nothing}
            <button class="btn btn-primary" type="submit" ?disabled=${sending || pending || this.status === 'conflict'}>${sending ? msg('Booking…') : msg('Book this time')}</button>
          </form>`}
    </section>`;
  }

  #done(c: { config: ClinicConfig; services: BookingService[] }, b: Booking, r: CreateBookingResponse) {
    const h = this.host;
    const service = c.services.find((s) => s.id === b.service);
    const base = apiBase(h['config']?.api ?? location.origin);
    const title = `${service?.name ?? ''} – ${b.doctor.name}, ${c.config.name}`;
    const icsHref = httpUrl(r.links.ics.replace(/^\/v1\//, ''), base);
    const ev = { title, start: b.start, end: b.end, details: msg(str`Booking reference ${b.reference}`), location: b.kind === 'in-person' ? (c.config.address ?? c.config.name) : msg('Video call') };
    return html`<section class="step" part="success" aria-labelledby="done-title">
      <h2 id="done-title" class="title done-title" tabindex="-1">${msg('Your consultation is booked')}</h2>
      <p>${msg(str`Reference ${b.reference}`)} · ${b.doctor.name}</p>
      <div class="done-box">${this.#twoZones(b.start, b.patientTimeZone, b.timeZone)}</div>
      <h3>${msg('What happens next')}</h3>
      <p>${b.kind === 'in-person' ? msg(str`Come to ${c.config.address ?? c.config.name}.`) : msg('The video link arrives by email 24 hours before the consultation.')}</p>
      ${service?.prepare?.length ? html`<ul>${service.prepare.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      <div class="links">
        ${icsHref ? html`<a href=${icsHref} download>${msg('Add to calendar (.ics)')}</a>` : nothing}
        <a href=${googleCalendarUrl(ev)} target="_blank" rel="noopener noreferrer">Google Calendar</a>
        <a href=${outlookCalendarUrl(ev)} target="_blank" rel="noopener noreferrer">Outlook</a>
        <a href=${manageUrl(location.href, b.id, r.manageToken)}>${msg('Change or cancel this booking')}</a>
      </div>
    </section>`;
  }

  #manage(c: { config: ClinicConfig; services: BookingService[] }) {
    const h = this.host;
    const b = this.managed;
    if (this.manageError && !b) {
      const m = errorMessage(this.manageError);
      return html`<div class="state state-error" part="error" role="alert"><p class="state-title">${m.title}</p><p class="state-text">${m.text}</p><button class="btn btn-primary" type="button" @click=${() => void this.loadManaged()}>${msg('Try again')}</button></div>`;
    }
    if (!b) return html`<div class="skeleton" part="loading" aria-busy="true"><span class="visually-hidden" role="status">${msg('Loading…')}</span><div class="skeleton-block"></div></div>`;
    const past = Date.parse(b.start) <= Date.now();
    const service = c.services.find((s) => s.id === b.service);
    return html`<section class="step" part="manage" aria-labelledby="manage-title">
      <h2 id="manage-title" class="title" tabindex="-1">${msg('Your booking')}</h2>
      <p>${service?.name ?? ''} · ${b.doctor.name} · ${msg(str`Reference ${b.reference}`)}</p>
      <div class="done-box">${this.#twoZones(b.start, b.patientTimeZone, b.timeZone)}</div>
      ${b.status === 'cancelled'
        ? html`<p class="notice" role="status">${msg('This booking is cancelled.')}</p>`
        : past
          ? html`<p class="notice" role="status">${msg('This consultation has already taken place.')}</p>`
          : nothing}
      ${this.manageError ? html`<p class="notice" role="alert">${errorMessage(this.manageError).text}</p>` : nothing}
      <div class="links">
        ${b.status === 'confirmed' && h.token
          ? html`<a href=${new URL(`bookings/${b.id}/ics?token=${encodeURIComponent(h.token)}&clinic=${encodeURIComponent(h['config']?.clinic ?? '')}`, apiBase(h['config']?.api ?? location.origin)).href} download>${msg('Add to calendar (.ics)')}</a>`
          : nothing}
      </div>
      ${b.status === 'confirmed'
        ? html`<div class="actions">
            <button type="button" class="btn" ?disabled=${this.busy} @click=${() => this.#startReschedule(b)}>${msg('Choose another time')}</button>
            ${past
              ? nothing
              : this.confirmCancel
                ? html`<p>${msg('Cancel this consultation?')}</p>
                    <button type="button" class="btn btn-primary" ?disabled=${this.busy} @click=${() => void this.#cancel()}>${msg('Yes, cancel it')}</button>
                    <button type="button" class="btn" @click=${() => ((this.confirmCancel = false), h.requestUpdate())}>${msg('No, keep it')}</button>`
                : html`<button type="button" class="btn" @click=${() => ((this.confirmCancel = true), h.requestUpdate())}>${msg('Cancel booking')}</button>`}
          </div>`
        : nothing}
    </section>`;
  }

  #startReschedule(b: Booking): void {
    const h = this.host;
    h.rescheduling = { booking: b, token: h.token! };
    h.serviceId = b.service;
    h.doctorId = b.doctor.id;
    h.month = groupByDay([b], h.zone).keys().next().value!.slice(0, 7);
    h.step = 'date';
    h.focusHeading('date-title');
  }
}
