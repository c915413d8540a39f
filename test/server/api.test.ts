import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CatalogResponseSchema, ExchangeRatesSchema, ProcedureResponseSchema, ProceduresResponseSchema } from '../../src/core/contract/catalog.js';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { ClinicConfigSchema } from '../../src/core/contract/config.js';
import { endpoints } from '../../src/core/contract/endpoints.js';
import { QuoteResponseSchema } from '../../src/core/contract/quotes.js';
import { StaffLeadsResponseSchema } from '../../src/core/contract/staff.js';
import { StoriesResponseSchema } from '../../src/core/contract/stories.js';
import { ThemeSchema } from '../../src/core/contract/theme.js';
import { contrast, parseColor } from '../../src/core/theme/color.js';
import { colorTokens } from '../../src/core/theme/palette.js';
import { computeEstimate, defaultSelection } from '../../src/shared/pricing.js';
import { AURORA, SECOND, SECOND_STAFF, STAFF, count, drivers, key, quoteBody, startServer, type TestServer } from './helpers.js';

const staffAuth = (t = STAFF) => ({ key: null, headers: { Authorization: `Bearer ${t}` } });

for (const driver of drivers) {
  describe(`API [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    it('every GET without path params answers what its contract schema says, for both tenants', async () => {
      const queries: Record<string, string> = { '/booking/slots': '?service=video-consultation&from=2026-11-25T00:00:00Z&to=2026-12-01T00:00:00Z', '/chat/faq/search': '?q=visa' };
      for (const ep of endpoints.filter((e) => e.method === 'get' && !e.path.includes(':') && !('kind' in e && e.kind === 'sse'))) {
        for (const [k, staff] of [[AURORA, STAFF], [SECOND, SECOND_STAFF]] as const) {
          const r = 'staff' in ep && ep.staff ? await s.request(`/v1${ep.path}`, staffAuth(staff)) : await s.request(`/v1${ep.path}${queries[ep.path] ?? ''}`, { key: k });
          assert.equal(r.status, 200, `${ep.path} ${k}`);
          const parsed = ep.response.safeParse(await r.json());
          assert.ok(parsed.success, `${ep.path} ${k}: ${JSON.stringify(!parsed.success && parsed.error.issues.slice(0, 3))}`);
        }
      }
    });

    it('catalog summary: every procedure of the full catalog, with its default package’s total in each currency exactly as the estimate prices it; details by id, per tenant', async () => {
      const full = ProceduresResponseSchema.parse(await (await s.request('/v1/procedures?locale=ar')).json());
      const sum = CatalogResponseSchema.parse(await (await s.request('/v1/catalog?locale=ar')).json());
      const rates = ExchangeRatesSchema.parse(await (await s.request('/v1/exchange-rates')).json());
      const config = ClinicConfigSchema.parse(await (await s.request('/v1/config')).json());
      assert.deepEqual(sum.specialties, full.specialties);
      assert.deepEqual(sum.procedures.map((p) => [p.id, p.specialty, p.name, p.description]), full.procedures.map((p) => [p.id, p.specialty, p.name, p.description]));
      for (const p of full.procedures) {
        const listed = sum.procedures.find((x) => x.id === p.id)!;
        assert.deepEqual(Object.keys(listed.from).sort(), [...config.currencies].sort(), p.id);
        for (const c of config.currencies) assert.equal(listed.from[c], computeEstimate(p, defaultSelection(p), rates, c).total, `${p.id} in ${c}`);
        const one = ProcedureResponseSchema.parse(await (await s.request(`/v1/procedures/${p.id}?locale=ar`)).json());
        assert.deepEqual(one.procedure, p);
      }
      const only = ProcedureResponseSchema.parse(await (await s.request('/v1/procedures/dental-implants', { key: SECOND })).json());
      assert.notDeepEqual(only.procedure.tiers, full.procedures.find((p) => p.id === 'dental-implants')!.tiers, 'the second tenant’s own');
      const missing = await s.request('/v1/procedures/rhinoplasty', { key: SECOND });
      assert.equal(missing.status, 404, 'another clinic’s procedure');
      assert.equal(ErrorBodySchema.parse(await missing.json()).error.code, 'not_found');
      assert.equal((await s.request('/v1/procedures/Not%20An%20Id')).status, 400);
      const dental = CatalogResponseSchema.parse(await (await s.request('/v1/catalog?specialty=dental')).json());
      assert.ok(dental.procedures.length > 0 && dental.procedures.every((p) => p.specialty === 'dental'));
      assert.deepEqual(dental.specialties.map((x) => x.id), ['dental']);
    });

    it('seed: ≥20 procedures in ≥6 specialties with tiers and components, ≥8 benchmark countries, ≥6 currencies, ≥30 stories in ≥4 languages', async () => {
      const cat = ProceduresResponseSchema.parse(await (await s.request('/v1/procedures')).json());
      assert.ok(cat.procedures.length >= 20);
      assert.ok(new Set(cat.procedures.map((p) => p.specialty)).size >= 6);
      assert.ok(cat.procedures.every((p) => p.tiers.length >= 2 && p.tiers.every((t) => t.components.length >= 1)));
      assert.ok(new Set(cat.procedures.flatMap((p) => p.benchmarks.map((b) => b.country))).size >= 8);
      const rates = ExchangeRatesSchema.parse(await (await s.request('/v1/exchange-rates')).json());
      assert.ok(Object.keys(rates.rates).length >= 6);
      const stories = [];
      let cursor: string | null = null;
      do {
        const page = StoriesResponseSchema.parse(await (await s.request(`/v1/stories?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json());
        stories.push(...page.stories);
        cursor = page.nextCursor;
      } while (cursor);
      assert.ok(stories.length >= 30);
      assert.equal(new Set(stories.map((x) => x.id)).size, stories.length, 'pages overlap');
      assert.ok(new Set(stories.map((x) => x.language)).size >= 4);
      assert.ok(!stories.some((x) => x.id === 'story-unconsented'), 'unconsented story served');
      const doctors = (await (await s.request('/v1/booking/doctors')).json()) as { doctors: unknown[] };
      assert.ok(doctors.doctors.length >= 6);
    });

    it('stories filter by procedure and country, and put the language asked for first', async () => {
      const r = StoriesResponseSchema.parse(await (await s.request('/v1/stories?language=de&limit=50')).json());
      const de = r.stories.findIndex((x) => x.language !== 'de');
      assert.ok(de >= 4 && r.stories.slice(de).every((x) => x.language !== 'de'), 'German stories first, then the others');
      const f = StoriesResponseSchema.parse(await (await s.request('/v1/stories?procedure=lasik&country=FR')).json());
      assert.ok(f.stories.length >= 1 && f.stories.every((x) => x.procedureId === 'lasik' && x.country === 'FR'));
      const bad = await s.request('/v1/stories?cursor=garbage');
      assert.equal(bad.status, 400);
    });

    it('tenant isolation: config, catalog, stories, FAQ and staff data never cross tenants', async () => {
      const a = ClinicConfigSchema.parse(await (await s.request('/v1/config')).json());
      const b = ClinicConfigSchema.parse(await (await s.request('/v1/config', { key: SECOND })).json());
      assert.equal(a.timeZone, 'Europe/Istanbul');
      assert.equal(b.timeZone, 'Europe/Berlin');
      const pa = ProceduresResponseSchema.parse(await (await s.request('/v1/procedures')).json());
      const pb = ProceduresResponseSchema.parse(await (await s.request('/v1/procedures', { key: SECOND })).json());
      assert.equal(pb.procedures.length, 1);
      assert.notDeepEqual(pa.procedures.find((p) => p.id === 'dental-implants')!.tiers, pb.procedures[0]!.tiers);
      const sb = StoriesResponseSchema.parse(await (await s.request('/v1/stories?limit=50', { key: SECOND })).json());
      assert.deepEqual(sb.stories.map((x) => x.displayName), ['Second-tenant Jana']);
      const sa = StoriesResponseSchema.parse(await (await s.request('/v1/stories?limit=50')).json());
      assert.ok(!sa.stories.some((x) => x.displayName === 'Second-tenant Jana'));
      // A lead at aurora is not visible to the second tenant's staff, and vice versa.
      const q = QuoteResponseSchema.parse(await (await s.request('/v1/quotes', { json: quoteBody(), idem: key() })).json());
      const leadsB = StaffLeadsResponseSchema.parse(await (await s.request('/v1/staff/leads?limit=100', staffAuth(SECOND_STAFF))).json());
      assert.ok(!leadsB.leads.some((l) => l.id === q.id));
      const leadsA = StaffLeadsResponseSchema.parse(await (await s.request('/v1/staff/leads?limit=100', staffAuth())).json());
      assert.ok(leadsA.leads.some((l) => l.id === q.id && l.consentVersion === '2026-09'));
      // Unknown procedure id of the other tenant's catalog
      const r = await s.request('/v1/quotes', { key: SECOND, json: quoteBody({ selection: { ...quoteBody().selection, procedureId: 'lasik' }, currency: 'EUR' }), idem: key() });
      assert.equal(r.status, 422);
    });

    it('POST /quotes recomputes the estimate with the shared pricing function and flags a changed price', async () => {
      const cat = ProceduresResponseSchema.parse(await (await s.request('/v1/procedures?locale=en')).json());
      const rates = ExchangeRatesSchema.parse(await (await s.request('/v1/exchange-rates')).json());
      const body = quoteBody();
      const expected = computeEstimate(cat.procedures.find((p) => p.id === 'dental-implants')!, body.selection, rates, 'GBP', { homeCountry: 'GB' });
      const r1 = QuoteResponseSchema.parse(await (await s.request('/v1/quotes', { json: { ...body, shownTotal: expected.total }, idem: key() })).json());
      assert.deepEqual(r1.estimate, expected);
      assert.equal(r1.priceChanged, false);
      assert.match(r1.reference, /^Q-[2-9A-Z]{6}$/);
      const r2 = QuoteResponseSchema.parse(await (await s.request('/v1/quotes', { json: { ...body, shownTotal: 1 }, idem: key() })).json());
      assert.equal(r2.priceChanged, true);
      assert.equal(r2.estimate.total, expected.total);
      const badTier = await s.request('/v1/quotes', { json: quoteBody({ selection: { ...body.selection, tier: 'platinum' } }), idem: key() });
      assert.equal(badTier.status, 422);
      assert.ok(ErrorBodySchema.parse(await badTier.json()).error.fields?.['selection.tier']);
      const badCur = await s.request('/v1/quotes', { json: quoteBody({ currency: 'JPY' }), idem: key() });
      assert.equal(badCur.status, 422);
    });

    it('validation: 400 with per-field messages for bodies and queries', async () => {
      const before = await count(s.db, 'quotes');
      const r = await s.request('/v1/quotes', {
        json: quoteBody({ contact: { name: '', email: 'not-an-email' }, consent: { accepted: false, version: '2026-09' }, selection: { ...quoteBody().selection, hotelNights: -1 } }),
        idem: key(),
      });
      assert.equal(r.status, 400);
      const e = ErrorBodySchema.parse(await r.json()).error;
      assert.equal(e.code, 'invalid_request');
      for (const f of ['contact.name', 'contact.email', 'consent.accepted', 'selection.hotelNights']) assert.ok(e.fields?.[f], `missing field message for ${f}: ${JSON.stringify(e.fields)}`);
      assert.equal(await count(s.db, 'quotes'), before);
      const notJson = await s.request('/v1/feedback', { method: 'POST', body: '{oops', headers: { 'Content-Type': 'application/json' }, idem: key() });
      assert.equal(notJson.status, 400);
      const wrongType = await s.request('/v1/feedback', { method: 'POST', body: 'nps=9', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, idem: key() });
      assert.equal(wrongType.status, 415);
      const q = await s.request('/v1/stories?limit=500');
      assert.equal(q.status, 400);
      assert.ok(ErrorBodySchema.parse(await q.json()).error.fields?.['limit']);
    });

    it('bodies over 64 KiB → 413, with or without Content-Length', async () => {
      const big = JSON.stringify(quoteBody({ notes: 'x'.repeat(70 * 1024) }));
      const r = await s.request('/v1/quotes', { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' }, idem: key() });
      assert.equal(r.status, 413);
      assert.equal(ErrorBodySchema.parse(await r.json()).error.code, 'payload_too_large');
      const stream = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      });
      const chunked = await s.app.request('/v1/quotes', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json', 'X-PRM-Clinic': AURORA, 'Idempotency-Key': key() }, duplex: 'half' } as RequestInit);
      assert.equal(chunked.status, 413);
    });

    it('unknown or missing clinic key → 401; staff endpoints need a valid bearer token', async () => {
      assert.equal((await s.request('/v1/config', { key: 'pk_nope' })).status, 401);
      assert.equal((await s.request('/v1/config', { key: null })).status, 401);
      assert.equal((await s.request('/v1/config?clinic=pk_demo_aurora', { key: null })).status, 200);
      assert.equal((await s.request('/v1/staff/leads')).status, 401, 'public key is not a staff token');
      assert.equal((await s.request('/v1/staff/leads', staffAuth('sk_wrong_token'))).status, 401);
      const { rows } = await s.db.query<{ token_hash: string }>('SELECT token_hash FROM staff_tokens');
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && !r.token_hash.includes('sk_')), 'staff tokens must be stored hashed');
    });

    it('CORS: allowed origins get a grant, others none (and writes from them are refused)', async () => {
      const ok = await s.request('/v1/config', { headers: { Origin: 'https://aurora-hospital.example' } });
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://aurora-hospital.example');
      assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const evil = await s.request('/v1/config', { headers: { Origin: 'https://evil.example' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const cross = await s.request('/v1/config', { headers: { Origin: 'https://aurora-hospital.example' }, key: SECOND });
      assert.equal(cross.headers.get('access-control-allow-origin'), null, 'origin of tenant A must not unlock tenant B');
      const write = await s.request('/v1/feedback', { headers: { Origin: 'https://evil.example' }, json: { nps: 1, ratings: {}, locale: 'en' }, idem: key() });
      assert.equal(write.status, 403);
      const pre = await s.app.request('/v1/quotes', { method: 'OPTIONS', headers: { Origin: 'https://aurora-hospital.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key,x-prm-clinic' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), 'https://aurora-hospital.example');
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      const preEvil = await s.app.request('/v1/quotes', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preEvil.headers.get('access-control-allow-origin'), null);
      // Dev convenience for the demo keys: localhost origins are allowed unless production.
      const local = await s.request('/v1/config', { headers: { Origin: 'http://localhost:8000' } });
      assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    });

    it('staff theme update is served by /config', async () => {
      const theme = { mode: 'dark', tokens: { '--prm-color-primary': '#ff5500', '--prm-radius': '2px' } };
      const put = await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: theme });
      assert.equal(put.status, 200);
      // One brand colour given: served with a derived dark value that reads on the dark surface.
      const served = ClinicConfigSchema.parse(await (await s.request('/v1/config')).json()).theme;
      assert.deepEqual(ThemeSchema.parse((await put.json()).theme), served, 'PUT answers what /config serves');
      assert.equal(served.mode, 'dark');
      assert.equal(served.tokens['--prm-radius'], '2px');
      assert.equal(served.dark?.['--prm-color-primary'], '#ff5500', 'reads on the dark surface as it is: kept for dark');
      const light = served.tokens['--prm-color-primary']!;
      assert.ok(contrast(parseColor(light)!, [255, 255, 255]) >= 4.5, `light primary ${light} darkened until it reads on white`);
      for (const [mode, values] of [[0, served.tokens], [1, served.dark!]] as const) {
        const onPrimary = parseColor(values['--prm-color-on-primary'] ?? colorTokens['on-primary'][mode])!;
        assert.ok(contrast(onPrimary, parseColor(values['--prm-color-primary']!)!) >= 4.5, `on-primary in mode ${mode}`);
      }
      // A blue that is too dark for the dark surface: its dark value is derived, lighter, same hue.
      const blue = await (await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: { mode: 'auto', tokens: { '--prm-color-primary': '#1d4ed8' } } })).json();
      assert.equal(blue.theme.tokens['--prm-color-primary'], '#1d4ed8');
      const dark = blue.theme.dark['--prm-color-primary'];
      assert.ok(contrast(parseColor('#1d4ed8')!, parseColor(colorTokens.surface[1])!) < 4.5);
      assert.ok(contrast(parseColor(dark)!, parseColor(colorTokens.surface[1])!) >= 4.5, `derived ${dark}`);
      // A dark value the clinic gives is kept when it passes.
      const both = await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: { mode: 'auto', tokens: { '--prm-color-primary': '#0b5f5a' }, dark: { '--prm-color-primary': '#7fe0d6' } } });
      assert.equal(both.status, 200);
      assert.deepEqual((await both.json()).theme.dark['--prm-color-primary'], '#7fe0d6');
      // Colours it cannot check are refused, naming the token.
      const named = await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: { mode: 'auto', tokens: { '--prm-color-primary': 'teal' }, dark: { '--prm-color-surface': 'rgba(0,0,0,0.5)' } } });
      assert.equal(named.status, 400);
      assert.deepEqual(Object.keys((await named.json()).error.fields).sort(), ['dark.--prm-color-surface', 'tokens.--prm-color-primary']);
      await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: theme });
      assert.notDeepEqual(ClinicConfigSchema.parse(await (await s.request('/v1/config', { key: SECOND })).json()).theme, theme);
      const evil = await s.request('/v1/staff/theme', { ...staffAuth(), method: 'PUT', json: { mode: 'dark', tokens: { '--prm-x': 'red;} body{display:none' } } });
      assert.equal(evil.status, 400);
    });

    it('logs carry method, path, status and timing only: no bodies, queries, tokens or patient fields', async () => {
      s.logs.length = 0;
      await s.request('/v1/quotes', { json: quoteBody({ contact: { name: 'Zeynep Secretname', email: 'secret.patient@example.org' }, notes: 'diabetic' }), idem: key() });
      await s.request('/v1/bookings/00000000-0000-4000-8000-000000000000?token=supersecrettoken123456');
      assert.ok(s.logs.length >= 2);
      for (const e of s.logs) assert.deepEqual(Object.keys(e).sort(), ['method', 'ms', 'path', 'status']);
      const text = JSON.stringify(s.logs);
      for (const secret of ['Secretname', 'secret.patient', 'diabetic', 'supersecrettoken', 'token=']) assert.ok(!text.includes(secret), `log leaked ${secret}`);
      assert.ok(s.logs.some((e) => e.method === 'POST' && e.path === '/v1/quotes' && e.status === 201 && typeof e.ms === 'number'));
    });
  });

  describe(`rate limits [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver, { rateLimit: { max: 3, windowMs: 60_000 } });
    });
    after(() => s.close());

    it('write endpoints answer 429 with Retry-After per key and client address; reads and other addresses are unaffected', async () => {
      const post = (ip: string, k = AURORA) => s.request('/v1/feedback', { key: k, json: { nps: 8, ratings: {}, locale: 'en' }, idem: key(), headers: { 'X-Forwarded-For': ip } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post('203.0.113.7')).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const limited = await post('203.0.113.7');
      const retry = Number(limited.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
      assert.equal(ErrorBodySchema.parse(await limited.json()).error.code, 'rate_limited');
      assert.equal((await post('198.51.100.9')).status, 201, 'another address has its own budget');
      assert.equal((await post('203.0.113.7', SECOND)).status, 201, 'another key has its own budget');
      assert.equal((await s.request('/v1/config', { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status, 200, 'reads are not limited');
      s.clock.now = new Date(s.clock.now.getTime() + 61_000);
      assert.equal((await post('203.0.113.7')).status, 201, 'budget refills after the window');
    });
  });
}
