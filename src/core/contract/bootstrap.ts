import * as z from 'zod/mini';
import { LocaleSchema } from './common.js';
import { str } from './checked.js';

/**
 * `GET /v1/bootstrap`: a page's first data in one answer, asked for by the loader while the
 * widgets' code downloads. `widgets` names the widgets on the page (`quote-calculator,…`); the
 * answer carries the clinic profile and, for each widget, what its first GETs would answer.
 */
export const BootstrapQuerySchema = /* @__PURE__ */ z.object({
  /** Comma-separated widget names (the tag without `prm-`); unknown names are ignored. None: config only. */
  widgets: z.optional(str(z.regex(/^[a-z][a-z-]{0,39}(,[a-z][a-z-]{0,39}){0,9}$/))),
  /** The language the widgets will speak (the loader resolves it as the widgets do). */
  locale: z.optional(LocaleSchema),
  /**
   * The procedure a widget on the page preselects (`procedure="…"` on its tag): fills
   * `{procedure}` in the widgets' first GETs; a first GET that needs it is skipped without it, or
   * when it is not a valid id (the widget then shows that error itself; the rest still comes).
   */
  procedure: z.optional(str(z.maxLength(200))),
});

/**
 * `answers`: each key is a GET under /v1 with its query, parameters sorted and without the
 * clinic key (`config`, `exchange-rates`, `procedures?locale=en`); each value is exactly what
 * that endpoint answers, to be parsed by the widget with that endpoint's own schema. A GET that
 * failed is left out (the widget asks for it itself and shows the error).
 */
export const BootstrapResponseSchema = /* @__PURE__ */ z.object({
  answers: z.record(z.string(), z.unknown()),
});
export type BootstrapResponse = z.infer<typeof BootstrapResponseSchema>;
