// The facade: a plain custom element, on purpose without Lit, zod or anything of the shared
// runtime (it imports only what loader.js already holds: the page-wide store, the API base, the
// locale matching, the version). It is what every page with the launcher downloads (budget
// 2 KiB gzip, checked by `npm test`); the panel — and with it the runtime — is fetched on the
// first hover, focus or click (./panel.ts).
import { prmGlobal } from '../../core/config/global.js';
import { apiBase } from '../../core/api/base.js';
import { dirOf, resolveLocale } from '../../core/i18n/locale.js';
import { VERSION } from '../../core/version.js';
import { FACADE } from '../../generated/facade-messages.js';
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
  /** Whether the panel resumed a conversation from earlier in this tab. */
  readonly resumed: boolean;
  /** Reconnects a conversation of this tab (the badge counts replies while closed). */
  resume(): void;
  opened(): void;
  closed(): void;
  requestUpdate(): void;
}

/** The config attributes, handed on to the panel (same precedence as every widget). */
const CONFIG = ['api', 'clinic', 'locale', 'theme', 'currency', 'agent', 'position'];
// The few colours the facade paints, [light, dark]: the same defaults as src/core/theme/palette.ts
// (test/widgets/chat-launcher/facade.test.ts fails when they drift apart).
const COLORS: Record<string, [string, string]> = {
  primary: ['#0b5f5a', '#6fd6cc'],
  'on-primary': ['#ffffff', '#06211f'],
  surface: ['#ffffff', '#161a1e'],
  'on-surface': ['#1b2126', '#e9edf0'],
  'outline-variant': ['#d5dce1', '#353d44'],
  error: ['#b3261e', '#ffb4ab'],
  'on-error': ['#ffffff', '#3a0905'],
  focus: ['#1a56db', '#8ab4ff'],
};
const colors = (m: 0 | 1) => Object.entries(COLORS).map(([k, v]) => `--_${k}:var(--prm-color-${k},${v[m]});`).join('');
const dark = (d: string) => `:host(:state(dark)){${d}}@media (prefers-color-scheme:dark){:host(:state(auto)){${d}}}`;
// Every inherited property reset on the host, as the runtime's base styles do (a hostile page's
// `* { … !important }` stops at the tag; test/core/hostile-page.test.ts compares every value).
const ISOLATION = (
  'font:400 var(--_font-size)/var(--_line-height) var(--_font);font-synthesis:weight style small-caps;' +
  'letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:start;' +
  'text-shadow:none;text-emphasis:none;text-underline-offset:auto;text-decoration-skip-ink:auto;' +
  'text-rendering:auto;white-space:normal;word-break:normal;overflow-wrap:normal;line-break:auto;' +
  'hyphens:manual;tab-size:8;quotes:auto;color:var(--_on-surface);-webkit-text-fill-color:currentcolor;' +
  '-webkit-text-stroke:0;caret-color:auto;accent-color:auto;cursor:auto;user-select:auto;' +
  '-webkit-user-select:auto;list-style:disc;border-collapse:separate;border-spacing:0;caption-side:top;' +
  'empty-cells:show;writing-mode:horizontal-tb;image-rendering:auto;fill:black;stroke:none;' +
  'stroke-width:1px;paint-order:normal;orphans:2;widows:2;'
).replace(/;/g, '!important;');

let sheet: CSSStyleSheet | undefined;
/** The facade's styles, built once per page (a constructable stylesheet: allowed by `style-src 'self'`). */
const styles = () => {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `:host{${colors(0)}--_font:var(--prm-font-family,system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',sans-serif);--_font-size:var(--prm-font-size,medium);--_line-height:var(--prm-line-height,1.5);--_radius-lg:var(--prm-radius-lg,calc(var(--prm-radius,.5em)*1.5));--_elevation-high:var(--prm-elevation-high,0 4px 12px rgb(0 0 0/.16),0 12px 32px rgb(0 0 0/.14));--_focus-width:var(--prm-focus-ring-width,3px);--_z:var(--prm-z-index,2147483000);` +
      `position:fixed;inset-block-end:0;inset-inline-end:0;z-index:var(--_z);display:flex;align-items:flex-end;pointer-events:none;box-sizing:border-box;-webkit-text-size-adjust:100%;text-size-adjust:100%;color-scheme:light!important;${ISOLATION}}` +
      dark(`${colors(1)}color-scheme:dark!important;`) +
      `:host([dir=ltr]){direction:ltr!important}:host([dir=rtl]){direction:rtl!important}:host([hidden]){display:none!important}:host([position=bottom-start]){inset-inline:0 auto}` +
      `*,::before,::after{box-sizing:border-box}[hidden]{display:none!important}:focus-visible{outline:var(--_focus-width) solid var(--_focus);outline-offset:2px}` +
      `.vh{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}` +
      `.wrap{position:relative;pointer-events:auto;margin-block-end:var(--prm-chat-offset-block,1em);margin-inline:var(--prm-chat-offset-inline,1em)}` +
      `.launcher{position:relative;inline-size:3.5em;block-size:3.5em;border-radius:50%;border:0;background:var(--_primary);color:var(--_on-primary);box-shadow:var(--_elevation-high);cursor:pointer;display:grid;place-items:center;padding:0;font:inherit}` +
      `svg{inline-size:1.75em;block-size:1.75em;fill:currentColor}` +
      `.badge{position:absolute;inset-block-start:-.25em;inset-inline-end:-.25em;min-inline-size:1.5em;block-size:1.5em;border-radius:.75em;background:var(--_error);color:var(--_on-error);font:700 .8125em/1.5em var(--_font);text-align:center;padding-inline:.25em}` +
      `.greeting{position:absolute;inset-block-end:4.25em;inset-inline-end:0;inline-size:max-content;max-inline-size:min(18em,calc(100vw - 2em));background:var(--_surface);color:var(--_on-surface);border:1px solid var(--_outline-variant);border-radius:var(--_radius-lg);box-shadow:var(--_elevation-high);padding:.75em;padding-inline-end:2.75em}` +
      `:host([position=bottom-start]) .greeting{inset-inline:0 auto}@media (max-width:40em){:host([open]) .wrap{display:none}}` +
      `.greeting button{position:absolute;inset-block-start:.25em;inset-inline-end:.25em;inline-size:2em;block-size:2em;border:0;border-radius:50%;background:none;color:inherit;font-size:1.25em;cursor:pointer}`,
  );
  return sheet;
};

/** Remote token values the facade accepts: the contract's rule (src/core/contract/theme.ts), without zod. */
const NAME = /^--prm-[a-z0-9-]{1,60}$/;
const VALUE = /^(?![\s\S]*url\()[^;{}<>\\]{1,200}$/i;
const decls = (t: unknown) =>
  t && typeof t === 'object'
    ? Object.entries(t)
        .filter(([k, v]) => NAME.test(k) && typeof v === 'string' && VALUE.test(v))
        .map(([k, v]) => `${k}:${v as string};`)
        .join('')
    : '';

const el = (tag: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElement => {
  const e = (tag === 'svg' || tag === 'path' ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag)) as HTMLElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
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
 *
 * @cssprop --prm-chat-offset-block - Distance from the bottom of the viewport (default 1em); raise it above a cookie banner.
 * @cssprop --prm-chat-offset-inline - Distance from the inline end (or start) of the viewport (default 1em).
 * @cssprop --prm-z-index - Stacking order of the button and panel.
 * @cssprop --prm-color-primary - Button and patient-message colour.
 */
export class PrmChatLauncher extends HTMLElement {
  static tagName = 'prm-chat-launcher';
  /** The prm-widgets version that defined this element (compared on a define clash). */
  static readonly version: string = VERSION;
  static readonly observedAttributes = [...CONFIG, 'lang', 'open', 'greeting'];

  /** Registers the element under `tag` once per page; a second call (or another copy) is a no-op. */
  static define(tag: string = this.tagName): CustomElementConstructor {
    const existing = customElements.get(tag);
    if (existing) {
      if (existing !== this && (existing as { version?: string }).version !== VERSION) console.warn(`[prm-widgets] <${tag}> is already defined; keeping that definition (this copy is ${VERSION}).`);
      return existing;
    }
    customElements.define(tag, this);
    return this;
  }

  /** What the conversation is about: a quote or booking made on this page (read by the panel). */
  context: ChatContext = {};
  #internals = this.attachInternals();
  #root = this.attachShadow({ mode: 'open' });
  #button?: HTMLButtonElement;
  #badge?: HTMLElement;
  #status?: HTMLElement;
  #greet?: HTMLElement;
  #themeSheet?: CSSStyleSheet;
  #remoteMode?: string;
  #fetched = '';
  #panel?: Promise<ChatPanelElement>;
  #panelEl?: ChatPanelElement;
  #timer?: ReturnType<typeof setTimeout>;
  #ownDir = false;
  readonly #sync = () => this.#refresh();
  // Listening from the start (cheap) so that a quote or booking made before the panel loads still
  // gives the hand-off its reference.
  readonly #onSuccess = (e: Event) => {
    const d = (e as CustomEvent<{ reference?: string; booking?: { reference?: string } } | undefined>).detail;
    const ref = d?.reference ?? d?.booking?.reference;
    if (ref) this.context = { ...this.context, [e.type === 'prm-quote-success' ? 'quoteReference' : 'bookingReference']: ref };
    this.#panelEl?.requestUpdate();
  };

  /** `bottom-end` (default) or `bottom-start`. */
  get position(): string {
    return this.getAttribute('position') ?? 'bottom-end';
  }
  set position(v: string) {
    this.setAttribute('position', v);
  }
  /** Optional proactive greeting. */
  get greeting(): string | null {
    return this.getAttribute('greeting');
  }
  set greeting(v: string | null) {
    if (v == null) this.removeAttribute('greeting');
    else this.setAttribute('greeting', v);
  }
  /** Seconds before the greeting appears (default 8). */
  get greetingDelay(): number {
    return Number(this.getAttribute('greeting-delay') ?? 8) || 0;
  }
  set greetingDelay(v: number) {
    this.setAttribute('greeting-delay', String(v));
  }
  /** Whether the panel is open. */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(v: boolean) {
    void (v ? this.show() : this.hide());
  }
  /** The resolved language of the launcher (and its panel). */
  get resolvedLocale(): string {
    return resolveLocale(this, this.#pick('locale') || 'auto');
  }

  connectedCallback(): void {
    const r = this.#root;
    if (!this.#button) {
      r.adoptedStyleSheets = [styles()];
      this.#badge = el('span', { class: 'badge', part: 'badge', 'aria-hidden': 'true', hidden: '' });
      this.#button = el(
        'button',
        { class: 'launcher', part: 'button', type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog' },
        el('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, el('path', { d: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z' })),
        this.#badge,
      ) as HTMLButtonElement;
      const preload = () => void this.#load();
      this.#button.addEventListener('pointerenter', preload);
      this.#button.addEventListener('focus', preload);
      this.#button.addEventListener('click', () => void (this.open ? this.hide() : this.show()));
      this.#status = el('span', { class: 'vh', role: 'status' });
      r.append(el('div', { class: 'wrap' }, this.#button), this.#status);
    }
    prmGlobal().subs.add(this.#sync);
    for (const t of ['prm-quote-success', 'prm-booking-success']) document.addEventListener(t, this.#onSuccess);
    this.#refresh();
    const clinic = this.#pick('clinic');
    // A conversation from earlier in this tab (the key the panel writes, chat-logic.ts): the patient
    // already interacted, so the panel loads now and the badge counts replies that came meanwhile.
    if (clinic && this.#session(`prm-chat:${clinic}`)) void this.#load().then((p) => p.resume());
    if (this.greeting && !this.#session(`prm-chat-greeting:${clinic}`)) this.#timer = setTimeout(() => this.#showGreeting(), this.greetingDelay * 1000);
    if (this.open) void this.show();
  }

  disconnectedCallback(): void {
    prmGlobal().subs.delete(this.#sync);
    for (const t of ['prm-quote-success', 'prm-booking-success']) document.removeEventListener(t, this.#onSuccess);
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#button || old === value) return;
    if (name === 'open') {
      if ((value !== null) !== (this.#button.getAttribute('aria-expanded') === 'true')) void (value !== null ? this.show() : this.hide());
      return;
    }
    if (name === 'greeting' && !value) this.#greet?.remove();
    this.#refresh();
  }

  /** Starts loading the panel's code (hover, focus) so that a click opens it at once. */
  preload(): void {
    void this.#load();
  }

  /** Opens the panel (loading its code first if needed). */
  async show(): Promise<void> {
    const p = await this.#load();
    this.#greet?.remove();
    if (this.#button!.getAttribute('aria-expanded') === 'true') return;
    this.#button!.setAttribute('aria-expanded', 'true');
    this.toggleAttribute('open', true);
    p.requestUpdate();
    await (p as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    p.opened();
    this.#emit('prm-chat-open', { resumed: p.resumed });
  }

  /** Closes the panel; focus returns to the launcher button. */
  async hide(): Promise<void> {
    if (this.#button?.getAttribute('aria-expanded') !== 'true') return;
    this.#button.setAttribute('aria-expanded', 'false');
    this.toggleAttribute('open', false);
    this.#panelEl?.closed();
    this.#panelEl?.requestUpdate();
    this.#emit('prm-chat-close', {});
    this.#button.focus();
  }

  /** Called by the panel: the unread count on the badge, and its announcement (localized by the panel). */
  setUnread(n: number, announcement: string): void {
    this.#badge!.textContent = n ? String(n) : '';
    this.#badge!.hidden = !n;
    this.#status!.textContent = announcement;
  }

  #emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** A config value: attribute > `PRM.configure()` > the loader's `data-*`. */
  #pick(f: string): string {
    const g = prmGlobal();
    return this.getAttribute(f) || (g.code[f] as string | undefined) || g.script[f] || '';
  }

  #session(key: string, set?: boolean): boolean {
    try {
      if (set) sessionStorage.setItem(key, '1');
      return !!sessionStorage.getItem(key);
    } catch {
      return false;
    }
  }

  /** Language, direction, theme, words; the clinic profile (its colours) once per api + clinic. */
  #refresh(): void {
    const locale = this.resolvedLocale;
    const words = FACADE[locale] ?? {};
    this.#button!.setAttribute('aria-label', words['facade-chat-open'] ?? 'Chat with us');
    this.#greet?.querySelector('button')?.setAttribute('aria-label', words['facade-chat-dismiss'] ?? 'Dismiss greeting');
    const dir = dirOf(locale as Parameters<typeof dirOf>[0]);
    if ((this.#ownDir || !this.hasAttribute('dir')) && this.getAttribute('dir') !== dir) {
      this.setAttribute('dir', dir);
      this.#ownDir = true;
    }
    const mode = this.#pick('theme') || this.#remoteMode || 'light';
    for (const t of ['light', 'dark', 'auto']) {
      if (t === mode) this.#internals.states.add(t);
      else this.#internals.states.delete(t);
    }
    // Handed on to the panel, which resolves its config the same way.
    if (this.#panelEl) for (const f of CONFIG) this.#copy(f);
    const api = this.#pick('api') || location.origin;
    const clinic = this.#pick('clinic');
    const key = `${api} ${clinic}`;
    if (!clinic || key === this.#fetched) return;
    this.#fetched = key;
    let base: string;
    try {
      base = apiBase(api);
    } catch {
      return; // an invalid api: the panel reports it
    }
    // A simple GET (no custom header: no preflight, no cookies). Its answer is handed to the
    // panel's API client through PRM.boot, which parses it with the contract schema: one request.
    const answer = fetch(`${base}config?clinic=${encodeURIComponent(clinic)}`, { credentials: 'omit', headers: { Accept: 'application/json' } }).then(
      (r) => (r.ok ? (r.json() as Promise<{ theme?: { mode?: string; tokens?: unknown; dark?: unknown } }>) : undefined),
      () => undefined,
    );
    (prmGlobal().boot ??= []).push({ base, clinic, answers: answer.then((j) => (j ? { config: j } : {}), () => ({})) });
    void answer.then((j) => {
      const t = j?.theme;
      if (!t || key !== this.#fetched) return;
      if (['light', 'dark', 'auto'].includes(t.mode ?? '')) this.#remoteMode = t.mode;
      const l = decls(t.tokens);
      const d = decls(t.dark);
      const s = new CSSStyleSheet();
      s.replaceSync(`:host{${l}}${d ? dark(d) : ''}`);
      this.#root.adoptedStyleSheets = [...this.#root.adoptedStyleSheets.filter((x) => x !== this.#themeSheet), (this.#themeSheet = s)];
      this.#refresh();
    });
  }

  #copy(f: string): void {
    const v = this.getAttribute(f);
    if (v === null) this.#panelEl!.removeAttribute(f);
    else this.#panelEl!.setAttribute(f, v);
  }

  #showGreeting(): void {
    if (this.open || this.#greet || !this.greeting) return;
    const close = el('button', { type: 'button' }, '×');
    close.addEventListener('click', () => {
      this.#session(`prm-chat-greeting:${this.#pick('clinic')}`, true);
      this.#greet?.remove();
      this.#button!.focus();
    });
    this.#greet = el('div', { class: 'greeting', part: 'greeting', role: 'status' }, this.greeting, close);
    this.#button!.before(this.#greet);
    this.#refresh();
  }

  #load(): Promise<ChatPanelElement> {
    return (this.#panel ??= import('./panel.js').then((m) => {
      m.PrmChatPanel.define();
      const p = document.createElement('prm-chat-panel') as ChatPanelElement;
      p.launcher = this;
      this.#panelEl = p;
      for (const f of CONFIG) this.#copy(f);
      this.#root.prepend(p);
      return p;
    }));
  }
}
