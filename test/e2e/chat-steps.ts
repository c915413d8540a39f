import type { Page } from 'playwright-core';

/**
 * A patient's first message through the chat launcher on `page`: opens the panel, consents (and,
 * outside the clinic's office hours, says who to answer), sends `text` and waits until it is sent.
 * Returns the panel's locator and the conversation the panel opened (id from sessionStorage).
 */
export async function sendFirstMessage(page: Page, text: string) {
  const launcher = page.locator('prm-chat-launcher');
  await launcher.locator('[part=button]').click();
  const panel = launcher.locator('prm-chat-panel');
  await panel.locator('[role=dialog] h2').waitFor({ timeout: 30_000 });
  await panel.locator('.consent input').check();
  // Outside the clinic's office hours the panel asks who to answer ("leave a message").
  if (await panel.locator('#f-email').count()) {
    await panel.locator('#f-name').fill('Leyla Demir');
    await panel.locator('#f-email').fill('leyla@example.com');
  }
  await panel.locator('#chat-input').fill(text);
  await panel.locator('.send').click();
  await panel.locator('.state.sent').waitFor({ timeout: 20_000 });
  // The conversation the panel opened (id + token in sessionStorage; no message body there).
  const conv = await page.evaluate(() => JSON.parse(sessionStorage.getItem('prm-chat:pk_demo_aurora') ?? 'null') as { id: string } | null);
  return { panel, conv };
}
