import { WIDGETS } from '../../../widgets.config.mjs';
import { bootKey } from '../../../src/core/api/boot.js';
import { endpoints, type Endpoint, type EndpointId } from '../../../src/core/contract/endpoints.js';
import { ok, type Reply } from '../../http.js';
// A cycle on purpose: the bootstrap calls the other domains' handlers, read when a request comes.
import { handlers } from '../index.js';
import type { Handlers } from '../types.js';

/**
 * Each widget's first GETs, from its declaration (`firstData` in widgets.config.mjs), written as
 * the widget's API client asks for them: path under /v1 and query, where `{locale}` is the
 * language the loader resolved. A widget whose first screen needs data declares it there; its
 * code does not change: the API client takes these answers from the loader's handoff instead of
 * fetching. The clinic profile (`config`) is always included.
 */
const FIRST_DATA = new Map(WIDGETS.map((w) => [w.folder, w.firstData.map((p) => p.replace(/^\/v1\//, ''))]));
const ALWAYS = ['config'];

type AnyHandler = (ctx: never) => Promise<Reply>;

/**
 * `GET /v1/bootstrap`: calls, in this process and in parallel, the handlers of the first GETs of
 * the widgets named, with the same tenant (clinic, origin grant) as the bootstrap request, and
 * returns their answers keyed by {@link bootKey}. A GET that fails is left out: the widget asks
 * for it itself and shows that error as usual.
 */
export const bootstrapHandlers: Pick<Handlers, 'getBootstrap'> = {
  getBootstrap: (ctx) => bootstrap(ctx, handlers as unknown as Partial<Record<EndpointId, AnyHandler>>),
};

async function bootstrap(ctx: Parameters<Handlers['getBootstrap']>[0], handlers: Partial<Record<EndpointId, AnyHandler>>): Promise<Reply> {
  const locale = ctx.query.locale ?? ctx.clinic.config.defaultLocale ?? 'en';
  const paths = new Set(ALWAYS);
  for (const w of ctx.query.widgets?.split(',') ?? []) for (const p of FIRST_DATA.get(w) ?? []) paths.add(p.replaceAll('{locale}', locale));
  const answers: Record<string, unknown> = {};
  await Promise.all(
    [...paths].map(async (p) => {
      const [pathname = '', q = ''] = p.split('?', 2);
      const ep = (endpoints as readonly Endpoint[]).find(
        (e) => e.method === 'get' && e.path === `/${pathname}` && !e.staff && !e.params && (e.kind ?? 'json') === 'json' && e.id !== 'getBootstrap',
      );
      const handler = ep && handlers[ep.id as EndpointId];
      if (!ep || !handler) return;
      const params = new URLSearchParams(q);
      const query = ep.query ? ep.query.safeParse(Object.fromEntries(params)) : { success: true as const, data: undefined };
      if (!query.success) return;
      try {
        const r = await handler({ ...ctx, params: undefined, body: undefined, query: query.data } as never);
        if (r.status === 200 && !r.contentType) answers[bootKey(pathname, params)] = r.body;
      } catch {
        /* left out: the widget's own request shows the error */
      }
    }),
  );
  return ok({ answers });
}
