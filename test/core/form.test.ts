import { expect, fixture, html } from '@open-wc/testing';
import { PrmApiError } from '../../src/core/api/errors.js';
import { CreateFeedbackBodySchema } from '../../src/generated/contract/feedback.js';
import { EmailSchema } from '../../src/generated/contract/fields.js';
import { ContactSchema, PatientTextSchema } from '../../src/generated/contract/requests.js';
import { ContactSchema as ServerContactSchema } from '../../src/core/contract/common.js';
import { check, normalizeDigits, parseNumber, problemText, rulesOf, safeHttpUrl, toE164 } from '../../src/core/form/index.js';
import type { SubmitEntry } from '../../src/core/submit/queue.js';
import './fixtures/form-element.js';
import type { PrmTestForm } from './fixtures/form-element.js';
import { fakeOnLine, resetConfig, until } from './fixtures/setup.js';
import { currentLocale } from '../../src/core/i18n/localization.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

async function mount(lang = 'en'): Promise<PrmTestForm> {
  const el = document.createElement('prm-test-form');
  el.setAttribute('lang', lang);
  (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
  await until(() => !!$(el, '#f-name'));
  return el;
}

async function type(el: PrmTestForm, sel: string, value: string) {
  const i = $<HTMLInputElement>(el, sel)!;
  i.value = value;
  i.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('form layer: digits, rules and messages from the contract', () => {
  it('accepts Arabic-Indic and Persian digits in phone numbers and numbers', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).to.equal('0123456789 0123456789');
    expect(toE164('+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨')).to.equal('+442079460958');
    expect(toE164('۰۰۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹')).to.equal('+989123456789');
    expect(toE164('+90 (555) 123-45-67')).to.equal('+905551234567');
    expect(toE164('020 7946 0958'), 'no country code').to.equal(undefined);
    expect(parseNumber('٩')).to.equal(9);
    expect(parseNumber('۷٫۵')).to.equal(7.5);
    expect(parseNumber('7,5')).to.equal(7.5);
    expect(parseNumber('seven')).to.equal(undefined);
  });

  it('reads the limits from the contract schemas', () => {
    expect(rulesOf(ContactSchema.shape.name)).to.deep.equal({ required: true, minLength: 1, maxLength: 200 });
    expect(rulesOf(EmailSchema).maxLength).to.equal(254);
    expect(rulesOf(PatientTextSchema).maxLength).to.equal(4000);
    expect(rulesOf(CreateFeedbackBodySchema.shape.comment)).to.deep.equal({ required: false, maxLength: 4000 });
    expect(rulesOf(CreateFeedbackBodySchema.shape.nps)).to.deep.equal({ required: true, integer: true, min: 0, max: 10 });
  });

  it('states the limit in the message, as the server would refuse it', () => {
    const p = check(ContactSchema.shape.name, 'x'.repeat(201))!;
    expect(p).to.deep.equal({ code: 'tooLong', max: 200 });
    expect(ServerContactSchema.shape.name.safeParse('x'.repeat(201)).success, 'the server refuses it too').to.equal(false);
    expect(problemText(p, { locale: 'en' })).to.equal('Please use at most 200 characters.');
    expect(problemText(check(CreateFeedbackBodySchema.shape.nps, 11)!, { locale: 'en' })).to.equal('Please enter a number no greater than 10.');
    expect(problemText(check(CreateFeedbackBodySchema.shape.nps, 3.5)!, { locale: 'en' })).to.equal('Please enter a whole number.');
    expect(problemText(check(EmailSchema, 'ana@example.c')!, { locale: 'en', kind: 'email' })).to.contain('name@example.com');
  });

  it('never links a privacy notice that is not http(s)', () => {
    expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl('https://clinic.example/p')).to.equal('https://clinic.example/p');
  });
});

describe('form layer: a form built with it', () => {
  beforeEach(() => resetConfig());

  it('sets maxlength, inputmode, autocomplete and type from the rules and kinds', async () => {
    const el = await mount();
    const name = $<HTMLInputElement>(el, '#f-name')!;
    expect([name.maxLength, name.autocomplete, name.type]).to.deep.equal([200, 'name', 'text']);
    const email = $<HTMLInputElement>(el, '#f-email')!;
    expect([email.maxLength, email.inputMode, email.autocomplete, email.type, email.dir]).to.deep.equal([254, 'email', 'email', 'email', 'ltr']);
    const phone = $<HTMLInputElement>(el, '#f-phone')!;
    expect([phone.inputMode, phone.autocomplete, phone.type, phone.dir]).to.deep.equal(['tel', 'tel', 'tel', 'ltr']);
    expect($<HTMLInputElement>(el, '#f-nps')!.inputMode).to.equal('decimal');
    const comment = $<HTMLTextAreaElement>(el, '#f-comment')!;
    expect([comment.maxLength, comment.getAttribute('aria-describedby')]).to.deep.equal([4000, 'h-comment']);
    expect($<HTMLInputElement>(el, '#f-consent')!.checked, 'consent unticked').to.equal(false);
    expect($<HTMLAnchorElement>(el, '.link')!.href).to.equal('https://clinic.example/privacy');
    await expect(el).to.be.accessible();
  });

  it('on submit: every problem shown on its field with the limit stated, a summary, focus on the first', async () => {
    const el = await mount();
    await type(el, '#f-email', 'ana@example.c');
    await type(el, '#f-nps', '11');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[role=alert]'));
    expect($(el, '[role=alert]')!.textContent).to.contain('highlighted fields: 4');
    await until(() => active(el)?.id === 'f-name');
    expect($(el, '#e-name')!.textContent).to.equal('Please fill in this field.');
    expect($(el, '#e-email')!.textContent).to.contain('name@example.com');
    expect($(el, '#e-nps')!.textContent).to.equal('Please enter a number no greater than 10.');
    expect($(el, '#e-consent')!.textContent).to.contain('tick the box');
    expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-email')!.getAttribute('aria-describedby')).to.equal('e-email');
    expect(el.submitted).to.equal(0);
    await expect(el).to.be.accessible();
    // Fixing a field clears its message at once.
    await type(el, '#f-nps', '٩');
    expect($(el, '#e-nps')).to.equal(null);
    expect(el.form.wire('nps'), 'Arabic-Indic digit normalised').to.equal(9);
  });

  it('accepts a phone number typed in Arabic-Indic digits and sends it in E.164', async () => {
    const el = await mount('ar');
    await type(el, '#f-name', 'Ana');
    await type(el, '#f-email', 'ana@example.com');
    await type(el, '#f-phone', '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨');
    await type(el, '#f-nps', '١٠');
    $<HTMLInputElement>(el, '#f-consent')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await el.updateComplete;
    expect(el.form.problems).to.deep.equal({});
    expect(el.submitted).to.equal(1);
    expect(el.form.wire('phone')).to.equal('+442079460958');
  });

  it('states limits in the widget language, with its digits', async () => {
    const el = await mount('ar');
    // The Arabic messages are a chunk of their own: wait until they are the page's.
    await until(() => el.resolvedLocale === 'ar' && currentLocale() === 'ar');
    await type(el, '#f-name', 'x'.repeat(201));
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '#e-name'));
    const text = $(el, '#e-name')!.textContent!;
    expect(text).to.not.contain('characters');
    expect(text).to.contain(new Intl.NumberFormat('ar').format(200));
  });

  it("places the server's 400 fields on the form's fields, with the browser's own message, and focuses the first", async () => {
    const el = await mount();
    await type(el, '#f-name', 'Ana');
    await type(el, '#f-email', 'ana@example.com');
    const matched = el.form.serverErrors({ 'contact.email': 'Invalid input', 'consent.accepted': 'Invalid input', 'selection.tier': 'x' });
    expect(matched).to.equal(true);
    await until(() => active(el)?.id === 'f-email');
    expect(Object.keys(el.form.problems)).to.deep.equal(['email', 'consent']);
    expect($(el, '#e-email')!.textContent, 'valid here, so the field-kind message').to.contain('name@example.com');
    expect(el.form.serverErrors({ 'selection.tier': 'x' }), 'nothing of this form').to.equal(false);
  });

  it('a javascript: privacy URL is never rendered as a link', async () => {
    const el = await mount();
    el.privacyUrl = 'javascript:window.__xss(1)';
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '.link')).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('[href]')].map((a) => a.getAttribute('href'))).to.deep.equal([]);
  });

  it('the honeypot: filled by a bot, the form says it is a bot', async () => {
    const el = await mount();
    const hp = $<HTMLInputElement>(el, '#f-hp')!;
    expect([hp.tabIndex, hp.autocomplete]).to.deep.equal([-1, 'off']);
    expect(hp.name).to.not.match(/name|mail|phone|tel|address/i);
    await type(el, '#f-hp', 'http://spam.example');
    expect(el.form.isBot).to.equal(true);
  });

  it('the submit status: sending announced, saved-will-send with a retry, refused with why, sent', async () => {
    const el = await mount();
    const entry = (status: SubmitEntry<unknown>['status'], error?: unknown) =>
      ({ key: 'k', body: {}, createdAt: Date.now(), status, attempts: 1, error, done: Promise.resolve() }) as unknown as SubmitEntry<unknown, unknown>;
    const show = async (e: SubmitEntry<unknown, unknown>) => {
      el.entry = e;
      el.requestUpdate();
      await el.updateComplete;
    };
    await show(entry('sending'));
    expect($(el, '[role=status].visually-hidden')!.textContent).to.contain('Sending');
    await show(entry('pending-offline', new PrmApiError('network', 'x')));
    expect($(el, '#pending')!.textContent).to.contain('saved in this tab');
    expect($(el, '#pending')!.textContent).to.contain('Saved, not sent yet'); // calm: the request is kept, nothing went wrong for the patient
    // The clinic's server failed while the patient is online: no "when the connection is back".
    expect($(el, '#pending')!.textContent).not.to.contain('connection');
    $<HTMLButtonElement>(el, '#pending button')!.click();
    expect(el.retried).to.equal(1);
    // Made while offline (no error to explain): offline, not "Something went wrong".
    const restoreOnLine = fakeOnLine(() => false);
    try {
      await show(entry('pending-offline'));
      expect($(el, '#pending strong')!.textContent).to.equal('You seem to be offline');
      expect($(el, '#pending')!.textContent).to.contain('when the connection is back');
    } finally {
      restoreOnLine();
    }
    await show(entry('pending-offline', new PrmApiError('network', 'x')));
    await expect(el).to.be.accessible();
    await show(entry('refused', new PrmApiError('http', 'x', { status: 422 })));
    expect($(el, '.status.failed[role=alert]')!.textContent).to.contain('could not accept');
    await show(entry('refused', new PrmApiError('http', 'x', { status: 400, fields: { email: 'x' } })));
    expect($(el, '.status'), 'field errors speak for themselves').to.equal(null);
    await show(entry('sent'));
    expect($(el, '[role=status].visually-hidden')!.textContent).to.equal('Sent');
  });
});
