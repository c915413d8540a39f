/**
 * The part of `<prm-feedback-form>` its first view does not need: the comment, date, reference and
 * story fields and the thank-you. Loaded with the form layer on the first touch of the form (a
 * lazy part: `feedback-form.fields-view-*.js`), so a page's first view carries neither.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { CreateFeedbackBody, FeedbackResponse, Improvement, Invitation } from '../../core/contract/feedback.js';
import type { ApiClient } from '../../core/api/client.js';
import { PrmApiError } from '../../core/api/errors.js';
import type { FormController, SubmitEntry, SubmitQueue } from '../../core/form/index.js';
import type { ReactiveControllerHost } from 'lit';
import { countryOptions, lowestAspects, matchImprovements, npsBand } from './feedback.js';
import { CreateFeedbackBodySchema, FeedbackResponseSchema } from '../../generated/contract/feedback.js';
import { CatalogResponseSchema } from '../../generated/contract/catalog.js';

type FormModule = typeof import('../../core/form/index.js');

export interface FieldValues extends Record<string, unknown> {
  comment: string;
  treatmentDate: string;
  reference: string;
  publish: boolean;
  displayName: string;
  country: string;
  /** The story's treatment, chosen from the catalog when neither `procedure` nor an invitation gives it. */
  procedureId: string;
}

export interface Treatment {
  id: string;
  name: string;
}

/**
 * The clinic's treatments in `locale` (GET /catalog, the quote calculator's summary), sorted by
 * name: what a story is filed under when the page did not say (no `procedure`, no invitation).
 */
export async function loadTreatments(client: ApiClient, locale: string): Promise<Treatment[]> {
  const r = await client.get('catalog', CatalogResponseSchema, { searchParams: { locale } });
  const order = new Intl.Collator(locale);
  return r.procedures.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => order.compare(a.name, b.name));
}

const S = CreateFeedbackBodySchema.shape;

export interface FormHooks {
  booking: () => string | undefined;
  /** The story consent is offered now (then its name and country are required). */
  publishing: () => boolean;
  /** The story's treatment is the patient's to choose (no `procedure`, no invitation naming one). */
  choosing: () => boolean;
  onInput: (name: keyof FieldValues & string) => void;
  storageKey: () => string;
  client: () => ApiClient | undefined;
  onChange: (e: SubmitEntry<CreateFeedbackBody, FeedbackResponse>) => void;
}

/** The form's fields (rules from the contract) and the tab's submission queue for POST /feedback. */
export function createForm(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }, f: FormModule, o: FormHooks): { form: FormController<FieldValues>; outbox: SubmitQueue<CreateFeedbackBody, FeedbackResponse> } {
  const root = host.shadowRoot;
  if (root && f.formStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, f.formStyles.styleSheet];
  const publishing = (v: FieldValues) => v.publish && o.publishing();
  const form = new f.FormController<FieldValues>(host, {
    initial: () => ({ comment: '', treatmentDate: '', reference: o.booking() ?? '', publish: false, displayName: '', country: '', procedureId: '' }),
    fields: {
      comment: { schema: S.comment, kind: 'textarea', required: publishing, requiredText: () => msg('Please write a few words for your story.') },
      treatmentDate: { schema: S.treatmentDate },
      reference: { schema: S.reference },
      publish: { kind: 'consent', required: false, path: 'publishConsent' },
      displayName: { schema: S.displayName, kind: 'name', required: publishing, requiredText: () => msg('Please enter a name or initials to show.') },
      country: { schema: S.country, kind: 'choice', required: publishing, requiredText: () => msg('Please choose your country.') },
      procedureId: { schema: S.procedureId, kind: 'choice', required: (v) => publishing(v) && o.choosing() },
    },
    onInput: (name) => o.onInput(name),
  });
  const outbox = new f.SubmitQueue<CreateFeedbackBody, FeedbackResponse>(host, {
    storageKey: o.storageKey,
    send: (body, key, signal) => {
      const client = o.client();
      if (!client) return Promise.reject(new PrmApiError('network', 'No API client'));
      return client.post('feedback', body, FeedbackResponseSchema, { idempotencyKey: key, signal });
    },
    onChange: o.onChange,
  });
  return { form, outbox };
}

export interface DoneData {
  config: ClinicConfig;
  /** undefined: they could not be loaded (shown as a short note, the thank-you stays). */
  improvements: Improvement[] | undefined;
  invitation?: Invitation;
}

export interface FieldsContext {
  d: DoneData;
  f: FormModule;
  form: FormController<FieldValues>;
  last: SubmitEntry<CreateFeedbackBody, FeedbackResponse> | undefined;
  locale: string;
  nps: number | undefined;
  storyOffered: boolean;
  /**
   * The story's treatment: `name` when the page or the invitation gave it (shown, not editable);
   * otherwise `list`, the catalog to choose from (undefined while it loads, null when it failed).
   */
  treatment: { given: boolean; name?: string | undefined; list?: Treatment[] | null | undefined; reload: () => void };
  retry: () => void;
}

/** The comment's question, which follows the score (the same words in the form and the summary). */
function commentLabel(nps: number | undefined): string {
  const band = npsBand(nps);
  return band === 'low' ? msg('What should we have done better?') : band === 'high' ? msg('What did you like most?') : msg('Anything you would like to tell us?');
}

/** The comment, date, reference, story and status: once the form layer is here. */
export function renderFields(c: FieldsContext): TemplateResult {
const { d, f, form, last, locale } = c;
  const max = form.rules('comment').maxLength ?? 4000;
  const len = [...form.values.comment].length;
  // "4,000" in English, "4.000" in German: numbers through Intl in the widget's locale.
  const nf = new Intl.NumberFormat(locale);
  // Publishing a story makes the comment required: the hint said "Optional" right above the
  // error "Please write a few words for your story."
  // (No second hint text for the story: the Russian messages are at their size budget; the field
  // is marked required and the counter below still gives the limit.)
  const commentHint = form.isRequired('comment') ? undefined : msg(str`Optional, at most ${nf.format(max)} characters. Please do not include medical details you would not want staff to read.`);
  return html`${f.textField(form, 'comment', { label: commentLabel(c.nps), locale, rows: 4, dir: 'auto', hint: commentHint })}
    <p class="count" aria-live="polite" id="count">${len > max * 0.9 ? msg(str`${nf.format(len)} of ${nf.format(max)} characters`) : html`<span aria-hidden="true">${msg(str`${nf.format(len)} of ${nf.format(max)} characters`)}</span>`}</p>
    ${f.field(form, 'treatmentDate', { label: msg('Date of treatment (optional)'), locale }, (a) => html`<input id=${a.id} class="input" type="date" .value=${form.values.treatmentDate} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${f.onInput(form, 'treatmentDate')} />`)}
    ${d.invitation?.reference ? nothing : f.textField(form, 'reference', { label: msg('Booking reference (optional)'), locale, dir: 'ltr' })}
    ${c.storyOffered
      ? html`<div class="story" part="story">
          ${f.consentField(form, 'publish', { text: msg('Publish my comment as a success story on the clinic’s website, after the clinic has reviewed it. Only the name and country below are shown.'), locale })}
          ${form.values.publish
            ? html`${f.textField(form, 'displayName', { label: msg('Name to show (your first name or initials)'), locale, autocomplete: 'off', dir: 'auto' })}
              ${f.field(form, 'country', { label: msg('Country'), locale }, (a) => html`<select id=${a.id} class="input" .value=${form.values.country} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @change=${f.onInput(form, 'country')}>
                <option value="">${msg('Choose…')}</option>
                ${countryOptions(locale).map((c) => html`<option value=${c.code} ?selected=${form.values.country === c.code}>${c.name}</option>`)}
              </select>`)}
              ${c.treatment.given ? nothing : renderTreatment(c)}`
            : nothing}
          ${c.treatment.given ? renderTreatment(c) : nothing}
        </div>`
      : nothing}
    ${f.honeypot(form)} ${f.errorSummary(form)}
    ${f.submitStatus(last, { locale, retry: c.retry })}`;
}

/** What the story is filed under: the treatment given (read-only), or a choice from the catalog. */
function renderTreatment(c: FieldsContext): TemplateResult {
  const { f, form, locale, treatment: t } = c;
  // Given by the page or the invitation: its name once the catalog says it, never a choice.
  if (t.given && t.list !== null && !t.name) return html``;
  if (t.name) return html`<p class="hint" id="story-treatment">${msg(str`Treatment: ${t.name}`)}</p>`;
  if (t.list === null) {
    return html`<p class="hint" id="treatments-error">${msg('The clinic could not load this right now. Please try again.')}</p>
      <div><button class="btn" type="button" @click=${t.reload}>${msg('Try again')}</button></div>`;
  }
  return f.field(form, 'procedureId', { label: msg('Treatment'), locale }, (a) => html`<select id=${a.id} class="input" .value=${form.values.procedureId} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} aria-busy=${t.list ? 'false' : 'true'} @change=${f.onInput(form, 'procedureId')}>
    <option value="">${msg('Choose…')}</option>
    ${(t.list ?? []).map((p) => html`<option value=${p.id} ?selected=${form.values.procedureId === p.id}>${p.name}</option>`)}
  </select>`);
}

/**
 * A submission of this tab that waits (saved offline, or the clinic did not answer): what will be
 * sent and that it will be, with "Try again now", instead of the form. Shown also after a reload,
 * where the form used to come back blank and enabled beside the note, and a patient who thought
 * the answer lost sent it twice.
 */
export function renderPending(entry: SubmitEntry<CreateFeedbackBody, FeedbackResponse>, o: { locale: string; labels: Partial<Record<string, string>>; retry: () => void }): TemplateResult {
  const b = entry.body;
  const num = new Intl.NumberFormat(o.locale);
  const when = new Intl.DateTimeFormat(o.locale, { timeStyle: 'short' }).format(entry.createdAt);
  const offline = !navigator.onLine || (entry.error instanceof PrmApiError && entry.error.kind === 'network') || !entry.error;
  return html`<section class="done" part="status" id="pending" aria-labelledby="pending-title">
    <div role="status">
      <h2 class="title" id="pending-title" tabindex="-1">${offline ? msg('Saved — it will be sent when you’re back online') : msg('Saved — it will be sent as soon as the clinic answers')}</h2>
      <p>${msg(str`Your feedback from ${when} is saved in this tab and will be sent automatically. You do not need to send it again.`)}</p>
    </div>
    <dl class="summary">
      <dt>${msg('How likely are you to recommend us to a friend or relative?')}</dt>
      <dd>${num.format(b.nps)}</dd>
      ${Object.entries(b.ratings).map(([id, v]) => html`<dt>${o.labels[id] ?? id}</dt><dd>${msg(str`${num.format(v)} of 5 stars`)}</dd>`)}
      ${b.comment ? html`<dt>${commentLabel(b.nps)}</dt><dd dir="auto" class="said">${b.comment}</dd>` : nothing}
    </dl>
    <div><button class="btn" type="button" @click=${o.retry}>${msg('Try again now')}</button></div>
  </section>`;
}

/** The thank-you with "You said, we did". */
export function renderDone(d: DoneData, entry: SubmitEntry<CreateFeedbackBody, FeedbackResponse> | undefined, f: FormModule): TemplateResult {
  const body = entry?.body;
  const list = matchImprovements(d.improvements ?? [], lowestAspects(body?.ratings ?? {}));
  const review = f.safeHttpUrl(d.config.feedback?.reviewUrl);
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
      : d.improvements
        ? nothing
        : // Its own small note under its heading: the thank-you stays, no retry (the list is a bonus).
          html`<h3>${msg('You said, we did')}</h3><p class="hint" id="wedid-error">${msg('What the clinic has changed after feedback cannot be shown right now.')}</p>`}
  </section>`;
}
