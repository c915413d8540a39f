import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drivers, startServer, type TestServer } from './helpers.js';

// "Everything a patient reads in all seven languages": walks what the seed wrote to the database
// (not the seed's source), so text added later without its translations fails here.

const LANGS = ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'];
/** Keys whose string values are codes or ids, never shown as text. */
const CODES = new Set(['id', 'specialty', 'currency', 'group', 'per', 'country', 'tier', 'imageUrl']);

const isTextMap = (x: object) => 'en' in x && Object.values(x).every((v) => typeof v === 'string');

/** Problems with every text inside `data`: a locale map missing a language or copying English, or a bare string. */
function walk(data: unknown, path: string, out: string[]): void {
  if (Array.isArray(data)) return data.forEach((x) => walk(x, `${path}[]`, out));
  if (data && typeof data === 'object') {
    if (isTextMap(data)) {
      const m = data as Record<string, string>;
      for (const l of LANGS) if (!m[l]?.trim()) out.push(`${path}: no ${l} for "${m['en']}"`);
      // Arabic and Russian use other scripts: a value equal to the English one was never translated.
      for (const l of ['ar', 'ru']) if (m[l] && m[l] === m['en']) out.push(`${path}: ${l} is an English copy ("${m['en']}")`);
      return;
    }
    for (const [k, v] of Object.entries(data)) walk(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (typeof data === 'string' && !CODES.has(path.split('.').at(-1)!.replace('[]', ''))) out.push(`${path}: "${data}" is text in one language only`);
}

for (const driver of drivers) {
  describe(`the seed speaks every language a widget does (${driver.name})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const problems = async (sql: string, label: (r: Record<string, unknown>) => string, pickData: (r: Record<string, unknown>) => unknown) => {
      const { rows } = await s.db.query<Record<string, unknown>>(sql);
      assert.ok(rows.length > 0, sql);
      const out: string[] = [];
      for (const r of rows) walk(pickData(r), label(r), out);
      return out;
    };

    it('the catalog: procedure names, descriptions, tiers, lines, add-ons, included / not included, benchmark sources', async () => {
      const out = await problems('SELECT clinic_id, id, data FROM procedures', (r) => `${r['clinic_id']}/${r['id']}`, (r) => {
        // Numbers, limits and rates are not text; everything else in a procedure is.
        const { unitPrices: _u, defaults: _d, limits: _l, ...rest } = r['data'] as Record<string, unknown>;
        return rest;
      });
      assert.deepEqual(out, []);
    });

    it('specialties', async () => {
      assert.deepEqual(await problems('SELECT clinic_id, id, name FROM specialties', (r) => `${r['clinic_id']}/${r['id']}`, (r) => ({ name: r['name'] })), []);
    });

    it('the clinic config: the consent text a patient agrees to', async () => {
      const out = await problems('SELECT id, config FROM clinics', (r) => String(r['id']), (r) => {
        const text = { ...((r['config'] as { consent: { text: Record<string, string> } }).consent.text) };
        delete text['default'];
        return { consent: text };
      });
      assert.deepEqual(out, []);
    });

    it('stories: each in one of the seven languages (the carousel shows a story in the language it was told), every language has some', async () => {
      const { rows } = await s.db.query<{ language: string }>("SELECT language FROM stories WHERE clinic_id = 'aurora' AND consented");
      assert.ok(rows.every((r) => LANGS.includes(r.language)));
      assert.deepEqual([...new Set(rows.map((r) => r.language))].sort(), [...LANGS].sort());
    });
  });
}
