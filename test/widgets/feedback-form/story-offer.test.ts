import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PrmFeedbackForm } from '../../../src/widgets/feedback-form/feedback-form.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount } from './helpers.js';
import { interceptFetch } from '../quote-calculator/fixtures.js';

// Issue 12: "a high one invites a public review and a success story". The demo clinic's page embeds
// <prm-feedback-form> without `procedure`; a promoter there must be offered the story too, choose
// the treatment it is about (the clinic's catalog, in their language), and see the treatment the
// page or an invitation gave, read-only. The real reference server stores it (PGlite in the test server).

let n = 0;
const fresh = () => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: `story${n++}` });
const STAFF = { Authorization: 'Bearer sk_demo_staff' };
const active = (el: PrmFeedbackForm) => el.shadowRoot!.activeElement as HTMLElement | null;

function type(el: PrmFeedbackForm, id: string, value: string) {
  const c = $<HTMLInputElement>(el, `#${id}`)!;
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(el: PrmFeedbackForm, id: string, value: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`)!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

async function pendingStory(name: string): Promise<{ procedureId: string; procedureName: string } | undefined> {
  const r = await fetch('/v1/staff/stories?status=pending', { headers: STAFF });
  const stories = ((await r.json()) as { stories: { displayName: string; procedureId: string; procedureName: string }[] }).stories;
  return stories.find((s) => s.displayName === name);
}

describe('<prm-feedback-form> the story offer after a high score', function () {
  this.timeout(60_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('without `procedure` (the demo page): 10 offers the story; its treatment is chosen from the catalog, required, and the story is filed under it', async () => {
    const el = await mount();
    $(el, '#nps-10')!.click();
    await until(() => !!$(el, '[part=story]'), 10_000);
    expect($(el, '#f-procedureId'), 'no treatment choice before the consent is ticked').to.equal(null);
    $(el, '#f-publish')!.click();
    await until(() => !!$(el, '#f-procedureId option[value=dental-implants]'), 10_000);
    const select = $<HTMLSelectElement>(el, '#f-procedureId')!;
    expect(select.closest('[part=story]'), 'inside the story offer').to.exist;
    expect($(el, 'label[for=f-procedureId]')!.textContent).to.equal('Treatment');
    const names = [...select.options].filter((o) => o.value).map((o) => o.textContent!.trim());
    expect(names).to.include('Dental implant (single)');
    expect([...names].sort(new Intl.Collator('en').compare), 'sorted by name').to.deep.equal(names);
    await expect(el).to.be.accessible();

    const name = `S${Date.now().toString(36)}`;
    type(el, 'f-comment', 'The whole team was kind and the implant feels like my own tooth.');
    type(el, 'f-displayName', name);
    choose(el, 'f-country', 'GB');
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click();
    await el.updateComplete;
    expect($(el, '#e-procedureId'), 'a story needs its treatment').to.exist;
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part=success]')).to.equal(null);

    choose(el, 'f-procedureId', 'dental-implants');
    await el.updateComplete;
    $(el, 'button[type=submit]')!.click();
    await until(() => !!$(el, '[part=success]'), 15_000);
    expect($(el, '[part=success]')!.textContent).to.contain('once the clinic has reviewed it');
    const story = await pendingStory(name);
    expect(story?.procedureId, 'the pending story is filed under the chosen treatment').to.equal('dental-implants');
  });

  it('in Arabic, the treatments are named in Arabic; the treatment a page gives with `procedure` is shown, not chosen', async () => {
    const el = await mount({ locale: 'ar' });
    $(el, '#nps-9')!.click();
    await until(() => !!$(el, '#f-publish'), 10_000);
    $(el, '#f-publish')!.click();
    await until(() => !!$(el, '#f-procedureId option[value=dental-implants]'), 10_000);
    const label = $(el, '#f-procedureId option[value=dental-implants]')!.textContent!;
    expect(label).to.match(/[\u0600-\u06ff]/);
    await expect(el).to.be.accessible();

    el.parentElement!.remove(); // one form on the page (axe: one banner landmark)
    fresh();
    const given = await mount({ procedure: 'dental-implants' });
    $(given, '#nps-10')!.click();
    await until(() => !!$(given, '#story-treatment'), 10_000);
    expect($(given, '#story-treatment')!.closest('[part=story]'), 'inside the story offer').to.exist;
    expect($(given, '#story-treatment')!.textContent).to.equal('Treatment: Dental implant (single)');
    $(given, '#f-publish')!.click();
    await until(() => !!$(given, '#f-displayName'), 10_000);
    expect($(given, '#f-procedureId'), 'given, so not a choice').to.equal(null);
    await expect(given).to.be.accessible();
  });

  it('the catalog fails to load: the patient is told and can try again; the list then comes', async () => {
    let failing = true;
    const net = interceptFetch((url) => (failing && url.pathname === '/v1/catalog' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount();
      $(el, '#nps-10')!.click();
      await until(() => !!$(el, '#f-publish'), 10_000);
      $(el, '#f-publish')!.click();
      await until(() => !!$(el, '#treatments-error'), 20_000);
      expect($(el, '#treatments-error')!.textContent).to.equal('The clinic could not load this right now. Please try again.');
      await expect(el).to.be.accessible();
      failing = false;
      $(el, '#treatments-error + div button')!.click();
      await until(() => !!$(el, '#f-procedureId option[value=dental-implants]'), 10_000);
    } finally {
      net.restore();
    }
  });

  it('keyboard only: 10, the story consent, name, country and treatment, send', async () => {
    const el = await mount();
    const name = `K${Date.now().toString(36)}`;
    $<HTMLInputElement>(el, '#nps-0')!.focus();
    await sendKeys({ press: 'End' });
    await until(() => !!$(el, '#f-publish'), 10_000);
    for (let i = 0; i < 30 && active(el)?.id !== 'f-comment'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Everything went as planned.' });
    for (let i = 0; i < 10 && active(el)?.id !== 'f-publish'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await until(() => !!$(el, '#f-procedureId option[value=dental-implants]'), 10_000);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-displayName');
    await sendKeys({ type: name });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-country');
    choose(el, 'f-country', 'DE'); // a native select's popup is not part of the page's keys here
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-procedureId');
    choose(el, 'f-procedureId', 'dental-implants');
    await el.updateComplete;
    for (let i = 0; i < 10 && active(el)?.getAttribute('type') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part=success]'), 15_000);
    expect((await pendingStory(name))?.procedureId).to.equal('dental-implants');
  });
});
