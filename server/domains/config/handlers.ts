import type { ClinicConfig } from '../../../src/core/contract/config.js';
import { THEME_MAX_TOKENS } from '../../../src/core/contract/theme.js';
import { resolveTheme, unparseableColors } from '../../../src/core/theme/derive.js';
import { ApiError, ok } from '../../http.js';
import { iso, json } from '../shared.js';
import type { Handlers } from '../types.js';

/**
 * GET /config and the theme it serves (PUT /staff/theme). The theme is served resolved: dark values
 * derived from a single brand colour and every pair at WCAG AA (src/core/theme/derive.ts).
 */
export const configHandlers: Pick<Handlers, 'getConfig' | 'staffPutTheme'> = {
  async getConfig({ clinic }) {
    const cfg: ClinicConfig = { id: clinic.id, name: clinic.name, timeZone: clinic.time_zone, ...clinic.config, theme: resolveTheme(clinic.theme) };
    return ok(cfg);
  },

  async staffPutTheme({ db, clinic, body, now }) {
    if (Object.keys(body.tokens).length + Object.keys(body.dark ?? {}).length > THEME_MAX_TOKENS) {
      throw new ApiError(400, 'invalid_request', `At most ${THEME_MAX_TOKENS} tokens`, { tokens: `At most ${THEME_MAX_TOKENS} tokens` });
    }
    // Colours are checked for contrast, so they must be colours we can read: hex or rgb().
    const bad = [...unparseableColors(body.tokens).map((k) => `tokens.${k}`), ...unparseableColors(body.dark ?? {}).map((k) => `dark.${k}`)];
    if (bad.length) {
      const message = 'Give colours as #rrggbb or rgb(); translucent colours and names are not accepted';
      throw new ApiError(400, 'invalid_request', message, Object.fromEntries(bad.map((k) => [k, message])));
    }
    // Stored as given; answered (and served in /config) resolved: the dark values derived and
    // every pair brought to WCAG AA, so staff see what patients will see.
    await db.query('UPDATE clinics SET theme = $2, theme_updated_at = $3 WHERE id = $1', [clinic.id, json(body), now]);
    return ok({ theme: resolveTheme(body), updatedAt: iso(now) });
  },
};
