// The facade: a plain custom element, on purpose without Lit, zod or anything of the shared
// runtime (it imports only what loader.js already holds: the page-wide store, the API base, the
// locale matching, the version). It is what every page with the launcher downloads (its gzip
// budget is in widgets.config.mjs, checked by `npm test`); the panel — and with it the runtime — is fetched on the
// first hover, focus or click (./panel.ts).
import { pickConfig, prmGlobal } from '../../core/config/global.js';
import { apiBase } from '../../core/api/base.js';
import { dirOf, resolveLocale } from '../../core/i18n/locale.js';
import { VERSION } from '../../core/version.js';
import { WORDS as OPEN_WORDS } from '../../generated/facade/facade-chat-open.js';
import type { Greeting } from './greeting.js';
import type { HandoffChannel } from './chat-logic.js';
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

/** What the panel element (./panel.ts) offers the facade. */
export interface ChatPanelElement extends HTMLElement {
  launcher?: PrmChatLauncher;
  /** Reconnects a conversation of this tab (the badge counts replies while closed). */
  resume(): void;
  /** Renders the dialog, moves focus into it and fires `prm-chat-open`. */
  opened(): Promise<void>;
  /** Removes the dialog and fires `prm-chat-close`. */
  closed(): void;
  requestUpdate(): void;
}

/** The config attributes: the panel reads them from the launcher (same precedence as every widget). */
const CONFIG = ['api', 'clinic', 'locale', 'theme', 'currency', 'agent'];
/**
 * The colours the button itself paints, `--_<name>: var(--prm-color-<name>, light-dark(<light>,
 * <dark>))`: the same defaults as src/core/theme/palette.ts (test/widgets/chat-launcher/facade.test.ts
 * fails when they drift apart). The badge's colours come with the panel, the greeting's in its own part.
 */
export const tokens = (list: string): string =>
  list.replace(/(\S+) (\S+) (\S+) ?/g, (_, n, l, d) => `--_${n}:var(--prm-color-${n},light-dark(${l},${d}));`);
/** `:host` in dark mode (the `theme` attribute, or `auto` when the OS is dark). */
const dark = (d: string) => `:host(:state(dark)){${d}}@media (prefers-color-scheme:dark){:host(:state(auto)){${d}}}`;

let sheet: CSSStyleSheet | undefined;
/**
 * The facade's styles, built once per page (a constructable stylesheet: allowed under `style-src
 * 'self'`). `.w` starts from `all: initial`, so nothing a page sets on the tag (`* { … !important }`
 * included) is inherited inside: test/core/hostile-page.test.ts compares every computed value.
 */
const styles = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `:host{${tokens('primary #0b5f5a #6fd6cc on-primary #fff #06211f focus #1a56db #8ab4ff')}position:fixed;inset-block-end:0;inset-inline-end:0;z-index:var(--prm-z-index,2147483000);pointer-events:none;direction:ltr!important;color-scheme:light!important}:host(:state(dark)){color-scheme:dark!important}:host(:state(auto)){color-scheme:light dark!important}` +
        `:host([dir=rtl]){direction:rtl!important}:host([position=bottom-start]){inset-inline:0 auto}:host(:state(away)) .w{opacity:0;pointer-events:none}` +
        // Only the size of an em here: the greeting and the badge set their own font.
        `.w{all:initial;color-scheme:inherit;display:block;position:relative;pointer-events:auto;margin-block-end:var(--prm-chat-offset-block,1em);margin-inline:var(--prm-chat-offset-inline,1em);font-size:var(--prm-font-size,medium)}` +
        `:focus-visible{outline:var(--prm-focus-ring-width,3px) solid var(--_focus);outline-offset:2px}` +
        `.l{inline-size:3.5em;block-size:3.5em;border:0;padding:0;border-radius:50%;cursor:pointer;background:var(--_primary);box-shadow:var(--prm-elevation-high,0 4px 12px rgb(0 0 0/.16),0 12px 32px rgb(0 0 0/.14));display:grid;place-items:center}svg{inline-size:1.75em;fill:var(--_on-primary)}`,
    );
  }
  return sheet;
};

/** Remote token values the facade accepts: the contract's rule (src/core/contract/theme.ts), without zod. */
const decls = (t: unknown) =>
  Object.entries(t ?? {})
    .filter(([k, v]) => /^--prm-[a-z0-9-]{1,60}$/.test(k) && /^(?![\s\S]*url\()[^;{}<>\\]{1,200}$/i.test(v))
    .map(([k, v]) => `${k}:${v};`)
    .join('');

const el = (tag: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElement => {
  const e = (tag[1] ? document.createElement(tag) : document.createElementNS('http://www.w3.org/2000/svg', tag == 's' ? 'svg' : 'path')) as HTMLElement;
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  e.append(...kids);
  return e;
};

/**
 * A floating chat button that costs almost nothing until the patient touches it: hovering or
 * focusing it starts fetching the panel's code, clicking opens the panel (live chat with the
 * clinic's coordinators over SSE, answers from the clinic's FAQ, "leave a message" outside office
 * hours, attachments, hand-off to WhatsApp, Telegram, phone or email carrying the quote or booking
 * reference). Before that the only request is the public clinic profile (`GET /v1/config`, for the
 * clinic's colours), and nothing is stored. The button is a plain custom element without the
 * shared runtime; the panel loads the runtime with its own code.
 *
 * @summary Chat launcher: live chat with staff, FAQ assistant, WhatsApp/Telegram/phone/email hand-off.
 *
 * @attr position - `bottom-end` (default) or `bottom-start`; mirrored in right-to-left pages.
 * @attr greeting - Optional proactive greeting shown beside the button after `greeting-delay` seconds; its dismissal is remembered for the tab.
 * @attr greeting-delay - Seconds before the greeting appears (default 8).
 * @attr open - Present while the panel is open (reflected; set it, or call `show()`, to open).
 * @attr api - Backend base URL; overrides `PRM.configure({ api })` and the loader's `data-api`.
 * @attr clinic - Clinic public key; overrides the page-wide config.
 * @attr locale - `auto` or a locale code (en, ar, de, es, fr, ru, tr); the element's `lang` wins over it.
 * @attr theme - `light`, `dark` or `auto` (follows the OS).
 * @attr currency - Preferred display currency (ISO 4217).
 * @attr agent - Agent or facilitator code, carried into the conversation's attribution.
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
 * @csspart loading - The dialog's skeleton while the clinic profile loads.
 * @csspart error - The dialog's error state (clinic profile not loaded) with "Try again".
 *
 * @cssprop --prm-chat-offset-block - Distance from the bottom of the viewport (default 1em); raise it above a cookie banner.
 * @cssprop --prm-chat-offset-inline - Distance from the inline end (or start) of the viewport (default 1em).
 * @cssprop --prm-z-index - Stacking order of the button and panel.
 * @cssprop --prm-color-primary - Button and patient-message colour.
 */
export class PrmChatLauncher extends HTMLElement {
  static tagName = 'prm-chat-launcher';
  /** The prm-widgets version that defined this element. */
  static readonly version: string = VERSION;
  static readonly observedAttributes = [...CONFIG, 'lang', 'open', 'position'];

  /** Registers the element under `tag` once per page; a second call (or another copy) is a no-op. */
  static define(tag: string = this.tagName): CustomElementConstructor {
    if (!customElements.get(tag)) customElements.define(tag, this);
    return customElements.get(tag)!;
  }

  /**
   * What the conversation is about, set by the page if it knows more; the panel adds the quote or
   * booking made on this page (the runtime records it, `PRM.done`, even before the panel loads).
   */
  context: ChatContext = {};
  #states = this.attachInternals().states;
  #root = this.attachShadow({ mode: 'open' });
  #button = el(
    'button',
    { class: 'l', part: 'button', type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog' },
    el('s', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, el('p', { d: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z' })),
  );
  #greet?: Greeting;
  /** The clinic's remote tokens (light and dark), filled when its profile arrives. */
  #theme = new CSSStyleSheet();
  #mode?: string;
  #fetched?: string;
  #panel?: Promise<ChatPanelElement>;
  #timer?: ReturnType<typeof setTimeout>;
  #toggled: Promise<void> = Promise.resolve();
  readonly #sync = () => this.#refresh();

  // The button never covers the page's focused element (WCAG 2.4.11): it steps aside (with its
  // greeting) while the element focused on the host page lies under either, and comes back when
  // focus moves elsewhere. Aside means transparent, not hidden: Tab still reaches it.
  readonly #onFocus = ({ type, target: t }: Event) => {
    const a = (t as Element).getBoundingClientRect();
    this.#states[
      type == 'focusin' &&
      t != this &&
      [...this.#button.parentNode!.children].some((c) => {
        const b = c.getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      })
        ? 'add'
        : 'delete'
    ]('away');
  };

  constructor() {
    super();
    this.#root.adoptedStyleSheets = [styles(), this.#theme];
    // The unread badge and its announcement come with the panel (panel.ts facadeParts), which counts them.
    this.#root.append(el('div', { class: 'w' }, this.#button));
    this.#button.onpointerenter = this.#button.onfocus = () => this.preload();
    this.#button.onclick = () => (this.open = !this.open);
  }

  /** Whether the panel is open (reflects the `open` attribute; setting it opens or closes the panel). */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(v: boolean) {
    this.toggleAttribute('open', v);
  }

  connectedCallback(): void {
    prmGlobal().subs.add(this.#sync);
    this.#listen('add');
    this.#refresh();
    // A conversation from earlier in this tab (the key the panel writes, chat-logic.ts): the patient
    // already interacted, so the panel loads now and the badge counts replies that came meanwhile.
    let resume;
    try {
      resume = sessionStorage.getItem(`prm-chat:${pickConfig(this, 'clinic')}`);
    } catch {
      /* no storage: nothing to resume */
    }
    const text = this.getAttribute('greeting');
    if (resume) void this.#load().then((p) => p.resume());
    // The bubble's code comes only to pages that ask for one, when its delay has passed, and never
    // in a conversation or once the patient has shown interest in the button (the panel is loading);
    // it checks itself whether the patient dismissed it earlier in this tab.
    else if (text)
      this.#timer = setTimeout(
        () =>
          void import('./greeting.js').then((m) => {
            if (!this.#panel) this.#greet ??= m.greet(this.#root, this.#button, text, pickConfig(this, 'clinic'));
            this.#refresh();
          }),
        Number(this.getAttribute('greeting-delay') ?? 8) * 1000,
      );
    this.#toggle();
  }

  disconnectedCallback(): void {
    prmGlobal().subs.delete(this.#sync);
    this.#listen('remove');
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name: string): void {
    if (!this.isConnected) return;
    if (name == 'open') this.#toggle();
    else this.#refresh();
  }

  /** Starts loading the panel's code (hover, focus) so that a click opens it at once. */
  preload(): void {
    void this.#load();
  }

  /** Opens the panel (loading its code first if needed); resolves once it is shown. */
  async show(): Promise<void> {
    this.open = true;
    await this.#toggled;
  }

  /** Closes the panel; focus returns to the launcher button. */
  hide(): void {
    this.open = false;
  }

  /**
   * Paints the clinic's theme (its profile's `theme`) on the button: the loader's first data before
   * any interaction, or the panel's profile on a page without the loader.
   */
  paint(t?: { mode?: string; tokens?: unknown; dark?: unknown }): void {
    if (!t) return;
    if (/^(light|dark|auto)$/.test(t.mode!)) this.#mode = t.mode;
    const d = decls(t.dark);
    this.#theme.replaceSync(`:host{${decls(t.tokens)}}${d && dark(d)}`);
    this.#refresh();
  }

  /** Brings the panel in line with `open`: fires prm-chat-open / prm-chat-close on a change. */
  #toggle(): void {
    const open = this.open;
    if (open == (this.#button.ariaExpanded == 'true')) return;
    this.#button.ariaExpanded = `${open}`;
    // Opening the chat answers the greeting: it stays away for the rest of the tab.
    this.#greet?.done();
    this.#toggled = this.#load().then(async (p) => {
      if (open) return p.opened();
      p.closed();
      this.#button.focus();
    });
  }

  #listen(how: 'add' | 'remove'): void {
    for (const t of ['focusin', 'focusout']) document[`${how}EventListener`](t, this.#onFocus);
  }

  /** Language, direction, theme, words; the clinic's colours from the loader's first data. */
  #refresh(): void {
    const locale = resolveLocale(this, pickConfig(this, 'locale') || 'auto');
    this.#button.ariaLabel = OPEN_WORDS[locale] ?? 'Chat with us';
    this.#greet?.t(locale);
    this.dir = dirOf(locale);
    const mode = pickConfig(this, 'theme') || this.#mode || 'light';
    for (const t of ['light', 'dark', 'auto']) this.#states[t == mode ? 'add' : 'delete'](t);
    void this.#panel?.then((p) => p.requestUpdate());
    const api = pickConfig(this, 'api') || location.origin;
    const clinic = pickConfig(this, 'clinic');
    if (!clinic || api + clinic == this.#fetched) return;
    this.#fetched = api + clinic;
    // The clinic profile (GET /v1/config) is part of the first data the loader asks for when this
    // tag appears (widgets.config.mjs): read here, not taken, and it stays there after a widget's
    // client took it (core/api/boot.ts). Without the loader the panel paints the button once its
    // own profile arrives.
    try {
      const base = apiBase(api);
      for (const e of prmGlobal().boot ?? [])
        if (e.base == base && e.clinic == clinic) void e.answers.then((a) => api + clinic == this.#fetched && this.paint((a.config as { theme?: never } | undefined)?.theme));
    } catch {
      // an invalid api: the panel reports it
    }
  }

  #load(): Promise<ChatPanelElement> {
    return (this.#panel ??= import('./panel.js').then((m) => {
      m.PrmChatPanel.define();
      const p = document.createElement('prm-chat-panel') as ChatPanelElement;
      p.launcher = this;
      this.#root.prepend(p);
      return p;
    }));
  }
}
