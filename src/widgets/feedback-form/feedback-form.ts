import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import { cardLayout } from '../../core/theme/card.js';
import { DataController } from '../../core/data/controller.js';
import { attribution } from '../../core/attribution.js';
import { PrmApiError } from '../../core/api/errors.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import {
  CreateFeedbackBodySchema,
  FeedbackResponseSchema,
  ImprovementsResponseSchema,
  InvitationSchema,
  type CreateFeedbackBody,
  type FeedbackAspect,
  type FeedbackResponse,
  type FeedbackStage,
  type Improvement,
  type Invitation,
} from '../../core/contract/feedback.js';
import type { FormController, SubmitEntry, SubmitQueue } from '../../core/form/index.js';
import { COUNTRIES, STORY_CONSENT_VERSION, aspectsFor, invitationFromUrl, lowestAspects, matchImprovements, npsBand, parseStage, scaleKey } from './feedback.js';
import { styles } from './feedback-form.styles.js';

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

interface Values extends Record<string, unknown> {
  comment: string;
  treatmentDate: string;
  reference: string;
  publish: boolean;
  displayName: string;
  country: string;
}

interface Loaded {
  f: FormModule;
  config: ClinicConfig;
  improvements: Improvement[];
  invitation?: Invitation;
}

const S = CreateFeedbackBodySchema.shape;

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
 * @cssprop [--prm-feedback-form-block-size=36em] - Block size reserved for the widget; the loading skeleton has this size.
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
  /** Treatment (procedure id) the feedback is about; needed to offer publishing a story. */
  declare procedure?: string;

  /** @internal */
  declare private nps?: number;
  /** @internal */
  private ratings: Ratings = {};

  #form?: FormController<Values>;
  #outbox?: SubmitQueue<CreateFeedbackBody, FeedbackResponse>;
  #viewed = false;
  #successFired = new Set<string>();

  readonly #token = () => this.invitation || invitationFromUrl(location.search);

  private readonly data = new DataController(this, {
    args: () => (this.client ? ([this.client, this.resolvedLocale, this.#token()] as const) : undefined),
    task: async ([client, locale, token], { signal }): Promise<Loaded> => {
      const [f, config, imp, invitation] = await Promise.all([
        import('../../core/form/index.js'),
        this.clinicCtl.load(),
        client.get('improvements', ImprovementsResponseSchema, { signal, searchParams: { locale } }),
        token ? client.get(`feedback/invitations/${encodeURIComponent(token)}`, InvitationSchema, { signal }) : undefined,
      ]);
      this.#setup(f);
      return { f, config, improvements: imp.improvements, ...(invitation ? { invitation } : {}) };
    },
  });

  #stage(d?: Loaded): FeedbackStage {
    return d?.invitation?.stage ?? parseStage(this.stage);
  }

  #procedureId(d: Loaded): string | undefined {
    return d.invitation?.procedureId ?? this.procedure ?? undefined;
  }

  /** The form and the queue, once the form chunk is here. */
  #setup(f: FormModule): void {
    if (this.#form) return;
    const root = this.renderRoot as ShadowRoot;
    if (f.formStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, f.formStyles.styleSheet];
    const publishing = (v: Values) => v.publish;
    this.#form = new f.FormController<Values>(this, {
      initial: () => ({ comment: '', treatmentDate: '', reference: this.booking ?? '', publish: false, displayName: '', country: '' }),
      fields: {
        comment: { schema: S.comment, kind: 'textarea', required: publishing, requiredText: () => msg('Please write a few words for your story.') },
        treatmentDate: { schema: S.treatmentDate },
        reference: { schema: S.reference },
        publish: { kind: 'consent', required: false, path: 'publishConsent' },
        displayName: { schema: S.displayName, kind: 'name', required: publishing, requiredText: () => msg('Please enter a name or initials to show.') },
        country: { schema: S.country, kind: 'choice', required: publishing, requiredText: () => msg('Please choose your country.') },
      },
      onInput: (name) => this.#changed(name),
    });
    this.#outbox = new f.SubmitQueue<CreateFeedbackBody, FeedbackResponse>(this, {
      storageKey: () => `prm-outbox:feedback:${this.config?.clinic ?? ''}`,
      send: (body, key, signal) => {
        if (!this.client) return Promise.reject(new PrmApiError('network', 'No API client'));
        return this.client.post('feedback', body, FeedbackResponseSchema, { idempotencyKey: key, signal });
      },
      onChange: (e) => this.#entryChanged(e),
    });
  }

  #detail(body: CreateFeedbackBody, key: string): FeedbackSubmitDetail {
    return { nps: body.nps, aspects: { ...body.ratings }, stage: body.stage ?? 'post-return', consentToPublish: !!body.publishConsent, idempotencyKey: key };
  }

  #entryChanged(e: SubmitEntry<CreateFeedbackBody, FeedbackResponse>): void {
    const detail = this.#detail(e.body, e.key);
    if (e.status === 'pending-offline') this.emit('prm-feedback-queued', detail);
    else if (e.status === 'sent' && e.result && !this.#successFired.has(e.key)) {
      this.#successFired.add(e.key);
      this.emit('prm-feedback-success', { ...detail, feedbackId: e.result.id, storyPending: e.result.storyPending });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus());
    } else if (e.status === 'refused') {
      this.reportError(e.error);
      if (e.error instanceof PrmApiError) this.#form?.serverErrors(e.error.fields);
    }
  }

  #changed(field: string): void {
    this.emit('prm-feedback-change', { field, ...(this.nps !== undefined ? { nps: this.nps } : {}), aspects: { ...this.ratings }, stage: this.#stage(this.data.value) });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.data.value;
    if (!this.#viewed && d && this.isConnected) {
      this.#viewed = true;
      this.emit('prm-feedback-view', { stage: this.#stage(d), invitation: !!d.invitation });
    }
  }

  // ---- actions ---------------------------------------------------------------------------------

  #pickNps = (e: Event) => {
    this.nps = Number((e.target as HTMLInputElement).value);
    this.#changed('nps');
  };

  /** Arrow keys follow the visual order of the scale (mirrored in right-to-left). */
  #npsKey = (e: KeyboardEvent) => {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next = scaleKey(e.key, Number((e.target as HTMLInputElement).value), 11, rtl);
    if (next === undefined) return;
    e.preventDefault();
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
    const form = this.#form;
    if (!d || !form || !this.#outbox) return;
    if (this.nps === undefined) {
      this.requestUpdate();
      this.renderRoot.querySelector<HTMLInputElement>('#nps-0')?.focus();
      this.#npsMissing = true;
      return;
    }
    if (!form.validate()) return;
    if (form.isBot) {
      this.#botThanked = true;
      this.requestUpdate();
      return;
    }
    const v = form.values;
    const procedureId = this.#procedureId(d);
    const stage = this.#stage(d);
    const a = attribution(this.config?.agent);
    const token = this.#token();
    const body: CreateFeedbackBody = {
      nps: this.nps,
      ratings: { ...this.ratings },
      stage,
      locale: this.resolvedLocale,
      ...(form.wire('comment') ? { comment: form.wire('comment') as string } : {}),
      ...(procedureId ? { procedureId } : {}),
      ...(form.wire('reference') ? { reference: form.wire('reference') as string } : {}),
      ...(form.wire('treatmentDate') ? { treatmentDate: form.wire('treatmentDate') as string } : {}),
      ...(token ? { invitation: token } : {}),
      ...(v.publish && procedureId ? { publishConsent: { accepted: true as const, version: STORY_CONSENT_VERSION }, displayName: form.wire('displayName') as string, country: v.country } : {}),
      ...(Object.keys(a).length ? { attribution: a } : {}),
    };
    const entry = this.#outbox.submit(body);
    this.emit('prm-feedback-submit', this.#detail(body, entry.key));
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
          if (this.#botThanked) return this.#renderDone(d, undefined);
          if (last?.status === 'sent') return this.#renderDone(d, last);
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
      <div class="ends" aria-hidden="true"><span>${low}</span><span>${high}</span></div>
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
    const f = d.f;
    const form = this.#form!;
    const locale = this.resolvedLocale;
    const stage = this.#stage(d);
    const aspects = aspectsFor(d.config.feedback, stage, locale);
    const band = npsBand(this.nps);
    const max = form.rules('comment').maxLength ?? 4000;
    const len = [...form.values.comment].length;
    const commentLabel = band === 'low' ? msg('What should we have done better?') : band === 'high' ? msg('What did you like most?') : msg('Anything you would like to tell us?');
    const procedureId = this.#procedureId(d);
    const busy = last?.status === 'sending';
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return html`<form class="form" part="form" novalidate @submit=${this.#submit}>
      <header>
        <h2 class="title">${msg('How was your experience?')}</h2>
        <p class="sub">${stage === 'pre-travel' ? msg('Before your trip') : stage === 'in-clinic' ? msg('During your stay at the clinic') : msg('Since you returned home')}</p>
      </header>
      ${d.invitation?.answered ? html`<p class="hint" role="status">${msg('You have already answered this invitation. Thank you!')}</p>` : nothing}
      ${this.#renderNps()}
      ${aspects.length
        ? html`<div class="aspects" part="aspects" role="group" aria-labelledby="asp-h"><p id="asp-h" class="label">${msg('Rate each part (optional)')}</p>${aspects.map((a) => this.#renderStars(a.id, a.label))}</div>`
        : nothing}
      ${f.textField(form, 'comment', { label: commentLabel, locale, rows: 4, hint: msg(str`Optional, at most ${max} characters. Please do not include medical details you would not want staff to read.`) })}
      <p class="count" aria-live="polite" id="count">${len > max * 0.9 ? msg(str`${len} of ${max} characters`) : html`<span aria-hidden="true">${msg(str`${len} of ${max} characters`)}</span>`}</p>
      ${f.field(form, 'treatmentDate', { label: msg('Date of treatment (optional)'), locale }, (a) => html`<input id=${a.id} class="input" type="date" .value=${form.values.treatmentDate} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${f.onInput(form, 'treatmentDate')} />`)}
      ${d.invitation?.reference ? html`<p class="hint">${msg(str`Reference: ${d.invitation.reference}`)}</p>` : f.textField(form, 'reference', { label: msg('Booking reference (optional)'), locale, dir: 'ltr' })}
      ${band === 'high' && procedureId
        ? html`<div class="story" part="story">
            ${f.consentField(form, 'publish', { text: msg('Publish my comment as a success story on the clinic’s website, after the clinic has reviewed it. Only the name and country below are shown.'), locale })}
            ${form.values.publish
              ? html`${f.textField(form, 'displayName', { label: msg('Name to show (your first name or initials)'), locale, autocomplete: 'off' })}
                ${f.field(form, 'country', { label: msg('Country'), locale }, (a) => html`<select id=${a.id} class="input" .value=${form.values.country} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @change=${f.onInput(form, 'country')}>
                  <option value="">${msg('Choose…')}</option>
                  ${COUNTRIES.map((c) => html`<option value=${c} ?selected=${form.values.country === c}>${names.of(c)}</option>`)}
                </select>`)}`
              : nothing}
          </div>`
        : nothing}
      ${f.honeypot(form)} ${f.errorSummary(form)}
      ${f.submitStatus(last, { locale, retry: () => this.#outbox?.retry() })}
      <div class="actions">
        <button class="btn btn-primary" type="submit" ?disabled=${busy}>${busy ? msg('Sending…') : msg('Send feedback')}</button>
      </div>
    </form>`;
  }

  #renderDone(d: Loaded, entry: SubmitEntry<CreateFeedbackBody, FeedbackResponse> | undefined): TemplateResult {
    const body = entry?.body;
    const list = matchImprovements(d.improvements, lowestAspects(body?.ratings ?? {}));
    const review = d.f.safeHttpUrl(d.config.feedback?.reviewUrl);
    const high = npsBand(body?.nps) === 'high';
    return html`<section class="done" part="success" aria-labelledby="done-title">
      <h2 class="title" id="done-title" tabindex="-1">${msg('Thank you — your feedback was sent')}</h2>
      ${entry?.result?.storyPending ? html`<p>${msg('Your story will appear on the clinic’s website once the clinic has reviewed it.')}</p>` : nothing}
      ${high && review
        ? html`<p>${msg('Would you share your experience publicly too? It helps other patients decide.')}</p>
            <a class="link" href=${review} target="_blank" rel="noopener noreferrer">${msg('Write a public review')}</a>`
        : nothing}
      ${list.length
        ? html`<h3>${msg('You said, we did')}</h3>
            <ul class="wedid">
              ${list.map(
                (m) => html`<li>
                  <span class="said">${msg(str`You said: ${m.youSaid}`)}</span>
                  <span>${msg(str`We did: ${m.weDid}`)}</span>
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }
}
