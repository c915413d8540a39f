import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createApp, type AppOptions } from '../../server/app.js';
import { openDb, type Db } from '../../server/db/index.js';
import { seedIfEmpty } from '../../server/seed/index.js';

export const AURORA = 'pk_demo_aurora';
export const SECOND = 'pk_demo_second';
export const STAFF = 'sk_demo_staff';
export const SECOND_STAFF = 'sk_demo_second_staff';

export interface Driver {
  name: 'pglite' | 'postgres';
  /**
   * A fresh, migrated, empty database (its own schema on PostgreSQL). `reopen` opens the same one
   * again; `url` (PostgreSQL only) reaches it from another process (`DATABASE_URL`).
   */
  open(): Promise<{ db: Db; reopen(): Promise<Db>; drop(): Promise<void>; url?: string }>;
}

const pglite: Driver = {
  name: 'pglite',
  async open() {
    const db = await openDb({ dataDir: 'memory' });
    return { db, reopen: () => Promise.reject(new Error('in-memory PGlite cannot be reopened')), drop: async () => {} };
  },
};

const postgres = (url: string): Driver => ({
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const db = await openDb({ databaseUrl: url, postgres: { schema, max: 30 } });
    const own = new URL(url);
    own.searchParams.set('options', `-c search_path=${schema}`);
    return {
      db,
      url: own.href,
      reopen: () => openDb({ databaseUrl: url, postgres: { schema, max: 30 } }),
      async drop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      },
    };
  },
});

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const drivers: Driver[] = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

export interface TestServer {
  db: Db;
  app: ReturnType<typeof createApp>;
  clock: { now: Date };
  logs: { method: string; path: string; status: number; ms: number }[];
  request(path: string, init?: RequestInit & { json?: unknown; key?: string | null; idem?: string }): Promise<Response>;
  close(): Promise<void>;
  reopen(): Promise<Db>;
  /** PostgreSQL only: this database (its schema) for another process's `DATABASE_URL`. */
  url?: string;
}

/** Seeded database + app with a controllable clock (default 2026-11-24T10:00Z). */
export async function startServer(driver: Driver, opts: Partial<Omit<AppOptions, 'db'>> = {}): Promise<TestServer> {
  const { db, reopen, drop, url } = await driver.open();
  await seedIfEmpty(db);
  const clock = { now: new Date('2026-11-24T10:00:00Z') };
  const logs: TestServer['logs'] = [];
  const app = createApp({ db, now: () => clock.now, logger: (e) => logs.push(e), rateLimit: { max: 1000, windowMs: 60_000 }, trustProxy: true, ...opts });
  return {
    db,
    app,
    clock,
    logs,
    reopen,
    url,
    request(path, init = {}) {
      const { json, key, idem, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set('X-PRM-Clinic', key ?? AURORA);
      if (idem) headers.set('Idempotency-Key', idem);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      return Promise.resolve(app.request(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}) }));
    },
    async close() {
      await app.chatHub.close();
      await db.close();
      await drop();
    },
  };
}

export const key = () => randomUUID();

export async function count(db: Db, table: string, clinic = 'aurora'): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE clinic_id = $1`, [clinic]);
  return rows[0]!.n;
}

export const contact = { name: 'Test Patient', email: 'patient@example.org', phone: '+447700900123' };
export const consent = { accepted: true as const, version: '2026-09' };

export function quoteBody(overrides: Record<string, unknown> = {}) {
  return {
    selection: { procedureId: 'dental-implants', tier: 'standard', hospitalNights: 0, hotelNights: 5, companions: 1, transfers: true, interpreter: false, addOns: ['bone-graft'] },
    currency: 'GBP',
    homeCountry: 'GB',
    contact,
    preferredChannel: 'whatsapp',
    travelMonth: '2027-03',
    notes: 'Missing upper left molar',
    consent,
    locale: 'en',
    ...overrides,
  };
}

/** First free slot of a doctor for a service, from the API. */
export async function firstSlot(s: TestServer, service = 'video-consultation', doctor = 'dr-aydin', k = AURORA, from = '2026-11-25T00:00:00Z', to = '2026-12-05T00:00:00Z') {
  const r = await s.request(`/v1/booking/slots?service=${service}&doctor=${doctor}&from=${from}&to=${to}`, { key: k });
  const body = (await r.json()) as { slots: { start: string; doctorIds: string[] }[] };
  if (!body.slots.length) throw new Error('no slots');
  return body.slots[0]!.start;
}

export function bookingBody(start: string, overrides: Record<string, unknown> = {}) {
  return { service: 'video-consultation', doctor: 'dr-aydin', start, contact, timeZone: 'Europe/London', locale: 'en', consent, ...overrides };
}
