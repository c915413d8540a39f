/**
 * prm-widgets: side-effect-free exports. Importing this module registers no tag; import
 * `prm-widgets/<widget>` (or call `Class.define()`) to register one.
 */
import { prmGlobal } from './core/config/global.js';
import type { EmbedConfig } from './core/config/schema.js';
import { VERSION } from './core/version.js';

export { PrmElement } from './core/element.js';
export { defineElement } from './core/define.js';
export { ApiClient, newIdempotencyKey, type ApiClientOptions } from './core/api/client.js';
export { PrmApiError, type ApiErrorKind } from './core/api/errors.js';
export { EmbedConfigSchema, LOCALES, type EmbedConfig, type Locale, type ThemeMode } from './core/config/schema.js';
export { resolveConfig, type ConfigLayers } from './core/config/resolve.js';
export { formatMoney, formatDateTime, dateInZone } from './core/i18n/format.js';
export type { PrmEventDetails, PrmErrorDetail, PrmEventName, PrmEvent } from './core/events.js';

/** The SDK version. */
export const version: string = VERSION;

/** Page-wide config (the layer between element attributes and the loader's `data-*`). */
export function configure(config: Partial<EmbedConfig>): void {
  prmGlobal().configure(config);
}
