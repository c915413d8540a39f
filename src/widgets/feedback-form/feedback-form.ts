import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { cardLayout } from '../../core/theme/card.js';
import { DataController } from '../../core/data/controller.js';
import { PrmApiError } from '../../core/api/errors.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { CreateFeedbackBody, FeedbackAspect, FeedbackResponse, FeedbackStage, Improvement, Invitation } from '../../core/contract/feedback.js';
import type { FormController, SubmitEntry, SubmitQueue } from '../../core/form/index.js';
import { STORY_CONSENT_VERSION, aspectsFor, invitationFromUrl, npsBand, parseStage, scaleKey } from './feedback.js';
import { styles } from './feedback-form.styles.js';
import { ImprovementsResponseSchema, InvitationSchema } from '../../generated/contract/feedback.js';

type FormModule = typeof import('../../core/form/index.js');
type Ratings = Partial<Record<FeedbackAspect, number>>;

export interface FeedbackViewDetail {
  stage: FeedbackStage;
  invitation: boolean;
}
export interface FeedbackChangeDetail {
  /** `nps`, `rating`, `comment`, `publish`… */
  field: string;
  nps?: number;
  aspects: Ratings;
  stage: FeedbackStage;
}
/** No free text in event details: events reach analytics tools, health data does not. */
export interface FeedbackSubmitDetail {
  nps: number;
  aspects: Ratings;
  stage: FeedbackStage;
  consentToPublish: boolean;
  idempotencyKey: string;
}
export type FeedbackQueuedDetail = FeedbackSubmitDetail;
export interface FeedbackSuccessDetail extends FeedbackSubmitDetail {
  feedbackId: string;
  storyPending: boolean;
}

declare module '../../core/events.js' {
  interface PrmEventDetails {
    'prm-feedback-view': FeedbackViewDetail;
    'prm-feedback-change': FeedbackChangeDetail;
    'prm-feedback-submit': FeedbackSubmitDetail;
    'prm-feedback-queued': FeedbackQueuedDetail;
    'prm-feedback-success': FeedbackSuccessDetail;
  }
}

/** The form's values: declared beside the fields (a type only: the fields' chunk stays lazy). */
type Values = import('./fields-view.js').FieldValues;

interface Loaded {
  config: ClinicConfig;
  /** undefined: GET /improvements failed (the form works without them). */
  improvements: Improvement[] | undefined;
  invitation?: Invitation;
  /** The page named an invitation the clinic does not know (expired, mistyped). */
  invitationGone?: boolean;
  /**
   * Looking the invitation up failed (a 5xx, a timeout, a wrong answer) after the client's own
   * retries: the form is shown without its context, and the answer still carries the token.
   */
  invitationUnread?: boolean;
}


/**
 * Feedback at every stage of the journey: NPS 0–10, star ratings of the aspects the clinic asks
 * at this stage, a comment, optional treatment date and booking reference, and a separate consent
 * to publish it as a success story. Sent through the tab's submission queue (never lost, never
 * twice); then "You said, we did": what the clinic changed, matched to what was rated lowest.
 *
 * @summary NPS and aspect ratings, comment, consent to publish, "you said, we did".
 *
 * @fires prm-feedback-view - Once, when the loaded form is first shown. `detail: { stage, invitation }`
 * @fires prm-feedback-change - The patient changed a score, a rating or a field. `detail: { field, nps?, aspects, stage }`
 * @fires prm-feedback-submit - The patient sent the form (no free text in the detail). `detail: { nps, aspects, stage, consentToPublish, idempotencyKey }`
 * @fires prm-feedback-queued - Sending failed for a network reason; it is kept in this tab and sent later. `detail` as submit
 * @fires prm-feedback-success - The clinic stored it. `detail: { nps, aspects, stage, consentToPublish, idempotencyKey, feedbackId, storyPending }`
 * @fires prm-error - Loading or sending failed. `detail: { widget, reason, message, status?, code? }`
 *
 * @csspart base - The card around everything.
 * @csspart nps - The 0–10 scale.
 * @csspart aspects - The star ratings.
 * @csspart form - The form.
 * @csspart story - The consent to publish as a story.
 * @csspart status - Where a submission stands (saved, waiting for the network).
 * @csspart success - The thank-you with "You said, we did".
 * @csspart loading - The loading skeleton.
 * @csspart error - An error state.
 *
 * @cssprop [--prm-feedback-form-block-size=56em] - Block size of the widget: the open form's (comment, date and reference included), so they open on the first touch without moving the page (the embed rules set 76em below 36.25em wide); the loading skeleton has this size.
 * @cssprop --prm-color-primary - Selected score, stars, buttons.
 * @cssprop --prm-radius - Corner radius of controls.
 * @cssprop --prm-font-family - Font of the widget.
 */
export class PrmFeedbackForm extends PrmElement {
  static override tagName = 'prm-feedback-form';
  static override styles = [...(PrmElement.styles as never[]), cardLayout, styles];

  static override properties = {
    ...PrmElement.properties,
    stage: { reflect: true },
    booking: {},
    invitation: {},
    procedure: {},
    nps: { state: true, attribute: false },
    ratings: { state: true, attribute: false },
  };

  /** `pre-travel`, `in-clinic` or `post-return` (default): which aspects are asked. An invitation's stage wins. */
  declare stage?: string;
  /** Booking (or quote) reference to attach, e.g. `B-7K2M9Q`. */
  declare booking?: string;
  /** Invitation token; read from the page's `?prm-feedback=` when absent. Prefills stage, treatment, reference. */
  declare invitation?: string;
  /** Treatment (procedure id) the feedback is about; a story is filed under it (without it, the patient chooses one). */
  declare procedure?: string;

  /** @internal */
  declare private nps?: number;
  /** @internal */
  private ratings: Ratings = {};

  #form?: FormController<Values>;
  #outbox?: SubmitQueue<CreateFeedbackBody, FeedbackResponse>;
  #viewed = false;
  #fromCode = false;
  #successFired = new Set<string>();

  readonly #token = () => this.invitation || invitationFromUrl(location.search);

  private readonly data = new DataController(this, {
    args: () => (this.client ? ([this.client, this.resolvedLocale, this.#token()] as const) : undefined),
    task: async ([client, locale, token], { signal }): Promise<Loaded> => {
      // The form layer (a shared chunk) is not part of the first view: it loads when the patient
      // first touches the form, or now when this tab holds a submission still to be sent.
      const [, config, improvements, invitation] = await Promise.all([
        this.#hasPending() ? this.#loadForm() : undefined,
        this.clinicCtl.load(),
        // Optional: only the thank-you shows them. A 500 or a wrong shape here used to replace
        // the whole form with an error state; now only that list says it could not be loaded.
        client.get('improvements', ImprovementsResponseSchema, { signal, searchParams: { locale } }).then(
          (r) => r.improvements,
          (err: unknown) => {
            if (signal.aborted) throw err;
            return undefined;
          },
        ),
        token
          ? client.get(`feedback/invitations/${encodeURIComponent(token)}`, InvitationSchema, { signal, searchParams: { locale } }).catch((err: unknown) => {
              if (signal.aborted) throw err;
              // An expired or unknown link: the patient can still answer, just not as that invitation.
              if (err instanceof PrmApiError && err.status === 404) return null;
              // The lookup failed otherwise (the client already retried a 5xx or a timeout twice):
              // the patient came to answer, and an error state with "Try again" lost them. The
              // form comes without the treatment and reference it would have shown; the answer
              // still names the invitation, so the server links it and takes stage and reference
              // from it (and says so if it was answered already).
              this.reportError(err);
              return false as const;
            })
          : undefined,
      ]);
      return { config, improvements, ...(invitation ? { invitation } : {}), ...(invitation === null ? { invitationGone: true } : {}), ...(invitation === false ? { invitationUnread: true } : {}) };
    },
  });

  #stage(d?: Loaded): FeedbackStage {
    return d?.invitation?.stage ?? parseStage(this.stage);
  }

  /**
   * The story consent is offered to a promoter (9–10). Its treatment comes from the invitation or
   * `procedure`, or the patient chooses it (issue 12: a high score invites a success story; the
   * demo's form has no `procedure`, and a promoter there was offered only the review link).
   */
  #storyOffered(d: Loaded | undefined): boolean {
    return !!d && npsBand(this.nps) === 'high';
  }

  #procedureId(d: Loaded): string | undefined {
    return d.invitation?.procedureId ?? this.procedure ?? undefined;
  }

  /** The catalog's treatments for the story: undefined until asked or while loading, null: failed. */
  #treatments?: import('./fields-view.js').Treatment[] | null;
  #treatmentsFor?: string;

  /** Loads the treatments once the story is offered and the page did not name one (or only its id). */
  #needTreatments(d: Loaded): void {
    const client = this.client;
    const locale = this.resolvedLocale;
    if (!this.#view || !client || !this.#storyOffered(d) || d.invitation?.procedureName || this.#treatmentsFor === locale) return;
    this.#treatmentsFor = locale;
    this.#treatments = undefined;
    this.#view.loadTreatments(client, locale).then(
      (list) => {
        if (this.#treatmentsFor === locale) this.#treatments = list;
      },
      (err: unknown) => {
        if (this.#treatmentsFor !== locale) return;
        this.#treatments = null;
        this.reportError(err);
      },
    ).finally(() => this.requestUpdate());
  }

  #reloadTreatments = () => {
    this.#treatmentsFor = undefined;
    this.requestUpdate();
  };

  /** The story's treatment as the fields show it: a given name, or the list to choose from. */
  #treatment(d: Loaded): { given: boolean; name?: string | undefined; list?: import('./fields-view.js').Treatment[] | null | undefined; reload: () => void } {
    const id = this.#procedureId(d);
    const name = d.invitation?.procedureName ?? (id && this.#treatments ? this.#treatments.find((t) => t.id === id)?.name : undefined);
    return { given: !!id, name: name ?? undefined, list: this.#treatments, reload: this.#reloadTreatments };
  }

  #outboxKey(): string {
    return `prm-outbox:feedback:${this.config?.clinic ?? ''}`;
  }

  #hasPending(): boolean {
    try {
      return !!sessionStorage.getItem(this.#outboxKey());
    } catch {
      return false;
    }
  }

  #f?: FormModule;
  #view?: typeof import('./fields-view.js');
  #formLoading?: Promise<void>;
  /** The form layer and the queue: on the first interaction with the form (or a pending submission). */
  #loadForm = (): Promise<void> => {
    this.#formLoading ??= Promise.all([import('../../core/form/index.js'), import('./fields-view.js')]).then(
      ([f, view]) => {
        this.#setup(f, view);
        this.#f = f;
        this.#view = view;
        this.requestUpdate();
      },
      (err: unknown) => {
        this.#formLoading = undefined; // a failed chunk download is tried again on the next touch
        this.reportError(err);
      },
    );
    return this.#formLoading;
  };

  /** The form and the queue, once the form chunk is here. */
  #setup(f: FormModule, view: typeof import('./fields-view.js')): void {
    if (this.#form) return;
    const root = this.renderRoot as ShadowRoot;
    if (f.formStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, f.formStyles.styleSheet];
    const { form, outbox } = view.createForm(this, f, {
      booking: () => this.booking,
      // Only while the story is offered (a promoter, a known treatment): ticked at 10 and then moved
      // to 7, the hidden name and country were still required and the form could not be sent.
      publishing: () => this.#storyOffered(this.data.value),
      choosing: () => !!this.data.value && !this.#procedureId(this.data.value),
      onInput: (name) => {
        if (!this.#fromCode) this.#changed(name);
      },
      storageKey: () => this.#outboxKey(),
      client: () => this.client,
      onChange: (e) => this.#entryChanged(e),
    });
    this.#form = form;
    this.#outbox = outbox;
    // Restored from an earlier load in this tab: shown as waiting, not as a blank form.
    if (outbox.unsent.length) this.#held = true;
  }

  /**
   * A submission waits (saved offline, or the clinic did not answer): the form gives way to what
   * will be sent, until nothing of this tab is unsent.
   */
  #held = false;
  /** Keys the patient submitted in this mount (not restored from an earlier load). */
  #mine = new Set<string>();
  #submitting = false;

  /**
   * Whether a change the patient did not just make may move focus: only when focus is inside the
   * widget, or nowhere (on the body, e.g. the pressed Send was replaced) after their own submit.
   */
  #mayFocus(key: string): { preventScroll: boolean } | undefined {
    const a = document.activeElement;
    if (a === this) return { preventScroll: false };
    if ((!a || a === document.body) && (this.#submitting || this.#mine.has(key))) return { preventScroll: true };
    return undefined;
  }

  #focusAfterRender(selector: string, how: { preventScroll: boolean } | undefined): void {
    if (how) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus(how));
  }

  #detail(body: CreateFeedbackBody, key: string): FeedbackSubmitDetail {
    return { nps: body.nps, aspects: { ...body.ratings }, stage: body.stage ?? 'post-return', consentToPublish: !!body.publishConsent, idempotencyKey: key };
  }

  #entryChanged(e: SubmitEntry<CreateFeedbackBody, FeedbackResponse>): void {
    const detail = this.#detail(e.body, e.key);
    const waited = this.#held;
    if (e.status === 'pending-offline' && !this.#held) {
      // The form gives way to the waiting panel: focus goes to its heading, not to the body.
      this.#held = true;
      this.#focusAfterRender('#pending-title', this.#mayFocus(e.key));
    } else if ((e.status === 'sent' || e.status === 'refused') && !this.#outbox?.unsent.length) this.#held = false;
    // Queued once per submission, after its submit (the queue reports an entry saved offline
    // from inside submit(), before the widget's prm-feedback-submit), not on every failed retry.
    if (e.status === 'pending-offline' && !this.#submitting) this.#queued(e);
    else if (e.status === 'sent' && e.result?.alreadyAnswered && !this.#successFired.has(e.key)) {
      // The invitation was answered elsewhere first (another tab, another device): this answer was
      // not stored. Not a success for analytics; the patient is told plainly (render).
      this.#successFired.add(e.key);
      this.reportError(new PrmApiError('http', 'This invitation had already been answered; this answer was not stored', { code: 'already_answered' }));
      const how = this.#mayFocus(e.key);
      this.#focusAfterRender('#answered-title', how && { preventScroll: how.preventScroll || waited });
    } else if (e.status === 'refused' && e.body.invitation && e.error instanceof PrmApiError && e.error.status === 404) {
      // The invitation expired (or its lookup had failed and it was never valid): the answer is
      // sent again without it, as the form does for a link known to be expired at load.
      const { invitation: _gone, ...body } = e.body;
      const mine = this.#mine.has(e.key);
      queueMicrotask(() => {
        const again = this.#outbox?.submit(body);
        if (again && mine) this.#mine.add(again.key);
      });
    } else if (e.status === 'sent' && e.result && !this.#successFired.has(e.key)) {
      this.#successFired.add(e.key);
      this.emit('prm-feedback-success', { ...detail, feedbackId: e.result.id, storyPending: e.result.storyPending });
      // A send the patient is not watching (back online later, a restored entry on this load) does
      // not take focus from where they are, nor scroll the page to the thank-you: it moved a
      // patient reading the top of the clinic's page 2,800 px down.
      const how = this.#mayFocus(e.key);
      this.#focusAfterRender('#done-title', how && { preventScroll: how.preventScroll || waited });
    } else if (e.status === 'refused') {
      this.reportError(e.error);
      if (e.error instanceof PrmApiError) this.#form?.serverErrors(e.error.fields);
    }
  }

  #queuedFired = new Set<string>();
  #queued(e: SubmitEntry<CreateFeedbackBody, FeedbackResponse>): void {
    if (this.#queuedFired.has(e.key)) return;
    this.#queuedFired.add(e.key);
    this.emit('prm-feedback-queued', this.#detail(e.body, e.key));
  }

  #changed(field: string): void {
    this.emit('prm-feedback-change', { field, ...(this.nps !== undefined ? { nps: this.nps } : {}), aspects: { ...this.ratings }, stage: this.#stage(this.data.value) });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // `booking` set from code after the form exists: the reference field follows it unless the
    // patient typed their own.
    const form = this.#form;
    if (form && changed.has('booking') && form.values.reference === ((changed.get('booking') as string | undefined) ?? '')) {
      this.#fromCode = true; // no prm-feedback-change: the patient did nothing
      form.set('reference', this.booking ?? '');
      this.#fromCode = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The thank-you and an error state are shorter than the form: release the reserved box (the
    // page's embed rule reads --prm-feedback-form-block-size) instead of showing an empty card
    // around them (an error on a phone was a few lines in a 1,185 px card).
    this.toggleAttribute('data-short', !!this.renderRoot.querySelector('[part=success], [part=error], #pending'));
    const d = this.data.value;
    if (d) this.#needTreatments(d);
    if (!this.#viewed && d && this.isConnected) {
      this.#viewed = true;
      this.emit('prm-feedback-view', { stage: this.#stage(d), invitation: !!d.invitation });
    }
  }

  // ---- actions ---------------------------------------------------------------------------------

  #pickNps = (e: Event) => {
    void this.#loadForm();
    this.nps = Number((e.target as HTMLInputElement).value);
    this.#changed('nps');
  };

  /** Arrow keys follow the visual order of the scale (mirrored in right-to-left). */
  #npsKey = (e: KeyboardEvent) => {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next = scaleKey(e.key, Number((e.target as HTMLInputElement).value), 11, rtl);
    if (next === undefined) return;
    e.preventDefault();
    void this.#loadForm();
    this.nps = next;
    this.#changed('nps');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#nps-${next}`)?.focus());
  };

  #rate = (id: FeedbackAspect, v: number | undefined) => {
    const next = { ...this.ratings };
    if (v === undefined) delete next[id];
    else next[id] = v;
    this.ratings = next;
    this.#changed('rating');
    if (v === undefined) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#r-${id}-1`)?.focus());
  };

  #submit = (e: Event) => {
    e.preventDefault();
    const d = this.data.value;
    if (!d) return;
    if (this.nps === undefined) {
      this.requestUpdate();
      this.renderRoot.querySelector<HTMLInputElement>('#nps-0')?.focus();
      this.#npsMissing = true;
      return;
    }
    // One answer, one row: while a submission of this tab waits (saved offline or on its way),
    // Send adds nothing; the queue sends the waiting one with its own Idempotency-Key.
    if (this.#outbox?.unsent.length) return;
    const form = this.#form;
    // Sent before the form layer arrived (it loads on the first touch): send once it is here.
    if (!form || !this.#outbox) {
      void this.#loadForm().then(() => this.#form && this.#submit(e));
      return;
    }
    if (!form.validate()) return;
    if (form.isBot) {
      this.#botThanked = true;
      this.requestUpdate();
      return;
    }
    const v = form.values;
    const publishing = v.publish && this.#storyOffered(d);
    // Given by the invitation or the page, or chosen by the patient for their story.
    const procedureId = this.#procedureId(d) ?? (publishing ? v.procedureId || undefined : undefined);
    const stage = this.#stage(d);
    const a = this.#f!.attribution(this.config?.agent);
    // An invitation the server knows, or one whose lookup failed (the server links it, or refuses
    // it with a 404 and the answer goes again without it); not one known to be expired.
    const token = d.invitation || d.invitationUnread ? this.#token() : undefined;
    const body: CreateFeedbackBody = {
      nps: this.nps,
      ratings: { ...this.ratings },
      stage,
      locale: this.resolvedLocale,
      ...(form.wire('comment') ? { comment: form.wire('comment') as string } : {}),
      ...(procedureId ? { procedureId } : {}),
      // Arabic-Indic digits typed on an Arabic keyboard: B-٧K٢M٩Q is the booking B-7K2M9Q.
      ...(form.wire('reference') ? { reference: this.#f!.normalizeDigits(form.wire('reference') as string) } : {}),
      ...(form.wire('treatmentDate') ? { treatmentDate: form.wire('treatmentDate') as string } : {}),
      ...(token ? { invitation: token } : {}),
      ...(publishing ? { publishConsent: { accepted: true as const, version: STORY_CONSENT_VERSION }, displayName: form.wire('displayName') as string, country: v.country } : {}),
      ...(Object.keys(a).length ? { attribution: a } : {}),
    };
    this.#submitting = true; // the queue reports the new entry before submit() returns
    const entry = this.#outbox.submit(body);
    this.#submitting = false;
    this.#mine.add(entry.key);
    this.emit('prm-feedback-submit', this.#detail(body, entry.key));
    if (entry.status === 'pending-offline') this.#queued(entry);
  };

  #npsMissing = false;
  #botThanked = false;

  // ---- render ----------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    return html`<div class="card" part="base">
      ${this.data.render({
        pending: () => html`<div class="skeleton-line" aria-hidden="true"></div>
          <div class="skeleton-block" aria-hidden="true"></div>
          <div class="skeleton-block" aria-hidden="true"></div>`,
        complete: (d) => {
          const last = this.#outbox?.last;
          if (this.#view && this.#f && this.#botThanked) return this.#view.renderDone(d, undefined, this.#f);
          // Answered in another tab after this one loaded: the server kept the first answer and
          // said so. Told plainly, with no "sent" and no summary of an answer that was not saved.
          const dropped = last?.status === 'sent' && !!last.result?.alreadyAnswered;
          if (this.#view && this.#f && last?.status === 'sent' && !dropped) return this.#view.renderDone(d, last, this.#f);
          // An invitation takes one answer: a second one would be dropped by the server (it
          // answers with the first), and the patient was shown the form and then "sent".
          if (d.invitation?.answered || dropped) {
            return html`<section class="done" part="success" aria-labelledby="answered-title">
              <h2 class="title" id="answered-title" tabindex="-1">${msg('You have already answered this invitation. Thank you!')}</h2>
              ${dropped ? html`<p id="not-saved">${msg('Only its first answer is kept, so the answer you just sent was not saved.')}</p>` : nothing}
            </section>`;
          }
          const waiting = this.#held ? this.#outbox?.unsent[0] : undefined;
          if (this.#view && waiting) {
            const labels = Object.fromEntries(aspectsFor(d.config.feedback, waiting.body.stage ?? 'post-return', this.resolvedLocale).map((a) => [a.id, a.label]));
            return this.#view.renderPending(waiting, { locale: this.resolvedLocale, labels, retry: () => this.#outbox?.retry() });
          }
          return this.#renderForm(d, last);
        },
      })}
    </div>`;
  }

  #renderNps(): TemplateResult {
    const low = msg('Not at all likely');
    const high = msg('Extremely likely');
    return html`<fieldset part="nps" role="radiogroup" aria-labelledby="nps-q" aria-describedby=${this.#npsMissing && this.nps === undefined ? 'nps-err' : nothing}>
      <legend id="nps-q">${msg('How likely are you to recommend us to a friend or relative?')}</legend>
      <div class="nps" @keydown=${this.#npsKey}>
        ${Array.from({ length: 11 }, (_, i) => {
          const name = i === 0 ? `${i} – ${low}` : i === 10 ? `${i} – ${high}` : String(i);
          const tab = this.nps === undefined ? (i === 0 ? 0 : -1) : this.nps === i ? 0 : -1;
          return html`<label class="opt"><input type="radio" name="nps" id=${`nps-${i}`} .value=${String(i)} .checked=${this.nps === i} tabindex=${tab} aria-label=${name} @change=${this.#pickNps} /><span aria-hidden="true">${i}</span></label>`;
        })}
      </div>
      <div class="ends" aria-hidden="true"><span aria-hidden="true"><span class="n">0 – </span>${low}</span><span aria-hidden="true"><span class="n">10 – </span>${high}</span></div>
      ${this.#npsMissing && this.nps === undefined ? html`<span class="error" id="nps-err" role="alert">${msg('Please choose a score from 0 to 10.')}</span>` : nothing}
    </fieldset>`;
  }

  #renderStars(id: FeedbackAspect, label: string): TemplateResult {
    const v = this.ratings[id];
    return html`<fieldset class="aspect">
      <legend>${label}</legend>
      <span class="stars">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<label class="star"><input type="radio" name=${`r-${id}`} id=${`r-${id}-${n}`} .checked=${v === n} aria-label=${msg(str`${n} of 5 stars`)} @change=${() => this.#rate(id, n)} /><span class=${v !== undefined && n <= v ? 'on' : ''} aria-hidden="true">★</span></label>`,
        )}
      </span>
      ${v !== undefined ? html`<button type="button" class="clear" aria-label=${msg(str`Clear rating: ${label}`)} @click=${() => this.#rate(id, undefined)}>${msg('Clear')}</button>` : nothing}
    </fieldset>`;
  }

  #renderForm(d: Loaded, last: SubmitEntry<CreateFeedbackBody, FeedbackResponse> | undefined): TemplateResult {
    const locale = this.resolvedLocale;
    const stage = this.#stage(d);
    const aspects = aspectsFor(d.config.feedback, stage, locale);
    const busy = last?.status === 'sending';
    // Disabled while anything of this tab is unsent, not only while sending: pressed again while
    // the first was saved offline, it stored a second row for one answer.
    const held = !!this.#outbox?.unsent.length;
    return html`<form class="form" part="form" novalidate @submit=${this.#submit} @focusin=${this.#loadForm} @pointerdown=${this.#loadForm}>
      <header>
        <h2 class="title">${msg('How was your experience?')}</h2>
        <p class="sub">${stage === 'pre-travel' ? msg('Before your trip') : stage === 'in-clinic' ? msg('During your stay at the clinic') : msg('Since you returned home')}</p>
      </header>
      ${d.invitationGone ? html`<p class="hint" role="status">${msg('This feedback link has expired, but you can still tell us how it went.')}</p>` : nothing}
      ${d.invitationUnread ? html`<p class="hint" role="status" id="unread">${msg('The details of your invitation could not be loaded, but you can still answer.')}</p>` : nothing}
      ${d.invitation?.procedureName ? html`<p class="hint" id="treatment">${msg(str`Treatment: ${d.invitation.procedureName}`)}</p>` : nothing}
      ${d.invitation?.reference ? html`<p class="hint" id="reference">${msg(str`Reference: ${d.invitation.reference}`)}</p>` : nothing}
      ${this.#renderNps()}
      ${aspects.length
        ? html`<div class="aspects" part="aspects" role="group" aria-labelledby="asp-h"><p id="asp-h" class="label">${msg('Rate each part (optional)')}</p>${aspects.map((a) => this.#renderStars(a.id, a.label))}</div>`
        : nothing}
      ${this.#f && this.#form && this.#view
        ? this.#view.renderFields({ d, f: this.#f, form: this.#form, last, locale, nps: this.nps, storyOffered: this.#storyOffered(d), treatment: this.#treatment(d), retry: () => this.#outbox?.retry() })
        : // Until the first touch brings them, an outline of the comment, date and reference, with
          // a line that says what brings them: without it the outline read as a form stuck loading.
          html`<div class="later">
            <p class="hint">${msg('Choose a score to add a comment and the details of your treatment.')}</p>
            <div class="skeleton-line" aria-hidden="true"></div><div class="skeleton-block tall" aria-hidden="true"></div><div class="skeleton-line" aria-hidden="true"></div><div class="skeleton-block" aria-hidden="true"></div><div class="skeleton-line" aria-hidden="true"></div><div class="skeleton-block" aria-hidden="true"></div>
          </div>`}
      <div class="actions">
        <button class="btn btn-primary" type="submit" ?disabled=${busy || held}>${busy ? msg('Sending…') : msg('Send feedback')}</button>
      </div>
    </form>`;
  }

}
