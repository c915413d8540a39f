import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { cardLayout, releaseReserve } from '../../core/theme/card.js';
import { DataController } from '../../core/data/controller.js';
import { errorState } from '../../core/states.js';
import type { SubmitEntry } from '../../core/submit/queue.js';
import { PrmApiError } from '../../core/api/errors.js';
import { displayName, formatMoney, warmIntl } from '../../core/i18n/format.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { ExchangeRates, Procedure, ProcedureSummary, Specialty } from '../../core/contract/catalog.js';
import type { ApiClient } from '../../core/api/client.js';
import type { CreateQuoteBody, Estimate, QuoteResponse, QuoteSelection } from '../../core/contract/quotes.js';
import { computeEstimate, convertMinor } from '../../shared/pricing.js';
import {
  COUNT_FIELDS,
  benchmarkCountries,
  clampSelection,
  filterProcedures,
  findProcedure,
  guessHomeCountry,
  parseCount,
  pickCurrency,
  stepCount,
  usedSpecialties,
  type CountField,
} from './selection.js';
import type { Channel } from './lead.js';
import type { LeadView } from './lead-view.js';
import { disclaimer, disclosure, saving, summary } from './estimate-summary.js';
import { styles } from './quote-calculator.styles.js';
import { CatalogResponseSchema, ExchangeRatesSchema, ProcedureResponseSchema } from '../../generated/contract/catalog.js';

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
  /** The catalog as the first screen lists it; a procedure's details come when it is chosen. */
  procedures: ProcedureSummary[];
  rates: ExchangeRates;
  locale: string;
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
 * @cssprop [--prm-quote-calculator-block-size=46em] - Block size reserved for the widget (by `prm-reserve.css` before it loads, by the widget itself after); the loading skeleton has exactly this size.
 * @cssprop --prm-color-primary - Buttons, selected choices, the total.
 * @cssprop --prm-color-success - The saving.
 * @cssprop --prm-radius - Corner radius of controls.
 * @cssprop --prm-font-family - Font of the widget.
 */
export class PrmQuoteCalculator extends PrmElement {
  static override tagName = 'prm-quote-calculator';
  static override styles = [...(PrmElement.styles as never[]), cardLayout, releaseReserve, styles];

  // Declared without decorators: their helper would cost bytes in this chunk.
  static override properties = {
    ...PrmElement.properties,
    procedure: { reflect: true },
    specialty: { reflect: true },
    homeCountry: { attribute: 'home-country', reflect: true },
    bookingUrl: { attribute: 'booking-url' },
    chosenSpecialty: { state: true, attribute: false },
    query: { state: true, attribute: false },
    open: { state: true, attribute: false },
    active: { state: true, attribute: false },
    opened: { state: true, attribute: false },
    procedureId: { state: true, attribute: false },
    selection: { state: true, attribute: false },
    chosenCurrency: { state: true, attribute: false },
    chosenCountry: { state: true, attribute: false },
    step: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
  };

  /** Preselects a procedure by id (e.g. `dental-implants`). */
  declare procedure?: string;
  /** Narrows the catalog to one specialty by id (e.g. `dental`); hides the specialty choice. */
  declare specialty?: string;
  /** Preselects the home country for savings (ISO 3166, e.g. `GB`); guessed from the language otherwise. */
  declare homeCountry?: string;
  /**
   * Where "Book a consultation" goes when no `<prm-booking-scheduler>` is on the page: this URL
   * with `?quote=<reference>`. With neither, the confirmation offers no booking button.
   */
  declare bookingUrl?: string;

  /** @internal */
  private chosenSpecialty = '';
  /** @internal What the patient typed in the treatment combobox since it opened ('' = nothing). */
  private query = '';
  /** @internal The treatment listbox is open. */
  private open = false;
  /** @internal Index of the option the arrow keys point at (aria-activedescendant), -1 for none. */
  private active = -1;
  /** @internal Estimate sections the patient opened (group ids, `savings`, `included`). */
  private opened: ReadonlySet<string> = new Set();
  /** @internal */
  declare private procedureId?: string;
  /** @internal */
  declare private selection?: QuoteSelection;
  /** @internal */
  declare private chosenCurrency?: string;
  /** @internal */
  declare private chosenCountry?: string;
  /** @internal */
  private step: Step = 'estimate';
  /** @internal What the patient typed in a count field, while it differs from the priced count. */
  private drafts: Partial<Record<CountField, string>> = {};
  /** The lead form, loaded on demand. */
  #view?: LeadView;
  #viewLoading?: Promise<LeadView>;
  #pendingChecked = false;

  /** The estimate's details (lines, lists, comparison), loaded when a section is first opened. */
  #details?: typeof import('./estimate-view.js');
  #detailsLoading?: Promise<typeof import('./estimate-view.js')>;
  #viewed = false;
  /** Procedures in full, by `locale|id`: fetched once each, when chosen (or preselected, with the first data). */
  readonly #full = new Map<string, Procedure>();
  /** `locale|id` of a procedure whose details are being fetched, or failed to come (with the error). */
  readonly #fetching = new Map<string, Promise<void> | Error>();
  #estimate?: Estimate;
  #estimateKey = '';

  private readonly data = new DataController(this, {
    args: () => (this.client ? ([this.client, this.resolvedLocale] as const) : undefined),
    task: async ([client, locale], { signal }): Promise<Loaded> => {
      warmIntl(locale);
      // A preselected procedure comes in full with the first data (the loader's bootstrap asks for
      // it too), so the first screen shows its total at once; an unknown one is simply not chosen.
      const pre = this.procedure;
      const [config, catalog, rates] = await Promise.all([
        this.clinicCtl.load(),
        client.get('catalog', CatalogResponseSchema, { signal, searchParams: { locale } }),
        client.get('exchange-rates', ExchangeRatesSchema, { signal }),
        pre ? this.#fetchProcedure(client, locale, pre, signal).catch(() => undefined) : undefined,
      ]);
      // A typo in the page's markup is the website team's to fix: one console error naming it.
      if (pre && !findProcedure(catalog.procedures, pre))
        console.error(`[prm-widgets] <prm-quote-calculator procedure="${pre}">: the clinic offers no such procedure, so none is chosen. Its ids: ${catalog.procedures.map((p) => p.id).join(', ')}.`);
      return { config, specialties: catalog.specialties, procedures: catalog.procedures, rates, locale };
    },
    isEmpty: (d) => this.#procedures(d).length === 0,
  });

  readonly #outboxKey = () => `prm-outbox:quote:${this.config?.clinic ?? ''}`;

  /** Whether this tab holds a submission of this clinic's quote still waiting to be sent. */
  #hasPending(): boolean {
    try {
      return !!sessionStorage.getItem(this.#outboxKey());
    } catch {
      return false; // storage disabled: nothing can have been kept
    }
  }

  // ---- derived state -------------------------------------------------------------------------

  #procedures(d: Loaded): ProcedureSummary[] {
    return this.specialty ? d.procedures.filter((p) => p.specialty === this.specialty) : d.procedures;
  }

  /** The procedure chosen (or preselected, or the only one), as listed. */
  #chosen(d: Loaded): ProcedureSummary | undefined {
    const list = this.#procedures(d);
    return findProcedure(list, this.procedureId ?? this.procedure) ?? (list.length === 1 ? list[0] : undefined);
  }

  /** The chosen procedure in full, once its details are here (asking for them otherwise). */
  #currentProcedure(d: Loaded): Procedure | undefined {
    const s = this.#chosen(d);
    if (!s) return undefined;
    const full = this.#full.get(`${d.locale}|${s.id}`);
    if (!full && this.client && !this.#fetching.has(`${d.locale}|${s.id}`)) void this.#fetchProcedure(this.client, d.locale, s.id).catch(() => {});
    return full;
  }

  /** Fetches a procedure's details once per language; a failure is kept for the retry button. */
  #fetchProcedure(client: ApiClient, locale: string, id: string, signal?: AbortSignal): Promise<void> {
    const key = `${locale}|${id}`;
    const running = this.#fetching.get(key);
    if (running instanceof Promise) return running;
    const p = client.get(`procedures/${encodeURIComponent(id)}`, ProcedureResponseSchema, { signal, searchParams: { locale } }).then(
      ({ procedure }) => {
        this.#full.set(key, procedure);
        this.#fetching.delete(key);
        this.requestUpdate();
      },
      (err: unknown) => {
        this.#fetching.set(key, err instanceof Error ? err : new Error(String(err)));
        this.requestUpdate();
        throw err;
      },
    );
    this.#fetching.set(key, p);
    return p;
  }

  /** Asks again for the chosen procedure's details after a failure. */
  #retryProcedure = () => {
    const d = this.data.value;
    const s = d && this.#chosen(d);
    if (!s) return;
    this.#fetching.delete(`${d.locale}|${s.id}`);
    this.requestUpdate();
  };

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
    // The option the arrow keys reached stays in view inside the open listbox.
    if (changed.has('active')) this.renderRoot.querySelector('[role=option].active')?.scrollIntoView({ block: 'nearest' });
    // A reload while a submission was pending: load the form and its outbox, which re-sends it.
    if (!this.#pendingChecked && this.config) {
      this.#pendingChecked = true;
      if (this.#hasPending()) void this.#leadView();
    }
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

  /**
   * A specialty chip narrows the treatments offered; it never throws away the estimate. Arrow keys
   * move through the chips (a native radio group), so each step lands here: the treatment and its
   * options stay until the patient picks another one from the specialty's short list.
   */
  #pickSpecialty = (e: Event) => {
    this.chosenSpecialty = (e.target as HTMLInputElement).value;
    this.#changed('specialty');
  };

  #search = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
  };

  /** The treatments the combobox offers now (the specialty chosen, then what was typed). */
  #options(d: Loaded): ProcedureSummary[] {
    return filterProcedures(this.#procedures(d), this.specialty || this.chosenSpecialty || undefined, this.query);
  }

  /** WAI-ARIA APG combobox keys: arrows open and move, Enter chooses, Escape closes then clears. */
  #comboKey = (e: KeyboardEvent) => {
    const d = this.data.value;
    if (!d) return;
    const list = this.#options(d);
    const k = e.key;
    if (k === 'ArrowDown' || k === 'ArrowUp') {
      e.preventDefault();
      const wasOpen = this.open;
      this.open = true;
      if (e.altKey) return;
      const chosen = list.findIndex((x) => x.id === this.#chosen(d)?.id);
      const n = list.length;
      this.active = !n ? -1 : !wasOpen || this.active < 0 ? (chosen >= 0 ? chosen : k === 'ArrowDown' ? 0 : n - 1) : (this.active + (k === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (k === 'Enter' && this.open) {
      e.preventDefault();
      // The option the arrows reached, or the only one left by what was typed.
      const proc = list[this.active] ?? (this.query && list.length === 1 ? list[0] : undefined);
      if (proc) this.#choose(proc);
      else this.open = false;
    } else if (k === 'Escape') {
      if (this.open) {
        this.#close();
        this.#selectName();
      } else this.query = '';
    } else if (k === 'Home' || k === 'End') {
      // APG combobox: Home and End move the caret in the field (the browser does it), and the
      // visual focus leaves the list for the field.
      this.active = -1;
    }
  };

  /** After the field shows the treatment's name again, its text is selected: typing replaces it rather than appending to it. */
  #selectName(): void {
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
      if (input && this.shadowRoot?.activeElement === input) input.select();
    });
  }

  #close = () => {
    this.open = false;
    this.active = -1;
    this.query = '';
  };

  #choose(proc: ProcedureSummary): void {
    this.#close();
    this.#selectName();
    this.procedureId = proc.id;
    const d = this.data.value;
    const full = d && this.#full.get(`${d.locale}|${proc.id}`);
    this.selection = full ? clampSelection(full, undefined) : undefined;
    this.drafts = {};
    // One choice, one event, with its estimate: when the details are still to come, on their arrival
    // (unless the patient chose something else meanwhile).
    if (full || !d || !this.client) this.#changed('procedure');
    else
      this.#fetchProcedure(this.client, d.locale, proc.id).then(
        () => this.procedureId === proc.id && this.#changed('procedure'),
        () => {},
      );
  }

  /** A treatment of the short list: chosen, the list goes, and focus goes to the field that now names it. */
  #chooseShort = (proc: ProcedureSummary) => () => {
    this.#choose(proc);
    this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  };

  #loadDetails(): Promise<typeof import('./estimate-view.js')> {
    // The exports by name, not the module namespace: a namespace object would need a bundler
    // helper shared with the solo bundle, in a chunk of its own (one more request before ready).
    return (this.#detailsLoading ??= import('./estimate-view.js').then(({ detailStyles, lines, breakdown, includedLists, savingsPanel, listbox, bookingHref, scheduler, goBook, money }) => {
      const m = { detailStyles, lines, breakdown, includedLists, savingsPanel, listbox, bookingHref, scheduler, goBook, money };
      const root = this.renderRoot as ShadowRoot;
      if (m.detailStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, m.detailStyles.styleSheet];
      this.#details = m;
      this.requestUpdate();
      return m;
    }));
  }

  /** A section's content once the details have loaded (they load on the first opening). */
  #detail(f: (m: typeof import('./estimate-view.js')) => unknown): unknown {
    return this.#details ? f(this.#details) : html`<p class="hint">${msg('Loading…')}</p>`;
  }

  #toggleSection = (key: string) => () => {
    void this.#loadDetails();
    const next = new Set(this.opened);
    if (!next.delete(key)) next.add(key);
    this.opened = next;
  };

  #pickTier = (e: Event) => {
    if (!this.selection) return;
    this.selection = { ...this.selection, tier: (e.target as HTMLInputElement).value };
    this.#changed('tier');
  };

  /** Typing in a count field: priced only when it reads as a count within its limits. */
  #typeCount = (field: CountField) => (e: Event) => {
    const p = this.data.value && this.#currentProcedure(this.data.value);
    if (!this.selection || !p) return;
    const raw = (e.target as HTMLInputElement).value;
    const { min, max } = p.limits[field];
    const v = parseCount(raw, min, max);
    this.drafts = { ...this.drafts, [field]: raw };
    if (v !== undefined && v !== this.selection[field]) this.#setCount(field, v, raw);
  };

  /** Arrow, Page, Home and End keys on a count field: one step, one change. */
  #spinCount = (field: CountField) => (e: KeyboardEvent) => {
    const p = this.data.value && this.#currentProcedure(this.data.value);
    if (!this.selection || !p) return;
    const { min, max } = p.limits[field];
    const v = stepCount(e.key, this.selection[field], min, max);
    if (v === undefined) return;
    e.preventDefault();
    if (v !== this.selection[field] || this.drafts[field] !== undefined) this.#setCount(field, v);
  };

  #setCount(field: CountField, v: number, raw?: string): void {
    const drafts = { ...this.drafts };
    if (raw === undefined) delete drafts[field];
    this.drafts = drafts;
    if (v === this.selection![field]) return;
    this.selection = { ...this.selection!, [field]: v };
    this.#changed(field);
  }

  /** A count field whose text is not the priced count, if any. */
  #invalidCount(p: Procedure): CountField | undefined {
    return COUNT_FIELDS.find((f) => {
      const d = this.drafts[f];
      return d !== undefined && parseCount(d, p.limits[f].min, p.limits[f].max) === undefined;
    });
  }

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

  /** Loads the lead form's code (once) and returns its view. */
  #leadView(): Promise<LeadView> {
    return (this.#viewLoading ??= this.#loadLeadView());
  }

  async #loadLeadView(): Promise<LeadView> {
    const [{ LeadView, leadStyles, SubmitQueue, sendQuote }] = await Promise.all([import('./lead-view.js'), this.#loadDetails()]);
    const root = this.renderRoot as ShadowRoot;
    if (leadStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, leadStyles.styleSheet];
    // Restores a pending submission from this tab's storage as it connects (see SubmitQueue).
    // Its code ships with the lead form's chunk: a page where nobody asks for a quote never loads it.
    const outbox = new SubmitQueue<CreateQuoteBody, QuoteResponse>(this, {
      storageKey: this.#outboxKey,
      send: (body, key, signal) => sendQuote(this.client, body, key, signal),
      onChange: (e) => void this.#outboxChanged(e),
    });
    this.#view = new LeadView({
      outbox,
      formHost: this,
      renderRoot: this.renderRoot,
      updateComplete: this.updateComplete,
      requestUpdate: () => this.requestUpdate(),
      locale: () => this.resolvedLocale,
      agent: () => this.config?.agent,
      choicesValid: () => this.#choicesValid(),
      quote: () => {
        const d = this.data.value;
        const p = d && this.#currentProcedure(d);
        const estimate = p && this.selection && this.#estimateFor(d, p, this.selection);
        return estimate ? { config: d.config, selection: this.selection!, estimate, country: this.#country(p) } : undefined;
      },
      submitted: (detail) => this.emit('prm-quote-submit', detail),
      // The details module is loaded with the form (see above), so these run with it at hand.
      canBook: () => !!(this.#details?.scheduler(this) || this.#details?.bookingHref(this.bookingUrl, '')),
      book: () => {
        const r = outbox.last?.result;
        if (r && this.emit('prm-quote-book', { reference: r.reference, quoteId: r.id, procedureId: r.estimate.procedureId })) this.#details?.goBook(this, this.bookingUrl, r.reference);
      },
      restore: (b) => {
        this.procedureId = b.selection.procedureId;
        this.selection = b.selection;
        this.chosenCurrency = b.currency;
        this.chosenCountry = b.homeCountry ?? '';
      },
      startOver: () => {
        outbox.clear();
        this.#view?.reset();
        this.step = 'estimate';
        // The confirmation is gone: keep focus in the widget, on the way back to a quote.
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.cta')?.focus());
      },
    });
    this.requestUpdate();
    return this.#view;
  }

  /** What is shown is what is priced: focuses a count field that does not read as a count, if any. */
  #choicesValid(): boolean {
    const p = this.data.value && this.#currentProcedure(this.data.value);
    const bad = p && this.#invalidCount(p);
    if (bad) this.renderRoot.querySelector<HTMLElement>(`#opt-${bad}`)?.focus();
    return !bad;
  }

  #openLead = async () => {
    if (!this.#choicesValid()) return;
    await this.#leadView();
    this.step = 'lead';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#lead-title')?.focus();
  };

  async #outboxChanged(entry: SubmitEntry<CreateQuoteBody, QuoteResponse>): Promise<void> {
    const view = await this.#leadView();
    const s = entry.status;
    if (s === 'sent' && entry.result) {
      const r = entry.result;
      this.step = 'done';
      view.handOff(entry.body, r.reference);
      this.emit('prm-quote-success', {
        reference: r.reference,
        quoteId: r.id,
        estimate: r.estimate,
        priceChanged: r.priceChanged,
        validUntil: r.validUntil,
      });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus();
    } else if (s === 'pending-offline' || s === 'refused') {
      const err = entry.error;
      if (err) this.reportError(err);
      if (s === 'refused' && err instanceof PrmApiError && err.fields) view.serverErrors(err.fields);
      this.step = 'lead';
    } else if (s === 'sending') {
      this.step = 'lead';
    }
  }

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
        complete: (d) => (this.#view && (this.step === 'done' || this.#view.botThanked) ? this.#view.renderDone(d.config) : this.#renderLoaded(d)),
      })}
    </div>`;
  }

  #skeleton(): TemplateResult {
    const col = (n: number) => Array.from({ length: n }, () => html`<div class="skeleton-line" aria-hidden="true"></div><div class="skeleton-block" aria-hidden="true"></div>`);
    return html`<div class="layout skel">
      <div class="col">${col(2)}</div>
      <div class="col">${col(2)}</div>
    </div>`;
  }

  #renderLoaded(d: Loaded): TemplateResult {
    const chosen = this.#chosen(d);
    const p = this.#currentProcedure(d);
    const sel = p && this.selection?.procedureId === p.id ? this.selection : p ? clampSelection(p, undefined) : undefined;
    const est = p && sel ? this.#estimateFor(d, p, sel) : undefined;
    // The chosen treatment's details on their way, or failed to come.
    const waiting = chosen && !p ? this.#fetching.get(`${d.locale}|${chosen.id}`) : undefined;
    // Three areas: on a phone the treatment, then its total, then the package and options; on a
    // wide card the choices on one side and the estimate beside them.
    return html`<div class="layout">
      <div class="col choices pick" part="choices">${this.#renderChoices(d, chosen)}</div>
      <section class="col estimate" part="estimate" aria-labelledby="est-title" aria-busy=${waiting instanceof Promise ? 'true' : 'false'}>
        <h3 id="est-title">${msg('Estimate')}</h3>
        ${p && sel && est
          ? this.#renderEstimate(d, p, est)
          : waiting instanceof Error
            ? errorState(waiting, this.#retryProcedure)
            : chosen
              ? html`<p class="hint" role="status">${msg('Loading…')}</p>`
              : html`<p class="hint">${msg('Choose a treatment to see its itemised estimate.')}</p>`}
      </section>
      ${p && sel ? html`<div class="col choices more" part="choices">${this.#renderPackage(p, sel)}</div>` : nothing}
    </div>
    ${this.step === 'lead' && this.#view && est ? this.#view.render(d.config, est) : nothing}`;
  }

  #renderChoices(d: Loaded, p: ProcedureSummary | undefined): TemplateResult {
    const locale = this.resolvedLocale;
    const currency = this.#currency(d);
    const specialties = usedSpecialties(d.specialties, this.#procedures(d));
    const specialty = this.specialty || this.chosenSpecialty;
    const list = this.open ? this.#options(d) : [];
    // "from €1,234": the default package's total in the display currency, as the server priced it.
    const from = (proc: ProcedureSummary) => {
      const v = proc.from[currency];
      return v === undefined ? undefined : fromPrice(formatMoney(v, currency, locale, { whole: true }));
    };
    const act = list[this.active];
    // A specialty chosen that the treatment shown is not of: its few treatments, one click away.
    const short = !this.specialty && this.chosenSpecialty && p?.specialty !== this.chosenSpecialty ? filterProcedures(this.#procedures(d), this.chosenSpecialty, '') : [];
    return html`
      ${!this.specialty && specialties.length > 1
        ? html`<fieldset>
            <legend>${msg('Specialty')}</legend>
            <div class="pills" id="specialties">
              <label class="pill"><input type="radio" name="specialty" value="" .checked=${!specialty} @change=${this.#pickSpecialty} /><span>${msg('All')}</span></label>
              ${specialties.map(
                (s) => html`<label class="pill"
                  ><input type="radio" name="specialty" .value=${s.id} .checked=${specialty === s.id} @change=${this.#pickSpecialty} /><span>${s.name}</span></label
                >`,
              )}
            </div>
          </fieldset>`
        : nothing}
      <div class="field combo">
        <label class="label" for="search">${msg('Treatment')}</label>
        <input
          id="search"
          class="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="procs"
          aria-activedescendant=${act ? `proc-${act.id}` : ''}
          autocomplete="off"
          placeholder=${msg('Search treatments')}
          .value=${this.open ? this.query : (p?.name ?? '')}
          @input=${this.#search}
          @keydown=${this.#comboKey}
          @focus=${() => void this.#loadDetails()}
          @click=${() => (this.open = !this.open)}
          @blur=${this.#close}
        />
        ${this.open ? this.#detail((m) => m.listbox(list, this.active, p?.id, from, (x) => this.#choose(x))) : nothing}
      </div>
      ${p ? html`<p class="desc"><bdi>${p.description}</bdi></p>` : nothing}
      ${short.length
        ? html`<ul class="short" id="short" aria-label=${specialties.find((s) => s.id === specialty)?.name ?? ''}>
            ${short.map((x) => {
              const f = from(x);
              return html`<li><button type="button" class="option" id=${`short-${x.id}`} @click=${this.#chooseShort(x)}><bdi class="opt-name">${x.name}</bdi>${f ? html`<span class="opt-meta">${f}</span>` : nothing}</button></li>`;
            })}
          </ul>`
        : nothing}
    `;
  }

  #renderPackage(p: Procedure, sel: QuoteSelection): TemplateResult {
    const locale = this.resolvedLocale;
    const d = this.data.value!;
    const currency = this.#currency(d);
    // Add-on prices in the currency the estimate is shown in, converted like its lines.
    const addOnPrice = (amount: number) => {
      try {
        return formatMoney(convertMinor(amount, p.currency, currency, d.rates), currency, locale);
      } catch {
        return formatMoney(amount, p.currency, locale);
      }
    };
    const countLabel: Record<CountField, string> = {
      hospitalNights: msg('Hospital nights'),
      hotelNights: msg('Hotel nights (recovery)'),
      companions: msg('Companions'),
    };
    const tier = p.tiers.find((t) => t.id === sel.tier);
    return html`<fieldset class="tiers">
        <legend>${msg('Package')}</legend>
        ${p.tiers.map(
          (t) => html`<label class="option tier" id=${`tier-${t.id}`}>
            <input type="radio" name="tier" .value=${t.id} .checked=${sel.tier === t.id} @change=${this.#pickTier} />
            <span class="opt-text">
              <bdi class="opt-name">${t.name}</bdi>
              ${t.description ? html`<bdi class="opt-meta">${t.description}</bdi>` : nothing}
              ${t.includes.length && sel.tier === t.id ? html`<bdi class="opt-meta">${t.includes.join(' · ')}</bdi>` : nothing}
            </span>
          </label>`,
        )}
      </fieldset>
      <fieldset class="opts">
        <legend>${msg('Options')}</legend>
        <div class="counts">
          ${COUNT_FIELDS.map((f) => {
            const { min, max } = p.limits[f];
            const draft = this.drafts[f];
            const bad = draft !== undefined && parseCount(draft, min, max) === undefined;
            return html`<label class="field count">
              <span class="label">${countLabel[f]}</span>
              <input
                id=${`opt-${f}`}
                class="input"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                role="spinbutton"
                aria-valuemin=${min}
                aria-valuemax=${max}
                aria-valuenow=${sel[f]}
                aria-invalid=${bad ? 'true' : 'false'}
                aria-describedby=${`h-${f}`}
                .value=${draft ?? String(sel[f])}
                @input=${this.#typeCount(f)}
                @keydown=${this.#spinCount(f)}
              />
              <span id=${`h-${f}`} class=${bad ? 'hint error' : 'hint'}>${bad ? outOfRange(min, max, sel[f]) : msg(str`${min} to ${max}`)}</span>
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
                >+${a.per === 'night' ? perNight(addOnPrice(a.amount)) : addOnPrice(a.amount)}</span
              ></span
            ></label
          >`,
        )}
      </fieldset>`;
  }

  #renderEstimate(d: Loaded, p: Procedure, est: Estimate): TemplateResult {
    const locale = this.resolvedLocale;
    const currencies = d.config.currencies.filter((c) => c === d.rates.base || c in d.rates.rates);
    const countries = benchmarkCountries(p);
    const open = this.opened;
    const toggle = this.#toggleSection;
    return html`${summary(est, locale, open, toggle, (g) => this.#detail((m) => m.lines(g, est.currency, locale)))}
      <div class="visually-hidden" role="status" aria-live="polite">${msg('Estimated total')}: ${formatMoney(est.total, est.currency, locale)}${est.isRange ? ` – ${formatMoney(est.totalMax, est.currency, locale)}` : ''}</div>
      <label class="field">
        <span class="label">${msg('Currency')}</span>
        <select id="currency" class="input" @change=${this.#pickCurrency}>
          ${currencies.map((c) => html`<option .value=${c} ?selected=${c === est.currency}>${`${c} — ${displayName(locale, 'currency', c)}`}</option>`)}
        </select>
      </label>
      ${countries.length
        ? // Closed, it says the saving itself when there is one ("Compare with prices at home" is
          // then the label of the country inside): the figure in the space of one phone line.
          html`<div class="savings" part="savings">
            ${disclosure('savings', open, toggle, saving(est, locale) ?? msg('Compare with prices at home'), nothing, () =>
              this.#detail((m) => m.savingsPanel(est, countries, this.#country(p), locale, this.#pickCountry)),
            )}
          </div>`
        : nothing}
      <div part="included">${disclosure('included', open, toggle, msg('Included'), nothing, () => this.#detail((m) => m.includedLists(est)))}</div>
      ${disclaimer(p.validityDays, est.ratesDate ?? undefined, locale)}
      ${this.step === 'estimate'
        ? html`<button class="btn btn-primary cta" part="cta" type="button" @click=${this.#openLead}>${msg('Get my personalised quote')}</button>`
        : nothing}`;
  }
}

const outOfRange = (min: number, max: number, priced: number) => msg(str`Enter a whole number from ${min} to ${max}. The estimate uses ${priced} until then.`);
const fromPrice = (price: string) => msg(str`from ${price}`);
const perNight = (price: string) => msg(str`${price} per night`);
