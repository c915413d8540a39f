/**
 * The details form, the confirmation and the manage view of `<prm-booking-scheduler>`: loaded
 * when the patient picks a time (or opens a manage link), so the calendar itself stays small.
 * The form is built on the shared form layer (`core/form`); bookings and reschedules go through
 * the submission queue, each with its own Idempotency-Key.
 */
import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { attribution } from '../../core/attribution.js';
import { PrmApiError } from '../../core/api/errors.js';
import { apiBase } from '../../core/api/base.js';
import { errorMessage } from '../../core/states.js';
import { localized } from '../../core/i18n/localized.js';
import {
  FormController,
  SubmitQueue,
  consentField,
  consentRecord,
  contactFor,
  errorSummary,
  field,
  formStyles,
  honeypot,
  onInput,
  submitStatus,
  textField,
  type SubmitEntry,
} from '../../core/form/index.js';
import type { Booking, BookingResponse, BookingService, CreateBookingBody, CreateBookingResponse, Doctor, PatchBookingBody, Slot } from '../../core/contract/booking.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import { COUNTRIES, DETAILS_SPEC, bookingBody, emptyDetails, formOf, prefilled, videoLinkTiming, type Channel, type DetailsForm } from './details.js';
import { countdown, holdAnnouncement } from './hold.js';
import { httpUrl, manageUrl } from './urls.js';
import { formatWhen, groupByDay, slotLabels } from './zones.js';
import { zoneName } from './zone-name.js';
import { googleCalendarUrl, nearestAlternatives, outlookCalendarUrl, type Alternative } from './alternatives.js';
import { langNames, submitKey, type PrmBookingScheduler } from './booking-scheduler.js';
import { BookingResponseSchema, CreateBookingResponseSchema } from '../../generated/contract/booking.js';

export const detailsStyles = css`
  ${formStyles}
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
  .summary,
  .hold,
  .done-box {
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
    background: var(--_surface-variant);
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
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) * 1) calc(var(--_space) * 3);
    margin: 0;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** A reschedule (`patch`) or a cancel (no `patch`) as the queue keeps it: everything needed to send it again after a reload. */
export interface MoveBody {
  id: string;
  token: string;
  /** The start before the move (for `prm-booking-reschedule`). */
  from: string;
  patch?: PatchBookingBody;
}

type Client = NonNullable<PrmBookingScheduler['client']>;
const noClient = () => Promise.reject(new PrmApiError('network', 'No API client'));

const isFinal = (e: SubmitEntry<unknown, unknown>) => e.status === 'sent' || e.status === 'refused';

export class DetailsView {
  readonly form: FormController<DetailsForm>;
  conflicted = false;
  alternatives: Alternative<Slot>[] = [];
  result?: CreateBookingResponse;
  /** The contact channel of the confirmed booking (from what was sent, so a reload that resent it still knows). */
  channel?: string;
  /** Manage mode: the booking as loaded, and what happened to it. */
  managed?: Booking;
  manageError?: unknown;
  confirmCancel = false;
  /** `POST /v1/bookings`, each with its own Idempotency-Key. */
  readonly queue: SubmitQueue<CreateBookingBody, CreateBookingResponse>;
  /** `PATCH /v1/bookings/:id` (reschedule) and `DELETE` (cancel, idempotent by itself), in the order the patient asked. */
  readonly moves: SubmitQueue<MoveBody, BookingResponse>;

  constructor(private readonly host: PrmBookingScheduler) {
    const client = (): Client | undefined => host['client'];
    const clinic = () => host['config']?.clinic ?? '';
    this.form = new FormController<DetailsForm>(host, { initial: emptyDetails, fields: DETAILS_SPEC });
    this.queue = new SubmitQueue(host, {
      storageKey: () => submitKey('booking', clinic()),
      send: (body, key, signal) => client()?.post('bookings', body, CreateBookingResponseSchema, { idempotencyKey: key, signal }) ?? noClient(),
      onChange: (e) => this.#settled(e),
    });
    this.moves = new SubmitQueue(host, {
      storageKey: () => submitKey('booking-move', clinic()),
      send: (b, key, signal) => {
        const c = client();
        const path = `bookings/${encodeURIComponent(b.id)}`;
        const o = { idempotencyKey: key, signal, searchParams: { token: b.token } };
        return c ? (b.patch ? c.patch(path, b.patch, BookingResponseSchema, o) : c.delete(path, BookingResponseSchema, o)) : noClient();
      },
      onChange: (e) => this.#moved(e),
    });
    this.prefill(host.quote);
    if (host.step === 'manage') void this.loadManaged();
    else this.#restore();
  }

  /**
   * A booking this tab submitted before a reload and still has to send (the queue found it in
   * sessionStorage and is sending it with its key): the widget shows it as the patient left it —
   * service, doctor, time in their zone, the form — with its pending state, until it is confirmed
   * (or its time was taken: the usual conflict, alternatives and kept form).
   */
  #restore(): void {
    const b = this.queue.unsent[0]?.body;
    if (!b) return;
    this.host.restore(b);
    this.form.values = formOf(b);
  }

  get #locale() {
    return this.host.resolvedLocale;
  }

  /** Fills the empty contact fields with what the patient gave in the quote `reference` on this page (memory only). */
  prefill(reference: string | undefined): void {
    const c = contactFor(reference);
    if (!c) return;
    this.form.values = prefilled(this.form.values, c);
    this.host.requestUpdate();
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
      this.channel = e.body.preferredChannel;
      const b = e.result.booking;
      h.hold = undefined;
      h.refreshSlots();
      h.step = 'done';
      h.focusHeading('done-title');
      h.emitEvent('prm-booking-success', { id: b.id, reference: b.reference, start: b.start, patientTimeZone: b.patientTimeZone, clinicTimeZone: b.timeZone, kind: b.kind });
    } else if (e.status === 'refused') this.#refused(e, e.body.start);
    else if (e.status === 'pending-offline' && e.error) h.reportError(e.error);
  }

  /** A refused booking or move: a taken slot offers alternatives; field errors go on the fields; the rest is shown by `submitStatus`. */
  #refused(e: SubmitEntry<unknown, unknown>, start: string): void {
    const err = e.error;
    if (err instanceof PrmApiError && err.code === 'slot_taken') {
      if ((e.body as MoveBody).token) this.moves.forget(e as SubmitEntry<MoveBody, BookingResponse>);
      else this.queue.forget(e as SubmitEntry<CreateBookingBody, CreateBookingResponse>);
      void this.conflict(start);
      return;
    }
    if (err instanceof PrmApiError) this.form.serverErrors(err.fields);
    this.host.reportError(err);
  }

  #moved(e: SubmitEntry<MoveBody, BookingResponse>): void {
    const h = this.host;
    if (e.status === 'sent' && e.result) {
      const b = e.result.booking;
      if (e.body.patch) h.emitEvent('prm-booking-reschedule', { id: b.id, from: e.body.from, to: b.start });
      else h.emitEvent('prm-booking-cancel', { id: b.id });
      this.confirmCancel = false;
      this.managed = b;
      h.rescheduling = undefined;
      h.hold = undefined;
      h.refreshSlots();
      h.step = 'manage';
      h.focusHeading('manage-title');
    } else if (e.status === 'refused') {
      if (e.body.patch) this.#refused(e, e.body.patch.start);
      else {
        this.manageError = e.error;
        h.reportError(e.error);
      }
    }
    else if (e.status === 'pending-offline' && e.error) h.reportError(e.error);
  }

  /** Someone else took `start`: say so, keep the form, reload the times and offer the nearest. */
  async conflict(start: string): Promise<void> {
    const h = this.host;
    this.conflicted = true;
    h.hold = undefined;
    h.refreshSlots();
    h.requestUpdate();
    await h.slots.task.taskComplete.catch(() => undefined);
    const slots = (await h.slotsAround(start)) ?? h.slots.value?.slots ?? [];
    this.alternatives = nearestAlternatives(slots, start, h.doctorId, 3);
    h.emitEvent('prm-booking-conflict', { start, alternatives: this.alternatives.map((a) => a.slot.start) });
    h.requestUpdate();
    void h.updateComplete.then(() => h.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus());
  }

  /** Books the alternative with its own doctor (another doctor's time is held and booked with them). */
  async #pickAlternative(a: Alternative<Slot>): Promise<void> {
    this.conflicted = false;
    this.alternatives = [];
    this.host.doctorId = a.doctor;
    await this.host.selectSlot(a.slot);
  }

  /** An alternative as the main list shows a time: the patient's, the clinic's beside it, and the doctor when it is another one. */
  #alternative(a: Alternative<Slot>, clinicZone: string, doctors: readonly Doctor[]) {
    const h = this.host;
    const l = slotLabels(a.slot.start, h.zone, clinicZone, this.#locale);
    const other = a.doctor !== h.doctorId && a.doctor !== 'any' ? doctors.find((d) => d.id === a.doctor)?.name : undefined;
    return html`<li>
      <button type="button" class="slot" data-start=${a.slot.start} data-doctor=${a.doctor} @click=${() => void this.#pickAlternative(a)}>
        <span class="t">${this.#when(a.slot.start, h.zone)}</span>
        <span class="c">${msg(str`clinic ${l.clinic}`)}${l.clinicDayShift ? html` <small>(${l.clinicDayShift > 0 ? msg('next day') : msg('previous day')})</small>` : nothing}</span>
        ${other ? html`<span class="c">${msg(str`with ${other}`)}</span>` : nothing}
      </button>
    </li>`;
  }

  #submit(e: Event, c: { config: ClinicConfig }): void {
    e.preventDefault();
    const h = this.host;
    const slot = h.chosen;
    const form = this.form;
    if (!slot || this.queue.unsent.length) return;
    if (!form.validate() || form.isBot) return;
    this.conflicted = false;
    const body = bookingBody({
      service: h.serviceId,
      doctor: h.doctorId,
      language: h.anyLanguage(),
      start: slot.start,
      form: form.values,
      timeZone: h.zone,
      locale: this.#locale,
      consentVersion: consentRecord(c.config.consent).version,
      session: h.session,
      quoteReference: h.quote,
      attribution: attribution(h.agent),
      page: location.href,
    });
    const entry = this.queue.submit(body);
    h.emitEvent('prm-booking-submit', { service: body.service, doctor: body.doctor, start: body.start, idempotencyKey: entry.key });
  }

  #reschedule(slot: Slot): void {
    const h = this.host;
    const r = h.rescheduling;
    if (!r || this.moves.unsent.length) return;
    this.conflicted = false;
    this.moves.submit({ id: r.booking.id, token: r.token, from: r.booking.start, patch: { start: slot.start, doctor: h.doctorId, session: h.session, timeZone: h.zone } });
  }

  /** Cancels through the queue: kept in this tab and sent again (same key) when the connection is back. */
  #cancel(): void {
    const h = this.host;
    const b = this.managed;
    if (!b || !h.token || this.moves.unsent.length) return;
    this.manageError = undefined;
    this.moves.submit({ id: b.id, token: h.token, from: b.start });
  }

  render(c: { config: ClinicConfig; services: BookingService[]; doctors: Doctor[] }): unknown {
    const h = this.host;
    if (h.step === 'done' && this.result) return this.#done(c, this.result.booking, this.result);
    if (h.step === 'manage') return this.#manage(c);
    return this.#details(c);
  }

  /** "Tuesday, March 3, 2026 at 9:30 AM" in `zone`, joined as the locale joins them (a Latin comma read wrong in Arabic). */
  #when(start: string, zone: string): string {
    return formatWhen(start, zone, this.#locale);
  }

  /** Both zones by the name a patient reads in their language ("توقيت الخليج"), never the IANA id (which stays in data and events). */
  #twoZones(start: string, patientZone: string, clinicZone: string) {
    const name = (z: string) => zoneName(z, this.#locale, Date.parse(start));
    return html`<dl>
      <dt>${msg('Your time')}</dt>
      <dd><strong>${this.#when(start, patientZone)}</strong> (<bdi>${name(patientZone)}</bdi>)</dd>
      <dt>${msg('Clinic time')}</dt>
      <dd>${this.#when(start, clinicZone)} (<bdi>${name(clinicZone)}</bdi>)</dd>
    </dl>`;
  }

  /** The hold: a visible countdown, and a polite announcement only when it crosses a milestone (never every second). */
  #hold() {
    const h = this.host;
    const left = h.hold ? Date.parse(h.hold.expiresAt) - h.tick : 0;
    const say = h.hold ? holdAnnouncement(left) : undefined;
    const ended = msg('The hold on this time has ended; it may still be free, you can still book it.');
    return html`<div class="hold" part="hold">
      <p>
        ${h.hold && left > 0
          ? html`${msg('We are holding this time for you for')} <strong>${countdown(left)}</strong>`
          : h.hold
            ? ended
            : msg('We could not hold this time; you can still book it.')}
      </p>
      <p class="visually-hidden" role="status" id="hold-status">${say === undefined
        ? ''
        : say === 'held'
          ? msg('This time is held for you while you fill in the form.')
          : say === 'ended'
            ? ended
            : say === 1
              ? msg('Less than a minute left on your hold.')
              : say === 2
                ? msg('Two minutes left on your hold.')
                : msg('Five minutes left on your hold.')}</p>
    </div>`;
  }

  #details(c: { config: ClinicConfig; services: BookingService[]; doctors: Doctor[] }) {
    const h = this.host;
    const slot = h.chosen;
    const locale = this.#locale;
    const form = this.form;
    const f = form.values;
    const region = new Intl.DisplayNames(locale, { type: 'region' });
    const names = langNames(locale);
    const entry = this.queue.last;
    const busy = entry?.status === 'sending' || entry?.status === 'pending-offline';
    const moving = this.moves.last;
    const channels: [Channel, string][] = [
      ['email', msg('Email')],
      ['whatsapp', 'WhatsApp'],
      ['phone', msg('Phone call')],
    ];
    const countries = COUNTRIES.includes(f.country) || !f.country ? COUNTRIES : [...COUNTRIES, f.country];
    return html`<section class="step" aria-labelledby="details-title">
      ${busy || (moving && !isFinal(moving)) ? nothing : html`<button type="button" class="btn link-btn" @click=${() => h.back('date')}>${msg('Back')}</button>`}
      <h2 id="details-title" class="title" tabindex="-1">${h.rescheduling ? msg('Confirm the new time') : msg('Your details')}</h2>
      ${slot
        ? html`<div class="summary">
            <p id="what">${c.services.find((s) => s.id === h.serviceId)?.name ?? ''} · <bdi>${h.doctorId === 'any' ? msg('First available doctor') : (c.doctors.find((d) => d.id === h.doctorId)?.name ?? '')}</bdi></p>
            ${this.#twoZones(slot.start, h.zone, c.config.timeZone)}
          </div>`
        : nothing}
      ${slot && !h.rescheduling && !this.conflicted && (h.hold || !busy) ? this.#hold() : nothing}
      ${this.conflicted
        ? html`<div class="notice" role="alert" part="alternatives">
            <h3 id="conflict-title" tabindex="-1">${msg('Sorry, someone has just booked this time.')}</h3>
            <p>${msg('Everything you typed is kept. Choose another time:')}</p>
            ${this.alternatives.length
              ? html`<ul class="slot-list" role="list">
                  ${this.alternatives.map((a) => this.#alternative(a, c.config.timeZone, c.doctors))}
                </ul>`
              : html`<p>${msg('No other times are free nearby; go back to the calendar.')}</p>`}
          </div>`
        : nothing}
      ${h.rescheduling
        ? html`${submitStatus(moving, { locale, retry: () => this.moves.retry() })}
            <button class="btn btn-primary" type="button" ?disabled=${!!this.moves.unsent.length || this.conflicted} @click=${() => h.chosen && this.#reschedule(h.chosen)}>${msg('Move my booking to this time')}</button>`
        : html`<form class="form" part="form" novalidate @submit=${(e: Event) => this.#submit(e, c)}>
            ${h.quote ? html`<p class="hint">${msg(str`Following up on your quote ${h.quote}.`)}</p>` : nothing}
            ${errorSummary(form)}
            <div class="grid">
              ${textField(form, 'name', { label: msg('Full name'), locale })} ${textField(form, 'email', { label: msg('Email'), locale })}
              ${textField(form, 'phone', { label: msg('Phone with country code'), locale, placeholder: '+44 20 7946 0958' })}
              ${field(
                form,
                'country',
                { label: msg('Country you live in'), locale },
                (a) => html`<select id=${a.id} class="input" autocomplete="country" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} @change=${onInput(form, 'country')}>
                  <option value="" ?selected=${!f.country}>${msg('Choose…')}</option>
                  ${countries
                    .map((code) => [code, region.of(code) ?? code] as const)
                    .sort((x, y) => x[1].localeCompare(y[1], locale))
                    .map(([code, name]) => html`<option value=${code} ?selected=${f.country === code}>${name}</option>`)}
                </select>`,
              )}
              <fieldset class="wide">
                <legend>${msg('How should we contact you?')}</legend>
                <div class="pills">
                  ${channels.map(([v, label]) => html`<label class="pill"><input type="radio" name="channel" .value=${v} .checked=${f.channel === v} @change=${onInput(form, 'channel')} /><span>${label}</span></label>`)}
                </div>
              </fieldset>
              ${field(
                form,
                'interpreter',
                { label: msg('Interpreter'), locale },
                (a) => html`<select id=${a.id} class="input" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} @change=${onInput(form, 'interpreter')}>
                  <option value="" ?selected=${!f.interpreter}>${msg('No interpreter needed')}</option>
                  ${c.config.locales.map((l) => html`<option value=${l} ?selected=${f.interpreter === l}>${names.of(l) ?? l}</option>`)}
                </select>`,
              )}
              <div class="wide">${textField(form, 'notes', { label: msg('Anything the doctor should know (optional)'), locale, rows: 3 })}</div>
              <div class="wide">${consentField(form, 'consent', { text: localized(c.config.consent.text, locale, c.config.defaultLocale), privacyUrl: c.config.privacyUrl, locale })}</div>
            </div>
            ${honeypot(form)} ${submitStatus(entry, { locale, retry: () => this.queue.retry() })}
            <button class="btn btn-primary" type="submit" ?disabled=${busy || this.conflicted}>${entry?.status === 'sending' ? msg('Booking…') : msg('Book this time')}</button>
          </form>`}
    </section>`;
  }

  #done(c: { config: ClinicConfig; services: BookingService[] }, b: Booking, r: CreateBookingResponse) {
    const h = this.host;
    const service = c.services.find((s) => s.id === b.service);
    const base = apiBase(h['config']?.api ?? location.origin);
    // The clinic's name in the patient's language when it has one (its Arabic name in Arabic).
    const name = c.config.names?.[this.#locale] ?? c.config.name;
    const title = `${service?.name ?? ''} – ${b.doctor.name}, ${name}`;
    const icsHref = httpUrl(r.links.ics.replace(/^\/v1\//, ''), base);
    const manage = manageUrl(location.href, b.id, r.manageToken);
    // Google's and Outlook's event carry the manage link too, as the .ics does.
    const ev = { title, start: b.start, end: b.end, details: `${msg(str`Booking reference ${b.reference}`)}\n${msg('Change or cancel this booking')}\n${manage}`, location: b.kind === 'in-person' ? (c.config.address ?? name) : msg('Video call') };
    return html`<section class="step" part="success" aria-labelledby="done-title">
      <h2 id="done-title" class="title done-title" tabindex="-1">${msg('Your consultation is booked')}</h2>
      <p>${msg(str`Reference ${b.reference}`)} · <bdi>${b.doctor.name}</bdi></p>
      <div class="done-box">${this.#twoZones(b.start, b.patientTimeZone, b.timeZone)}</div>
      <h3>${msg('What happens next')}</h3>
      <p>${b.kind === 'in-person' ? msg(str`Come to ${c.config.address ?? name}.`) : this.#videoLink(b.start)}</p>
      ${service?.prepare?.length ? html`<h3>${msg('What to prepare')}</h3><ul>${service.prepare.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      <div class="links">
        ${icsHref ? html`<a href=${icsHref} download>${msg('Add to calendar (.ics)')}</a>` : nothing}
        <a href=${googleCalendarUrl(ev)} target="_blank" rel="noopener noreferrer">Google Calendar</a>
        <a href=${outlookCalendarUrl(ev)} target="_blank" rel="noopener noreferrer">Outlook</a>
        <a href=${manage}>${msg('Change or cancel this booking')}</a>
      </div>
    </section>`;
  }

  /** How and when the video link arrives: by the channel the patient chose, and never "24 hours before" when less than a day is left. */
  #videoLink(start: string): string {
    const soon = videoLinkTiming(start, Date.now()) === 'soon';
    switch (this.channel) {
      case 'email':
        return soon ? msg('The video link arrives by email before the consultation.') : msg('The video link arrives by email 24 hours before the consultation.');
      case 'whatsapp':
        return soon ? msg('The video link arrives on WhatsApp before the consultation.') : msg('The video link arrives on WhatsApp 24 hours before the consultation.');
      default:
        return soon ? msg('The clinic sends you the video link before the consultation.') : msg('The clinic sends you the video link 24 hours before the consultation.');
    }
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
      <div class="done-box">${this.#twoZones(b.start, h.zone || b.patientTimeZone, b.timeZone)}</div>
      ${b.status === 'cancelled'
        ? html`<p class="notice" role="status">${msg('This booking is cancelled.')}</p>`
        : past
          ? html`<p class="notice" role="status">${msg('This consultation has already taken place, so it can no longer be moved or cancelled. To see a doctor again, book a new consultation.')}</p>`
          : nothing}
      ${this.manageError ? html`<p class="notice" role="alert">${errorMessage(this.manageError).text}</p>` : nothing}
      ${submitStatus(this.moves.last, { locale: this.#locale, retry: () => this.moves.retry() })}
      <div class="links">
        ${h.token
          ? html`<a href=${new URL(`bookings/${b.id}/ics?token=${encodeURIComponent(h.token)}&clinic=${encodeURIComponent(h['config']?.clinic ?? '')}`, apiBase(h['config']?.api ?? location.origin)).href} download
              >${b.status === 'cancelled' ? msg('Remove from your calendar (.ics)') : msg('Add to calendar (.ics)')}</a
            >`
          : nothing}
      </div>
      ${b.status === 'confirmed' && !past
        ? html`<div class="actions">
            <button type="button" class="btn" ?disabled=${!!this.moves.unsent.length} @click=${() => this.#startReschedule(b)}>${msg('Choose another time')}</button>
            ${this.confirmCancel
              ? html`<p>${msg('Cancel this consultation?')}</p>
                  <button type="button" class="btn btn-primary" ?disabled=${!!this.moves.unsent.length} @click=${() => this.#cancel()}>${msg('Yes, cancel it')}</button>
                  <button type="button" class="btn" @click=${() => ((this.confirmCancel = false), h.requestUpdate())}>${msg('No, keep it')}</button>`
              : html`<button type="button" class="btn" @click=${() => ((this.confirmCancel = true), h.requestUpdate())}>${msg('Cancel booking')}</button>`}
          </div>`
        : html`<div class="actions"><button type="button" class="btn btn-primary" @click=${() => h.startNew()}>${msg('Book a new consultation')}</button></div>`}
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
