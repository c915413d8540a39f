/**
 * The lead form and the confirmation of `<prm-quote-calculator>`. Loaded on demand (when the
 * patient asks for a personalised quote, or a pending submission is found), so the estimate
 * itself stays small.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { attribution } from '../../core/attribution.js';
import { PrmApiError } from '../../core/api/errors.js';
import { errorMessage } from '../../core/states.js';
import { formatDateTime, formatMoney } from '../../core/i18n/format.js';
import type { SubmitQueue } from '../../core/submit/queue.js';

// The queue travels with the form: the element creates it only once a quote is being asked for.
export { SubmitQueue } from '../../core/submit/queue.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import { QuoteResponseSchema, type CreateQuoteBody, type Estimate, type QuoteResponse, type QuoteSelection } from '../../core/contract/quotes.js';
import type { ApiClient } from '../../core/api/client.js';
import {
  LEAD_FIELDS,
  NOTES_MAX,
  buildQuoteBody,
  emptyLead,
  localized,
  serverFieldErrors,
  toContractAttribution,
  travelMonths,
  validateLead,
  whatsappLink,
  type Channel,
  type LeadErrors,
  type LeadField,
  type LeadForm,
  type LeadProblem,
} from './lead.js';
import { breakdown, money } from './estimate-view.js';
import type { QuoteSubmitDetail } from './quote-calculator.js';

/** `POST /v1/quotes` with the queue entry's Idempotency-Key; the answer is parsed with its contract schema. */
export function sendQuote(client: ApiClient | undefined, body: CreateQuoteBody, key: string, signal: AbortSignal): Promise<QuoteResponse> {
  if (!client) return Promise.reject(new PrmApiError('network', 'No API client'));
  return client.post('quotes', body, QuoteResponseSchema, { idempotencyKey: key, signal });
}

/** Styles of the form and the confirmation, adopted by the element when this module loads. */
export const leadStyles = css`
  textarea.input {
    resize: vertical;
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
  .lead,
  .done {
    display: grid;
    gap: calc(var(--_space) * 4);
    border-block-start: 1px solid var(--_outline-variant);
    padding-block-start: calc(var(--_space) * 5);
  }
  .lead .grid {
    display: grid;
    gap: calc(var(--_space) * 4);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-inline-size: 42rem) {
    .lead .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .lead .grid > .channel,
    .lead .grid > .field:has(textarea) {
      grid-column: 1 / -1;
    }
  }
  .link {
    color: var(--_primary);
    font-weight: 600;
    text-underline-offset: 2px;
    justify-self: start;
    min-block-size: 1.5rem;
    display: inline-flex;
    align-items: center;
  }
  .status {
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_outline);
    display: grid;
    gap: calc(var(--_space) * 2);
    justify-items: start;
  }
  .status.failed {
    border-color: var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
  }
  .final summary {
    cursor: pointer;
    min-block-size: 1.5rem;
    font-weight: 600;
    color: var(--_primary);
  }
  .final[open] summary {
    margin-block-end: calc(var(--_space) * 3);
  }
  .ref strong {
    font-size: 1.3em;
    letter-spacing: 0.04em;
  }
  .steps {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: calc(var(--_space) * 1);
  }
`;

/** What the view needs from the element (kept narrow so the element stays in charge). */
export interface LeadHost {
  readonly outbox: SubmitQueue<CreateQuoteBody, QuoteResponse>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  locale(): string;
  agent(): string | undefined;
  /** The current selection and its estimate, when a procedure is chosen. */
  quote(): { config: ClinicConfig; selection: QuoteSelection; estimate: Estimate; country?: string | undefined } | undefined;
  submitted(detail: QuoteSubmitDetail): void;
  /** Shows the selection of a submission restored from this tab's storage. */
  restore(body: CreateQuoteBody): void;
  book(): void;
  startOver(): void;
}

export class LeadView {
  lead: LeadForm = emptyLead();
  errors: LeadErrors = {};
  /** The honeypot was filled: we thanked a bot and sent nothing. */
  botThanked = false;

  constructor(private readonly host: LeadHost) {
    // A submission left pending in this tab (a reload while offline): show what was sent, so the
    // patient sees the same estimate and form rather than an empty one.
    const b = host.outbox.unsent[0]?.body;
    if (b) {
      host.restore(b);
      this.lead = {
        ...this.lead,
        name: b.contact.name,
        email: b.contact.email,
        phone: b.contact.phone ?? '',
        channel: b.preferredChannel,
        travelMonth: b.travelMonth ?? '',
        notes: b.notes ?? '',
        consent: true,
      };
    }
  }

  reset(): void {
    this.lead = emptyLead();
    this.errors = {};
    this.botThanked = false;
  }

  /** Field messages from a 400 answer: shown inline, focus on the first one. */
  serverErrors(fields: Record<string, string> | undefined): void {
    this.errors = serverFieldErrors(fields);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.#focusFirstError());
  }

  #input = (field: keyof LeadForm) => (e: Event) => {
    const t = e.target as HTMLInputElement;
    this.lead = { ...this.lead, [field]: t.type === 'checkbox' ? t.checked : t.value };
    if (field in this.errors) {
      // Re-check only that field once the patient fixes it; new errors wait for the next submit.
      const again = validateLead(this.lead)[field as LeadField];
      const errors = { ...this.errors };
      if (again) errors[field as LeadField] = again;
      else delete errors[field as LeadField];
      this.errors = errors;
    }
    this.host.requestUpdate();
  };

  #submit = async (e: Event) => {
    e.preventDefault();
    const q = this.host.quote();
    if (!q) return;
    this.errors = validateLead(this.lead);
    this.host.requestUpdate();
    if (Object.keys(this.errors).length) {
      await this.host.updateComplete;
      this.#focusFirstError();
      return;
    }
    if (this.lead.hp) {
      // A bot filled the field people never see: say thanks, send nothing.
      this.botThanked = true;
      this.host.requestUpdate();
      return;
    }
    const { estimate: est, selection } = q;
    const body = buildQuoteBody({
      selection,
      currency: est.currency,
      homeCountry: est.savings ? q.country : undefined,
      shownTotal: est.total,
      lead: this.lead,
      consentVersion: q.config.consent.version,
      locale: this.host.locale(),
      attribution: toContractAttribution(attribution(this.host.agent())),
    });
    const box = this.host.outbox;
    // One request per quote: a second click while it is on its way (or saved, waiting for the
    // network) sends the same entry again rather than a second request.
    if (box.unsent.length) return box.retry();
    const entry = box.submit(body);
    this.host.submitted({
      selection,
      currency: est.currency,
      total: est.total,
      totalMax: est.totalMax,
      channel: this.lead.channel,
      idempotencyKey: entry.key,
    });
    await entry.done;
  };

  #focusFirstError(): void {
    const first = LEAD_FIELDS.find((f) => this.errors[f]);
    if (first) (this.host.renderRoot as ShadowRoot).getElementById?.(`f-${first}`)?.focus();
  }

  #problem(field: LeadField, p: LeadProblem | undefined): string {
    if (!p) return '';
    if (field === 'consent') return msg('Please tick the box to let the clinic process your health data.');
    if (p === 'required') {
      if (field === 'name') return msg('Please enter your name.');
      if (field === 'email') return msg('Please enter your email address.');
      if (field === 'phone') return msg('Please enter a phone number, or choose email as the way to reach you.');
    }
    if (p === 'tooLong') return msg('This is too long.');
    if (field === 'email') return msg('Please enter an email address like name@example.com.');
    if (field === 'phone') return msg('Please enter the number with its country code, like +44 20 7946 0958.');
    return msg('Please check this field.');
  }

  #field(id: LeadField, label: string, control: (describedBy: string, invalid: 'true' | 'false') => TemplateResult, hint?: string): TemplateResult {
    const err = this.#problem(id, this.errors[id]);
    const ids = [hint ? `h-${id}` : '', err ? `e-${id}` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label class="label" for=${`f-${id}`}>${label}</label>
      ${hint ? html`<span class="hint" id=${`h-${id}`}>${hint}</span>` : nothing} ${control(ids, err ? 'true' : 'false')}
      ${err ? html`<span class="error" id=${`e-${id}`}>${err}</span>` : nothing}
    </div>`;
  }

  render(config: ClinicConfig, est: Estimate): TemplateResult {
    const locale = this.host.locale();
    const f = this.lead;
    const box = this.host.outbox;
    const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const errCount = Object.keys(this.errors).length;
    const channels: [Channel, string][] = [
      ['whatsapp', msg('WhatsApp')],
      ['email', msg('Email')],
      ['phone', msg('Phone call')],
    ];
    const sending = box.last?.status === 'sending';
    const input = this.#input;
    return html`<form class="lead" part="form" novalidate @submit=${this.#submit} aria-labelledby="lead-title">
      <h3 id="lead-title" tabindex="-1">${msg('Get my personalised quote')}</h3>
      <p class="sub">${reviewLine(formatMoney(est.total, est.currency, locale))}</p>
      ${errCount ? html`<p class="error" role="alert">${checkFields(errCount)}</p>` : nothing}
      <div class="grid">
        ${this.#field('name', msg('Full name'), (ids, inv) => html`<input id="f-name" class="input" name="name" autocomplete="name" .value=${f.name} aria-invalid=${inv} aria-describedby=${ids || nothing} @input=${input('name')} />`)}
        ${this.#field('email', msg('Email'), (ids, inv) => html`<input id="f-email" class="input" name="email" type="email" autocomplete="email" dir="ltr" .value=${f.email} aria-invalid=${inv} aria-describedby=${ids || nothing} @input=${input('email')} />`)}
        ${this.#field(
          'phone',
          msg('Phone (with country code)'),
          (ids, inv) => html`<input id="f-phone" class="input" name="phone" type="tel" autocomplete="tel" dir="ltr" placeholder="+44 20 7946 0958" .value=${f.phone} aria-invalid=${inv} aria-describedby=${ids || nothing} @input=${input('phone')} />`,
        )}
        <fieldset class="channel">
          <legend>${msg('How should we contact you?')}</legend>
          <div class="pills">
            ${channels.map(([v, label]) => html`<label class="pill"><input type="radio" name="channel" .value=${v} .checked=${f.channel === v} @change=${input('channel')} /><span>${label}</span></label>`)}
          </div>
        </fieldset>
        ${this.#field(
          'travelMonth',
          msg('When would you like to travel?'),
          (ids) => html`<select id="f-travelMonth" class="input" name="travelMonth" aria-describedby=${ids || nothing} @change=${input('travelMonth')}>
            <option value="" ?selected=${!f.travelMonth}>${msg('Not sure yet')}</option>
            ${travelMonths(new Date()).map((m) => html`<option .value=${m} ?selected=${f.travelMonth === m}>${monthFmt.format(new Date(`${m}-01T00:00:00Z`))}</option>`)}
          </select>`,
        )}
        ${this.#field(
          'notes',
          msg('Medical notes (optional)'),
          (ids, inv) => html`<textarea id="f-notes" class="input" name="notes" rows="3" maxlength=${NOTES_MAX} .value=${f.notes} aria-invalid=${inv} aria-describedby=${ids || nothing} @input=${input('notes')}></textarea>`,
          msg('Anything the doctor should know: earlier treatments, conditions, medication.'),
        )}
      </div>
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-hp">${msg('Leave this field empty')}</label>
        <input id="f-hp" name="prm_hp_confirm_x" tabindex="-1" autocomplete="off" .value=${f.hp} @input=${input('hp')} />
      </div>
      <div class="field">
        <label class="check">
          <input id="f-consent" type="checkbox" name="consent" .checked=${f.consent} aria-invalid=${this.errors.consent ? 'true' : 'false'} aria-describedby=${this.errors.consent ? 'e-consent' : nothing} @change=${input('consent')} />
          <span>${localized(config.consent.text, locale)}</span>
        </label>
        <a class="link" href=${/^https?:\/\//i.test(config.privacyUrl) ? config.privacyUrl : '#'} target="_blank" rel="noopener noreferrer">${msg('Privacy notice')}</a>
        ${this.errors.consent ? html`<span class="error" id="e-consent">${this.#problem('consent', 'required')}</span>` : nothing}
      </div>
      ${this.#status()}
      <div class="actions">
        <button class="btn btn-primary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? msg('Sending…') : msg('Send my request')}</button>
      </div>
    </form>`;
  }

  #status(): unknown {
    const box = this.host.outbox;
    const e = box.last;
    if (e?.status === 'pending-offline') {
      const when = new Intl.DateTimeFormat(this.host.locale(), { timeStyle: 'short' }).format(e.createdAt);
      return html`<div class="status" role="status" id="pending">
        <p><strong>${errorMessage(e.error).title}</strong></p>
        <p>${msg(str`Your request from ${when} is saved in this tab and will be sent automatically when the connection is back.`)}</p>
        <button class="btn" type="button" @click=${() => void box.retry()}>${msg('Try again now')}</button>
      </div>`;
    }
    if (e?.status === 'refused' && !(e.error instanceof PrmApiError && e.error.fields)) {
      const { title, text } = errorMessage(e.error);
      return html`<div class="status failed" role="alert">
        <p><strong>${title}</strong></p>
        <p>${text}</p>
      </div>`;
    }
    return html`<div class="visually-hidden" role="status">${e?.status === 'sending' ? msg('Sending…') : ''}</div>`;
  }

  renderDone(config: ClinicConfig): TemplateResult {
    const box = this.host.outbox;
    const entry = box.last;
    const r = entry?.result;
    if (!r || this.botThanked) {
      return html`<div class="done" part="success"><h3 id="done-title" tabindex="-1">${msg('Thank you')}</h3></div>`;
    }
    const locale = this.host.locale();
    const e = r.estimate;
    const wa = config.channels.whatsapp;
    const sentAt = entry?.sentAt;
    const late = sentAt && entry.attempts > 1;
    const time = (d: Date) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(d);
    return html`<div class="done" part="success">
      <h3 id="done-title" tabindex="-1">${msg('Thank you! Your request has reached the clinic.')}</h3>
      ${late ? html`<p class="sub" id="sent-late">${sentLate(time(sentAt))}</p>` : nothing}
      <p class="ref">${msg('Your reference')} <strong id="reference" dir="ltr">${r.reference}</strong></p>
      <p class="total" part="total"><span>${msg("The clinic's estimate")}</span> <strong>${money(e.total, e.totalMax, e.currency, locale)}</strong></p>
      ${r.priceChanged ? html`<p>${msg('The price was updated by the clinic since you saw it; this is the current estimate.')}</p>` : nothing}
      <details class="final">
        <summary>${msg('Show the itemised estimate')}</summary>
        ${breakdown(e, locale)}
      </details>
      <p class="sub">${validUntil(formatDateTime(r.validUntil, config.timeZone, locale, { dateStyle: 'long' }))}</p>
      <h4>${msg('Next steps')}</h4>
      <ol class="steps">
        <li>${msg('A patient coordinator reviews your request, usually within one working day.')}</li>
        <li>${msg('You receive your personalised quote the way you chose.')}</li>
        <li>${msg('A short video consultation with the doctor confirms the treatment plan.')}</li>
      </ol>
      <div class="actions">
        ${wa
          ? html`<a class="btn btn-primary" id="whatsapp" href=${whatsappLink(wa, hello(r.reference))} target="_blank" rel="noopener noreferrer"
              >${msg('Continue on WhatsApp')}</a
            >`
          : nothing}
        <button class="btn" id="book" type="button" @click=${() => this.host.book()}>${msg('Book a consultation')}</button>
        <button class="btn" type="button" @click=${() => this.host.startOver()}>${msg('New estimate')}</button>
      </div>
    </div>`;
  }
}

const reviewLine = (total: string) => msg(str`A patient coordinator will review your estimate of ${total} and contact you.`);
const checkFields = (count: number) => msg(str`Please correct the highlighted fields: ${count}.`);
const sentLate = (time: string) => msg(str`It was sent at ${time}, once the connection was back.`);
const validUntil = (date: string) => msg(str`Valid until ${date}.`);
const hello = (reference: string) => msg(str`Hello, my quote reference is ${reference}.`);
