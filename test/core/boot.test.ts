import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../../src/core/api/client.js';
import { PrmApiError } from '../../src/core/api/errors.js';
import { CatalogResponseSchema, ExchangeRatesSchema, ProcedureResponseSchema, ProceduresResponseSchema } from '../../src/core/contract/catalog.js';
import { ClinicConfigSchema } from '../../src/core/contract/config.js';
import { prmGlobal } from '../../src/core/config/global.js';
import { startTags } from '../../src/loader/start.js';

const CLINIC = 'pk_demo_aurora';

/** Records every fetch the page makes to /v1 while `run` runs. */
async function fetches<T>(run: () => Promise<T>): Promise<{ urls: string[]; value: T }> {
  const urls: string[] = [];
  const orig = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/v1/')) urls.push(url.slice(url.indexOf('/v1/')));
    return orig(input, init);
  };
  try {
    return { urls, value: await run() };
  } finally {
    window.fetch = orig;
  }
}

const client = () => new ApiClient({ baseUrl: location.origin, clinic: CLINIC });

describe('first data: the loader asks, the widget takes', () => {
  beforeEach(() => {
    const g = prmGlobal();
    g.boot = [];
    g.script = { api: location.origin, clinic: CLINIC };
  });

  it("one GET /v1/bootstrap for the tags on the page, in the widget's language; the client takes config, catalog summary, the preselected procedure and rates from it without fetching", async () => {
    await fixture(html`<div lang="de"><prm-quote-calculator procedure="dental-implants"></prm-quote-calculator></div>`);
    const { urls } = await fetches(async () => {
      startTags(prmGlobal(), ['prm-quote-calculator']);
      const c = client();
      const [config, catalog, one, rates] = await Promise.all([
        c.get('config', ClinicConfigSchema),
        c.get('catalog', CatalogResponseSchema, { searchParams: { locale: 'de' } }),
        c.get('procedures/dental-implants', ProcedureResponseSchema, { searchParams: { locale: 'de' } }),
        c.get('exchange-rates', ExchangeRatesSchema),
      ]);
      expect(config.id).to.be.a('string');
      expect(catalog.procedures.length).to.be.greaterThan(0);
      expect(one.procedure.id).to.equal('dental-implants');
      expect(rates.base).to.be.a('string');
      // What the handoff gave is what the endpoint answers.
      const direct = await (await fetch(`/v1/catalog?locale=de&clinic=${CLINIC}`)).json();
      expect(catalog).to.deep.equal(CatalogResponseSchema.parse(direct));
    });
    expect(urls).to.deep.equal([`/v1/bootstrap?widgets=quote-calculator&locale=de&clinic=${CLINIC}&procedure=dental-implants`, `/v1/catalog?locale=de&clinic=${CLINIC}`]);
  });

  it('hands each answer out once: a later call (a retry, another widget) fetches', async () => {
    await fixture(html`<div lang="en"><prm-quote-calculator></prm-quote-calculator></div>`);
    const { urls } = await fetches(async () => {
      startTags(prmGlobal(), ['prm-quote-calculator']);
      await client().get('exchange-rates', ExchangeRatesSchema);
      await client().get('exchange-rates', ExchangeRatesSchema);
    });
    expect(urls.map((u) => u.split('?')[0])).to.deep.equal(['/v1/bootstrap', '/v1/exchange-rates']);
  });

  it('the clinic profile stays in the answer after a client took it, for the chat launcher’s button that reads it later', async () => {
    await fixture(html`<div lang="en"><prm-quote-calculator></prm-quote-calculator></div>`);
    const g = prmGlobal();
    const { urls } = await fetches(async () => {
      startTags(g, ['prm-quote-calculator']);
      await client().get('config', ClinicConfigSchema);
      await client().get('exchange-rates', ExchangeRatesSchema);
    });
    const answers = await g.boot![0]!.answers;
    expect(answers.config, 'the profile is still there').to.be.an('object');
    expect(answers['exchange-rates'], 'other answers are handed out once').to.equal(undefined);
    expect(urls.map((u) => u.split('?')[0])).to.deep.equal(['/v1/bootstrap']);
  });

  it('a GET the bootstrap did not carry (another language), or a failed bootstrap, is fetched as before', async () => {
    await fixture(html`<div lang="fr"><prm-quote-calculator></prm-quote-calculator></div>`);
    const g = prmGlobal();
    const { urls } = await fetches(async () => {
      startTags(g, ['prm-quote-calculator']);
      await client().get('procedures', ProceduresResponseSchema, { searchParams: { locale: 'es' } });
      g.boot = [{ base: `${location.origin}/v1/`, clinic: CLINIC, answers: Promise.resolve({}) }];
      await client().get('config', ClinicConfigSchema);
    });
    expect(urls.map((u) => u.split('?')[0])).to.deep.equal(['/v1/bootstrap', '/v1/procedures', '/v1/config']);
  });

  it('a bootstrap that never answers holds the widget no longer than its request timeout, then it fetches', async () => {
    prmGlobal().boot = [{ base: `${location.origin}/v1/`, clinic: CLINIC, answers: new Promise(() => {}) }];
    const { urls, value } = await fetches(() => new ApiClient({ baseUrl: location.origin, clinic: CLINIC, timeout: 300 }).get('exchange-rates', ExchangeRatesSchema));
    expect(value.base).to.be.a('string');
    expect(urls.map((u) => u.split('?')[0])).to.deep.equal(['/v1/exchange-rates']);
  });

  it('an answer in the handoff is still checked against its contract schema: one that fails it never reaches the widget, the endpoint is asked instead (every time, not only once)', async () => {
    const answers = Promise.resolve({ config: { name: 42 } });
    prmGlobal().boot = [{ base: `${location.origin}/v1/`, clinic: CLINIC, answers }];
    const { urls, value } = await fetches(async () => [await client().get('config', ClinicConfigSchema), await client().get('config', ClinicConfigSchema)]);
    expect(value.map((c) => c.name)).to.deep.equal(['Aurora International Hospital', 'Aurora International Hospital']);
    expect(urls.map((u) => u.split('?')[0])).to.deep.equal(['/v1/config', '/v1/config']);
    // A network answer that fails its schema is still an error the widget shows.
    prmGlobal().boot = [];
    const orig = window.fetch;
    window.fetch = () => Promise.resolve(new Response('{"name":42}', { headers: { 'Content-Type': 'application/json' } }));
    let err: unknown;
    try {
      await client().get('config', ClinicConfigSchema);
    } catch (e) {
      err = e;
    } finally {
      window.fetch = orig;
    }
    expect(err).to.be.instanceOf(PrmApiError);
    expect((err as PrmApiError).kind).to.equal('invalid_response');
  });

  it('no clinic known to the loader: no bootstrap request (the widget reports the missing key)', async () => {
    prmGlobal().script = { api: location.origin };
    await fixture(html`<div><prm-quote-calculator></prm-quote-calculator></div>`);
    const { urls } = await fetches(async () => startTags(prmGlobal(), ['prm-quote-calculator']));
    expect(urls).to.deep.equal([]);
    expect(prmGlobal().boot).to.deep.equal([]);
  });

  it('an element attribute wins over the loader’s data-* for the clinic and the language', async () => {
    await fixture(html`<div lang="de"><prm-quote-calculator clinic="pk_demo_second" locale="tr"></prm-quote-calculator></div>`);
    const { urls } = await fetches(async () => {
      startTags(prmGlobal(), ['prm-quote-calculator']);
      await prmGlobal().boot![0]!.answers;
    });
    expect(urls).to.deep.equal(['/v1/bootstrap?widgets=quote-calculator&locale=tr&clinic=pk_demo_second']);
  });
});

describe('Intl warmed while the code loads', () => {
  it("creates the widget language's first number and date formatters in tasks of their own, right after the loader starts the requests (the engine's locale data is paid before the code arrives, not before the first render); once per language", async () => {
    const made: string[] = [];
    const { NumberFormat, DateTimeFormat } = Intl;
    const spy = <T extends new (...a: never[]) => object>(C: T, kind: string) =>
      new Proxy(C, { construct: (t, args: unknown[]) => (made.push(`${kind} ${String(args[0])}`), Reflect.construct(t, args)) });
    Intl.NumberFormat = spy(NumberFormat, 'number');
    Intl.DateTimeFormat = spy(DateTimeFormat, 'date');
    try {
      await fixture(html`<div lang="ar"><prm-quote-calculator></prm-quote-calculator></div>`);
      startTags(prmGlobal(), ['prm-quote-calculator']);
      expect(made, 'not inside the loader’s own task').to.deep.equal([]);
      await new Promise((r) => setTimeout(r, 20));
      expect(made).to.deep.equal(['number ar', 'date ar']);
      startTags(prmGlobal(), ['prm-quote-calculator']);
      await new Promise((r) => setTimeout(r, 20));
      expect(made, 'a second tag in the same language warms nothing again').to.have.length(2);
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });
});
