import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from './api/client.js';
import type { ConfigController } from './config/controller.js';
import type { ClinicConfig } from './contract/config.js';
import type { Theme } from './contract/theme.js';
import { ClinicConfigSchema } from '../generated/contract/config.js';

const cache = new Map<string, Promise<ClinicConfig>>();

/** `GET /v1/config`, once per page for each api + clinic (a failure is not cached). */
export function loadClinicConfig(client: ApiClient): Promise<ClinicConfig> {
  const key = `${client.options.baseUrl}|${client.options.clinic}`;
  let p = cache.get(key);
  if (!p) {
    p = client.get('config', ClinicConfigSchema);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/**
 * Loads the clinic profile for a widget and feeds it to the config as the "remote" layer
 * (theme mode and tokens, default currency), below everything the page sets. Widgets read
 * `value` (time zone, currencies, channels, consent…) and include `load()` in their own data
 * task so a failure shows their error state with a retry.
 */
export class ClinicController implements ReactiveController {
  value?: ClinicConfig;
  #client?: ApiClient;

  constructor(
    host: ReactiveControllerHost,
    private readonly config: ConfigController,
    private readonly onTheme: (theme: Theme) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.config.client;
    if (client && client !== this.#client) {
      this.#client = client;
      this.load().catch(() => {
        /* the widget's data task reports it */
      });
    }
  }

  /** The clinic profile for the current config. */
  async load(): Promise<ClinicConfig> {
    const client = this.config.client;
    if (!client) throw new Error('config is invalid');
    const value = await loadClinicConfig(client);
    if (client === this.config.client && value !== this.value) {
      this.value = value;
      this.config.setRemote({ values: { theme: value.theme.mode, currency: value.defaultCurrency } });
      this.onTheme(value.theme);
    }
    return value;
  }
}
