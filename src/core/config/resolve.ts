import { CONFIG_FIELDS, EmbedConfigSchema, FIELD_HELP, type ConfigField, type EmbedConfig } from './schema.js';

/**
 * The layers of config, highest precedence first:
 * element attribute > `PRM.configure()` > loader `data-*` > remote clinic config > defaults.
 */
export interface ConfigLayers {
  attributes?: Record<string, unknown>;
  code?: Record<string, unknown>;
  script?: Record<string, unknown>;
  remote?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
}

export type ConfigResult =
  | { ok: true; config: EmbedConfig }
  | { ok: false; field: ConfigField; value: unknown; message: string };

const ORDER = ['attributes', 'code', 'script', 'remote', 'defaults'] as const;

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Picks each field from the highest layer that sets it, then validates the result. */
export function mergeLayers(layers: ConfigLayers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of CONFIG_FIELDS) {
    for (const name of ORDER) {
      const v = layers[name]?.[field];
      if (isSet(v)) {
        out[field] = v;
        break;
      }
    }
  }
  return out;
}

/** Merges the layers and validates; never throws. An invalid result names the first bad field. */
export function resolveConfig(layers: ConfigLayers): ConfigResult {
  const merged = mergeLayers(layers);
  const parsed = EmbedConfigSchema.safeParse(merged);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'clinic') as ConfigField;
  const value = merged[field];
  const message = isSet(value)
    ? `PRM config: "${field}" is invalid (got ${JSON.stringify(value)}); expected ${FIELD_HELP[field]}.`
    : `PRM config: "${field}" is missing; expected ${FIELD_HELP[field]}. Set it with the loader's data-${field}, PRM.configure({ ${field} }) or the widget's ${field} attribute.`;
  return { ok: false, field, value, message };
}
