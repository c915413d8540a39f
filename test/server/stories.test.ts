import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { StoriesResponseSchema, type Story } from '../../src/core/contract/stories.js';
import { drivers, startServer, type TestServer } from './helpers.js';

// GET /stories as the carousel uses it: filters, the "patient's language first" ordering across
// pages, the consent + staff approval gate, the last page, and refusals of bad filters.

for (const driver of drivers) {
  describe(`GET /stories [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const page = async (qs: string) => {
      const res = await s.request(`/v1/stories?${qs}`);
      assert.equal(res.status, 200, qs);
      return StoriesResponseSchema.parse(await res.json());
    };
    /** Every story for these filters, walking the cursor with pages of `limit`. */
    const all = async (qs: string, limit = 5) => {
      const out: Story[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p = await page(`${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        out.push(...p.stories);
        cursor = p.nextCursor;
        assert.ok(++pages < 100, 'the cursor never ends');
      } while (cursor);
      return out;
    };
    const newestFirst = (xs: Story[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.date > x.date || (xs[i - 1]!.date === x.date && xs[i - 1]!.id > x.id));

    it('language=ar: every Arabic story first (newest first), then all the others (newest first), across pages, none twice or missing', async () => {
      const everything = await all('x=1', 50);
      const ar = await all('language=ar', 4);
      assert.equal(ar.length, everything.length, 'the language orders, it does not filter');
      assert.equal(new Set(ar.map((x) => x.id)).size, ar.length, 'a story came twice');
      const split = ar.findIndex((x) => x.language !== 'ar');
      assert.ok(split >= 5, `${split} Arabic stories first`);
      assert.ok(ar.slice(split).every((x) => x.language !== 'ar'));
      assert.ok(newestFirst(ar.slice(0, split)) && newestFirst(ar.slice(split)));
      // Every story says which language it is written in; procedure names come in the patient's language.
      assert.ok(ar.every((x) => ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'].includes(x.language)));
      const lasik = ar.find((x) => x.procedureId === 'lasik' && x.language !== 'ar')!;
      assert.match(lasik.procedureName, /[\u0600-\u06FF]/, 'procedure name in Arabic for an Arabic-speaking patient');
    });

    it('locale names the procedures, apart from the language that orders: German stories first, procedure names in English', async () => {
      const en = await all('language=en', 50);
      const deFirst = await all('language=de&locale=en', 50);
      assert.equal(deFirst[0]!.language, 'de', 'language still orders');
      const byId = new Map(en.map((x) => [x.id, x.procedureName]));
      for (const x of deFirst) assert.equal(x.procedureName, byId.get(x.id), `${x.id}: ${x.procedureName}`);
      const hip = deFirst.find((x) => x.procedureId === 'hip-replacement')!;
      assert.doesNotMatch(hip.procedureName, /Hüft/);
      // Without locale, language still names them (the API's earlier behaviour).
      assert.match((await all('language=de', 50)).find((x) => x.procedureId === 'hip-replacement')!.procedureName, /Hüft/);
    });

    it('offset jumps into the ordered set in one request (End of the carousel): the same stories as walking there, and its cursor goes on', async () => {
      const walked = await all('language=ar', 5);
      const at = walked.length - 7;
      const jump = await page(`language=ar&offset=${at}&limit=4`);
      assert.deepEqual(jump.stories.map((x) => x.id), walked.slice(at, at + 4).map((x) => x.id));
      assert.equal(jump.total, walked.length, 'total is still the whole set');
      const rest = await page(`language=ar&limit=10&cursor=${jump.nextCursor}`);
      assert.deepEqual(rest.stories.map((x) => x.id), walked.slice(at + 4).map((x) => x.id));
      assert.equal(rest.nextCursor, null);
      const end = await page(`offset=${walked.length - 2}&limit=12`);
      assert.equal(end.stories.length, 2);
      assert.equal(end.nextCursor, null);
    });

    it('without language: newest first over the whole set, the cursor ends with null on the last page', async () => {
      const xs = await all('x=1', 7);
      assert.ok(xs.length >= 24);
      assert.ok(newestFirst(xs));
      const last = await page(`limit=${xs.length}`);
      assert.equal(last.stories.length, xs.length);
      assert.equal(last.nextCursor, null, 'exactly one full page: no cursor to an empty page');
      // Every page carries the size and mean rating of the whole filtered set, not of the page.
      const first = await page('limit=3&minRating=5');
      const second = await page(`limit=3&minRating=5&cursor=${first.nextCursor}`);
      const fives = await all('minRating=5');
      assert.equal(first.total, fives.length);
      assert.equal(second.total, fives.length);
      assert.equal(first.averageRating, 5);
      const avg = xs.reduce((a, x) => a + x.rating, 0) / xs.length;
      assert.equal(last.total, xs.length);
      assert.ok(Math.abs(last.averageRating! - avg) < 0.01, `${last.averageRating} vs ${avg}`);
      const none = await page('procedure=eyebrow-transplant');
      assert.deepEqual([none.total, none.averageRating, none.nextCursor], [0, null, null]);
    });

    it('filters: procedure, specialty, country, minRating, and several at once', async () => {
      const everything = await all('x=1', 50);
      const lasik = await all('procedure=lasik');
      assert.deepEqual(lasik.map((x) => x.id), everything.filter((x) => x.procedureId === 'lasik').map((x) => x.id));
      assert.ok(lasik.length >= 2);
      const hair = await all('specialty=hair');
      assert.deepEqual(new Set(hair.map((x) => x.procedureId)), new Set(['fue-hair-transplant', 'dhi-hair-transplant']));
      const de = await all('country=DE');
      assert.ok(de.length >= 3 && de.every((x) => x.country === 'DE'));
      const five = await all('minRating=5');
      assert.ok(five.length > 0 && five.every((x) => x.rating === 5));
      assert.equal(five.length, everything.filter((x) => x.rating >= 5).length);
      assert.ok(five.length < everything.length, 'the seed has stories rated below 5');
      const both = await all('specialty=bariatric&country=DE&minRating=4&language=tr');
      assert.ok(both.length >= 1 && both.every((x) => x.country === 'DE' && ['gastric-sleeve', 'gastric-bypass', 'gastric-balloon'].includes(x.procedureId)));
      assert.deepEqual(await all('procedure=eyebrow-transplant'), [], 'no story for this filter: an empty list, not an error');
    });

    it('only stories whose author consented AND staff approved are served; staff approval puts a story in', async () => {
      const ids = (await all('x=1', 50)).map((x) => x.id);
      for (const hidden of ['story-unconsented', 'story-pending', 'story-rejected']) assert.ok(!ids.includes(hidden), hidden);
      const { rows } = await s.db.query<{ id: string; consented: boolean; status: string }>("SELECT id, consented, status FROM stories WHERE clinic_id = 'aurora'");
      assert.deepEqual(new Set(rows.filter((r) => r.consented && r.status === 'approved').map((r) => r.id)), new Set(ids));
      await s.db.query("UPDATE stories SET status = 'approved' WHERE clinic_id = 'aurora' AND id = 'story-pending'");
      assert.ok((await all('x=1', 50)).some((x) => x.id === 'story-pending'));
      await s.db.query("UPDATE stories SET status = 'pending' WHERE clinic_id = 'aurora' AND id = 'story-pending'");
      await s.db.query("UPDATE stories SET status = 'pending' WHERE clinic_id = 'aurora' AND id = 'story-01'");
      assert.ok(!(await all('x=1', 50)).some((x) => x.id === 'story-01'), 'a story staff un-approves disappears');
      await s.db.query("UPDATE stories SET status = 'approved' WHERE clinic_id = 'aurora' AND id = 'story-01'");
    });

    it('each story: name or initials, country, procedure, rating, text, date, verified; photos with a 4:3 srcset and alt in the story language; videos with a poster', async () => {
      const xs = await all('x=1', 50);
      assert.ok(xs.some((x) => x.verified) && xs.some((x) => !x.verified));
      assert.ok(xs.some((x) => /^\p{Lu}\. \p{Lu}\.$/u.test(x.displayName)), 'some authors chose initials');
      const withPhoto = xs.filter((x) => x.image);
      assert.ok(withPhoto.length >= 18);
      for (const x of withPhoto) {
        const img = x.image!;
        assert.deepEqual(img.srcset.map((c) => c.width), [320, 640, 960]);
        assert.ok(img.alt.includes(x.displayName));
        if (x.language === 'ar') assert.match(img.alt, /[\u0600-\u06FF]/);
        if (x.language === 'ru') assert.match(img.alt, /[\u0400-\u04FF]/);
        for (const c of img.srcset) {
          const res = await s.request(new URL(c.url).pathname, { key: null });
          assert.equal(res.status, 200, c.url);
          const svg = await res.text();
          assert.ok(svg.includes(`width="${c.width}" height="${(c.width * 3) / 4}"`), 'every candidate keeps the 4:3 box');
        }
      }
      const videos = xs.filter((x) => x.video);
      assert.ok(videos.length >= 3);
      for (const v of videos) {
        assert.match(v.video!.url, /^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//);
        assert.equal((await s.request(new URL(v.video!.poster.url).pathname, { key: null })).status, 200);
      }
      assert.equal((await s.request('/v1/assets/stories/aurora/story-01-777w.svg', { key: null })).status, 404);
    });

    it('bad filters and cursors → 400 naming the parameter', async () => {
      for (const [qs, field] of [['minRating=6', 'minRating'], ['minRating=0', 'minRating'], ['minRating=four', 'minRating'], ['specialty=Not%20A%20Slug', 'specialty'], ['country=germany', 'country'], ['language=%3Cscript%3E', 'language'], ['limit=0', 'limit'], ['limit=51', 'limit'], ['cursor=garbage', 'cursor'], ['offset=-1', 'offset'], ['offset=x', 'offset'], [`cursor=${Buffer.from(JSON.stringify(['2:2026-10-30', 'story-01'])).toString('base64url')}`, 'cursor'], [`cursor=${Buffer.from(JSON.stringify(['2026-10-30', 'story-01'])).toString('base64url')}`, 'cursor']] as const) {
        const res = await s.request(`/v1/stories?${qs}`);
        assert.equal(res.status, 400, qs);
        const body = ErrorBodySchema.parse(await res.json());
        assert.ok(body.error.fields && field in body.error.fields, `${qs}: ${JSON.stringify(body.error.fields)}`);
      }
    });
  });
}
