import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient } from '../api/client.js';
import { prmGlobal } from './global.js';
import { resolveConfig, type ConfigResult } from './resolve.js';
import { CONFIG_FIELDS } from './schema.js';

type Host = ReactiveControllerHost & HTMLElement & { configAttributes(): Record<string, unknown> };

/** Remote values the clinic profile contributes to config, and its theme tokens. */
export interface RemoteLayer {
  values: Record<string, unknown>;
  tokens?: Record<string, string>;
}

function defaultApi(): string {
  return location.origin;
}

/**
 * Resolves a widget's embed config from its attributes, `PRM.configure()`, the loader's
 * `data-*` and the remote clinic config, re-resolving when any of them changes. An invalid
 * config is reported once on the console (naming the field) and exposed as `result.ok === false`
 * so the widget can show its polite error state; nothing throws.
 */
export class ConfigController implements ReactiveController {
  result: ConfigResult = { ok: false, field: 'clinic', value: undefined, message: '' };
  remote?: RemoteLayer;
  #key = '';
  #client?: ApiClient;
  #clientKey = '';
  #reportScheduled = false;
  readonly #unsub = () => this.host.requestUpdate();

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    prmGlobal().subs.add(this.#unsub);
    this.refresh();
  }

  hostDisconnected(): void {
    prmGlobal().subs.delete(this.#unsub);
  }

  hostUpdate(): void {
    this.refresh();
  }

  /** The API client for the resolved config (one per api + clinic), or undefined when invalid. */
  get client(): ApiClient | undefined {
    if (!this.result.ok) return undefined;
    const { api, clinic } = this.result.config;
    const key = `${api}|${clinic}`;
    if (key !== this.#clientKey) {
      this.#clientKey = key;
      this.#client = new ApiClient({ baseUrl: api, clinic });
    }
    return this.#client;
  }

  setRemote(remote: RemoteLayer | undefined): void {
    this.remote = remote;
    this.host.requestUpdate();
  }

  refresh(): void {
    const g = prmGlobal();
    const attributes: Record<string, unknown> = {};
    const own = this.host.configAttributes();
    for (const f of CONFIG_FIELDS) attributes[f] = own[f];
    const layers = { attributes, code: g.code, script: g.script, remote: this.remote?.values, defaults: { api: defaultApi(), locale: 'auto', theme: 'light' } };
    const key = JSON.stringify(layers);
    if (key === this.#key) return;
    this.#key = key;
    this.result = resolveConfig(layers);
    if (!this.result.ok) this.#scheduleReport();
  }

  /**
   * Reports an invalid config on the console once the current task is over: config that arrives
   * within the same task (`import 'prm-widgets/x'` then `configure({...})`, the README's order,
   * or a `configure()` after an `await` of a microtask) is not an error.
   */
  #scheduleReport(): void {
    if (this.#reportScheduled) return;
    this.#reportScheduled = true;
    setTimeout(() => {
      if (this.host.isConnected) this.refresh();
      this.#reportScheduled = false;
      if (!this.host.isConnected) return;
      const r = this.result;
      const g = prmGlobal();
      if (r.ok || g.reported.has(r.message)) return;
      g.reported.add(r.message);
      console.error(`[prm-widgets] <${this.host.localName}> ${r.message}`);
    });
  }
}
