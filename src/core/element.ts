import { LitElement, html, type CSSResultGroup, type PropertyValues } from 'lit';
import { PrmApiError } from './api/errors.js';
import type { ApiClient } from './api/client.js';
import { ClinicController } from './clinic.js';
import { ConfigController } from './config/controller.js';
import type { ClinicConfig } from './contract/config.js';
import type { Theme } from './contract/theme.js';
import type { EmbedConfig } from './config/schema.js';
import { defineElement } from './define.js';
import type { PrmErrorDetail, PrmEventDetails, PrmEventName } from './events.js';
import { LocaleController } from './i18n/controller.js';
import { baseStyles, tokens, tokenSheet } from './theme/tokens.js';
import { configErrorState } from './states.js';
import { VERSION } from './version.js';
import { nextTask } from './task.js';
import { prmGlobal } from './config/global.js';

/**
 * The base of every `prm-*` widget: shared tokens and styles, guarded `define()`, typed `emit()`,
 * config resolution (attributes > `PRM.configure()` > loader `data-*` > remote > defaults),
 * language and direction, the light/dark/auto theme, and the polite config-error state.
 *
 * Subclasses implement `renderContent()`; the config-error state is handled here.
 */
export abstract class PrmElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, baseStyles];
  /** The prm-widgets version that defined this element (compared on a define clash). */
  static readonly version: string = VERSION;
  /** The tag `define()` registers by default. */
  static tagName = '';

  /** Registers the element under `tag` once per page; a second call (or another copy) is a no-op. */
  static define(tag: string = this.tagName): CustomElementConstructor {
    return defineElement(tag, this as unknown as CustomElementConstructor);
  }

  // Declared without decorators: the decorator helpers would cost bytes in the shared runtime.
  static override properties = {
    api: {},
    clinic: {},
    locale: {},
    theme: {},
    currency: {},
    agent: {},
  };

  /** Backend base URL; overrides `PRM.configure({ api })` and the loader's `data-api`. */
  declare api?: string;
  /** Clinic public key; overrides the page-wide config. */
  declare clinic?: string;
  /** `auto` or a locale code (en, ar, de, es, fr, ru, tr); the element's `lang` wins over it. */
  declare locale?: string;
  /** `light`, `dark` or `auto` (follows the OS). */
  declare theme?: string;
  /** Preferred display currency (ISO 4217). */
  declare currency?: string;
  /** Agent or facilitator code, carried into submissions. */
  declare agent?: string;

  protected readonly configCtl = new ConfigController(this);
  protected readonly localeCtl = new LocaleController(this, () => (this.configCtl.result.ok ? this.configCtl.result.config.locale : undefined));
  /** The clinic profile (`GET /v1/config`), loaded once per page and shared by every widget. */
  protected readonly clinicCtl = new ClinicController(this, this.configCtl, (t) => this.applyRemoteTheme(t));
  readonly #internals: ElementInternals = this.attachInternals();
  #configErrorReported = false;
  #yielded = false;
  #shown = false;
  #tokenSheet?: CSSStyleSheet;

  /** The resolved config, or undefined while it is invalid. */
  protected get config(): EmbedConfig | undefined {
    return this.configCtl.result.ok ? this.configCtl.result.config : undefined;
  }

  /** The API client for the resolved config. */
  protected get client(): ApiClient | undefined {
    return this.configCtl.client;
  }

  /** The clinic profile once loaded (time zone, currencies, channels, consent, privacy URL). */
  protected get clinicConfig(): ClinicConfig | undefined {
    return this.clinicCtl.value;
  }

  /** The widget's resolved locale code. */
  get resolvedLocale(): string {
    return this.localeCtl.locale;
  }

  /** The values of the config attributes, read by the config controller. */
  configAttributes(): Record<string, unknown> {
    return { api: this.api, clinic: this.clinic, locale: this.locale, theme: this.theme, currency: this.currency, agent: this.agent };
  }

  /** Dispatches a typed `prm-*` event that bubbles and crosses shadow roots. */
  protected emit<K extends PrmEventName>(name: K, detail: PrmEventDetails[K]): boolean {
    // Only the reference stays page-wide (never what the patient answered: a feedback's scores).
    if (name.endsWith('-success')) (prmGlobal().done ??= {})[name] = { reference: (detail as { reference?: string }).reference };
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** Reports a failure as a `prm-error` event (the widget shows its own state). */
  reportError(err: unknown): void {
    const e = err instanceof PrmApiError ? err : undefined;
    const detail: PrmErrorDetail = {
      widget: this.localName,
      reason: e?.kind ?? 'invalid_response',
      message: err instanceof Error ? err.message : String(err),
    };
    if (e?.status) detail.status = e.status;
    if (e?.code) detail.code = e.code;
    this.emit('prm-error', detail);
  }

  /**
   * Applies the clinic's remote theme: `tokens` in every mode, `dark` over them in dark mode
   * (page CSS on the tag still wins over both).
   */
  protected applyRemoteTheme(theme: Pick<Theme, 'tokens' | 'dark'> | undefined): void {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root?.adoptedStyleSheets) return;
    const sheets = root.adoptedStyleSheets.filter((s) => s !== this.#tokenSheet);
    this.#tokenSheet = theme ? tokenSheet(theme.tokens, theme.dark) : undefined;
    root.adoptedStyleSheets = this.#tokenSheet ? [...sheets, this.#tokenSheet] : sheets;
  }

  /**
   * The first render waits for a task of its own: a widget's chunk is evaluated (its modules,
   * styles, templates) in one task and first rendered in the next, so the browser can paint and
   * answer input between the two instead of running them as one long task.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.#yielded) {
      this.#yielded = true;
      await nextTask();
    }
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Controllers' hostUpdate runs after willUpdate: resolve config now so this update sees it.
    this.configCtl.refresh();
    const states = this.#internals.states;
    const theme = this.config?.theme ?? 'light';
    for (const t of ['light', 'dark', 'auto']) {
      if (t === theme) states.add(t);
      else states.delete(t);
    }
  }

  /**
   * Once the widget shows anything but its loading skeleton (its content, an empty or error
   * state), it takes the custom state `shown`, for good: the box reserved for it while it loaded
   * (the page's rule on the tag, README "Embed it", or the widget's default) then gives way to its
   * content (`cardLayout`, core/theme/card.ts), so a widget shorter than its reservation (another
   * procedure, no procedure, another language) never leaves an empty card below its content.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#shown && !this.renderRoot.querySelector('[part=loading]')) {
      this.#shown = true;
      this.#internals.states.add('shown');
    }
  }

  protected override render(): unknown {
    const result = this.configCtl.result;
    if (!result.ok) {
      if (!this.#configErrorReported) {
        this.#configErrorReported = true;
        // After the current task: config arriving within it (configure() after the import) is no error.
        setTimeout(() => {
          const now = this.configCtl.result;
          if (now.ok || !this.isConnected) this.#configErrorReported = false;
          else this.emit('prm-error', { widget: this.localName, reason: 'config', message: now.message, field: now.field });
        });
      }
      return html`<div class="card" part="base">${configErrorState()}</div>`;
    }
    this.#configErrorReported = false;
    return this.renderContent();
  }

  /** The widget's content once its config is valid. */
  protected abstract renderContent(): unknown;
}
