import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { PrmElement } from '../../core/element.js';
import type { HandoffChannel } from './chat-logic.js';
import type { ChatPanel } from './panel.js';
import type { ChatContext } from '../../core/contract/chat.js';

export interface ChatOpenDetail {
  /** Whether a conversation from earlier in this tab was resumed. */
  resumed: boolean;
}
export interface ChatMessageSentDetail {
  conversationId: string;
  messageId: string;
  idempotencyKey: string;
}
export interface ChatMessageReceivedDetail {
  conversationId: string;
  messageId: string;
  author: 'staff' | 'system';
}
/** `prm-chat-close` carries nothing: the panel closed. */
export type ChatCloseDetail = Record<string, never>;
export interface ChatHandoffDetail {
  channel: HandoffChannel;
  /** The context the hand-off text carries, e.g. the quote reference. */
  reference?: string;
}

declare module '../../core/events.js' {
  interface PrmEventDetails {
    'prm-chat-open': ChatOpenDetail;
    'prm-chat-close': ChatCloseDetail;
    'prm-chat-message-sent': ChatMessageSentDetail;
    'prm-chat-message-received': ChatMessageReceivedDetail;
    'prm-chat-handoff': ChatHandoffDetail;
  }
}

type PanelModule = typeof import('./panel.js');

/**
 * A floating chat button that costs almost nothing until the patient touches it: hovering or
 * focusing it starts fetching the panel's code, clicking opens the panel (live chat with the
 * clinic's coordinators over SSE, answers from the clinic's FAQ, hand-off to WhatsApp, Telegram,
 * phone or email carrying the quote or booking reference). Before that: no request, nothing stored.
 *
 * @summary Chat launcher: live chat with staff, FAQ assistant, WhatsApp/Telegram/phone/email hand-off.
 *
 * @fires prm-chat-open - The panel opened. `detail: { resumed }`
 * @fires prm-chat-close - The panel closed.
 * @fires prm-chat-message-sent - The clinic acknowledged a patient message. `detail: { conversationId, messageId, idempotencyKey }`
 * @fires prm-chat-message-received - A staff message arrived. `detail: { conversationId, messageId, author }`
 * @fires prm-chat-handoff - The patient chose another channel. `detail: { channel, reference? }`
 * @fires prm-error - Loading, sending or the live connection failed. `detail: { widget, reason, message, status?, code? }`
 *
 * @csspart button - The floating launcher button.
 * @csspart badge - The unread count on the button.
 * @csspart greeting - The proactive greeting bubble.
 * @csspart panel - The chat dialog.
 * @csspart log - The message list.
 * @csspart composer - The message form.
 * @csspart channels - The hand-off links.
 *
 * @cssprop --prm-chat-offset-block - Distance from the bottom of the viewport (default 1em); raise it above a cookie banner.
 * @cssprop --prm-chat-offset-inline - Distance from the inline end (or start) of the viewport (default 1em).
 * @cssprop --prm-z-index - Stacking order of the button and panel.
 * @cssprop --prm-color-primary - Button and patient-message colour.
 */
export class PrmChatLauncher extends PrmElement {
  static override tagName = 'prm-chat-launcher';

  static override properties = {
    ...PrmElement.properties,
    position: { reflect: true },
    greeting: {},
    greetingDelay: { attribute: 'greeting-delay', type: Number },
    open: { type: Boolean, reflect: true },
    _unread: { state: true },
    _greet: { state: true },
  };

  /** `bottom-end` (default) or `bottom-start`; mirrored in right-to-left pages. */
  declare position: 'bottom-end' | 'bottom-start';
  /** Optional proactive greeting shown beside the button after `greeting-delay` seconds. */
  declare greeting?: string;
  /** Seconds before the greeting appears (default 8). */
  declare greetingDelay: number;
  /** Whether the panel is open. */
  declare open: boolean;
  declare _unread: number;
  declare _greet: boolean;

  // Written dense on purpose: css`` is not minified by the build, and this is the facade every
  // page with the launcher downloads (budget 2 KiB gzip). The host spans the bottom edge and lets
  // clicks through; offsets are margins inside, so they apply even when the page's reserve CSS
  // pins the host to inset 0.
  static override styles = [
    PrmElement.styles,
    css`
      :host{position:fixed;inset-block-end:0;inset-inline:0;z-index:var(--_z);display:flex;justify-content:flex-end;align-items:flex-end;pointer-events:none;}
       :host([position='bottom-start']){justify-content:flex-start;}
       .wrap{position:relative;pointer-events:auto;margin-block-end:var(--prm-chat-offset-block,1em);margin-inline:var(--prm-chat-offset-inline,1em);}
       .launcher{position:relative;inline-size:3.5em;block-size:3.5em;border-radius:50%;border:0;background:var(--_primary);color:var(--_on-primary);box-shadow:var(--_elevation-high);cursor:pointer;display:grid;place-items:center;padding:0;}
       .launcher svg{inline-size:1.75em;block-size:1.75em;fill:currentColor;}
       .badge{position:absolute;inset-block-start:-.25em;inset-inline-end:-.25em;min-inline-size:1.5em;block-size:1.5em;border-radius:0.75em;background:var(--_error);color:var(--_on-error);font:700 .8125em/1.5em var(--_font);text-align:center;padding-inline:.25em;}
       .greeting{position:absolute;inset-block-end:4.25em;inset-inline-end:0;inline-size:max-content;max-inline-size:min(18em,calc(100vw - 2em));background:var(--_surface);color:var(--_on-surface);border:1px solid var(--_outline-variant);border-radius:var(--_radius-lg);box-shadow:var(--_elevation-high);padding:.75em;padding-inline-end:2.75em;font:var(--_font-size) / var(--_line-height) var(--_font);}
       :host([position='bottom-start']) .greeting{inset-inline-end:auto;inset-inline-start:0;}
       .greeting button{position:absolute;inset-block-start:.25em;inset-inline-end:.25em;inline-size:2em;block-size:2em;border:0;border-radius:50%;background:none;font-size:1.25em;}
    `,
  ];

  #context: ChatContext = {};
  // The facade listens from the start (cheap) so that a quote or booking made before the panel
  // loads still gives the hand-off its reference.
  readonly #onSuccess = (e: Event) => {
    const d = (e as CustomEvent<{ reference?: string; booking?: { reference?: string } }>).detail;
    const ref = d?.reference ?? d?.booking?.reference;
    if (!ref) return;
    this.#context = e.type === 'prm-quote-success' ? { ...this.#context, quoteReference: ref } : { ...this.#context, bookingReference: ref };
    this.requestUpdate();
  };
  #panelModule?: Promise<PanelModule>;
  #panel?: ChatPanel;
  #greetTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.position = 'bottom-end';
    this.greetingDelay = 8;
    this.open = false;
    this._unread = 0;
    this._greet = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('prm-quote-success', this.#onSuccess);
    document.addEventListener('prm-booking-success', this.#onSuccess);
    let stored = false;
    try {
      // The key written by the panel (chat-logic.ts conversationKey); read here without its code.
      stored = !!sessionStorage.getItem(`prm-chat:${this.config?.clinic}`);
    } catch {
      /* storage disabled */
    }
    // A conversation from earlier in this tab: the patient already interacted, so the panel's
    // code loads now and the badge counts replies that arrived while they were on another page.
    if (stored) void this.#load().then((p) => p.resume());
    if (this.greeting && !this.#greetFlag()) this.#greetTimer = setTimeout(() => (this._greet = !this.open), Math.max(0, this.greetingDelay) * 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('prm-quote-success', this.#onSuccess);
    document.removeEventListener('prm-booking-success', this.#onSuccess);
    clearTimeout(this.#greetTimer);
  }

  /** Starts loading the panel's code (hover, focus) so that a click opens it at once. */
  preload(): void {
    void this.#load();
  }

  /** Opens the panel (loading its code first if needed). */
  async show(): Promise<void> {
    const panel = await this.#load();
    this._greet = false;
    if (this.open) return;
    this.open = true;
    await this.updateComplete;
    panel.opened();
    this.emit('prm-chat-open', { resumed: panel.resumed });
  }

  /** Closes the panel; focus returns to the launcher button. */
  async hide(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.#panel?.closed();
    this.emit('prm-chat-close', {});
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.launcher')?.focus();
  }

  #load(): Promise<ChatPanel> {
    this.#panelModule ??= import('./panel.js');
    return this.#panelModule.then((m) => {
      if (!this.#panel) {
        const root = this.renderRoot as ShadowRoot;
        if (m.panelStyles.styleSheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, m.panelStyles.styleSheet];
        this.#panel = new m.ChatPanel(this, {
          client: () => this.client,
          config: () => this.config,
          clinicConfig: () => this.clinicConfig,
          locale: () => this.resolvedLocale,
          isOpen: () => this.open,
          close: () => void this.hide(),
          unread: (n) => (this._unread = n),
          emit: (name, detail) => this.emit(name as 'prm-chat-close', detail as never),
          reportError: (e) => this.reportError(e),
          context: () => this.#context,
        });
      }
      return this.#panel;
    });
  }

  /** The tab's "greeting dismissed" flag (no personal data): read, or set when `set`. */
  #greetFlag(set?: boolean): boolean {
    try {
      const k = `prm-chat-greeting:${this.config?.clinic}`;
      if (set) sessionStorage.setItem(k, '1');
      return sessionStorage.getItem(k) === '1';
    } catch {
      return false;
    }
  }

  protected renderContent(): unknown {
    const n = this._unread;
    return html`
      ${this.open && this.#panel ? this.#panel.render() : nothing}
      <div class="wrap">
      ${this._greet && !this.open && this.greeting
        ? html`<div class="greeting" part="greeting" role="status">
            ${this.greeting}
            <button type="button" aria-label=${msg('Dismiss greeting')} @click=${() => (this._greet = this.#greetFlag(true) && false)}>×</button>
          </div>`
        : nothing}
      <button
        class="launcher"
        part="button"
        type="button"
        aria-label=${msg('Chat with us')}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-haspopup="dialog"
        @pointerenter=${() => this.preload()}
        @focus=${() => this.preload()}
        @click=${() => (this.open ? void this.hide() : void this.show())}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" /></svg>
        ${n ? html`<span class="badge" part="badge" aria-hidden="true">${n}</span>` : nothing}
      </button>
      </div>
      <span class="visually-hidden" role="status">${n ? msg(str`${n} unread messages`) : ''}</span>
    `;
  }
}
