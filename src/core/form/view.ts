import { css, html, nothing, type TemplateResult } from 'lit';
import { pillStyles } from '../theme/pill.js';
import { fieldsetStyles } from '../theme/fieldset.js';
import { msg, str } from '@lit/localize';
import { PrmApiError } from '../api/errors.js';
import { errorMessage } from '../states.js';
import type { SubmitEntry } from '../submit/queue.js';
import type { FieldKind, FormController } from './controller.js';
import { problemText } from './messages.js';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlAria {
  id: string;
  /** `aria-describedby`: hint and error ids, or `nothing`. */
  describedBy: string | typeof nothing;
  invalid: 'true' | 'false';
}

type Form<V extends Record<string, unknown>> = FormController<V>;
type Name<V> = keyof V & string;

/** The message of a field in error, or ''. */
export function fieldError<V extends Record<string, unknown>>(form: Form<V>, name: Name<V>, locale: string): string {
  const p = form.problems[name];
  if (!p) return '';
  const s = form.spec(name);
  return problemText(p, { kind: s.kind, locale, requiredText: s.requiredText, invalidText: s.invalidText });
}

/**
 * The field wrapper: label, optional hint, the control, and its error (tied by
 * `aria-describedby`, `aria-invalid`). The control gets the id `f-<name>`.
 */
export function field<V extends Record<string, unknown>>(
  form: Form<V>,
  name: Name<V>,
  o: { label: string; hint?: string | undefined; locale: string },
  control: (aria: ControlAria) => TemplateResult,
): TemplateResult {
  const err = fieldError(form, name, o.locale);
  const ids = [o.hint ? `h-${name}` : '', err ? `e-${name}` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label class="label" for=${`f-${name}`}>${o.label}</label>
    ${o.hint ? html`<span class="hint" id=${`h-${name}`}>${o.hint}</span>` : nothing}
    ${control({ id: `f-${name}`, describedBy: ids || nothing, invalid: err ? 'true' : 'false' })}
    ${err ? html`<span class="error" id=${`e-${name}`}>${err}</span>` : nothing}
  </div>`;
}

const TYPE: Partial<Record<FieldKind, string>> = { email: 'email', tel: 'tel' };
const INPUTMODE: Partial<Record<FieldKind, string>> = { email: 'email', tel: 'tel', number: 'decimal' };
const AUTOCOMPLETE: Partial<Record<FieldKind, string>> = { name: 'name', email: 'email', tel: 'tel' };

/** The `input` event handler that stores a control's value (as typed) in the form. */
export function onInput<V extends Record<string, unknown>>(form: Form<V>, name: Name<V>) {
  return (e: Event) => {
    const t = e.target as HTMLInputElement;
    form.set(name, (t.type === 'checkbox' ? t.checked : t.value) as V[Name<V>]);
  };
}

/**
 * A text field (input, or textarea with `rows`) in its wrapper, with `maxlength`, `inputmode`,
 * `autocomplete` and `type` set from the field's contract rules and kind.
 */
export function textField<V extends Record<string, unknown>>(
  form: Form<V>,
  name: Name<V>,
  o: { label: string; hint?: string; locale: string; rows?: number; placeholder?: string; dir?: 'ltr' | 'rtl' | 'auto'; autocomplete?: string },
): TemplateResult {
  const spec = form.spec(name);
  const kind = spec.kind ?? 'text';
  const rules = form.rules(name);
  const max = rules.maxLength ?? nothing;
  // Numbers, phones and emails read left to right inside right-to-left text.
  const dir = o.dir ?? (kind === 'email' || kind === 'tel' || kind === 'number' ? 'ltr' : nothing);
  const ac = o.autocomplete ?? AUTOCOMPLETE[kind] ?? nothing;
  const value = String(form.values[name] ?? '');
  const required = form.isRequired(name) ? 'true' : 'false';
  return field(form, name, o, (a) =>
    o.rows || kind === 'textarea'
      ? html`<textarea id=${a.id} class="input" name=${name} rows=${o.rows ?? 3} maxlength=${max} dir=${dir} autocomplete=${ac} .value=${value}
          aria-required=${required} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${onInput(form, name)}></textarea>`
      : html`<input id=${a.id} class="input" name=${name} type=${TYPE[kind] ?? 'text'} inputmode=${INPUTMODE[kind] ?? nothing} autocomplete=${ac}
          maxlength=${max} dir=${dir} placeholder=${o.placeholder ?? nothing} .value=${value}
          aria-required=${required} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} @input=${onInput(form, name)} />`,
  );
}

/**
 * The honeypot: a field people never see and autofill has no reason to fill (its name is none
 * a browser recognises). `form.isBot` tells when it was filled.
 */
export function honeypot<V extends Record<string, unknown>>(form: Form<V>): TemplateResult {
  return html`<div class="visually-hidden" aria-hidden="true">
    <label for="f-hp">${msg('Leave this field empty')}</label>
    <input id="f-hp" name="prm_hp_confirm_x" tabindex="-1" autocomplete="off" .value=${form.trap}
      @input=${(e: Event) => (form.trap = (e.target as HTMLInputElement).value)} />
  </div>`;
}

/** An `http(s)` URL, or undefined (a `javascript:` link is never rendered). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * The consent checkbox: unticked until the patient ticks it, the clinic's text (whose `version`
 * the widget sends with the submission, see `consentRecord`) and the privacy notice link.
 */
export function consentField<V extends Record<string, unknown>>(
  form: Form<V>,
  name: Name<V>,
  o: { text: string; privacyUrl?: string | undefined; locale: string },
): TemplateResult {
  const err = fieldError(form, name, o.locale);
  const href = safeHttpUrl(o.privacyUrl);
  return html`<div class="field">
    <label class="check">
      <input id=${`f-${name}`} type="checkbox" name=${name} .checked=${form.values[name] === true} aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${err ? `e-${name}` : nothing} @change=${onInput(form, name)} />
      <span>${o.text}</span>
    </label>
    ${href ? html`<a class="link" href=${href} target="_blank" rel="noopener noreferrer">${msg('Privacy notice')}</a>` : nothing}
    ${err ? html`<span class="error" id=${`e-${name}`}>${err}</span>` : nothing}
  </div>`;
}

/** The consent as the contract records it: accepted, with the version of the text shown. */
export function consentRecord(consent: { version: string }): { accepted: true; version: string } {
  return { accepted: true, version: consent.version };
}

/** "Please correct the highlighted fields: N." as an alert, when fields are in error. */
export function errorSummary<V extends Record<string, unknown>>(form: Form<V>): TemplateResult | typeof nothing {
  const count = Object.keys(form.problems).length;
  return count ? html`<p class="error" role="alert">${msg(str`Please correct the highlighted fields: ${count}.`)}</p>` : nothing;
}

/**
 * Where a submission stands, for the patient: sending (announced), saved and waiting for the
 * network (with when, and "Try again now"), refused (why, unless the fields say it), sent.
 */
export function submitStatus(entry: SubmitEntry<unknown, unknown> | undefined, o: { locale: string; retry: () => void; sentText?: string }): TemplateResult {
  if (entry?.status === 'pending-offline') {
    const when = new Intl.DateTimeFormat(o.locale, { timeStyle: 'short' }).format(entry.createdAt);
    // Offline: say so (a request made offline has no error to explain). Online, the clinic's server
    // failed: the connection is fine, so do not wait for it to "come back".
    const online = navigator.onLine;
    return html`<div class="status" part="status" role="status" id="pending">
      <p><strong>${online ? msg('Saved, not sent yet') : msg('You seem to be offline')}</strong></p>
      <p>
        ${online
          ? msg(str`Your request from ${when} is saved in this tab. It will be sent again automatically in a moment.`)
          : msg(str`Your request from ${when} is saved in this tab and will be sent automatically when the connection is back.`)}
      </p>
      <button class="btn" type="button" @click=${o.retry}>${msg('Try again now')}</button>
    </div>`;
  }
  if (entry?.status === 'refused' && !(entry.error instanceof PrmApiError && entry.error.fields)) {
    const { title, text } = errorMessage(entry.error);
    return html`<div class="status failed" part="status" role="alert">
      <p><strong>${title}</strong></p>
      <p>${text}</p>
    </div>`;
  }
  const text = entry?.status === 'sending' ? msg('Sending…') : entry?.status === 'sent' ? (o.sentText ?? '') : '';
  return html`<div class="visually-hidden" role="status">${text}</div>`;
}

/** The shared form styles (fields, inputs, errors, consent, status), adopted with the form chunk. */
export const formStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  ${fieldsetStyles}
  .field {
    display: grid;
    gap: calc(var(--_space) * 1);
    min-inline-size: 0;
  }
  .hint {
    color: var(--_on-surface-variant);
    font-size: 0.875em;
  }
  .input {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    padding-inline: calc(var(--_space) * 3);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_on-surface);
    font: inherit;
  }
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
  .pills {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  ${pillStyles}
  .check {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 3);
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 2);
    cursor: pointer;
  }
  .check input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.15em 0 0;
    accent-color: var(--_primary);
  }
  .link {
    color: var(--_primary);
    font-weight: 600;
    text-underline-offset: 2px;
    justify-self: start;
    min-block-size: 1.5em;
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
  .status p {
    margin: 0;
  }
  .status.failed {
    border-color: var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
  }
`;
