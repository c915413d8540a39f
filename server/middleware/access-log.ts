import type { MiddlewareHandler } from 'hono';

export interface LogEntry {
  method: string;
  /** URL path only: the query string can carry manage/conversation tokens and is never logged. */
  path: string;
  status: number;
  ms: number;
}

/** Access log: method, path, status, timing. Never bodies, queries or headers. */
export const accessLog =
  (log: (e: LogEntry) => void): MiddlewareHandler =>
  async (c, next) => {
    const t0 = performance.now();
    await next();
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t0) });
  };
