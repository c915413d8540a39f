// The demo clinic site as `npm start` serves it, in real Chromium: a patient opens the feedback
// link the clinic sent them (staff created the invitation through the API), finds the form filled
// in with their treatment, stage and booking reference, answers by keyboard on a phone, and sees
// the thank-you with what the clinic changed. The clinic then has exactly one answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startDemoSite } from './demo-site.js';

let browser: Browser;
let base: string;
let close: () => Promise<void>;
const STAFF = { Authorization: 'Bearer sk_demo_staff', 'Content-Type': 'application/json' };

async function answersFor(reference: string): Promise<{ nps: number; stage?: string; procedureId?: string; comment?: string }[]> {
  const r = await fetch(`${base}/v1/staff/feedback?limit=100`, { headers: STAFF });
  const body = (await r.json()) as { feedback: { feedback: { reference?: string; nps: number; stage?: string; procedureId?: string; comment?: string } }[] };
  return body.feedback.map((f) => f.feedback).filter((f) => f.reference === reference);
}

describe('demo site: feedback from the link the clinic sent', { timeout: 180_000 }, () => {
  before(async () => {
    ({ base, browser, close } = await startDemoSite());
  });
  after(async () => close?.());

  it('375 px, keyboard only: prefilled from the invitation, sent once, thank-you with "You said, we did"', async () => {
    const ref = `B-${Date.now().toString(36).toUpperCase().slice(-6)}`;
    const res = await fetch(`${base}/v1/staff/feedback-invitations`, {
      method: 'POST',
      headers: STAFF,
      body: JSON.stringify({ stage: 'post-return', procedureId: 'dental-implants', reference: ref, pageUrl: `${base}/` }),
    });
    assert.equal(res.status, 201);
    const { link } = (await res.json()) as { link: string };

    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${link}#feedback`);
    const form = page.locator('prm-feedback-form');
    await form.locator('form').waitFor({ timeout: 30_000 });
    assert.equal(await form.locator('#treatment').textContent(), 'Treatment: Dental implant (single)');
    assert.equal(await form.locator('#reference').textContent(), `Reference: ${ref}`);
    assert.equal(await form.locator('.sub').textContent(), 'Since you returned home');

    // Keyboard only: into the 0–10 scale, to 9, then every field in order, then send.
    await form.locator('#nps-0').focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await form.locator('#nps-9').isChecked(), true);
    await page.keyboard.press('Tab'); // first aspect's stars
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // 3 of 5 on the first aspect
    for (let i = 0; i < 40 && !(await form.locator('#f-comment').evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('The dentist explained every step. The hotel shuttle was late twice.');
    for (let i = 0; i < 20 && (await form.locator('button[type=submit]').evaluate((e) => e !== (e.getRootNode() as ShadowRoot).activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const done = form.locator('[part=success]');
    await done.waitFor({ timeout: 30_000 });
    assert.match((await done.locator('h2').textContent()) ?? '', /Thank you/);
    assert.ok((await done.locator('.wedid li').count()) >= 1, '"You said, we did" lists what the clinic changed');
    assert.equal(await done.locator('h2').evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement), true, 'focus moved to the thank-you');

    const rows = await answersFor(ref);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.nps, 9);
    assert.equal(rows[0]!.stage, 'post-return');
    assert.equal(rows[0]!.procedureId, 'dental-implants');

    // Opening the same link again: it says the invitation was answered, with no form to fill in
    // for nothing; still one answer.
    const again = await context.newPage();
    await again.goto(`${link}#feedback`);
    const f2 = again.locator('prm-feedback-form');
    await f2.locator('#answered-title').waitFor({ timeout: 30_000 });
    assert.match((await f2.locator('#answered-title').textContent()) ?? '', /already answered/);
    assert.equal(await f2.locator('form').count(), 0);
    assert.equal((await answersFor(ref)).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
