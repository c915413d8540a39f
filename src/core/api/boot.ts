/**
 * The first-data handoff between the loader and a widget (see docs/loading.md).
 *
 * When a widget's tag appears, the loader asks `GET /v1/bootstrap?widgets=…&locale=…&clinic=…`
 * once, while the widget's code downloads, and leaves the promise of the answer on
 * `window.PRM.boot`. The answer holds, for each GET the widget makes first, exactly what that
 * endpoint would have answered, keyed by {@link bootKey}. The API client takes an answer from
 * there instead of fetching (once; later calls fetch) and parses it with the endpoint's contract
 * schema as always. A missing, failed or older server's bootstrap only means the client fetches.
 *
 * The loader's side is src/loader/start.ts.
 */

/** One bootstrap request of the loader: its API base (`…/v1/`), clinic key and answer. */
export interface BootEntry {
  base: string;
  clinic: string;
  /** Resolves to the answers by key; `{}` when the request failed. Never rejects. */
  answers: Promise<Record<string, unknown>>;
}

/**
 * The key of a GET in a bootstrap answer: its path under /v1 and its query, parameters sorted,
 * without the clinic key. `procedures?locale=en`, `config`, `booking/slots?from=…&to=…`.
 */
export function bootKey(pathname: string, params: URLSearchParams): string {
  const p = new URLSearchParams(params);
  p.delete('clinic');
  p.sort();
  const q = p.toString();
  return q ? `${pathname}?${q}` : pathname;
}

/**
 * The bootstrap answer for `key`, waiting for the loader's request if it is still in flight —
 * at most `timeout` ms, or until `signal` aborts; undefined when there is none (the caller then
 * fetches). Each answer is handed out once, except the clinic profile (`config`), which stays.
 */
export async function takeBoot(base: string, clinic: string, key: string, signal?: AbortSignal, timeout = 10_000): Promise<{ value: unknown } | undefined> {
  const entries = typeof window === 'undefined' ? undefined : window.PRM?.boot;
  for (const e of entries ?? []) {
    if (e.base !== base || e.clinic !== clinic) continue;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const giveUp = new Promise<Record<string, unknown>>((r) => {
      timer = setTimeout(() => r({}), timeout);
      if (signal?.aborted) r({});
      else signal?.addEventListener('abort', () => r({}), { once: true });
    });
    const answers = await Promise.race([e.answers, giveUp]);
    clearTimeout(timer);
    if (Object.hasOwn(answers, key)) {
      const value = answers[key];
      // The clinic profile stays: the chat launcher's button reads its colours from it, maybe
      // after a widget took it (the profile is cached per page anyway, core/clinic.ts).
      if (key !== 'config') delete answers[key];
      return { value };
    }
  }
  return undefined;
}
