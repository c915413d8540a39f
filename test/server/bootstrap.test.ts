import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BootstrapResponseSchema } from '../../src/core/contract/bootstrap.js';
import { CatalogResponseSchema, ExchangeRatesSchema, ProcedureResponseSchema } from '../../src/core/contract/catalog.js';
import { ClinicConfigSchema } from '../../src/core/contract/config.js';
import { AURORA, drivers, startServer, type TestServer } from './helpers.js';

for (const driver of drivers) {
  describe(`GET /v1/bootstrap [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const get = async (path: string) => {
      const r = await s.request(path, { key: AURORA });
      return { status: r.status, body: (await r.json()) as unknown };
    };

    it("carries, byte for byte, what the quote calculator's first GETs answer, keyed as its client asks", async () => {
      const boot = await get('/v1/bootstrap?widgets=quote-calculator&locale=de&procedure=dental-implants');
      assert.equal(boot.status, 200);
      const { answers } = BootstrapResponseSchema.parse(boot.body);
      assert.deepEqual(Object.keys(answers).sort(), ['catalog?locale=de', 'config', 'exchange-rates', 'procedures/dental-implants?locale=de']);
      assert.deepEqual(answers.config, (await get('/v1/config')).body);
      assert.deepEqual(answers['exchange-rates'], (await get('/v1/exchange-rates')).body);
      assert.deepEqual(answers['catalog?locale=de'], (await get('/v1/catalog?locale=de')).body);
      assert.deepEqual(answers['procedures/dental-implants?locale=de'], (await get('/v1/procedures/dental-implants?locale=de')).body);
      // Each answer passes its own endpoint's contract, as the widget checks it.
      ClinicConfigSchema.parse(answers.config);
      ExchangeRatesSchema.parse(answers['exchange-rates']);
      assert.ok(CatalogResponseSchema.parse(answers['catalog?locale=de']).procedures.length > 0);
      assert.equal(ProcedureResponseSchema.parse(answers['procedures/dental-implants?locale=de']).procedure.id, 'dental-implants');
    });

    it('carries a procedure in full only when the page preselects a known one, and never the whole catalog', async () => {
      for (const [q, expected] of [
        ['', undefined],
        ['&procedure=no-such-thing', undefined],
        ['&procedure=Not%20an%20id', undefined],
        ['&procedure=rhinoplasty', 'procedures/rhinoplasty?locale=en'],
      ] as const) {
        const boot = await get(`/v1/bootstrap?widgets=quote-calculator&locale=en${q}`);
        assert.equal(boot.status, 200, q);
        const keys = Object.keys(BootstrapResponseSchema.parse(boot.body).answers);
        assert.deepEqual(keys.filter((k) => k.startsWith('procedures')), expected ? [expected] : [], q);
        assert.ok(keys.includes('catalog?locale=en'), q);
      }
      // The summary is a fraction of the full catalog it replaces on the first screen.
      const full = JSON.stringify((await get('/v1/procedures?locale=en')).body).length;
      const summary = JSON.stringify((await get('/v1/catalog?locale=en')).body).length;
      assert.ok(summary * 4 < full, `summary ${summary} B vs full catalog ${full} B`);
    });

    it('without widgets, or with unknown ones, carries the clinic profile only', async () => {
      for (const q of ['', '?widgets=not-a-widget']) {
        const { answers } = BootstrapResponseSchema.parse((await get(`/v1/bootstrap${q}`)).body);
        assert.deepEqual(Object.keys(answers), ['config'], q);
      }
    });

    it('refuses a malformed widget list and an unknown clinic like every endpoint', async () => {
      assert.equal((await get('/v1/bootstrap?widgets=Quote;drop')).status, 400);
      const r = await s.request('/v1/bootstrap?widgets=quote-calculator', { key: 'pk_nobody' });
      assert.equal(r.status, 401);
    });
  });
}
