/**
 * Feedback beyond the plain POST: stage aspects in the config (seven languages), invitations that
 * accept one answer, staff improvements in several languages served in the patient's, and stories
 * that wait for staff approval (with the "verified" flag) before GET /stories serves them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClinicConfigSchema } from '../../src/core/contract/config.js';
import {
  CreateInvitationResponseSchema,
  FeedbackResponseSchema,
  ImprovementsResponseSchema,
  InvitationSchema,
  StaffImprovementResponseSchema,
  StaffStoriesResponseSchema,
  StaffStoryResponseSchema,
} from '../../src/core/contract/feedback.js';
import { StoriesResponseSchema } from '../../src/core/contract/stories.js';
import { SECOND_STAFF, STAFF, bookingBody, count, drivers, firstSlot, key, startServer, type TestServer } from './helpers.js';

const LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'ru', 'tr'];
const publish = { accepted: true as const, version: '2026-09' };

for (const driver of drivers) {
  describe(`feedback [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    const staff = (path: string, init: RequestInit & { json?: unknown } = {}, token = STAFF) =>
      s.request(path, { ...init, key: null, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    const invite = async (body: Record<string, unknown>) => {
      const r = await staff('/v1/staff/feedback-invitations', { json: body });
      assert.equal(r.status, 201);
      return CreateInvitationResponseSchema.parse(await r.json());
    };
    const allStories = async () => {
      const out = [];
      let cursor: string | null = null;
      do {
        const r = await s.request(`/v1/stories?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        const page = StoriesResponseSchema.parse(await r.json());
        out.push(...page.stories);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };

    it('config: every stage has aspects, each labelled in all seven languages, and a review page', async () => {
      const cfg = ClinicConfigSchema.parse(await (await s.request('/v1/config')).json());
      assert.ok(cfg.feedback);
      for (const stage of ['pre-travel', 'in-clinic', 'post-return'] as const) {
        const asked = cfg.feedback.aspects.filter((a) => a.stages.includes(stage));
        assert.ok(asked.length >= 3, `${stage}: ${asked.length} aspects`);
      }
      for (const a of cfg.feedback.aspects) {
        for (const l of LOCALES) assert.ok(a.label[l]?.trim(), `${a.id} in ${l}`);
        assert.equal(new Set(LOCALES.map((l) => a.label[l])).size >= 5, true, `${a.id}: real translations, not copies`);
      }
      assert.match(cfg.feedback.reviewUrl ?? '', /^https:\/\//);
    });

    it('improvements: seeded in seven languages, served in the patient\'s, with their aspects', async () => {
      for (const l of LOCALES) {
        const { improvements } = ImprovementsResponseSchema.parse(await (await s.request(`/v1/improvements?locale=${l}`)).json());
        assert.ok(improvements.length >= 4);
        for (const m of improvements) assert.ok(m.aspects.length >= 1);
        if (l !== 'en') {
          const en = ImprovementsResponseSchema.parse(await (await s.request('/v1/improvements?locale=en')).json()).improvements;
          for (const [i, m] of improvements.entries()) assert.notEqual(m.weDid, en[i]!.weDid, `${m.id} translated to ${l}`);
        }
      }
    });

    it('staff improvements: create in several languages, patch merges languages, delete withdraws; needs the default language; other tenants cannot touch them', async () => {
      const bad = await staff('/v1/staff/improvements', { json: { youSaid: { de: 'Laut' }, weDid: { de: 'Leiser' }, aspects: ['facilities'] } });
      assert.equal(bad.status, 400);
      const r = await staff('/v1/staff/improvements', { json: { youSaid: { en: 'Rooms were noisy at night.', ar: 'كانت الغرف صاخبة ليلاً.' }, weDid: { en: 'We fitted acoustic windows.', ar: 'ركّبنا نوافذ عازلة للصوت.' }, aspects: ['facilities', 'accommodation'] } });
      assert.equal(r.status, 201);
      const { improvement } = StaffImprovementResponseSchema.parse(await r.json());
      assert.equal(improvement.date, '2026-11-24');
      const ar = ImprovementsResponseSchema.parse(await (await s.request('/v1/improvements?locale=ar')).json()).improvements.find((m) => m.id === improvement.id);
      assert.equal(ar?.weDid, 'ركّبنا نوافذ عازلة للصوت.');
      assert.deepEqual(ar?.aspects, ['facilities', 'accommodation']);
      const fr1 = ImprovementsResponseSchema.parse(await (await s.request('/v1/improvements?locale=fr')).json()).improvements.find((m) => m.id === improvement.id);
      assert.equal(fr1?.weDid, 'We fitted acoustic windows.', 'a language without text falls back to English');

      const p = await staff(`/v1/staff/improvements/${improvement.id}`, { method: 'PATCH', json: { weDid: { fr: 'Nous avons posé des fenêtres acoustiques.' } } });
      assert.equal(p.status, 200);
      const patched = StaffImprovementResponseSchema.parse(await p.json()).improvement;
      assert.deepEqual(Object.keys(patched.weDid).sort(), ['ar', 'en', 'fr']);
      assert.equal((await staff(`/v1/staff/improvements/${improvement.id}`, { method: 'DELETE' }, SECOND_STAFF)).status, 404);
      assert.equal((await staff(`/v1/staff/improvements/${improvement.id}`, { method: 'DELETE' })).status, 200);
      const after = ImprovementsResponseSchema.parse(await (await s.request('/v1/improvements')).json()).improvements;
      assert.ok(!after.some((m) => m.id === improvement.id));
      assert.equal((await staff(`/v1/staff/improvements/${improvement.id}`, { method: 'PATCH', json: { aspects: [] } })).status, 404);
    });

    it('invitation: a link with a token; GET prefills stage, treatment, reference; it accepts one answer (another key gets the first one back)', async () => {
      const inv = await invite({ stage: 'post-return', procedureId: 'dental-implants', reference: 'B-7K2M9Q', pageUrl: 'https://aurora-hospital.example/feedback?x=1' });
      assert.equal(new URL(inv.link!).searchParams.get('prm-feedback'), inv.token);
      assert.equal(new URL(inv.link!).searchParams.get('x'), '1');
      const g = InvitationSchema.parse(await (await s.request(`/v1/feedback/invitations/${inv.token}`)).json());
      assert.deepEqual(g, { stage: 'post-return', procedureId: 'dental-implants', procedureName: 'Dental implant (single)', reference: 'B-7K2M9Q', answered: false });
      // The treatment's name in the patient's language, for the widget to show.
      const ru = InvitationSchema.parse(await (await s.request(`/v1/feedback/invitations/${inv.token}?locale=ru`)).json());
      assert.equal(ru.procedureName, 'Зубной имплант (один)');
      const none = await invite({ stage: 'pre-travel' });
      assert.equal(InvitationSchema.parse(await (await s.request(`/v1/feedback/invitations/${none.token}`)).json()).procedureName, null);
      assert.equal((await s.request(`/v1/feedback/invitations/${inv.token}`, { key: 'pk_demo_second' })).status, 404, 'another clinic does not see it');

      const before = await count(s.db, 'feedback');
      const body = { nps: 9, ratings: { medical: 5 }, comment: 'Thank you', invitation: inv.token, locale: 'en' };
      const keys = [key(), key(), key(), key()];
      const answers = await Promise.all(keys.map((k) => s.request('/v1/feedback', { json: body, idem: k })));
      const ok = answers.filter((r) => r.status === 201);
      assert.equal(ok.length, 4, `statuses ${answers.map((r) => r.status)}`);
      const parsed = await Promise.all(ok.map(async (r) => FeedbackResponseSchema.parse(await r.json())));
      const ids = new Set(parsed.map((p) => p.id));
      assert.equal(ids.size, 1, 'every submit gets the same answer');
      assert.equal(await count(s.db, 'feedback'), before + 1);
      // The one stored says nothing more; the three others are told their answer was not stored
      // (the widget tells the patient so instead of "sent").
      assert.deepEqual(parsed.map((p) => p.alreadyAnswered ?? false).sort(), [false, true, true, true]);
      // A retry of the stored one (same key: its response was lost) is its own answer, not "already answered".
      const first = keys[parsed.findIndex((p) => !p.alreadyAnswered)]!;
      const retried = FeedbackResponseSchema.parse(await (await s.request('/v1/feedback', { json: body, idem: first })).json());
      assert.equal(retried.alreadyAnswered, undefined);
      // Later, from another tab (another key, another answer): the first answer, marked.
      const later = await s.request('/v1/feedback', { json: { ...body, nps: 2, comment: 'Other tab' }, idem: key() });
      assert.deepEqual(FeedbackResponseSchema.parse(await later.json()), { ...parsed.find((p) => !p.alreadyAnswered)!, alreadyAnswered: true });
      assert.equal(await count(s.db, 'feedback'), before + 1);
      const { rows } = await s.db.query<{ data: Record<string, unknown>; stage: string }>('SELECT data, stage FROM feedback WHERE id = $1', [[...ids][0]]);
      assert.equal(rows[0]!.stage, 'post-return');
      assert.equal(rows[0]!.data['procedureId'], 'dental-implants');
      assert.equal(rows[0]!.data['reference'], 'B-7K2M9Q');
      assert.equal(rows[0]!.data['invitation'], undefined, 'the token is not stored');
      assert.equal(InvitationSchema.parse(await (await s.request(`/v1/feedback/invitations/${inv.token}`)).json()).answered, true);
    });

    it('invitation: unknown or expired token → 404', async () => {
      assert.equal((await s.request('/v1/feedback/invitations/AAAAAAAAAAAAAAAAAAAAAAAA')).status, 404);
      const inv = await invite({ stage: 'in-clinic' });
      s.clock.now = new Date('2027-03-01T00:00:00Z');
      try {
        assert.equal((await s.request(`/v1/feedback/invitations/${inv.token}`)).status, 404);
        assert.equal((await s.request('/v1/feedback', { json: { nps: 3, ratings: {}, invitation: inv.token, locale: 'en' }, idem: key() })).status, 404);
      } finally {
        s.clock.now = new Date('2026-11-24T10:00:00Z');
      }
    });

    it('stories: consent to publish → pending, not served; approved → served (verified through an invitation or a real booking); rejected → never', async () => {
      const ids = new Set((await allStories()).map((x) => x.id));
      const send = async (extra: Record<string, unknown>) => {
        const r = await s.request('/v1/feedback', { json: { nps: 10, ratings: { medical: 5, communication: 4 }, comment: 'Superb care. I would come back.', publishConsent: publish, displayName: 'A. K.', country: 'DE', procedureId: 'dental-implants', locale: 'de', ...extra }, idem: key() });
        assert.equal(r.status, 201, await r.clone().text());
        const a = FeedbackResponseSchema.parse(await r.json());
        assert.equal(a.storyPending, true);
        return `fb-${a.id}`;
      };
      const plain = await send({});
      const inv = await invite({ stage: 'post-return', procedureId: 'dental-implants' });
      const invited = await send({ invitation: inv.token, procedureId: undefined });
      const br = await s.request('/v1/bookings', { json: bookingBody(await firstSlot(s)), idem: key() });
      assert.equal(br.status, 201, await br.clone().text());
      const booking = (await br.json()) as { booking: { reference: string } };
      const booked = await send({ reference: booking.booking.reference });
      const rejected = await send({});

      const pending = StaffStoriesResponseSchema.parse(await (await staff('/v1/staff/stories')).json()).stories;
      for (const id of [plain, invited, booked, rejected]) assert.ok(pending.some((x) => x.id === id), `${id} pending`);
      assert.equal(pending.find((x) => x.id === plain)?.consentVersion, '2026-09');
      assert.ok(!(await allStories()).some((x) => x.id.startsWith('fb-')), 'nothing pending is served');

      for (const id of [plain, invited, booked]) {
        const r = await staff(`/v1/staff/stories/${id}/approve`, { method: 'POST' });
        assert.equal(StaffStoryResponseSchema.parse(await r.json()).story.status, 'approved');
      }
      assert.equal((await staff(`/v1/staff/stories/${rejected}/approve`, { method: 'POST' }, SECOND_STAFF)).status, 404, 'another clinic cannot approve it');
      assert.equal((await staff(`/v1/staff/stories/${rejected}/reject`, { method: 'POST' })).status, 200);
      const served = await allStories();
      const byId = new Map(served.map((x) => [x.id, x]));
      assert.equal(byId.get(plain)?.verified, false);
      assert.equal(byId.get(invited)?.verified, true);
      assert.equal(byId.get(booked)?.verified, true);
      assert.equal(byId.get(plain)?.displayName, 'A. K.');
      assert.ok(!byId.has(rejected));
      assert.ok(!byId.has('story-unconsented'));
      assert.equal(served.length, ids.size + 3);
    });

    it('consent to publish without a display name, country or text → 422 naming them, nothing stored; anonymous feedback without it is fine', async () => {
      const before = await count(s.db, 'feedback');
      const r = await s.request('/v1/feedback', { json: { nps: 10, ratings: {}, publishConsent: publish, procedureId: 'dental-implants', locale: 'en' }, idem: key() });
      assert.equal(r.status, 422);
      const { error } = (await r.json()) as { error: { fields: Record<string, string> } };
      assert.deepEqual(Object.keys(error.fields).sort(), ['comment', 'country', 'displayName']);
      assert.equal(await count(s.db, 'feedback'), before);
      const anon = await s.request('/v1/feedback', { json: { nps: 2, ratings: { value: 1 }, comment: 'Too expensive', stage: 'pre-travel', locale: 'en' }, idem: key() });
      assert.equal(anon.status, 201);
      assert.equal(FeedbackResponseSchema.parse(await anon.json()).storyPending, false);
    });

    it('a story needs its treatment: none (no invitation naming one) → 422 procedureId; one the clinic does not offer → 422 procedureId; nothing stored', async () => {
      const before = { feedback: await count(s.db, 'feedback'), stories: await count(s.db, 'stories') };
      const story = { nps: 10, ratings: {}, comment: 'Superb care.', publishConsent: publish, displayName: 'A. K.', country: 'DE', locale: 'en' };
      for (const extra of [{}, { procedureId: 'no-such-procedure' }]) {
        const r = await s.request('/v1/feedback', { json: { ...story, ...extra }, idem: key() });
        assert.equal(r.status, 422, JSON.stringify(extra));
        const { error } = (await r.json()) as { error: { fields: Record<string, string> } };
        assert.deepEqual(Object.keys(error.fields), ['procedureId'], JSON.stringify(extra));
      }
      assert.deepEqual({ feedback: await count(s.db, 'feedback'), stories: await count(s.db, 'stories') }, before);
      const chosen = await s.request('/v1/feedback', { json: { ...story, procedureId: 'dental-implants' }, idem: key() });
      assert.equal(chosen.status, 201, await chosen.clone().text());
      const id = FeedbackResponseSchema.parse(await chosen.json()).id;
      const pending = StaffStoriesResponseSchema.parse(await (await staff('/v1/staff/stories')).json()).stories;
      assert.equal(pending.find((x) => x.id === `fb-${id}`)?.procedureId, 'dental-implants');
    });
  });
}
