import type { ClinicConfig } from '../../../src/core/contract/config.js';
import { THEME_MAX_TOKENS } from '../../../src/core/contract/theme.js';
import { ApiError, ok } from '../../http.js';
import { iso, json } from '../shared.js';
import type { Handlers } from '../types.js';

/** GET /config and the theme it serves (PUT /staff/theme). */
export const configHandlers: Pick<Handlers, 'getConfig' | 'staffPutTheme'> = {
  async getConfig({ clinic }) {
    const cfg: ClinicConfig = { id: clinic.id, name: clinic.name, timeZone: clinic.time_zone, ...clinic.config, theme: clinic.theme };
    return ok(cfg);
  },

  async staffPutTheme({ db, clinic, body, now }) {
    if (Object.keys(body.tokens).length > THEME_MAX_TOKENS) {
      throw new ApiError(400, 'invalid_request', `At most ${THEME_MAX_TOKENS} tokens`, { tokens: `At most ${THEME_MAX_TOKENS} tokens` });
    }
    await db.query('UPDATE clinics SET theme = $2, theme_updated_at = $3 WHERE id = $1', [clinic.id, json(body), now]);
    return ok({ theme: body, updatedAt: iso(now) });
  },
};
