import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { DataController } from '../../core/data.js';
import { Outbox } from '../../core/outbox.js';
import { PrmApiError } from '../../core/api/errors.js';
import { attribution } from '../../core/attribution.js';
import { errorMessage } from '../../core/states.js';
import { formatDateTime, formatMoney, formatPercent } from '../../core/i18n/format.js';
import { ClinicConfigSchema, type ClinicConfig } from '../../core/contract/config.js';
import { ExchangeRatesSchema, ProceduresResponseSchema, type ExchangeRates, type Procedure, type Specialty } from '../../core/contract/catalog.js';
import { QuoteResponseSchema, type CreateQuoteBody, type Estimate, type QuoteResponse, type QuoteSelection } from '../../core/contract/quotes.js';
import { computeEstimate } from './pricing.js';
import {
  COUNT_FIELDS,
  benchmarkCountries,
  clampSelection,
  filterProcedures,
  findProcedure,
  guessHomeCountry,
  pickCurrency,
  usedSpecialties,
  type CountField,
} from './selection.js';
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
import { breakdown, disclaimer, includedLists, money } from './estimate-view.js';
import { styles } from './quote-calculator.styles.js';

export interface QuoteViewDetail {
  procedureId?: string;
}
export interface QuoteChangeDetail {
  /** Which control changed: `specialty`, `procedure`, `tier`, an option, `currency` or `homeCountry`. */
  field: string;
  selection?: QuoteSelection;
  estimate?: Estimate;
  currency: string;
  homeCountry?: string;
}
/** No contact details: events reach analytics tools, personal data does not. */
export interface QuoteSubmitDetail {
  selection: QuoteSelection;
  currency: string;
  total: number;
  totalMax: number;
  channel: Channel;
  idempotencyKey: string;
}
export interface QuoteSuccessDetail {
  reference: string;
  quoteId: string;
  estimate: Estimate;
  priceChanged: boolean;
  validUntil: string;
}
/** "Book a consultation" after a quote: for `<prm-booking-scheduler>` or `<prm-chat-launcher>`. */
export interface QuoteBookDetail {
  reference: string;
  quoteId: string;
  procedureId: string;
}

declare module '../../core/events.js' {
  interface PrmEventDetails {
    'prm-quote-view': QuoteViewDetail;
    'prm-quote-change': QuoteChangeDetail;
    'prm-quote-submit': QuoteSubmitDetail;
    'prm-quote-success': QuoteSuccessDetail;
    'prm-quote-book': QuoteBookDetail;
  }
}

interface Loaded {
  config: ClinicConfig;
  specialties: Specialty[];
  procedures: Procedure[];
  rates: ExchangeRates;
}

type Step = 'estimate' | 'lead' | 'done';

/**
 * An itemised, transparent treatment estimate — treatment, hospital and hotel nights,
 * companions, transfers, interpreter, add-ons, contingency — with a currency switch and the
 * saving against the patient's home country, before any personal data; then a lead form with
 * explicit health-data consent that survives a dropped connection.
 *
 * @summary Transparent, itemised treatment quote with currency, savings and lead capture.
 *
 * @fires prm-quote-view - Once, when the loaded calculator is first shown. `detail: { procedureId? }`
 * @fires prm-quote-change - The patient changed a choice. `detail: { field, selection, estimate, currency, homeCountry }`
 * @fires prm-quote-submit - The patient sent the lead form (no contact data in the detail). `detail: { selection, currency, total, totalMax, channel, idempotencyKey }`
 * @fires prm-quote-success - The clinic stored the lead. `detail: { reference, quoteId, estimate, priceChanged, validUntil }`
 * @fires prm-quote-book - "Book a consultation" after a quote. `detail: { reference, quoteId, procedureId }`
 * @fires prm-error - Loading or sending failed. `detail: { widget, reason, message, status?, code? }`
 *
 * @csspart base - The card around everything.
 * @csspart choices - The column of choices (specialty, procedure, package, options).
 * @csspart estimate - The estimate column.
 * @csspart breakdown - The itemised lines, grouped.
 * @csspart group - One group's table (medical, stay, travel and support).
 * @csspart line - One line of the estimate.
 * @csspart total - The total (or range).
 * @csspart savings - The saving against the home country.
 * @csspart included - The included / not included lists.
 * @csspart disclaimer - Validity, rates date and rounding.
 * @csspart cta - The "Get my personalised quote" button.
 * @csspart form - The lead form.
 * @csspart success - The confirmation with the reference.
 * @csspart loading - The loading skeleton.
 * @csspart error - An error state.
 * @csspart empty - The empty state.
 *
 * @cssprop [--prm-quote-min-block-size=38rem] - Block size reserved on wide layouts (the skeleton has it too).
 * @cssprop [--prm-quote-min-block-size-narrow=62rem] - Block size reserved below 42rem of width.
 * @cssprop --prm-color-primary - Buttons, selected choices, the total.
 * @cssprop --prm-color-success - The saving.
 * @cssprop --prm-radius - Corner radius of controls.
 * @cssprop --prm-font-family - Font of the widget.
 */
export class PrmQuoteCalculator extends PrmElement {
  static override tagName = 'prm-quote-calculator';
  static override styles = [...(PrmElement.styles as never[]), styles];

  /** Preselects a procedure by id (e.g. `dental-implants`). */
  @property({ reflect: true }) procedure?: string;
  /** Narrows the catalog to one specialty by id (e.g. `dental`); hides the specialty choice. */
  @property({ reflect: true }) specialty?: string;
  /** Preselects the home country for savings (ISO 3166, e.g. `GB`); guessed from the language otherwise. */
  @property({ attribute: 'home-country', reflect: true }) homeCountry?: string;

  @state() private chosenSpecialty = '';
  @state() private query = '';
  @state() private procedureId?: string;
  @state() private selection?: QuoteSelection;
  @state() private chosenCurrency?: string;
  @state() private chosenCountry?: string;
  @state() private step: Step = 'estimate';
  @state() private lead: LeadForm = emptyLead();
  @state() private errors: LeadErrors = {};
  @state() private honeypotDone = false;

  #viewed = false;
  readonly #fromCache = new Map<string, number | undefined>();
  #estimate?: Estimate;
  #estimateKey = '';

  private readonly data = new DataController(this, {
    args: () => (this.client ? ([this.client, this.resolvedLocale] as const) : undefined),
    task: async ([client, locale], { signal }): Promise<Loaded> => {
      const [config, catalog, rates] = await Promise.all([
        client.get('config', ClinicConfigSchema, { signal }),
        client.get('procedures', ProceduresResponseSchema, { signal, searchParams: { locale } }),
        client.get('exchange-rates', ExchangeRatesSchema, { signal }),
      ]);
      this.applyRemoteTokens(config.theme.tokens);
      return { config, specialties: catalog.specialties, procedures: catalog.procedures, rates };
    },
    isEmpty: (d) => this.#procedures(d).length === 0,
  });

  private readonly outbox = new Outbox<CreateQuoteBody, QuoteResponse>(this, {
    storageKey: () => `prm-outbox:quote:${this.config?.clinic ?? ''}`,
    send: (body, key, signal) => {
      const client = this.client;
      if (!client) return Promise.reject(new PrmApiError('network', 'No API client'));
      return client.post('quotes', body, QuoteResponseSchema, { idempotencyKey: key, signal });
    },
    onChange: (s) => this.#outboxChanged(s),
  });

  // ---- derived state -------------------------------------------------------------------------

  #procedures(d: Loaded): Procedure[] {
    return this.specialty ? d.procedures.filter((p) => p.specialty === this.specialty) : d.procedures;
  }

  #currentProcedure(d: Loaded): Procedure | undefined {
    const list = this.#procedures(d);
    return findProcedure(list, this.procedureId ?? this.procedure) ?? (list.length === 1 ? list[0] : undefined);
  }

  #currency(d: Loaded): string {
    return pickCurrency(this.chosenCurrency ?? this.config?.currency, d.config.currencies.filter((c) => c === d.rates.base || c in d.rates.rates), d.config.defaultCurrency);
  }

  #country(p: Procedure | undefined): string | undefined {
    const allowed = benchmarkCountries(p);
    if (this.chosenCountry !== undefined) return this.chosenCountry || undefined;
    if (this.homeCountry && allowed.includes(this.homeCountry.toUpperCase())) return this.homeCountry.toUpperCase();
    return guessHomeCountry(this.resolvedLocale, navigator.languages ?? [], allowed);
  }

  /** The estimate, recomputed only when an input changes. */
  #estimateFor(d: Loaded, p: Procedure, sel: QuoteSelection): Estimate | undefined {
    const currency = this.#currency(d);
    const country = this.#country(p);
    const key = JSON.stringify([p.id, sel, currency, country, this.resolvedLocale, d.rates.date]);
    if (key !== this.#estimateKey) {
      this.#estimateKey = key;
      try {
        this.#estimate = computeEstimate(p, sel, d.rates, currency, { homeCountry: country, labels: this.#labels() });
      } catch (err) {
        this.#estimate = undefined;
        console.error('[prm-widgets] <prm-quote-calculator> cannot price this selection:', err);
      }
    }
    return this.#estimate;
  }

  #labels() {
    return {
      hospitalNights: msg('Hospital nights'),
      hotelNights: msg('Hotel nights (recovery)'),
      companions: msg('Companion stay (per night)'),
      transfers: msg('Airport and clinic transfers'),
      interpreter: msg('Medical interpreter (per day)'),
      contingency: msg('Contingency reserve'),
      included: msg('included in the package'),
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('procedure') && this.procedure) this.procedureId = undefined;
    const d = this.data.value;
    if (d) {
      const p = this.#currentProcedure(d);
      if (p && this.selection?.procedureId !== p.id) this.selection = clampSelection(p, this.selection);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#viewed && this.data.value && this.isConnected) {
      this.#viewed = true;
      const procedureId = this.data.value && this.#currentProcedure(this.data.value)?.id;
      this.emit('prm-quote-view', procedureId ? { procedureId } : {});
    }
  }

  // ---- user actions -------------------------------------------------------------------------

  #changed(field: string): void {
    const d = this.data.value;
    if (!d) return;
    const p = this.#currentProcedure(d);
    const detail: QuoteChangeDetail = { field, currency: this.#currency(d) };
    const country = this.#country(p);
    if (country) detail.homeCountry = country;
    if (p) {
      const sel = clampSelection(p, this.selection);
      this.selection = sel;
      detail.selection = sel;
      const est = this.#estimateFor(d, p, sel);
      if (est) detail.estimate = est;
    }
    this.emit('prm-quote-change', detail);
  }

  #pickSpecialty = (e: Event) => {
    this.chosenSpecialty = (e.target as HTMLInputElement).value;
    const d = this.data.value;
    const p = d && this.#currentProcedure(d);
    if (p && this.chosenSpecialty && p.specialty !== this.chosenSpecialty) {
      this.procedureId = '';
      this.selection = undefined;
    }
    this.#changed('specialty');
  };

  #search = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
  };

  #pickProcedure = (e: Event) => {
    const d = this.data.value!;
    const p = findProcedure(d.procedures, (e.target as HTMLInputElement).value);
    if (!p) return;
    this.procedureId = p.id;
    this.selection = clampSelection(p, undefined);
    this.#changed('procedure');
  };

  #pickTier = (e: Event) => {
    if (!this.selection) return;
    this.selection = { ...this.selection, tier: (e.target as HTMLInputElement).value };
    this.#changed('tier');
  };

  #count = (field: CountField) => (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (!this.selection || input.value === '') return;
    this.selection = { ...this.selection, [field]: Number(input.value) };
    this.#changed(field);
  };

  #toggle = (field: 'transfers' | 'interpreter') => (e: Event) => {
    if (!this.selection) return;
    this.selection = { ...this.selection, [field]: (e.target as HTMLInputElement).checked };
    this.#changed(field);
  };

  #toggleAddOn = (e: Event) => {
    if (!this.selection) return;
    const input = e.target as HTMLInputElement;
    const rest = this.selection.addOns.filter((id) => id !== input.value);
    this.selection = { ...this.selection, addOns: input.checked ? [...rest, input.value] : rest };
    this.#changed('addOns');
  };

  #pickCurrency = (e: Event) => {
    this.chosenCurrency = (e.target as HTMLSelectElement).value;
    this.#changed('currency');
  };

  #pickCountry = (e: Event) => {
    this.chosenCountry = (e.target as HTMLSelectElement).value;
    this.#changed('homeCountry');
  };

  #openLead = async () => {
    this.step = 'lead';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#lead-title')?.focus();
  };

  #input = (field: keyof LeadForm) => (e: Event) => {
    const t = e.target as HTMLInputElement;
    const value = t.type === 'checkbox' ? t.checked : t.value;
    this.lead = { ...this.lead, [field]: value };
    if (field in this.errors) {
      // Re-check only that field once the patient fixes it; new errors wait for the next submit.
      const again = validateLead(this.lead)[field as LeadField];
      const errors = { ...this.errors };
      if (again) errors[field as LeadField] = again;
      else delete errors[field as LeadField];
      this.errors = errors;
    }
  };

  #submit = async (e: Event) => {
    e.preventDefault();
    const d = this.data.value;
    const p = d && this.#currentProcedure(d);
    if (!d || !p || !this.selection) return;
    const est = this.#estimateFor(d, p, this.selection);
    if (!est) return;
    this.errors = validateLead(this.lead);
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      this.#focusFirstError();
      return;
    }
    if (this.lead.hp) {
      // A bot filled the field people never see: say thanks, send nothing.
      this.honeypotDone = true;
      this.step = 'done';
      return;
    }
    const country = this.#country(p);
    const body = buildQuoteBody({
      selection: this.selection,
      currency: est.currency,
      homeCountry: est.savings ? country : undefined,
      shownTotal: est.total,
      lead: this.lead,
      consentVersion: d.config.consent.version,
      locale: this.resolvedLocale,
      attribution: toContractAttribution(attribution(this.config?.agent)),
    });
    const sending = this.outbox.submit(body);
    this.emit('prm-quote-submit', {
      selection: this.selection,
      currency: est.currency,
      total: est.total,
      totalMax: est.totalMax,
      channel: this.lead.channel,
      idempotencyKey: this.outbox.entry!.key,
    });
    await sending;
  };

  #retrySend = () => void this.outbox.retry();

  #focusFirstError(): void {
    const first = LEAD_FIELDS.find((f) => this.errors[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus();
  }

  #outboxChanged(s: string): void {
    if (s === 'sent' && this.outbox.result) {
      const r = this.outbox.result;
      this.step = 'done';
      this.emit('prm-quote-success', {
        reference: r.reference,
        quoteId: r.id,
        estimate: r.estimate,
        priceChanged: r.priceChanged,
        validUntil: r.validUntil,
      });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus());
    } else if (s === 'pending-offline' || s === 'failed') {
      const err = this.outbox.error;
      if (err) this.reportError(err);
      if (s === 'failed' && err instanceof PrmApiError && err.fields) {
        this.errors = serverFieldErrors(err.fields);
        void this.updateComplete.then(() => this.#focusFirstError());
      }
      if (this.step !== 'lead') this.step = 'lead';
    } else if (s === 'sending' && this.step === 'estimate') {
      this.step = 'lead';
    }
  }

  #book = () => {
    const r = this.outbox.result;
    if (r) this.emit('prm-quote-book', { reference: r.reference, quoteId: r.id, procedureId: r.estimate.procedureId });
  };

  #startOver = () => {
    this.outbox.clear();
    this.lead = emptyLead();
    this.errors = {};
    this.honeypotDone = false;
    this.step = 'estimate';
  };

  // ---- rendering ----------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    return html`<div class="card" part="base">
      <header class="head">
        <h2 class="title">${msg('Your treatment estimate')}</h2>
        <p class="sub">${msg('Transparent and itemised. No personal details needed to see prices.')}</p>
      </header>
      ${this.data.render({
        pending: () => this.#skeleton(),
        emptyTitle: msg('No treatments can be priced online yet'),
        complete: (d) => (this.step === 'done' ? this.#renderDone(d) : this.#renderLoaded(d)),
      })}
    </div>`;
  }

  #skeleton(): TemplateResult {
    const col = (n: number) => Array.from({ length: n }, () => html`<div class="skeleton-line" aria-hidden="true"></div><div class="skeleton-block" aria-hidden="true"></div>`);
    return html`<div class="layout skel">
      <div class="col">${col(4)}</div>
      <div class="col">${col(3)}</div>
    </div>`;
  }

  #renderLoaded(d: Loaded): TemplateResult {
    const p = this.#currentProcedure(d);
    const sel = p && this.selection?.procedureId === p.id ? this.selection : p ? clampSelection(p, undefined) : undefined;
    const est = p && sel ? this.#estimateFor(d, p, sel) : undefined;
    return html`<div class="layout">
      <div class="col choices" part="choices">${this.#renderChoices(d, p, sel)}</div>
      <section class="col estimate" part="estimate" aria-labelledby="est-title">
        <h3 id="est-title">${msg('Estimate')}</h3>
        ${p && sel && est ? this.#renderEstimate(d, p, est) : html`<p class="hint">${msg('Choose a treatment to see its itemised estimate.')}</p>`}
      </section>
    </div>
    ${this.step === 'lead' && p && est ? this.#renderLead(d, est) : nothing}`;
  }

  #renderChoices(d: Loaded, p: Procedure | undefined, sel: QuoteSelection | undefined): TemplateResult {
    const locale = this.resolvedLocale;
    const currency = this.#currency(d);
    const specialties = usedSpecialties(d.specialties, this.#procedures(d));
    const specialty = this.specialty || this.chosenSpecialty;
    const list = filterProcedures(this.#procedures(d), specialty || undefined, this.query);
    const from = (proc: Procedure) => {
      const key = `${proc.id}|${currency}|${d.rates.date}`;
      if (!this.#fromCache.has(key)) {
        let v: number | undefined;
        try {
          v = computeEstimate(proc, clampSelection(proc, undefined), d.rates, currency).total;
        } catch {
          v = undefined;
        }
        this.#fromCache.set(key, v);
      }
      return this.#fromCache.get(key);
    };
    return html`
      ${!this.specialty && specialties.length > 1
        ? html`<fieldset class="pills" id="specialties">
            <legend>${msg('Specialty')}</legend>
            <label class="pill"><input type="radio" name="specialty" value="" .checked=${!specialty} @change=${this.#pickSpecialty} /><span>${msg('All')}</span></label>
            ${specialties.map(
              (s) => html`<label class="pill"
                ><input type="radio" name="specialty" .value=${s.id} .checked=${specialty === s.id} @change=${this.#pickSpecialty} /><span>${s.name}</span></label
              >`,
            )}
          </fieldset>`
        : nothing}
      <fieldset class="procedures">
        <legend>${msg('Treatment')}</legend>
        <label class="field">
          <span class="visually-hidden">${msg('Search treatments')}</span>
          <input id="search" type="search" class="input" .value=${this.query} placeholder=${msg('Search treatments')} autocomplete="off" @input=${this.#search} />
        </label>
        <div class="options-list" role="radiogroup" aria-label=${msg('Treatment')}>
          ${list.length
            ? list.map((proc) => {
                const f = from(proc);
                return html`<label class="option" id=${`proc-${proc.id}`}>
                  <input type="radio" name="procedure" .value=${proc.id} .checked=${p?.id === proc.id} @change=${this.#pickProcedure} />
                  <span class="opt-text"><span class="opt-name">${proc.name}</span>${f !== undefined ? html`<span class="opt-meta">${msg(str`from ${formatMoney(f, currency, locale, { whole: true })}`)}</span>` : nothing}</span>
                </label>`;
              })
            : html`<p class="hint" role="status">${msg('No treatment matches your search.')}</p>`}
        </div>
      </fieldset>
      ${p && sel ? this.#renderPackage(p, sel) : nothing}
    `;
  }

  #renderPackage(p: Procedure, sel: QuoteSelection): TemplateResult {
    const locale = this.resolvedLocale;
    const countLabel: Record<CountField, string> = {
      hospitalNights: msg('Hospital nights'),
      hotelNights: msg('Hotel nights (recovery)'),
      companions: msg('Companions'),
    };
    const tier = p.tiers.find((t) => t.id === sel.tier);
    return html`<p class="desc">${p.description}</p>
      <fieldset class="tiers">
        <legend>${msg('Package')}</legend>
        ${p.tiers.map(
          (t) => html`<label class="option tier" id=${`tier-${t.id}`}>
            <input type="radio" name="tier" .value=${t.id} .checked=${sel.tier === t.id} @change=${this.#pickTier} />
            <span class="opt-text">
              <span class="opt-name">${t.name}</span>
              ${t.description ? html`<span class="opt-meta">${t.description}</span>` : nothing}
              ${t.includes.length ? html`<span class="opt-meta">${t.includes.join(' · ')}</span>` : nothing}
            </span>
          </label>`,
        )}
      </fieldset>
      <fieldset class="opts">
        <legend>${msg('Options')}</legend>
        <div class="counts">
          ${COUNT_FIELDS.map((f) => {
            const { min, max } = p.limits[f];
            return html`<label class="field count">
              <span class="label">${countLabel[f]}</span>
              <input id=${`opt-${f}`} class="input" type="number" inputmode="numeric" min=${min} max=${max} step="1" .value=${String(sel[f])} @change=${this.#count(f)} @input=${this.#count(f)} />
              <span class="hint">${msg(str`${min} to ${max}`)}</span>
            </label>`;
          })}
        </div>
        <label class="check"
          ><input id="opt-transfers" type="checkbox" .checked=${sel.transfers || !!tier?.includesTransfers} ?disabled=${!!tier?.includesTransfers} @change=${this.#toggle('transfers')} /><span
            >${msg('Airport and clinic transfers')}${tier?.includesTransfers ? html` <em>(${msg('included in the package')})</em>` : nothing}</span
          ></label
        >
        <label class="check"
          ><input id="opt-interpreter" type="checkbox" .checked=${sel.interpreter || !!tier?.includesInterpreter} ?disabled=${!!tier?.includesInterpreter} @change=${this.#toggle('interpreter')} /><span
            >${msg('Medical interpreter')}${tier?.includesInterpreter ? html` <em>(${msg('included in the package')})</em>` : nothing}</span
          ></label
        >
        ${p.addOns.map(
          (a) => html`<label class="check"
            ><input type="checkbox" name="addon" .value=${a.id} .checked=${sel.addOns.includes(a.id)} @change=${this.#toggleAddOn} /><span
              >${a.label} <span class="opt-meta"
                >+${a.per === 'night'
                  ? msg(str`${formatMoney(a.amount, p.currency, locale)} per night`)
                  : formatMoney(a.amount, p.currency, locale)}</span
              ></span
            ></label
          >`,
        )}
      </fieldset>`;
  }

  #renderEstimate(d: Loaded, p: Procedure, est: Estimate): TemplateResult {
    const locale = this.resolvedLocale;
    const currencies = d.config.currencies.filter((c) => c === d.rates.base || c in d.rates.rates);
    const names = displayNames(locale, 'currency');
    const regions = displayNames(locale, 'region');
    const countries = benchmarkCountries(p);
    const country = this.#country(p);
    const s = est.savings;
    return html`<label class="field">
        <span class="label">${msg('Currency')}</span>
        <select id="currency" class="input" @change=${this.#pickCurrency}>
          ${currencies.map((c) => html`<option .value=${c} ?selected=${c === est.currency}>${c} — ${names(c)}</option>`)}
        </select>
      </label>
      ${breakdown(est, locale)}
      <div class="visually-hidden" role="status" aria-live="polite">${msg('Estimated total')}: ${formatMoney(est.total, est.currency, locale)}${est.isRange ? ` – ${formatMoney(est.totalMax, est.currency, locale)}` : ''}</div>
      ${countries.length
        ? html`<div class="savings" part="savings">
            <label class="field">
              <span class="label">${msg('Compare with prices at home')}</span>
              <select id="country" class="input" @change=${this.#pickCountry}>
                <option value="" ?selected=${!country}>${msg('Do not compare')}</option>
                ${countries.map((c) => html`<option .value=${c} ?selected=${c === country}>${regions(c)}</option>`)}
              </select>
            </label>
            ${s
              ? html`<p class="saving-line">
                  ${msg(str`Typical price in ${regions(s.country)}:`)} <bdi>${formatMoney(s.benchmark.amount, s.benchmark.currency, locale)}</bdi>
                </p>
                ${s.amount > 0
                  ? html`<p class="saving" id="saving">
                      ${msg('You save at least')} <strong><bdi>${formatMoney(s.amount, est.currency, locale)}</bdi></strong>
                      (${formatPercent(s.percent / 100, locale)})
                    </p>`
                  : html`<p class="saving-none" id="saving">${msg('No saving against this country for this package.')}</p>`}
                <p class="source">${msg(str`Source: ${s.source}, ${s.year}.`)}</p>`
              : nothing}
          </div>`
        : nothing}
      ${includedLists(est)} ${disclaimer(p.validityDays, est.ratesDate ?? undefined, locale)}
      ${this.step === 'estimate'
        ? html`<button class="btn btn-primary cta" part="cta" type="button" @click=${this.#openLead}>${msg('Get my personalised quote')}</button>`
        : nothing}`;
  }

  #problem(field: LeadField, p: LeadProblem | undefined): string {
    if (!p) return '';
    if (field === 'consent') return msg('Please tick the box to let the clinic process your health data.');
    if (p === 'required') {
      if (field === 'name') return msg('Please enter your name.');
      if (field === 'email') return msg('Please enter your email address.');
      if (field === 'phone') return msg('Please enter a phone number, or choose email as the way to reach you.');
    }
    if (p === 'tooLong') return field === 'notes' ? msg(str`Please keep your notes under ${NOTES_MAX} characters.`) : msg('This is too long.');
    if (field === 'email') return msg('Please enter an email address like name@example.com.');
    if (field === 'phone') return msg('Please enter the number with its country code, like +44 20 7946 0958.');
    return msg('Please check this field.');
  }

  #field(id: LeadField, label: string, control: (describedBy: string) => TemplateResult, hint?: string): TemplateResult {
    const err = this.#problem(id, this.errors[id]);
    const ids = [hint ? `h-${id}` : '', err ? `e-${id}` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${err ? 'has-error' : ''}">
      <label class="label" for=${`f-${id}`}>${label}</label>
      ${hint ? html`<span class="hint" id=${`h-${id}`}>${hint}</span>` : nothing} ${control(ids)}
      ${err ? html`<span class="error" id=${`e-${id}`}>${err}</span>` : nothing}
    </div>`;
  }

  #renderLead(d: Loaded, est: Estimate): TemplateResult {
    const locale = this.resolvedLocale;
    const f = this.lead;
    const box = this.outbox;
    const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const errCount = Object.keys(this.errors).length;
    const channels: [Channel, string][] = [
      ['whatsapp', msg('WhatsApp')],
      ['email', msg('Email')],
      ['phone', msg('Phone call')],
    ];
    const sending = box.state === 'sending';
    return html`<form class="lead" part="form" novalidate @submit=${this.#submit} aria-labelledby="lead-title">
      <h3 id="lead-title" tabindex="-1">${msg('Get my personalised quote')}</h3>
      <p class="sub">${msg(str`A patient coordinator will review your estimate of ${formatMoney(est.total, est.currency, locale)} and contact you.`)}</p>
      ${errCount ? html`<p class="error-summary" role="alert">${msg(str`Please check ${errCount} field(s) below.`)}</p>` : nothing}
      <div class="grid">
        ${this.#field('name', msg('Full name'), (ids) => html`<input id="f-name" class="input" name="name" autocomplete="name" .value=${f.name} aria-invalid=${this.errors.name ? 'true' : 'false'} aria-describedby=${ids || nothing} @input=${this.#input('name')} />`)}
        ${this.#field('email', msg('Email'), (ids) => html`<input id="f-email" class="input" name="email" type="email" autocomplete="email" dir="ltr" .value=${f.email} aria-invalid=${this.errors.email ? 'true' : 'false'} aria-describedby=${ids || nothing} @input=${this.#input('email')} />`)}
        ${this.#field(
          'phone',
          msg('Phone (with country code)'),
          (ids) => html`<input id="f-phone" class="input" name="phone" type="tel" autocomplete="tel" dir="ltr" placeholder="+44 20 7946 0958" .value=${f.phone} aria-invalid=${this.errors.phone ? 'true' : 'false'} aria-describedby=${ids || nothing} @input=${this.#input('phone')} />`,
        )}
        <fieldset class="pills channel">
          <legend>${msg('How should we contact you?')}</legend>
          ${channels.map(
            ([v, label]) => html`<label class="pill"><input type="radio" name="channel" .value=${v} .checked=${f.channel === v} @change=${this.#input('channel')} /><span>${label}</span></label>`,
          )}
        </fieldset>
        ${this.#field(
          'travelMonth',
          msg('When would you like to travel?'),
          (ids) => html`<select id="f-travelMonth" class="input" name="travelMonth" aria-describedby=${ids || nothing} @change=${this.#input('travelMonth')}>
            <option value="" ?selected=${!f.travelMonth}>${msg('Not sure yet')}</option>
            ${travelMonths(new Date()).map((m) => html`<option .value=${m} ?selected=${f.travelMonth === m}>${monthFmt.format(new Date(`${m}-01T00:00:00Z`))}</option>`)}
          </select>`,
        )}
        ${this.#field(
          'notes',
          msg('Medical notes (optional)'),
          (ids) => html`<textarea id="f-notes" class="input" name="notes" rows="3" maxlength=${NOTES_MAX} .value=${f.notes} aria-invalid=${this.errors.notes ? 'true' : 'false'} aria-describedby=${ids || nothing} @input=${this.#input('notes')}></textarea>`,
          msg('Anything the doctor should know: earlier treatments, conditions, medication.'),
        )}
      </div>
      <div class="hp" aria-hidden="true">
        <label for="f-hp">${msg('Leave this field empty')}</label>
        <input id="f-hp" name="prm_hp_confirm_x" tabindex="-1" autocomplete="off" .value=${f.hp} @input=${this.#input('hp')} />
      </div>
      <div class="field consent ${this.errors.consent ? 'has-error' : ''}">
        <label class="check">
          <input id="f-consent" type="checkbox" name="consent" .checked=${f.consent} aria-invalid=${this.errors.consent ? 'true' : 'false'} aria-describedby=${this.errors.consent ? 'e-consent' : nothing} @change=${this.#input('consent')} />
          <span>${localized(d.config.consent.text, locale)}</span>
        </label>
        <a class="link" href=${safeUrl(d.config.privacyUrl)} target="_blank" rel="noopener noreferrer">${msg('Privacy notice')}</a>
        ${this.errors.consent ? html`<span class="error" id="e-consent">${this.#problem('consent', 'required')}</span>` : nothing}
      </div>
      ${this.#renderOutboxStatus()}
      <div class="actions">
        <button class="btn btn-primary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? msg('Sending…') : msg('Send my request')}</button>
      </div>
    </form>`;
  }

  #renderOutboxStatus(): unknown {
    const box = this.outbox;
    const when = box.entry ? new Intl.DateTimeFormat(this.resolvedLocale, { timeStyle: 'short' }).format(box.entry.createdAt) : '';
    if (box.state === 'pending-offline') {
      const { title } = errorMessage(box.error);
      return html`<div class="status pending" role="status" id="pending">
        <p><strong>${title}</strong></p>
        <p>${msg(str`Your request from ${when} is saved in this tab and will be sent automatically when the connection is back.`)}</p>
        <button class="btn" type="button" @click=${this.#retrySend}>${msg('Try again now')}</button>
      </div>`;
    }
    if (box.state === 'failed' && !(box.error instanceof PrmApiError && box.error.fields)) {
      const { title, text } = errorMessage(box.error);
      return html`<div class="status failed" role="alert">
        <p><strong>${title}</strong></p>
        <p>${text}</p>
      </div>`;
    }
    return html`<div class="visually-hidden" role="status">${box.state === 'sending' ? msg('Sending…') : ''}</div>`;
  }

  #renderDone(d: Loaded): TemplateResult {
    const r = this.outbox.result;
    if (!r || this.honeypotDone) {
      return html`<div class="done" part="success"><h3 id="done-title" tabindex="-1">${msg('Thank you')}</h3></div>`;
    }
    const locale = this.resolvedLocale;
    const e = r.estimate;
    const channel = d.config.channels.whatsapp;
    const text = msg(str`Hello, my quote reference is ${r.reference}.`);
    const sentAt = this.outbox.sentAt;
    const late = this.outbox.entry && (this.outbox.entry.attempts > 1 || (sentAt && sentAt.getTime() - this.outbox.entry.createdAt > 3000));
    return html`<div class="done" part="success">
      <h3 id="done-title" tabindex="-1">${msg('Thank you! Your request has reached the clinic.')}</h3>
      ${late && sentAt ? html`<p class="sub" id="sent-late">${msg(str`It was sent at ${new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(sentAt)}, once the connection was back.`)}</p>` : nothing}
      <p class="ref">${msg('Your reference')} <strong id="reference" dir="ltr">${r.reference}</strong></p>
      <p class="total" part="total"><span>${msg("The clinic's estimate")}</span> <strong>${money(e.total, e.totalMax, e.currency, locale)}</strong></p>
      ${r.priceChanged ? html`<p class="note">${msg('The price was updated by the clinic since you saw it; this is the current estimate.')}</p>` : nothing}
      <p class="sub">${msg(str`Valid until ${formatDateTime(r.validUntil, d.config.timeZone, locale, { dateStyle: 'long' })}.`)}</p>
      <h4>${msg('Next steps')}</h4>
      <ol class="steps">
        <li>${msg('A patient coordinator reviews your request, usually within one working day.')}</li>
        <li>${msg('You receive your personalised quote the way you chose.')}</li>
        <li>${msg('A short video consultation with the doctor confirms the treatment plan.')}</li>
      </ol>
      <div class="actions">
        ${channel
          ? html`<a class="btn btn-primary" id="whatsapp" href=${whatsappLink(channel, text)} target="_blank" rel="noopener noreferrer">${msg('Continue on WhatsApp')}</a>`
          : nothing}
        <button class="btn" id="book" type="button" @click=${this.#book}>${msg('Book a consultation')}</button>
        <button class="btn" type="button" @click=${this.#startOver}>${msg('New estimate')}</button>
      </div>
    </div>`;
  }
}

function displayNames(locale: string, type: 'currency' | 'region'): (code: string) => string {
  try {
    const dn = new Intl.DisplayNames(locale, { type });
    return (c) => dn.of(c) ?? c;
  } catch {
    return (c) => c;
  }
}

/** Only http(s) links from the backend become hrefs. */
function safeUrl(u: string): string {
  return /^https?:\/\//i.test(u) ? u : '#';
}
