import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BootstrapResponseSchema } from '../../src/core/contract/bootstrap.js';
import { ExchangeRatesSchema, ProceduresResponseSchema } from '../../src/core/contract/catalog.js';
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
      const boot = await get('/v1/bootstrap?widgets=quote-calculator&locale=de');
      assert.equal(boot.status, 200);
      const { answers } = BootstrapResponseSchema.parse(boot.body);
      assert.deepEqual(Object.keys(answers).sort(), ['config', 'exchange-rates', 'procedures?locale=de']);
      assert.deepEqual(answers.config, (await get('/v1/config')).body);
      assert.deepEqual(answers['exchange-rates'], (await get('/v1/exchange-rates')).body);
      assert.deepEqual(answers['procedures?locale=de'], (await get('/v1/procedures?locale=de')).body);
      // Each answer passes its own endpoint's contract, as the widget checks it.
      ClinicConfigSchema.parse(answers.config);
      ExchangeRatesSchema.parse(answers['exchange-rates']);
      assert.ok(ProceduresResponseSchema.parse(answers['procedures?locale=de']).procedures.length > 0);
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
