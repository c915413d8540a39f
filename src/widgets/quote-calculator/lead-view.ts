/**
 * The lead form and the confirmation of `<prm-quote-calculator>`. Loaded on demand (when the
 * patient asks for a personalised quote, or a pending submission is found), so the estimate
 * itself stays small.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { attribution } from '../../core/attribution.js';
import { PrmApiError } from '../../core/api/errors.js';
import { formatDateTime, formatMoney } from '../../core/i18n/format.js';
import {
  FormController,
  consentField,
  consentRecord,
  errorSummary,
  field,
  formStyles,
  honeypot,
  offerContact,
  onInput,
  submitStatus,
  textField,
  type FormSpec,
  type SubmitQueue,
} from '../../core/form/index.js';

// The queue travels with the form: the element creates it only once a quote is being asked for.
export { SubmitQueue } from '../../core/form/index.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { CreateQuoteBody, Estimate, QuoteResponse, QuoteSelection } from '../../core/contract/quotes.js';
import type { ApiClient } from '../../core/api/client.js';
import { LEAD_SPEC, buildQuoteBody, emptyLead, travelMonths, type Channel, type LeadForm } from './lead.js';
import { localized } from '../../core/i18n/localized.js';
import { whatsappLink } from '../../core/contact.js';
import { breakdown, money } from './estimate-view.js';
import type { QuoteSubmitDetail } from './quote-calculator.js';
import { QuoteResponseSchema } from '../../generated/contract/quotes.js';

/** `POST /v1/quotes` with the queue entry's Idempotency-Key; the answer is parsed with its contract schema. */
export function sendQuote(client: ApiClient | undefined, body: CreateQuoteBody, key: string, signal: AbortSignal): Promise<QuoteResponse> {
  if (!client) return Promise.reject(new PrmApiError('network', 'No API client'));
  return client.post('quotes', body, QuoteResponseSchema, { idempotencyKey: key, signal });
}

/** Styles of the form and the confirmation, adopted by the element when this module loads. */
export const leadStyles = css`
  ${formStyles}
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
  @container (min-inline-size: 42em) {
    .lead .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .lead .grid > .channel,
    .lead .grid > .field:has(textarea) {
      grid-column: 1 / -1;
    }
  }
  .final summary {
    cursor: pointer;
    min-block-size: 1.5em;
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
    padding-inline-start: 1.25em;
    display: grid;
    gap: calc(var(--_space) * 1);
  }
`;

/** What the view needs from the element (kept narrow so the element stays in charge). */
export interface LeadHost {
  readonly outbox: SubmitQueue<CreateQuoteBody, QuoteResponse>;
  /** The element: the form controller's host. */
  readonly formHost: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  locale(): string;
  agent(): string | undefined;
  /** Whether every choice reads as what is priced; if not, focuses the first one to fix and says no. */
  choicesValid(): boolean;
  /** The current selection and its estimate, when a procedure is chosen. */
  quote(): { config: ClinicConfig; selection: QuoteSelection; estimate: Estimate; country?: string | undefined } | undefined;
  submitted(detail: QuoteSubmitDetail): void;
  /** Shows the selection of a submission restored from this tab's storage. */
  restore(body: CreateQuoteBody): void;
  /** Whether "Book a consultation" leads somewhere (a scheduler on the page or a booking URL). */
  canBook(): boolean;
  book(): void;
  startOver(): void;
}

/** The lead form's fields with their messages for an empty field. */
const spec = (): FormSpec<LeadForm> => ({
  ...LEAD_SPEC,
  name: { ...LEAD_SPEC.name, requiredText: () => msg('Please enter your name.') },
  email: { ...LEAD_SPEC.email, requiredText: () => msg('Please enter your email address.') },
  phone: { ...LEAD_SPEC.phone, requiredText: () => msg('Please enter a phone number, or choose email as the way to reach you.') },
});

export class LeadView {
  readonly form: FormController<LeadForm>;
  /** The honeypot was filled: we thanked a bot and sent nothing. */
  botThanked = false;

  constructor(private readonly host: LeadHost) {
    this.form = new FormController<LeadForm>(host.formHost, { initial: emptyLead, fields: spec() });
    // A submission left pending in this tab (a reload while offline): show what was sent, so the
    // patient sees the same estimate and form rather than an empty one.
    const b = host.outbox.unsent[0]?.body;
    if (b) {
      host.restore(b);
      this.form.values = {
        ...this.form.values,
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

  /** Offers the contact just sent to a booking scheduler on this page, under the quote's reference (memory only, never in an event). */
  handOff(body: CreateQuoteBody, reference: string): void {
    offerContact(reference, { ...body.contact, country: body.homeCountry });
  }

  reset(): void {
    this.form.reset();
    this.botThanked = false;
  }

  /** Field messages from a 400 answer: shown inline, focus on the first one. */
  serverErrors(fields: Record<string, string> | undefined): void {
    this.form.serverErrors(fields);
  }

  #submit = async (e: Event) => {
    e.preventDefault();
    const q = this.host.quote();
    if (!q) return;
    // What is sent is what is shown: a count field the patient left out of range (the estimate
    // still prices its last valid value) is fixed first, as before the form opened.
    if (!this.host.choicesValid()) return;
    if (!this.form.validate()) return;
    if (this.form.isBot) {
      // A bot filled the field people never see: say thanks, send nothing.
      this.botThanked = true;
      this.host.requestUpdate();
      return;
    }
    const lead = this.form.values;
    const { estimate: est, selection } = q;
    const body = buildQuoteBody({
      selection,
      currency: est.currency,
      homeCountry: est.savings ? q.country : undefined,
      shownTotal: est.total,
      lead,
      consent: consentRecord(q.config.consent),
      locale: this.host.locale(),
      attribution: attribution(this.host.agent()),
    });
    const box = this.host.outbox;
    // One request per quote. A second click while it is on its way changes nothing; while it is
    // saved, waiting for the network, it tries again, unless the patient has changed something
    // meanwhile (an email corrected, a companion added): then the new request replaces the old,
    // under a new Idempotency-Key, so the clinic gets what the patient now sees.
    const waiting = box.unsent;
    if (waiting.some((e) => e.status === 'sending')) return;
    if (waiting.length) {
      if (waiting.every((e) => JSON.stringify(e.body) === JSON.stringify(body))) return box.retry();
      for (const e of waiting) box.forget(e);
    }
    const entry = box.submit(body);
    this.host.submitted({
      selection,
      currency: est.currency,
      total: est.total,
      totalMax: est.totalMax,
      channel: lead.channel,
      idempotencyKey: entry.key,
    });
    await entry.done;
  };

  render(config: ClinicConfig, est: Estimate): TemplateResult {
    const locale = this.host.locale();
    const form = this.form;
    const f = form.values;
    const box = this.host.outbox;
    const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const channels: [Channel, string][] = [
      ['whatsapp', msg('WhatsApp')],
      ['email', msg('Email')],
      ['phone', msg('Phone call')],
    ];
    const sending = box.last?.status === 'sending';
    return html`<form class="lead" part="form" novalidate @submit=${this.#submit} aria-labelledby="lead-title">
      <h3 id="lead-title" tabindex="-1">${msg('Get my personalised quote')}</h3>
      <p class="sub">${reviewLine(formatMoney(est.total, est.currency, locale))}</p>
      ${errorSummary(form)}
      <div class="grid">
        ${textField(form, 'name', { label: msg('Full name'), locale })}
        ${textField(form, 'email', { label: msg('Email'), locale })}
        ${textField(form, 'phone', { label: msg('Phone (with country code)'), locale, placeholder: '+44 20 7946 0958' })}
        <fieldset class="channel">
          <legend>${msg('How should we contact you?')}</legend>
          <div class="pills">
            ${channels.map(([v, label]) => html`<label class="pill"><input type="radio" name="channel" .value=${v} .checked=${f.channel === v} @change=${onInput(form, 'channel')} /><span>${label}</span></label>`)}
          </div>
        </fieldset>
        ${field(
          form,
          'travelMonth',
          { label: msg('When would you like to travel?'), locale },
          (a) => html`<select id=${a.id} class="input" name="travelMonth" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} @change=${onInput(form, 'travelMonth')}>
            <option value="" ?selected=${!f.travelMonth}>${msg('Not sure yet')}</option>
            ${travelMonths(new Date()).map((m) => html`<option .value=${m} ?selected=${f.travelMonth === m}>${monthFmt.format(new Date(`${m}-01T00:00:00Z`))}</option>`)}
          </select>`,
        )}
        ${textField(form, 'notes', { label: msg('Medical notes (optional)'), hint: msg('Anything the doctor should know: earlier treatments, conditions, medication.'), locale, rows: 3 })}
      </div>
      ${honeypot(form)}
      ${consentField(form, 'consent', { text: localized(config.consent.text, locale, config.defaultLocale), privacyUrl: config.privacyUrl, locale })}
      ${submitStatus(box.last, { locale, retry: () => box.retry() })}
      <div class="actions">
        <button class="btn btn-primary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? msg('Sending…') : msg('Send my request')}</button>
      </div>
    </form>`;
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
        ${this.host.canBook() ? html`<button class="btn" id="book" type="button" @click=${() => this.host.book()}>${msg('Book a consultation')}</button>` : nothing}
        <button class="btn" type="button" @click=${() => this.host.startOver()}>${msg('New estimate')}</button>
      </div>
    </div>`;
  }
}

const reviewLine = (total: string) => msg(str`A patient coordinator will review your estimate of ${total} and contact you.`);
const sentLate = (time: string) => msg(str`It was sent at ${time}, once the connection was back.`);
const validUntil = (date: string) => msg(str`Valid until ${date}.`);
const hello = (reference: string) => msg(str`Hello, my quote reference is ${reference}.`);
