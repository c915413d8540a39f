import { WIDGETS } from '../../../widgets.config.mjs';
import { bootKey } from '../../../src/core/api/boot.js';
import { endpoints, type Endpoint, type EndpointId } from '../../../src/core/contract/endpoints.js';
import { IdSchema } from '../../../src/core/contract/common.js';
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
  const procedure = IdSchema.safeParse(ctx.query.procedure);
  const fill: Record<string, string | undefined> = { locale, procedure: procedure.success ? procedure.data : undefined };
  for (const w of ctx.query.widgets?.split(',') ?? []) {
    for (const p of FIRST_DATA.get(w) ?? []) {
      // `{name}` is filled from the bootstrap's query; a GET whose value is missing is skipped.
      const filled = p.replace(/\{(\w+)\}/g, (_, k: string) => (fill[k] ? encodeURIComponent(fill[k]) : '\0'));
      if (!filled.includes('\0')) paths.add(filled);
    }
  }
  const answers: Record<string, unknown> = {};
  await Promise.all(
    [...paths].map(async (p) => {
      const [pathname = '', q = ''] = p.split('?', 2);
      let pathParams: Record<string, string> | undefined;
      const ep = (endpoints as readonly Endpoint[]).find((e) => {
        if (e.method !== 'get' || e.staff || (e.kind ?? 'json') !== 'json' || e.id === 'getBootstrap') return false;
        pathParams = matchPath(e.path, `/${pathname}`);
        return !!pathParams;
      });
      const handler = ep && handlers[ep.id as EndpointId];
      if (!ep || !handler) return;
      const params = new URLSearchParams(q);
      const query = ep.query ? ep.query.safeParse(Object.fromEntries(params)) : { success: true as const, data: undefined };
      const route = ep.params ? ep.params.safeParse(pathParams) : { success: true as const, data: undefined };
      if (!query.success || !route.success) return;
      try {
        const r = await handler({ ...ctx, params: route.data, body: undefined, query: query.data } as never);
        if (r.status === 200 && !r.contentType) answers[bootKey(pathname, params)] = r.body;
      } catch {
        /* left out: the widget's own request shows the error */
      }
    }),
  );
  return ok({ answers });
}

/** `/procedures/:id` against `/procedures/dental-implants` → `{ id: 'dental-implants' }`; undefined when it does not match. */
function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) {
      try {
        out[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
      } catch {
        return undefined;
      }
    } else if (a[i] !== b[i]) return undefined;
  }
  return out;
}
