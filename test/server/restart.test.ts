import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { openDb } from '../../server/db/index.js';
import { seedIfEmpty } from '../../server/seed/index.js';
import { QuoteResponseSchema } from '../../src/core/contract/quotes.js';
import { StaffLeadsResponseSchema } from '../../src/core/contract/staff.js';
import { AURORA, STAFF, drivers, key, quoteBody } from './helpers.js';

const post = (app: ReturnType<typeof createApp>, k: string) =>
  app.request('/v1/quotes', { method: 'POST', headers: { 'X-PRM-Clinic': AURORA, 'Content-Type': 'application/json', 'Idempotency-Key': k }, body: JSON.stringify(quoteBody()) });
const leads = async (app: ReturnType<typeof createApp>) =>
  StaffLeadsResponseSchema.parse(await (await app.request('/v1/staff/leads?limit=100', { headers: { Authorization: `Bearer ${STAFF}` } })).json()).leads;

describe('restart safety', () => {
  it('PGlite on disk: data, seed and idempotency records survive a restart; the seed is not re-applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prm-restart-'));
    try {
      const db1 = await openDb({ dataDir: dir });
      assert.equal(await seedIfEmpty(db1), true);
      const app1 = createApp({ db: db1, logger: false });
      const k = key();
      const q = QuoteResponseSchema.parse(await (await post(app1, k)).json());
      await db1.close();

      const db2 = await openDb({ dataDir: dir });
      assert.equal(await seedIfEmpty(db2), false);
      const app2 = createApp({ db: db2, logger: false });
      assert.ok((await leads(app2)).some((l) => l.id === q.id));
      const replay = await post(app2, k);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(QuoteResponseSchema.parse(await replay.json()).id, q.id);
      assert.equal((await leads(app2)).length, 1);
      await db2.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const driver of drivers.filter((d) => d.name === 'postgres')) {
    it('PostgreSQL: three instances starting at once on an empty database migrate and seed exactly once', async () => {
      const { db, reopen, drop } = await driver.open(); // creates the schema (and migrates once)
      try {
        await db.exec('DROP TABLE IF EXISTS schema_migrations CASCADE; DROP TABLE IF EXISTS clinics CASCADE');
        await db.exec(`DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP EXECUTE 'DROP TABLE ' || quote_ident(r.tablename) || ' CASCADE'; END LOOP; FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP EXECUTE 'DROP FUNCTION ' || r.f || ' CASCADE'; END LOOP; END $$`);
        await db.close();
        const dbs = await Promise.all([reopen(), reopen(), reopen()]);
        const seeded = await Promise.all(dbs.map((d) => seedIfEmpty(d)));
        assert.deepEqual(seeded.filter(Boolean).length, 1);
        const { rows } = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM clinics');
        assert.equal(rows[0]!.n, 2);
        await Promise.all(dbs.map((d) => d.close()));
      } finally {
        await drop();
      }
    });

    it('PostgreSQL: a new process (new pool) sees what the previous one wrote', async () => {
      const { db, reopen, drop } = await driver.open();
      try {
        await seedIfEmpty(db);
        const q = QuoteResponseSchema.parse(await (await post(createApp({ db, logger: false }), key())).json());
        await db.close();
        const db2 = await reopen();
        assert.equal(await seedIfEmpty(db2), false);
        assert.ok((await leads(createApp({ db: db2, logger: false }))).some((l) => l.id === q.id));
        await db2.close();
      } finally {
        await drop();
      }
    });
  }
});
