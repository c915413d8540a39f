// The demo clinic site as `npm start` serves it: a patient opens the chat launcher, consents,
// writes; a coordinator answers through the staff API (what demo/staff.html calls); the answer
// reaches the patient's open panel live.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoSite, type DemoSite } from './demo-site.js';
import { sendFirstMessage } from './chat-steps.js';

let site: DemoSite;
const STAFF = { Authorization: 'Bearer sk_demo_staff', 'Content-Type': 'application/json' };

describe('demo site: the chat launcher, patient to coordinator and back', { timeout: 180_000 }, () => {
  before(async () => {
    site = await startDemoSite();
  });
  after(async () => site?.close());

  it('open, consent, send; the staff reply arrives in the open panel', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${site.base}/?lang=en`);
    const { panel, conv } = await sendFirstMessage(page, 'Hello, do you offer airport transfers?');
    assert.ok(conv?.id, 'a conversation was opened');
    assert.ok(!(await page.evaluate(() => JSON.stringify(sessionStorage))).includes('airport'), 'no message body stored');
    // The coordinator sees it in the inbox and answers.
    const inbox = (await (await fetch(`${site.base}/v1/staff/conversations`, { headers: STAFF })).json()) as { conversations: { id: string }[] };
    assert.ok(inbox.conversations.some((c) => c.id === conv.id), 'the conversation is in the staff inbox');
    const r = await fetch(`${site.base}/v1/staff/conversations/${conv.id}/messages`, { method: 'POST', headers: STAFF, body: JSON.stringify({ body: 'Yes: a driver meets you at arrivals.' }) });
    assert.equal(r.status, 201);
    await panel.locator('.msg.staff .text', { hasText: 'Yes: a driver meets you at arrivals.' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the patient attaches a PDF in the panel; the staff inbox shows it and opens it, and where the patient may write from', async () => {
    // A browser set to British English: no page country, so the inbox shows GB as a guess.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${site.base}/?lang=en`);
    const panel = page.locator('prm-chat-launcher prm-chat-panel');
    await page.locator('prm-chat-launcher [part=button]').click();
    await panel.locator('[role=dialog] h2').waitFor({ timeout: 30_000 });
    if (await panel.locator('#f-email').count()) await panel.locator('#f-email').fill('attach@example.com');
    await panel.locator('.attach').click();
    await panel.locator('#share-consent').check();
    const chooser = page.waitForEvent('filechooser');
    await panel.locator('.share .send').click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await (await chooser).setFiles({ name: 'discharge-letter.pdf', mimeType: 'application/pdf', buffer: pdf });
    await panel.locator('.msg.visitor a.file', { hasText: 'discharge-letter.pdf' }).waitFor({ timeout: 15_000 });
    const conv = await page.evaluate(() => JSON.parse(sessionStorage.getItem('prm-chat:pk_demo_aurora') ?? 'null') as { id: string });

    // The coordinator, in demo/staff.html.
    const staff = await context.newPage();
    await staff.goto(`${site.base}/staff.html`);
    await staff.locator('#token').fill('sk_demo_staff');
    await staff.locator('#login button[type=submit]').click();
    // (Its row by id: in office hours the panel asks no email, and the row then says "Visitor".)
    const row = staff.locator(`#conversations button[data-id="${conv.id}"]`);
    await row.locator('.meta', { hasText: 'Country GB (guessed from the browser language)' }).waitFor();
    await row.click();
    const link = staff.locator('#messages a', { hasText: 'discharge-letter.pdf' });
    await link.waitFor({ timeout: 15_000 });
    const fetched = staff.waitForResponse((r) => r.url().includes(`/v1/staff/conversations/${conv.id}/attachments/`));
    const opened = context.waitForEvent('page');
    await link.click();
    const res = await fetched;
    assert.equal(res.status(), 200);
    // (Its bytes are read by the inbox's own fetch; the response says what came.)
    assert.equal(await res.headerValue('content-type'), 'application/pdf');
    assert.equal(Number(await res.headerValue('content-length')), pdf.length);
    assert.match((await opened).url(), /^blob:/, 'opened in a new tab');
    assert.deepEqual(errors, []);
    await context.close();
  });
  it('the staff inbox by keyboard: focus stays on the conversation row while messages arrive; a reply that fails says so and keeps its text', async () => {
    // A conversation with a visitor message, through the public API as the panel makes it.
    const base = `${site.base}/v1`;
    const created = (await (
      await fetch(`${base}/chat/conversations?clinic=pk_demo_aurora`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ locale: 'en', email: 'keys@example.com', context: {}, consent: { accepted: true, version: '2026-09' } }) })
    ).json()) as { conversation: { id: string }; token: string };
    const say = (body: string) =>
      fetch(`${base}/chat/conversations/${created.conversation.id}/messages?clinic=pk_demo_aurora&token=${created.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ body }) });
    assert.equal((await say('First question')).status, 201);
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await context.newPage();
    const errors: string[] = [];
    staff.on('pageerror', (e) => errors.push(String(e)));
    await staff.goto(`${site.base}/staff.html`);
    await staff.locator('#token').fill('sk_demo_staff');
    await staff.keyboard.press('Enter');
    const row = staff.locator('#conversations button', { hasText: 'keys@example.com' }).first();
    await row.waitFor();
    await staff.locator('#live', { hasText: 'Live' }).waitFor();
    await row.focus();
    assert.equal((await say('A second question while staff browse')).status, 201);
    await staff.locator('#conversations button', { hasText: 'A second question' }).waitFor();
    assert.equal(await staff.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.includes('keys@example.com')), true, 'focus left the row when the list was redrawn');
    await staff.keyboard.press('Enter');
    await staff.locator('#messages li', { hasText: 'A second question' }).waitFor();
    await staff.route('**/v1/staff/conversations/*/messages', (r) => (r.request().method() === 'POST' ? r.fulfill({ status: 500, body: '{}' }) : r.continue()));
    await staff.locator('#reply-text').fill('We can help with that.');
    await staff.locator('#reply button[type=submit]').click();
    await staff.locator('#error[role=alert]', { hasText: 'not sent' }).waitFor();
    assert.equal(await staff.locator('#reply-text').inputValue(), 'We can help with that.', 'the failed reply was cleared');
    await staff.unroute('**/v1/staff/conversations/*/messages');
    await staff.locator('#reply button[type=submit]').click();
    await staff.locator('#messages li.staff', { hasText: 'We can help with that.' }).waitFor();
    assert.equal(await staff.locator('#error').isHidden(), true, 'the error stays after the reply went');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
