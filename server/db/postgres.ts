import pg from 'pg';
import type { Db, Queryable, QueryResult } from './types.js';

// Return int8/numeric as strings (the default) but timestamptz as Date, json as objects.

export interface PostgresOptions {
  /** Schema to put on the search_path (tests use one schema per run; created when missing). */
  schema?: string;
  max?: number;
}

/**
 * PostgreSQL through a `pg` pool. LISTEN uses one dedicated connection shared by every listener of
 * this instance, so each app server holds one extra connection however many SSE streams it serves.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: url, max: opts.max ?? 20 };
  if (opts.schema) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`bad schema name ${opts.schema}`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    await admin.end();
    config.options = `-c search_path=${opts.schema}`;
  }
  const pool = new pg.Pool(config);
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const res: pg.QueryResult | pg.QueryResult[] = await c.query(sql, params);
      // A parameterless multi-statement query (migrations) answers one result per statement.
      const r = Array.isArray(res) ? res[res.length - 1]! : res;
      return { rows: (r?.rows ?? []) as T[], rowCount: r?.rowCount ?? r?.rows?.length ?? 0 };
    },
  });

  let listenerReady: Promise<pg.Client> | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const getListener = () => {
    listenerReady ??= (async () => {
      const c = new pg.Client(config);
      await c.connect();
      c.on('notification', (n) => {
        for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
      });
      c.on('error', () => {
        /* surfaced by the next LISTEN */
      });
      return c;
    })();
    return listenerReady;
  };
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

  return {
    driver: 'postgres',
    query: wrap(pool).query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const c = await getListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await c.query(`LISTEN ${ident(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        const s = handlers.get(channel);
        if (!s) return;
        s.delete(onPayload);
        if (!s.size) {
          handlers.delete(channel);
          await c.query(`UNLISTEN ${ident(channel)}`).catch(() => {});
        }
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      handlers.clear();
      if (listenerReady) await (await listenerReady.catch(() => undefined))?.end().catch(() => {});
      await pool.end();
    },
  };
}
