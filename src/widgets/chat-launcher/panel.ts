import { css, html, nothing, type PropertyValues, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { PrmElement } from '../../core/element.js';
import type { PrmEventDetails, PrmEventName } from '../../core/events.js';
import { tokens, type PrmChatLauncher } from './chat-launcher.js';
import { msg, str } from '@lit/localize';
import type { ApiClient } from '../../core/api/client.js';
import { PrmApiError } from '../../core/api/errors.js';
import { apiBase } from '../../core/api/base.js';
import { SubmitQueue, type SubmitEntry } from '../../core/submit/queue.js';
import { FormController } from '../../core/form/controller.js';
import { formStyles, textField } from '../../core/form/view.js';
import { ChatMessageSchema, ChatStatusEventSchema, ChatTypingEventSchema, CreateConversationBodySchema, CreateConversationResponseSchema, PostMessageResponseSchema, VisitorMessagesResponseSchema } from '../../generated/contract/chat.js';
import { EmailSchema } from '../../generated/contract/fields.js';
import { OkSchema } from '../../generated/contract/requests.js';
import type { EmbedConfig } from '../../core/config/schema.js';
import type { ClinicConfig } from '../../core/contract/config.js';
import type { ChatContext, ChatMessage, FaqAnswer } from '../../core/contract/chat.js';
import { attribution } from '../../core/attribution.js';
import { formatDateTime } from '../../core/i18n/format.js';
import { SNIFF_BYTES } from '../../shared/attachments.js';
import { colorTokens } from '../../core/theme/palette.js';
import { prmGlobal } from '../../core/config/global.js';
import { DataController } from '../../core/data/controller.js';
import { TaskStatus } from '@lit/task';
import {
  HANDOFF_CHANNELS,
  checkAttachment,
  deepLink,
  isOpen,
  lastId,
  loadConversation,
  mergeMessages,
  nextOpening,
  reconnectDelay,
  saveConversation,
  unreadCount,
  type HandoffChannel,
  type StoredConversation,
} from './chat-logic.js';

/** What the launcher element gives its panel. */
export interface PanelHost {
  client(): ApiClient | undefined;
  config(): EmbedConfig | undefined;
  clinicConfig(): ClinicConfig | undefined;
  /** The clinic profile, once it is here (a conversation records the version of its consent text). */
  loadClinic(): Promise<ClinicConfig>;
  locale(): string;
  isOpen(): boolean;
  close(): void;
  unread(n: number): void;
  emit(name: string, detail: unknown): void;
  reportError(err: unknown): void;
  /** What the conversation is about: the quote or booking reference made on this page. */
  context(): ChatContext;
  /** The launcher's `position`. */
  position(): string | null;
}

/**
 * A patient message in the queue: text, or a file (`text` is its name). The File is held in memory
 * only until the server has it, then dropped (the queue never writes it to storage either).
 */
type Outgoing = { text: string; file?: File; size?: number; /** Not a question for the FAQ assistant. */ quiet?: boolean };
/** One line of the log: a server message, an automatic FAQ answer, or a patient message in the queue. */
type Line =
  | { kind: 'message'; m: ChatMessage }
  | { kind: 'faq'; question: string; answer: FaqAnswer | null; at: number }
  | { kind: 'outgoing'; entry: SubmitEntry<Outgoing, ChatMessage> };

/**
 * The live connection's clocks (ms): `stall`, how long a stream may stay silent after opening
 * before it counts as blocked (the server's first event, `status`, comes at once; a buffering proxy
 * holds the stream open and delivers nothing) and the panel polls instead; `poll`, the polling
 * interval. @internal Tests shorten them.
 */
export const chatTiming = { stall: 10_000, poll: 5000 };

const session = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/**
 * The chat panel (this chunk is fetched on the first hover, focus or click of the launcher): an
 * APG dialog — modal and full-screen on small screens (Tab stays inside), a non-modal corner
 * panel on large ones — with live chat, FAQ answers and hand-off links.
 */
export class ChatPanel {
  resumed = false;
  #conv?: StoredConversation;
  #messages: ChatMessage[] = [];
  #draft = '';
  #consent = false;
  /** Consent to share health records (attachments), given in this page. */
  #share = false;
  /** The consent step before the first file is open. */
  #sharing = false;
  #shareTick = false;
  #staffTyping = false;
  #staffOnline?: boolean;
  #es?: EventSource;
  #failures = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #poll?: ReturnType<typeof setInterval>;
  /** Falls back to polling when the stream opened but its first event never came. */
  #stallTimer?: ReturnType<typeof setTimeout>;
  #typingSent = 0;
  /** Clears "A coordinator is typing…" when no fresh signal comes (a coordinator who stopped without sending). */
  #staffTypingTimer?: ReturnType<typeof setTimeout>;
  /** Tells staff the patient stopped typing after a pause, not only on send or close. */
  #idleTimer?: ReturnType<typeof setTimeout>;
  #error = '';
  #creating?: Promise<StoredConversation>;
  readonly #queue: SubmitQueue<Outgoing, ChatMessage>;
  /** "Leave a message" (outside office hours): who to answer, through the shared form layer. */
  readonly #contact: FormController<{ name: string; email: string }>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly p: PanelHost,
  ) {
    // Message bodies never touch browser storage: the queue keeps unsent ones in memory only
    // (retried with the same Idempotency-Key when the network is back, while the page lives).
    this.#contact = new FormController(host, {
      initial: () => ({ name: '', email: '' }),
      fields: {
        name: { schema: CreateConversationBodySchema.shape.name, kind: 'name', required: false },
        email: { schema: EmailSchema, kind: 'email', required: true },
      },
    });
    this.#queue = new SubmitQueue<Outgoing, ChatMessage>(host, {
      storageKey: () => `prm-chat-outbox:${p.config()?.clinic ?? ''}`,
      storage: () => undefined,
      send: (body, key, signal) => this.#send(body, key, signal),
      onChange: (e) => this.#queued(e),
    });
  }

  /** Back online, or the page visible again: reconnect at once (while on the page: see `disconnected`). */
  readonly #online = (): void => this.#reconnectNow();
  readonly #visible = (): void => {
    if (document.visibilityState === 'visible') this.#reconnectNow();
  };

  /** The element is on the page: listen for the network and the page coming back. */
  connected(): void {
    window.addEventListener('online', this.#online);
    document.addEventListener('visibilitychange', this.#visible);
  }

  get #context(): ChatContext {
    return this.p.context();
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  /** A conversation from earlier in this tab: reconnect (badge counts replies while closed). */
  resume(): void {
    const clinic = this.p.config()?.clinic;
    if (this.#conv) return this.#connect();
    const c = clinic ? loadConversation(session(), clinic) : undefined;
    if (!c) return;
    this.#conv = c;
    this.resumed = true;
    this.#connect();
  }

  opened(): void {
    this.resume();
    this.#markRead();
    const root = this.host.shadowRoot;
    // APG: focus moves into the dialog (the message field, else the first control).
    const target = root?.querySelector<HTMLElement>('#chat-input') ?? root?.querySelector<HTMLElement>('[role=dialog] button');
    target?.focus();
    this.#follow(true);
    this.#viewport(window.matchMedia('(max-width: 40em)').matches);
  }

  closed(): void {
    this.#sendTyping(false);
    this.#viewport(false);
  }

  #vvSheet?: CSSStyleSheet;
  #onViewport?: () => void;

  /**
   * The full-screen dialog on a phone follows the visual viewport, which the on-screen keyboard
   * shrinks (the layout viewport, and so `100dvh`, stays as it was): the dialog ends where the
   * keyboard begins and the focused field is scrolled into view, so what the patient types stays
   * visible. The sizes go through a constructed stylesheet (no inline style: strict CSP).
   */
  #viewport(on: boolean): void {
    const vv = window.visualViewport;
    const root = this.host.shadowRoot;
    if (!vv || !root) return;
    if (this.#onViewport) {
      vv.removeEventListener('resize', this.#onViewport);
      vv.removeEventListener('scroll', this.#onViewport);
      this.#onViewport = undefined;
    }
    const sheet = (this.#vvSheet ??= new CSSStyleSheet());
    if (!on) return sheet.replaceSync('');
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const fit = (this.#onViewport = () => {
      sheet.replaceSync(`:host{--_vvh:${Math.round(vv.height)}px;--_vvt:${Math.round(vv.offsetTop)}px}`);
      (root.activeElement as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
    });
    vv.addEventListener('resize', fit);
    vv.addEventListener('scroll', fit);
    fit();
  }

  /** The element left the page: stop listening (a later resume reconnects from the last message). */
  disconnected(): void {
    // A launcher taken off the page (another view of a single-page site) must not reconnect later.
    window.removeEventListener('online', this.#online);
    document.removeEventListener('visibilitychange', this.#visible);
    this.#es?.close();
    this.#es = undefined;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#stallTimer);
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Network

  #clinic(): string {
    return this.p.config()?.clinic ?? '';
  }

  async #ensureConversation(signal: AbortSignal): Promise<StoredConversation> {
    if (this.#conv) return this.#conv;
    this.#creating ??= (async () => {
      const client = this.p.client();
      if (!client) throw new PrmApiError('invalid_response', 'No API configured');
      const context: ChatContext = { ...this.#context, page: location.href.slice(0, 2000) };
      const attr = attribution(this.p.config()?.agent);
      // A patient quick to tick and send may be ahead of the clinic profile: wait for its consent version.
      const version = (this.p.clinicConfig() ?? (await this.p.loadClinic())).consent.version;
      if (Object.keys(attr).length) context.attribution = attr;
      const r = await client.post(
        '/chat/conversations',
        // The consent line the patient ticked (or the attach consent, the same text), with its version.
        { locale: this.p.locale(), context, ...this.#who(), consent: { accepted: true, version } },
        CreateConversationResponseSchema,
        { signal, idempotencyKey: `conv-${this.#queue.entries[0]?.key ?? crypto.randomUUID()}` },
      );
      const c = { id: r.conversation.id, token: r.token, readId: '0', seenId: '0' };
      this.#conv = c;
      saveConversation(session(), this.#clinic(), c);
      this.#connect();
      return c;
    })().finally(() => (this.#creating = undefined));
    return this.#creating;
  }

  async #send(body: Outgoing, key: string, signal: AbortSignal): Promise<ChatMessage> {
    const c = await this.#ensureConversation(signal);
    if (body.file) {
      // The raw bytes, with the version of the consent text the patient accepted; a slow phone
      // network gets two minutes a try for up to 10 MB.
      const consent = this.p.clinicConfig()?.consent.version ?? '';
      const r = await this.p.client()!.post(`/chat/conversations/${c.id}/attachments`, body.file, PostMessageResponseSchema, {
        signal,
        idempotencyKey: key,
        timeout: 120_000,
        searchParams: { token: c.token, consent, name: body.text },
      });
      return r.message;
    }
    // The server asks the FAQ assistant (until a coordinator joins) and keeps its answer with the message.
    const r = await this.p.client()!.post(`/chat/conversations/${c.id}/messages`, { body: body.text, ...(body.quiet && { assistant: false }) }, PostMessageResponseSchema, {
      signal,
      idempotencyKey: key,
      searchParams: { token: c.token },
    });
    return r.message;
  }

  #queued(e: SubmitEntry<Outgoing, ChatMessage>): void {
    if (e.status === 'sent' && e.result) {
      // The server has the file: the page keeps only its name and size.
      delete e.body.file;
      this.#messages = mergeMessages(this.#messages, [e.result]);
      this.p.emit('prm-chat-message-sent', { conversationId: e.result.conversationId, messageId: e.result.id, idempotencyKey: e.key });
    }
    // Queued while the browser knew it was offline: no failure to report (the line says it waits).
    if ((e.status === 'refused' || e.status === 'pending-offline') && e.error) this.p.reportError(e.error);
    this.#follow();
  }

  /** Live replies over SSE, resuming after the last message seen; polling when SSE keeps failing. */
  #connect(): void {
    const c = this.#conv;
    const client = this.p.client();
    if (!c || !client || this.#es || this.#poll) return;
    const url = new URL(`chat/conversations/${c.id}/events`, apiBase(client.options.baseUrl));
    url.searchParams.set('token', c.token);
    url.searchParams.set('clinic', client.options.clinic);
    // EventSource sends Last-Event-ID itself on its own reconnects; a new one starts from what we have.
    url.searchParams.set('lastEventId', lastId(this.#messages));
    const es = new EventSource(url);
    this.#es = es;
    // A proxy that buffers the stream keeps it "open" and delivers nothing, so no error ever comes:
    // without the server's first event in time, the stream counts as blocked and the panel polls.
    clearTimeout(this.#stallTimer);
    this.#stallTimer = setTimeout(() => {
      if (this.#es !== es) return;
      es.close();
      this.#es = undefined;
      this.#startPolling();
    }, chatTiming.stall);
    es.addEventListener('open', () => (this.#failures = 0));
    es.addEventListener('status', (ev) => {
      clearTimeout(this.#stallTimer);
      const s = ChatStatusEventSchema.safeParse(JSON.parse((ev as MessageEvent<string>).data));
      if (s.success) this.#staffOnline = s.data.staffOnline;
      this.host.requestUpdate();
    });
    es.addEventListener('message', (ev) => this.#received([ChatMessageSchema.parse(JSON.parse((ev as MessageEvent<string>).data))]));
    es.addEventListener('typing', (ev) => {
      const t = ChatTypingEventSchema.safeParse(JSON.parse((ev as MessageEvent<string>).data));
      if (t.success && t.data.author === 'staff') {
        this.#staffTyping = t.data.typing;
        // Staff pages repeat the signal every few seconds while typing: silence means they stopped.
        clearTimeout(this.#staffTypingTimer);
        if (t.data.typing) this.#staffTypingTimer = setTimeout(() => ((this.#staffTyping = false), this.host.requestUpdate()), 8000);
        this.host.requestUpdate();
      }
    });
    es.addEventListener('error', () => {
      if (es.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      clearTimeout(this.#stallTimer);
      this.#es = undefined;
      this.#failures++;
      // Blocked by a proxy, or failing again and again: poll instead.
      if (this.#failures >= 3) this.#startPolling();
      else this.#retryTimer = setTimeout(() => this.#connect(), reconnectDelay(this.#failures));
    });
  }

  /** Mobile browsers drop connections in the background: reconnect at once when back. */
  #reconnectNow(): void {
    if (!this.#conv) return;
    clearTimeout(this.#retryTimer);
    if (this.#es && this.#es.readyState !== EventSource.CLOSED) return;
    this.#es?.close();
    this.#es = undefined;
    this.#connect();
    this.#queue.retry();
  }

  #startPolling(): void {
    if (this.#poll) return;
    const tick = async () => {
      const c = this.#conv;
      const client = this.p.client();
      if (!c || !client) return;
      try {
        const r = await client.get(`/chat/conversations/${c.id}/messages`, VisitorMessagesResponseSchema, { searchParams: { token: c.token, after: lastId(this.#messages) } });
        this.#staffOnline = r.status.staffOnline;
        this.#received(r.messages);
      } catch {
        /* next tick */
      }
    };
    void tick();
    this.#poll = setInterval(() => void tick(), chatTiming.poll);
  }

  #received(list: ChatMessage[]): void {
    const before = new Set(this.#messages.map((m) => m.id));
    const c = this.#conv;
    this.#messages = mergeMessages(this.#messages, list);
    for (const m of list) {
      if (before.has(m.id) || m.author === 'visitor') continue;
      this.#staffTyping = false;
      // The history replayed on each page of the site was announced on the page where it arrived.
      if (c && BigInt(m.id) <= BigInt(c.seenId ?? '0')) continue;
      if (c) c.seenId = m.id;
      this.p.emit('prm-chat-message-received', { conversationId: m.conversationId, messageId: m.id, author: m.author });
    }
    if (c) saveConversation(session(), this.#clinic(), c);
    if (this.p.isOpen()) this.#markRead();
    this.p.unread(this.p.isOpen() ? 0 : unreadCount(this.#messages, this.#conv?.readId ?? '0'));
    this.#follow();
  }

  /**
   * Re-renders and keeps the newest line in view: when the patient was already reading the end of
   * the log (or `force`: their own message, the panel opening), not when they scrolled up to read.
   */
  #follow(force = false): void {
    const log = this.#el('.log');
    const atEnd = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    this.host.requestUpdate();
    if (force || atEnd)
      void this.host.updateComplete.then(() => {
        const l = this.#el('.log');
        if (l) l.scrollTop = l.scrollHeight;
      });
  }

  #markRead(): void {
    const c = this.#conv;
    const id = lastId(this.#messages);
    this.p.unread(0);
    if (!c || id === '0' || id === c.readId) return;
    c.readId = id;
    saveConversation(session(), this.#clinic(), c);
    void this.p.client()?.post(`/chat/conversations/${c.id}/read`, { lastReadId: id }, OkSchema, { searchParams: { token: c.token } }).catch(() => {});
  }

  #sendTyping(typing: boolean): void {
    const c = this.#conv;
    const now = Date.now();
    clearTimeout(this.#idleTimer);
    if (typing) this.#idleTimer = setTimeout(() => this.#sendTyping(false), 5000);
    if (!c || (typing ? now - this.#typingSent < 3000 : !this.#typingSent)) return;
    this.#typingSent = typing ? now : 0;
    void fetch(new URL(`chat/conversations/${c.id}/typing?token=${encodeURIComponent(c.token)}&clinic=${encodeURIComponent(this.#clinic())}`, apiBase(this.p.client()!.options.baseUrl)), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ typing }),
    }).catch(() => {});
  }

  // -------------------------------------------------------------------------------------------
  // Patient actions

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const text = this.#draft.trim();
    if (!text) return;
    if (!this.#conv && this.#leaving() && !this.#contact.validate()) return;
    if (!this.#conv && !this.#consent) {
      this.#error = msg('Please agree to the privacy notice before sending.');
      // Where the answer is: the box to tick (the text typed stays in the message field).
      void this.#focus('#chat-consent');
      return;
    }
    this.#error = '';
    this.#draft = '';
    // Straight on the field: the binding may never have committed what was typed (no render since
    // the first), so setting '' through it would change nothing and the text would stay.
    const box = this.#el<HTMLTextAreaElement>('#chat-input');
    if (box) box.value = '';
    this.#sendTyping(false);
    this.#queue.submit({ text });
    this.#follow(true);
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('#chat-input')?.focus();
  }

  /** Outside office hours, before a conversation exists: "leave a message" asks who to answer. */
  #leaving(): boolean {
    const cfg = this.p.clinicConfig();
    return !!cfg && !(this.#staffOnline ?? isOpen(cfg.officeHours, new Date()));
  }

  /** The name and email given in "leave a message", as sent. */
  #who(): { name?: string; email?: string } {
    const out: { name?: string; email?: string } = {};
    const name = this.#contact.wire('name');
    const email = this.#contact.wire('email');
    if (typeof name === 'string' && name) out.name = name;
    if (typeof email === 'string' && email) out.email = email;
    return out;
  }

  #el<T extends HTMLElement>(sel: string): T | null {
    return this.host.shadowRoot?.querySelector<T>(sel) ?? null;
  }

  async #focus(sel: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#el(sel)?.focus();
  }

  /** The attach button: the consent step first (once a page), then the system's file picker. */
  #attach(): void {
    this.#error = '';
    // Outside office hours the first file, like the first message, needs an email to answer.
    if (!this.#conv && this.#leaving() && !this.#contact.validate()) return;
    if (!this.#share) {
      this.#sharing = true;
      void this.#focus('#share-consent');
      return;
    }
    this.#el<HTMLInputElement>('#chat-file')?.click();
  }

  /** "Agree and choose a file": recorded for this page (the upload carries the text's version). */
  #confirmShare(): void {
    if (!this.#shareTick) {
      this.#error = msg('Please agree to share health records before attaching a file.');
      void this.#focus('#share-consent');
      return;
    }
    this.#error = '';
    // The same clinic text and version as the chat's consent line: agreeing here covers both.
    this.#share = this.#consent = true;
    this.#sharing = false;
    this.host.requestUpdate();
    // Focus stays on the attach button (the picker returns it there); the picker needs this click.
    this.#el('.attach')?.focus();
    this.#el<HTMLInputElement>('#chat-file')?.click();
  }

  #cancelShare(): void {
    this.#sharing = false;
    this.#error = '';
    void this.#focus('.attach');
  }

  /** A picked file: checked here on its size and first bytes (as the server does), then queued. */
  async #picked(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // no reference left in the form
    if (!file) return;
    const verdict = checkAttachment(file.size, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    const name = file.name;
    if (verdict === 'too-large') this.#error = msg(str`"${name}" is larger than 10 MB. Please choose a smaller file.`);
    else if (verdict === 'type') this.#error = msg(str`"${name}" is not a photo (JPEG, PNG, WebP, HEIC) or a PDF. Please choose another file.`);
    else {
      this.#error = '';
      this.#queue.submit({ text: name, file, size: file.size });
    }
    this.host.requestUpdate();
  }

  /** Where an attachment opens: the API with this conversation's token (a download, never rendered by our origin). */
  #fileUrl(m: ChatMessage): string | undefined {
    const client = this.p.client();
    const c = this.#conv;
    if (!client || !c || !m.attachment) return undefined;
    const url = new URL(`chat/conversations/${m.conversationId}/attachments/${m.attachment.id}`, apiBase(client.options.baseUrl));
    url.searchParams.set('token', c.token);
    url.searchParams.set('clinic', client.options.clinic);
    return url.href;
  }

  /** A file in the log: its name and size; a link that opens it once the server has it. */
  #file(name: string, size: number, href?: string): TemplateResult {
    const [unit, scale] = size >= 2 ** 20 ? (['megabyte', 2 ** 20] as const) : size >= 1024 ? (['kilobyte', 1024] as const) : (['byte', 1] as const);
    // Intl directly: a new import from the shared runtime would lengthen every widget's imports.
    const amount = new Intl.NumberFormat(this.p.locale(), { style: 'unit', unit, maximumFractionDigits: scale > 1024 ? 1 : 0 }).format(size / scale);
    const body = html`<svg class="clip" viewBox="0 0 24 24" aria-hidden="true"><path d=${CLIP} /></svg><bdi class="name">${name}</bdi> <span class="size">(${amount})</span>`;
    return href ? html`<a class="file" href=${href} rel="noopener">${body}</a>` : html`<span class="file">${body}</span>`;
  }

  #handoff(channel: HandoffChannel): void {
    const reference = this.#context.quoteReference ?? this.#context.bookingReference;
    this.p.emit('prm-chat-handoff', { channel, ...(reference ? { reference } : {}) });
  }

  // -------------------------------------------------------------------------------------------
  // Render

  #contextText(): string {
    const c = this.#context;
    if (c.quoteReference) return msg(str`About quote ${c.quoteReference}`);
    if (c.bookingReference) return msg(str`About booking ${c.bookingReference}`);
    return '';
  }

  #availability(cfg: ClinicConfig | undefined): TemplateResult {
    if (!cfg) return html``;
    const now = new Date();
    const open = this.#staffOnline ?? isOpen(cfg.officeHours, now);
    if (open) return html`<p class="availability" part="availability">${msg('Our coordinators are online and usually reply within a few minutes.')}</p>`;
    const next = nextOpening(cfg.officeHours, now);
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const when = next ? formatDateTime(next, tz, this.p.locale(), { weekday: 'long', hour: 'numeric', minute: '2-digit' }) : '';
    return html`<p class="availability offline" part="availability">
      ${next ? msg(str`We are offline. Leave a message and we will reply from ${when} (your time).`) : msg('We are offline. Leave a message and we will reply as soon as we can.')}
    </p>`;
  }

  #lines(): Line[] {
    const lines: (Line & { at: number })[] = [];
    // A message this page sent shows once, as its queue entry (with sending / sent / failed).
    const mine = new Set(this.#queue.entries.map((e) => e.result?.id).filter(Boolean));
    // The FAQ assistant's answer, stored with the patient's message, right under it.
    const faq = (m: ChatMessage | undefined, at: number) => {
      if (m?.faq !== undefined) lines.push({ kind: 'faq', question: m.body, answer: m.faq, at: at + 0.5 });
    };
    for (const m of this.#messages) {
      if (mine.has(m.id)) continue;
      lines.push({ kind: 'message', m, at: Date.parse(m.createdAt) });
      faq(m, Date.parse(m.createdAt));
    }
    for (const e of this.#queue.entries) {
      // Once sent, in the server's order (as the coordinator and the next page see it): a message
      // typed offline comes after the replies the server stored before it arrived.
      const at = e.result ? Date.parse(e.result.createdAt) : e.createdAt;
      lines.push({ kind: 'outgoing', entry: e, at });
      faq(e.result, at);
    }
    return lines.sort((a, b) => a.at - b.at);
  }

  #line(l: Line): TemplateResult {
    if (l.kind === 'message') {
      const m = l.m;
      return html`<li class="msg ${m.author}">
        ${m.author === 'staff' ? html`<span class="who">${m.authorName ?? this.#clinicName()}</span>` : nothing}
        ${m.attachment ? this.#file(m.attachment.name, m.attachment.size, this.#fileUrl(m)) : html`<span class="text">${m.body}</span>`}
      </li>`;
    }
    if (l.kind === 'outgoing') {
      const e = l.entry;
      const isFile = e.body.size !== undefined;
      const sending = isFile ? msg('Uploading…') : msg('Sending…');
      const state = e.status === 'sent' ? msg('Sent') : e.status === 'sending' ? sending : e.status === 'pending-offline' ? msg('Not sent yet: waiting for the network') : msg('Not sent');
      const m = e.result;
      return html`<li class="msg visitor">
        ${isFile ? this.#file(e.body.text, e.body.size!, m && this.#fileUrl(m)) : html`<span class="text">${e.body.text}</span>`}
        <span class="state ${e.status}">${state}</span>
        ${e.status === 'pending-offline' || e.status === 'refused' ? html`<button type="button" class="link" @click=${() => this.#queue.retry()}>${msg('Retry')}</button>` : nothing}
      </li>`;
    }
    const a = l.answer;
    if (!a) {
      return html`<li class="msg system faq"><span class="label">${msg('Automatic answer')}</span><span class="text">${msg('I have no answer to that. A coordinator will reply here.')}</span></li>`;
    }
    return html`<li class="msg system faq">
      <span class="label">${msg('Automatic answer')}</span>
      <span class="text" lang=${a.locale ?? nothing} dir=${a.locale ? 'auto' : nothing}>${a.answer}</span>
      <span class="source">${msg(str`Source: ${a.question}`)}</span>
      <button type="button" class="link" @click=${() => this.#talkToPerson(l.question)}>${msg('Talk to a person')}</button>
    </li>`;
  }

  /** The clinic's name in the patient's language when it has one (its Arabic name on an Arabic page). */
  #clinicName(): string | undefined {
    const cfg = this.p.clinicConfig();
    return cfg?.names?.[this.p.locale()] ?? cfg?.name;
  }

  #talkToPerson(question: string): void {
    // The question already went to the inbox; this tells staff the answer did not help.
    this.#queue.submit({ text: `${msg('Talk to a person')}: ${question}`, quiet: true });
    this.#follow(true);
  }

  /**
   * The dialog: its header, then `state` (the clinic profile's loading or error state, from the
   * shared states: no consent line without its text, no sending before the profile is known), or
   * the chat itself once the profile is here.
   */
  render(state?: unknown): TemplateResult {
    const modal = window.matchMedia('(max-width: 40em)').matches;
    const start = this.p.position() === 'bottom-start';
    return html`<div
      class="panel ${modal ? 'modal' : ''} ${start ? 'start' : ''}"
      part="panel"
      role="dialog"
      aria-modal=${modal ? 'true' : 'false'}
      aria-labelledby="chat-title"
      @keydown=${(e: KeyboardEvent) => this.#keydown(e, modal)}
    >
      <header>
        <h2 id="chat-title">${this.#clinicName() ?? msg('Chat with us')}</h2>
        <button type="button" class="close" aria-label=${msg('Close chat')} @click=${() => this.p.close()}>×</button>
      </header>
      ${state === undefined ? this.#chat() : html`<div class="profile">${state}</div>`}
    </div>`;
  }

  #chat(): TemplateResult {
    const cfg = this.p.clinicConfig();
    const ctx = this.#contextText();
    const channels = cfg ? HANDOFF_CHANNELS.filter((c) => cfg.channels[c]) : [];
    const names: Record<HandoffChannel, string> = { whatsapp: 'WhatsApp', telegram: 'Telegram', phone: msg('Phone'), email: msg('Email') };
    const consentText = cfg ? (cfg.consent.text[this.p.locale()] ?? cfg.consent.text['default'] ?? '') : '';
    // Consent to share health records: the clinic's own text when it has one, else ours.
    const shareText = consentText || msg('I agree to share the files I attach, which may contain health information, with the clinic so that it can prepare my treatment.');
    const offline = cfg ? !(this.#staffOnline ?? isOpen(cfg.officeHours, new Date())) : false;
    const lines = this.#lines();
    // A clinic without live chat (WhatsApp alone, say): its channels only, no composer, no consent;
    // the links are then the dialog's content, named by its title, not "other ways" in a landmark.
    const live = cfg?.channels.liveChat !== false;
    return html`${live ? this.#availability(cfg) : nothing}
      ${live
        ? html`<div class="log" part="log" role="log" aria-live="polite" aria-relevant="additions" aria-label=${msg('Messages')}>
        ${lines.length ? nothing : html`<p class="welcome">${msg('Ask us about treatment, prices or travel. A coordinator replies here.')}</p>`}
        <ol>
          ${lines.map((l) => this.#line(l))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">${this.#staffTyping ? msg('A coordinator is typing…') : ''}</p>
      <form class="composer" part="composer" @submit=${(e: Event) => void this.#submit(e)}>
        ${!this.#conv && !this.#sharing
          ? html`<label class="consent"
              ><input id="chat-consent" type="checkbox" .checked=${this.#consent} @change=${(e: Event) => ((this.#consent = (e.target as HTMLInputElement).checked), this.host.requestUpdate())} />
              <span>${consentText} <a href=${cfg?.privacyUrl ?? '#'} target="_blank" rel="noopener">${msg('Privacy notice')}</a></span></label
            >`
          : nothing}
        ${offline && !this.#conv && !this.#sharing
          ? html`${textField(this.#contact, 'name', { label: msg('Your name'), hint: msg('Optional'), locale: this.p.locale() })}
            ${textField(this.#contact, 'email', { label: msg('Your email, so we can reply'), locale: this.p.locale() })}`
          : nothing}
        ${this.#sharing
          ? html`<div class="share" role="group" aria-labelledby="share-title">
              <p id="share-title" class="share-title">${msg('Share health records')}</p>
              <p class="share-hint">${msg('Photos and documents such as X-rays or reports are health records. Only the clinic’s staff and this chat can open them.')}</p>
              <label class="consent"
                ><input id="share-consent" type="checkbox" .checked=${this.#shareTick} @change=${(e: Event) => ((this.#shareTick = (e.target as HTMLInputElement).checked), this.host.requestUpdate())} />
                <span>${shareText} <a href=${cfg?.privacyUrl ?? '#'} target="_blank" rel="noopener">${msg('Privacy notice')}</a></span></label
              >
              <div class="share-actions">
                <button type="button" class="send" @click=${() => this.#confirmShare()}>${msg('Agree and choose a file')}</button>
                <button type="button" class="link" @click=${() => this.#cancelShare()}>${msg('Cancel')}</button>
              </div>
            </div>`
          : nothing}
        ${this.#error ? html`<p class="error" role="alert">${this.#error}</p>` : nothing}
        <input id="chat-file" type="file" hidden accept="image/jpeg,image/png,image/webp,image/heic,application/pdf" @change=${(e: Event) => void this.#picked(e)} />
        <div class="row">
          <button type="button" class="attach" aria-label=${msg('Attach a photo or PDF')} aria-expanded=${this.#share ? nothing : String(this.#sharing)} @click=${() => this.#attach()}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${CLIP} /></svg>
          </button>
          <label class="visually-hidden" for="chat-input">${msg('Your message')}</label>
          <textarea
            id="chat-input"
            rows="2"
            maxlength="2000"
            placeholder=${msg('Type your question…')}
            .value=${this.#draft}
            @input=${(e: Event) => ((this.#draft = (e.target as HTMLTextAreaElement).value), this.#sendTyping(true))}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter' && !e.shiftKey) void this.#submit(e);
            }}
            @focus=${(e: Event) => (e.target as HTMLElement).scrollIntoView({ block: 'nearest' })}
          ></textarea>
          <button type="submit" class="send">${msg('Send')}</button>
        </div>
      </form>`
        : nothing}
      ${channels.length
        ? html`<nav class="channels" part="channels" role=${live ? nothing : 'none'} aria-label=${live ? msg('Other ways to reach us') : nothing}>
            ${ctx ? html`<p class="context">${ctx}</p>` : nothing}
            <ul>
              ${channels.map(
                (c) => html`<li><a href=${deepLink(cfg!.channels, c, ctx) ?? '#'} target=${c === 'whatsapp' || c === 'telegram' ? '_blank' : '_self'} rel="noopener" @click=${() => this.#handoff(c)}>${names[c]}</a></li>`,
              )}
            </ul>
          </nav>`
        : nothing}
    `;
  }

  /** APG dialog keys: Escape closes; Tab wraps inside when modal. */
  #keydown(e: KeyboardEvent, modal: boolean): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.p.close();
      return;
    }
    if (e.key !== 'Tab' || !modal) return;
    const root = this.host.shadowRoot!;
    const focusable = [...root.querySelectorAll<HTMLElement>('[role=dialog] :is(button, a[href], input, textarea, select):not([disabled])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root.activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first?.focus();
    }
  }
}

/** A paper clip (Material Symbols "attach_file", Apache-2.0). */
const CLIP = 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z';

export const panelStyles = css`
  :host {
    display: contents;
  }
  .panel {
    pointer-events: auto;
    position: fixed;
    inset-block-end: calc(var(--prm-chat-offset-block, 1em) + 4.5em);
    inset-inline-end: var(--prm-chat-offset-inline, 1em);
    inline-size: min(24em, calc(100vw - 2em));
    max-block-size: min(40em, calc(100dvh - 7em));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_on-surface);
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius-lg);
    box-shadow: var(--_elevation-high);
    font: var(--_font-size) / var(--_line-height) var(--_font);
    overflow: hidden;
  }
  .panel.start {
    inset-inline-end: auto;
    inset-inline-start: var(--prm-chat-offset-inline, 1em);
  }
  .panel.modal {
    inset: 0;
    /* The visual viewport's top and height (#viewport): above the on-screen keyboard. */
    inset-block-start: var(--_vvt, 0);
    inline-size: auto;
    max-block-size: none;
    block-size: var(--_vvh, 100dvh);
    border-radius: 0;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding-block: 0.5em;
    padding-inline: 1em 0.5em;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  h2 {
    margin: 0;
    font-size: 1.0625em;
  }
  .close {
    inline-size: var(--_target);
    block-size: var(--_target);
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font-size: 1.5em;
    cursor: pointer;
  }
  .availability {
    margin: 0;
    padding-block: 0.5em;
    padding-inline: 1em;
    background: var(--_surface-variant);
    color: var(--_on-surface-variant);
    font-size: 0.875em;
  }
  /* The profile's loading or error state: about the chat's own height, so nothing jumps when it comes. */
  .profile {
    flex: 1 1 auto;
    min-block-size: 16em;
    display: grid;
    align-content: center;
    padding: 1em;
  }
  .log {
    overflow-y: auto;
    /* A long conversation shrinks the log (which scrolls), never the composer under it. */
    flex: 1 1000 auto;
    min-block-size: 6em;
  }
  .welcome {
    margin: 0;
    padding: 0.75em 1em 0;
    color: var(--_on-surface-variant);
    font-size: 0.875em;
  }
  .log ol {
    list-style: none;
    margin: 0;
    padding: 0.75em 1em;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .msg {
    max-inline-size: 85%;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border-radius: var(--_radius-lg);
    display: flex;
    flex-direction: column;
    gap: 0.125em;
    overflow-wrap: anywhere;
  }
  .msg.visitor {
    align-self: flex-end;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .msg.staff,
  .msg.system {
    align-self: flex-start;
    background: var(--_surface-variant);
    color: var(--_on-surface);
  }
  .who,
  .label,
  .source,
  .state {
    font-size: 0.8125em;
  }
  .label {
    font-weight: 700;
  }
  .msg.visitor .link,
  .msg.visitor .state {
    color: inherit;
  }
  /* Not the shared loading/empty/error .state block (centred, padded): a line under the message. */
  .msg .state {
    display: block;
    padding: 0;
    min-block-size: 0;
    text-align: start;
  }
  .link {
    align-self: flex-start;
    border: 0;
    background: none;
    padding: 0;
    min-block-size: 1.5em;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
  }
  .typing {
    margin: 0;
    padding-inline: 1em;
    min-block-size: 1.25em;
    font-size: 0.8125em;
    color: var(--_on-surface-variant);
  }
  .composer {
    display: flex;
    flex-direction: column;
    /* A tall composer (consent, contact fields, the attach consent) scrolls rather than being cut off. */
    flex: 0 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    gap: 0.5em;
    padding: 0.75em 1em;
    border-block-start: 1px solid var(--_outline-variant);
  }
  .consent {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-size: 0.8125em;
  }
  .consent input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    flex: none;
  }
  .consent a,
  .channels a {
    color: var(--_primary);
  }
  .field {
    display: flex;
    flex-direction: column;
    font-size: 0.875em;
  }
  .row {
    display: flex;
    gap: 0.5em;
    align-items: flex-end;
  }
  textarea,
  input[type='email'] {
    flex: 1;
    font: inherit;
    /* 16 px at least: iOS zooms into smaller inputs. */
    font-size: max(1em, 16px);
    color: var(--_on-surface);
    background: var(--_surface);
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    padding: 0.5em;
    resize: none;
  }
  .attach {
    inline-size: var(--_target);
    block-size: var(--_target);
    flex: none;
    display: grid;
    place-items: center;
    padding: 0;
    border: 1px solid var(--_outline);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_on-surface);
    cursor: pointer;
  }
  .attach svg {
    inline-size: 1.375em;
    fill: currentColor;
  }
  .share {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_outline-variant);
    border-radius: var(--_radius);
    background: var(--_surface-variant);
  }
  .share p {
    margin: 0;
    font-size: 0.875em;
  }
  .share-title {
    font-weight: 700;
  }
  .share-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .share .link {
    align-self: center;
  }
  .file {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    color: inherit;
    overflow-wrap: anywhere;
  }
  .file .clip {
    inline-size: 1.125em;
    flex: none;
    fill: currentColor;
  }
  .file .size {
    white-space: nowrap;
  }
  .send {
    min-block-size: var(--_target);
    padding-inline: 1em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .error {
    margin: 0;
    color: var(--_error);
    font-size: 0.875em;
  }
  .channels {
    padding-block: 0.5em 0.75em;
    padding-inline: 1em;
    border-block-start: 1px solid var(--_outline-variant);
    font-size: 0.875em;
  }
  .channels p {
    margin: 0 0 0.25em;
    color: var(--_on-surface-variant);
  }
  .channels ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .channels a {
    display: inline-block;
    min-block-size: 1.5em;
    line-height: 1.5em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel {
      animation: rise 160ms ease-out;
    }
    @keyframes rise {
      from {
        opacity: 0;
        transform: translateY(0.5em);
      }
    }
  }
`;

let facadeSheet: CSSStyleSheet | undefined;
/** The page's events whose reference the hand-off carries ("About quote Q-…"). */
const SUCCESS = ['prm-quote-success', 'prm-booking-success'];

/**
 * What the panel adds to the launcher's own shadow root (the facade stays small without them): the
 * unread badge over the button's corner and the status line announcing the count, and, on a phone,
 * the button hidden while the full-screen dialog is open. The badge sits beside the button, not
 * inside it: a count inside would be visible text missing from the button's name (WCAG 2.5.3).
 * Returns the setter of the count and its announcement.
 */
function facadeParts(root: ShadowRoot): (n: number, announcement: string) => void {
  if (!facadeSheet) {
    facadeSheet = new CSSStyleSheet();
    // The badge's colours, light and dark, from the SDK palette itself (the facade's `tokens` format).
    const colors = tokens((['error', 'on-error'] as const).map((n) => `${n} ${colorTokens[n].join(' ')}`).join(' '));
    facadeSheet.replaceSync(
      `:host{${colors}}[hidden]{display:none!important}@media (max-width:40em){:host([open]) .w{display:none}}` +
        `.b{position:absolute;pointer-events:none;inset-block-start:-.25em;inset-inline-end:-.25em;min-inline-size:1.5em;border-radius:.75em;background:var(--_error);color:var(--_on-error);font:700 .8125em/1.5em var(--prm-font-family,system-ui,sans-serif);padding-inline:.25em;text-align:center}` +
        `.v{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%)}`,
    );
  }
  if (!root.adoptedStyleSheets.includes(facadeSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, facadeSheet];
  const badge = Object.assign(document.createElement('span'), { className: 'b', hidden: true });
  badge.setAttribute('part', 'badge');
  badge.ariaHidden = 'true';
  const status = Object.assign(document.createElement('span'), { className: 'v' });
  status.setAttribute('role', 'status');
  root.querySelector('.w')?.append(badge, status);
  return (n, announcement) => {
    badge.textContent = n ? `${n}` : '';
    badge.hidden = !n;
    status.textContent = announcement;
  };
}

/**
 * The launcher's panel (internal: `<prm-chat-panel>`, created by `<prm-chat-launcher>` inside its
 * own shadow root once the patient shows intent). A widget element like the others — config,
 * language, clinic profile and theme from the shared runtime — whose events reach the page
 * retargeted to the launcher.
 * @internal
 */
export class PrmChatPanel extends PrmElement {
  static override tagName = 'prm-chat-panel';
  static override styles = [...(PrmElement.styles as never[]), formStyles, panelStyles];

  /** The facade that created this panel. */
  launcher?: PrmChatLauncher;
  readonly #chat: ChatPanel = new ChatPanel(this, {
    client: () => this.client,
    config: () => this.config,
    clinicConfig: () => this.clinicConfig,
    loadClinic: () => this.clinicCtl.load(),
    locale: () => this.resolvedLocale,
    isOpen: () => !!this.launcher?.open,
    close: () => void this.launcher?.hide(),
    // "Unread messages: 3" reads right for every count in every language (no plural forms needed).
    unread: (n) => this.#unread?.(n, n ? msg(str`Unread messages: ${n}`) : ''),
    emit: (name, detail) => this.emit(name as PrmEventName, detail as never),
    reportError: (e) => this.reportError(e),
    context: () => {
      // A quote or booking made on this page, before or after the panel loaded (core/element.ts records it).
      const done = prmGlobal().done ?? {};
      const q = done['prm-quote-success']?.reference;
      const b = done['prm-booking-success']?.reference;
      return { ...this.launcher?.context, ...(q && { quoteReference: q }), ...(b && { bookingReference: b }) };
    },
    position: () => this.launcher?.getAttribute('position') ?? null,
  });

  /**
   * The clinic profile (office hours, channels, consent text, privacy notice): the chat waits for
   * it behind the shared loading state, and a failure (5xx, an answer breaking the contract, a
   * timeout, offline) shows the shared error state with "Try again" and fires `prm-error`, as in
   * every widget (core/data/controller.ts).
   */
  readonly #profile = new DataController(this, {
    args: () => (this.client ? ([this.client] as const) : undefined),
    task: () => this.clinicCtl.load(),
  });
  /** What the dialog showed last: focus follows when it changes under the patient (see `updated`). */
  #shows?: string;

  #unread?: (n: number, announcement: string) => void;
  /** The clinic profile whose theme the launcher's button was last given. */
  #painted?: ClinicConfig;

  /** The launcher's config attributes: the panel has none of its own. */
  override configAttributes(): Record<string, unknown> {
    return Object.fromEntries(Object.keys(super.configAttributes()).map((f) => [f, this.launcher?.getAttribute(f) ?? undefined]));
  }

  /** Reconnects a conversation of this tab (the badge counts replies while closed). */
  resume(): void {
    this.#chat.resume();
  }

  readonly #onSuccess = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unread ??= facadeParts(this.getRootNode() as ShadowRoot);
    for (const t of SUCCESS) document.addEventListener(t, this.#onSuccess);
    this.#chat.connected();
    if (this.hasUpdated) this.#chat.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const t of SUCCESS) document.removeEventListener(t, this.#onSuccess);
    this.#chat.disconnected();
  }

  /** Renders the dialog, moves focus into it and fires `prm-chat-open`. */
  async opened(): Promise<void> {
    // The profile failed while the panel loaded on a hover, before the patient asked for anything:
    // opening tries again rather than greeting them with an error.
    if (this.#profile.status === TaskStatus.ERROR) this.#profile.retry();
    this.requestUpdate();
    await this.updateComplete;
    this.#chat.opened();
    this.emit('prm-chat-open', { resumed: this.#chat.resumed });
  }

  /** Removes the dialog and fires `prm-chat-close`. */
  closed(): void {
    this.#chat.closed();
    this.requestUpdate();
    this.emit('prm-chat-close', {});
  }

  /** Errors and config problems are the launcher's, as far as the page is concerned. */
  protected override emit<K extends PrmEventName>(name: K, detail: PrmEventDetails[K]): boolean {
    const d = name === 'prm-error' ? { ...(detail as object), widget: 'prm-chat-launcher' } : detail;
    return super.emit(name, d as PrmEventDetails[K]);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The loading or error state gave way to another while open: the button that had focus ("Try
    // again") may be gone. Focus goes to what the patient came for (the message field, else "Try
    // again") when it was lost or left on the close button, never away from anything else.
    const root = this.shadowRoot!;
    const shows = this.launcher?.open ? (root.querySelector('[part=error]') ? 'error' : root.querySelector('[part=loading]') ? 'loading' : 'chat') : undefined;
    if (shows && this.#shows && shows !== this.#shows) {
      const a = root.activeElement;
      const lost = !a && !this.launcher!.shadowRoot?.activeElement && (!document.activeElement || document.activeElement === document.body);
      if (lost || a?.matches('.close')) {
        (root.querySelector<HTMLElement>('#chat-input') ?? root.querySelector<HTMLElement>('[part=error] button'))?.focus();
      }
    }
    this.#shows = shows;
    // A page without the loader: the button takes the clinic's colours once the profile is here.
    const c = this.clinicConfig;
    if (c && c !== this.#painted) {
      this.#painted = c;
      this.launcher?.paint(c.theme);
    }
  }

  protected renderContent(): unknown {
    if (!this.launcher?.open) return nothing;
    // The profile may be here before the task says so (another widget of the page loaded it).
    return this.#chat.render(this.clinicConfig ? undefined : this.#profile.render({ complete: () => nothing }));
  }
}
