import { expect, fixture, html } from '@open-wc/testing';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import { until } from '../../core/fixtures/setup.js';

// What the launcher's browser tests share. The button lives in the launcher's shadow root, the
// panel (loaded on intent) in the shadow root of the <prm-chat-panel> the launcher creates inside
// its own.

export const STAFF = 'sk_demo_staff';
export const panelOf = (el: PrmChatLauncher) => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('prm-chat-panel');
export const $ = <T extends HTMLElement = HTMLElement>(el: PrmChatLauncher, s: string) => el.shadowRoot!.querySelector<T>(s) ?? panelOf(el)?.shadowRoot?.querySelector<T>(s) ?? null;
export const $$ = (el: PrmChatLauncher, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s), ...(panelOf(el)?.shadowRoot?.querySelectorAll<HTMLElement>(s) ?? [])];
/** The focused element, through the launcher's and the panel's shadow roots. */
export const active = (el: PrmChatLauncher) => {
  let a = el.shadowRoot!.activeElement as HTMLElement | null;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
  return a;
};
export const updated = async (el: PrmChatLauncher) => void (await panelOf(el)?.updateComplete);
/**
 * Until the panel's own fade-in is over: axe measures colours, and a busy machine lets the
 * animation run late (a half-transparent panel reads as a 1.05 contrast). The skeleton's endless
 * pulse is not waited for.
 */
export const settled = (el: PrmChatLauncher) =>
  Promise.all(
    (panelOf(el)?.shadowRoot?.getAnimations() ?? []).filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished),
  );

export async function mount(attrs: Record<string, string> = {}): Promise<PrmChatLauncher> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-chat-launcher');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, '[part=button]'));
  return el;
}

/** Opens the panel with a click and waits for the dialog (in whatever state it is). */
export async function openDialog(el: PrmChatLauncher): Promise<void> {
  $(el, '[part=button]')!.click();
  await until(() => !!$(el, '[role=dialog]'), 10_000);
}

/** Opens the panel and waits for the chat itself (the clinic profile is here: its name heads the dialog). */
export async function open(el: PrmChatLauncher): Promise<void> {
  await openDialog(el);
  await chatShown(el);
}

/** Until the open dialog shows the chat (its heading is the clinic's name from the profile). */
export const chatShown = (el: PrmChatLauncher) => until(() => /Aurora|أورورا/.test($(el, '[role=dialog] h2')?.textContent ?? '') && !!$(el, '#chat-input'), 10_000);

export async function type(el: PrmChatLauncher, text: string): Promise<void> {
  const t = $<HTMLTextAreaElement>(el, '#chat-input')!;
  t.value = text;
  t.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await updated(el);
}

export async function staffReply(conversationId: string, body: string): Promise<void> {
  const r = await fetch(`/v1/staff/conversations/${conversationId}/messages`, { method: 'POST', headers: { Authorization: `Bearer ${STAFF}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ body }) });
  expect(r.status).to.equal(201);
}

export const staffMessages = async (conversationId: string) =>
  ((await (await fetch(`/v1/staff/conversations/${conversationId}/messages`, { headers: { Authorization: `Bearer ${STAFF}` } })).json()) as { messages: { id: string; body: string; author: string }[] }).messages;

/** The conversation this tab keeps (id + visitor token only). */
export const stored = () => JSON.parse(sessionStorage.getItem('prm-chat:pk_demo_aurora') ?? 'null') as { id: string; token: string } | null;
