import { bootKey } from '../../../src/core/api/boot.js';
import { endpoints, type Endpoint, type EndpointId } from '../../../src/core/contract/endpoints.js';
import { ok, type Reply } from '../../http.js';

/**
 * Each widget's first GETs, written as the widget's API client asks for them (path under /v1 and
 * query; `{locale}` is the language the loader resolved). A widget whose first screen needs data
 * adds its line here; its code does not change: the API client takes these answers from the
 * loader's handoff instead of fetching. The clinic profile (`config`) is always included.
 */
export const FIRST_DATA: Record<string, readonly string[]> = {
  'quote-calculator': ['procedures?locale={locale}', 'exchange-rates'],
};
const ALWAYS = ['config'];

/** The parts of a handler context the bootstrap passes on to the handlers it calls. */
export interface BootstrapCtx {
  query: { widgets?: string | undefined; locale?: string | undefined };
  clinic: { config: { defaultLocale?: string } };
}

type AnyHandler = (ctx: never) => Promise<Reply>;

/**
 * `GET /v1/bootstrap`: calls, in this process and in parallel, the handlers of the first GETs of
 * the widgets named, with the same tenant (clinic, origin grant) as the bootstrap request, and
 * returns their answers keyed by {@link bootKey}. A GET that fails is left out: the widget asks
 * for it itself and shows that error as usual.
 */
export async function bootstrap<C extends BootstrapCtx>(ctx: C, handlers: Partial<Record<EndpointId, AnyHandler>>): Promise<Reply> {
  const locale = ctx.query.locale ?? ctx.clinic.config.defaultLocale ?? 'en';
  const paths = new Set(ALWAYS);
  for (const w of ctx.query.widgets?.split(',') ?? []) for (const p of FIRST_DATA[w] ?? []) paths.add(p.replaceAll('{locale}', locale));
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
