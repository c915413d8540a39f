import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { PrmApiError } from './api/errors.js';

/**
 * The shared loading / empty / error states, so every widget speaks the same way. A widget
 * passes its own skeleton (same box as its content) so nothing shifts when data arrives.
 */
export function loadingState(skeleton: unknown = defaultSkeleton()): TemplateResult {
  return html`<div class="skeleton" part="loading" aria-busy="true">
    <span class="visually-hidden" role="status">${msg('Loading…')}</span>
    ${skeleton}
  </div>`;
}

function defaultSkeleton(): TemplateResult {
  return html`<div class="skeleton-line" aria-hidden="true"></div>
    <div class="skeleton-block" aria-hidden="true"></div>
    <div class="skeleton-line" aria-hidden="true"></div>`;
}

export function emptyState(title: string, text?: string): TemplateResult {
  return html`<div class="state" part="empty" role="status">
    <p class="state-title">${title}</p>
    ${text ? html`<p class="state-text">${text}</p>` : nothing}
  </div>`;
}

/** What a patient reads for a failure, by kind. */
export function errorMessage(err: unknown): { title: string; text: string } {
  const e = err instanceof PrmApiError ? err : undefined;
  switch (e?.kind) {
    case 'network':
      // The browser knows when it has no network; a failed fetch while online is the clinic's server.
      return navigator.onLine
        ? { title: msg('The clinic cannot be reached right now'), text: msg('Please try again in a few minutes.') }
        : { title: msg('You seem to be offline'), text: msg('Check your internet connection, then try again.') };
    case 'timeout':
      return { title: msg('This is taking too long'), text: msg('The clinic did not answer in time. Please try again.') };
    case 'rate_limited':
      return { title: msg('Too many attempts'), text: msg('Please wait a moment, then try again.') };
    case 'unauthorized':
      // The page's clinic key is wrong: nothing the patient can do (the console says what to fix).
      return { title: msg('This service is not available right now'), text: msg('Please contact the clinic directly. (Website team: see the browser console for details.)') };
  }
  // A 4xx the server explained (not a crash of ours): the request itself was refused.
  if (e?.kind === 'http' && e.status! < 500 && e.message && e.code !== 'internal') {
    return { title: msg('Something is not right'), text: msg('The clinic could not accept this request. Please try again.') };
  }
  return { title: msg('Something went wrong'), text: msg('The clinic could not load this right now. Please try again.') };
}

export function errorState(err: unknown, retry?: () => void): TemplateResult {
  // A wrong clinic key is the same "not available" as an invalid embed config: no retry to offer.
  if (err instanceof PrmApiError && err.kind === 'unauthorized') return configErrorState();
  const { title, text } = errorMessage(err);
  return html`<div class="state state-error" part="error" role="alert">
    <p class="state-title">${title}</p>
    <p class="state-text">${text}</p>
    ${retry ? html`<button class="btn btn-primary" type="button" @click=${retry}>${msg('Try again')}</button>` : nothing}
  </div>`;
}

/** Shown when the embed config is invalid: polite, no jargon for the patient; details go to the console. */
export function configErrorState(): TemplateResult {
  return html`<div class="state" part="error" role="status">
    <p class="state-title">${msg('This service is not available right now')}</p>
    <p class="state-text">${msg('Please contact the clinic directly. (Website team: see the browser console for details.)')}</p>
  </div>`;
}
