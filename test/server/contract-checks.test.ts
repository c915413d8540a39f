// The browser's contract checks (src/generated/contract/, interpreted by src/core/contract/check.ts)
// must accept and refuse exactly what the zod schemas they are generated from do: on every answer
// the seeded reference server gives, and on generated mutations of those answers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as zod from '../../src/core/contract/index.js';
import { endpoints } from '../../src/core/contract/endpoints.js';
import * as browser from '../../src/generated/contract/index.js';
import { AURORA, drivers, startServer, type TestServer } from './helpers.js';

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: readonly { code: string; path: PropertyKey[] }[] } } };
const zodByName = zod as unknown as Record<string, Schema>;
const browserByName = browser as unknown as Record<string, Schema>;
/** The name a zod schema is exported under, for its generated twin. */
const nameOf = (s: unknown) => Object.keys(zodByName).find((k) => k.endsWith('Schema') && zodByName[k] === s);

/** Both checks agree on `value`: the same verdict, the same output, the same first problem's kind and place. */
function agree(name: string, value: unknown, label: string): boolean {
  const z = zodByName[name]!.safeParse(value);
  const b = browserByName[name]!.safeParse(value);
  assert.equal(b.success, z.success, `${name} ${label}: browser ${b.success ? 'accepts' : 'refuses'} what zod ${z.success ? 'accepts' : 'refuses'}\n${String(JSON.stringify(value)).slice(0, 300)}\nzod: ${JSON.stringify(z.error?.issues[0])}\nbrowser: ${JSON.stringify(b.error?.issues[0])}`);
  if (z.success) assert.deepEqual(b.data, z.data, `${name} ${label}: same output`);
  else assert.deepEqual(b.error!.issues[0]!.path, z.error!.issues[0]!.path, `${name} ${label}: first problem at the same place`);
  return z.success;
}

/** Every path (as keys) to a value inside `v`. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
function mutate(v: unknown, at: (string | number)[], change: { kind: 'set'; value: unknown } | { kind: 'delete' }): unknown {
  if (!at.length) return change.kind === 'set' ? change.value : undefined;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = at;
  if (!rest.length && change.kind === 'delete') {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head!];
  } else copy[head!] = mutate(copy[head!], rest, change);
  return copy;
}

describe('the browser’s contract checks', () => {
  it('src/generated/contract/ is what `npm run contract` writes from the schemas now', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/contract.ts', '--check'], { cwd: new URL('../../', import.meta.url), stdio: 'pipe' });
  });

  it('no zod in any browser module but the contract’s own schema files (widgets import the generated checks)', () => {
    const out = execFileSync('git', ['grep', '-l', "from 'zod/mini'", '--', 'src/core', 'src/widgets', 'src/loader', 'src/loader.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8' });
    const files = out.split('\n').filter(Boolean);
    const offending = files.filter((f) => !f.startsWith('src/core/contract/') && f !== 'src/core/config/embed.ts');
    // Type-only imports (`import type * as z`) carry no code.
    const withCode = offending.filter((f) => execFileSync('git', ['grep', '-h', "from 'zod/mini'", '--', f], { cwd: new URL('../../', import.meta.url), encoding: 'utf8' }).split('\n').some((l) => l && !l.startsWith('import type')));
    assert.deepEqual(withCode, []);
  });

  for (const driver of drivers.slice(0, 1)) {
    describe(`on the seeded answers [${driver.name}]`, () => {
      let s: TestServer;
      const answers: { name: string; path: string; body: unknown }[] = [];
      before(async () => {
        s = await startServer(driver);
        const day = (n: number) => `${new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
        const [month, to] = [day(14), day(28)];
        const gets = [
          '/v1/config',
          '/v1/catalog?locale=ar',
          '/v1/procedures?locale=de',
          '/v1/procedures/dental-implants?locale=tr',
          '/v1/exchange-rates',
          '/v1/booking/services?locale=ru',
          '/v1/booking/doctors',
          `/v1/booking/slots?service=video-consultation&from=${month}&to=${to}`,
          '/v1/stories?limit=20&language=en',
          '/v1/improvements?locale=fr',
          '/v1/bootstrap?widgets=quote-calculator,booking-scheduler,feedback-form,story-carousel&locale=es&procedure=rhinoplasty',
        ];
        for (const p of gets) {
          const r = await s.request(p, { key: AURORA });
          assert.equal(r.status, 200, `${p}: ${r.status}`);
          const path = new URL(p, 'http://x').pathname.replace(/^\/v1/, '');
          const ep = endpoints.find((e) => e.method === 'get' && new RegExp(`^${e.path.replace(/:\w+/g, '[^/]+')}$`).test(path));
          const name = ep && nameOf(ep.response);
          assert.ok(name, `a response schema for ${p}`);
          answers.push({ name, path: p, body: await r.json() });
        }
      });
      after(() => s?.close());

      it('accept every answer, with the same output as zod', () => {
        for (const a of answers) assert.ok(agree(a.name, a.body, a.path), `${a.path} is valid`);
        // And the same answers with a key a newer server might add: kept out of the output by both.
        for (const a of answers) agree(a.name, { ...(a.body as object), addedLater: { x: 1 } }, `${a.path} + unknown key`);
      });

      it('refuse and accept exactly what zod does when any value of an answer is replaced or removed', () => {
        let refused = 0;
        let runs = 0;
        for (const a of answers) {
          const all = paths(a.body);
          fc.assert(
            fc.property(
              fc.nat(all.length - 1),
              fc.oneof(
                fc.record({ kind: fc.constant('delete' as const) }),
                fc.record({ kind: fc.constant('set' as const), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double(), fc.constantFrom(null, '', -1, 0, 1.5, 'EUR', 'eur', '2026-13-01', 'x'.repeat(5000))) }),
              ),
              (i, change) => {
                runs++;
                if (!agree(a.name, mutate(a.body, all[i]!, change), `${a.path} at ${all[i]!.join('.')}`)) refused++;
              },
            ),
            { numRuns: 150, seed: 20261201, includeErrorInReport: true },
          );
        }
        // The mutations reach both verdicts often: the comparison is not of trivially valid values.
        assert.ok(refused > runs / 5 && refused < runs, `${refused} of ${runs} mutations refused`);
      });
    });
  }

  it('form fields: the same verdict and the same first problem (the form states the limit from it)', () => {
    const fields: [string, fc.Arbitrary<unknown>][] = [
      ['EmailSchema', fc.oneof(fc.emailAddress(), fc.string({ maxLength: 300 }))],
      ['PhoneSchema', fc.oneof(fc.stringMatching(/^\+[0-9]{5,16}$/), fc.string({ maxLength: 20 }))],
      ['PatientTextSchema', fc.string({ maxLength: 4200 })],
      ['CountryCodeSchema', fc.oneof(fc.stringMatching(/^[A-Za-z]{1,3}$/), fc.string())],
    ];
    for (const [name, arb] of fields) {
      fc.assert(
        fc.property(arb, (v) => {
          agree(name, v, 'field');
          const z = zodByName[name]!.safeParse(v);
          const b = browserByName[name]!.safeParse(v);
          if (!z.success) assert.equal(b.error!.issues[0]!.code, z.error!.issues[0]!.code, `${name}: ${String(JSON.stringify(v)).slice(0, 80)}`);
        }),
        { numRuns: 300, seed: 1, includeErrorInReport: true },
      );
    }
    for (const v of [undefined, '', ' ', 'x'.repeat(201), 'Ana', 5, null]) {
      const z = zod.ContactSchema.shape.name.safeParse(v);
      const b = browser.ContactSchema.shape.name.safeParse(v);
      assert.equal(b.success, z.success, JSON.stringify(v));
      if (!z.success) assert.equal(b.error!.issues[0]!.code, z.error.issues[0]!.code, JSON.stringify(v));
    }
    for (const v of [0, 10, 11, -1, 3.5, '7', undefined]) {
      const z = zod.CreateFeedbackBodySchema.shape.nps.safeParse(v);
      const b = browser.CreateFeedbackBodySchema.shape.nps.safeParse(v);
      assert.equal(b.success, z.success, JSON.stringify(v));
      if (!z.success) assert.equal(b.error!.issues[0]!.code, z.error.issues[0]!.code, JSON.stringify(v));
    }
  });
});
