/**
 * Bad input never gives a 5xx: explicit cases from the attack report (NUL and lone surrogates in
 * every text field of every write endpoint, 30,000-level nesting, a cursor that decodes to
 * nonsense, time zones no runtime knows, references to unknown procedures), then a property-based
 * fuzz (fast-check) over every write endpoint and every cursor parameter of the registry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ErrorBodySchema } from '../../src/core/contract/common.js';
import { endpoints } from '../../src/core/contract/endpoints.js';
import { AURORA, STAFF, bookingBody, consent, count, drivers, firstSlot, key, quoteBody, startServer, type TestServer } from './helpers.js';

type Json = Record<string, unknown>;
interface Fixture {
  conversation: { id: string; token: string };
  booking: { id: string; token: string };
  start: string;
}
interface WriteCase {
  /** Path with the fixture's ids and tokens filled in. */
  path(f: Fixture): string;
  /** A valid body (absent for DELETE). */
  body?: (f: Fixture) => Json;
  staff?: boolean;
}

/** A valid request for every write endpoint of the registry; a new write endpoint must be added here. */
const WRITES: Record<string, WriteCase> = {
  createQuote: { path: () => '/v1/quotes', body: () => quoteBody() },
  createHold: { path: () => '/v1/booking/holds', body: (f) => ({ service: 'video-consultation', doctor: 'any', start: f.start, session: 'fuzz-session-0123456789' }) },
  releaseHold: { path: () => '/v1/booking/holds/00000000-0000-4000-8000-000000000000?session=fuzz-session-0123456789' },
  createBooking: { path: () => '/v1/bookings', body: (f) => bookingBody(f.start, { notes: 'Upper molar', quoteReference: 'Q-ABC' }) },
  rescheduleBooking: { path: (f) => `/v1/bookings/${f.booking.id}?token=${f.booking.token}`, body: (f) => ({ start: f.start, doctor: 'any' }) },
  cancelBooking: { path: (f) => `/v1/bookings/${f.booking.id}?token=${f.booking.token}` },
  createFeedback: {
    path: () => '/v1/feedback',
    body: () => ({ nps: 9, ratings: { medical: 5 }, comment: 'Kind staff', procedureId: 'dental-implants', reference: 'B-123', publishConsent: consent, displayName: 'Ana', country: 'PT', locale: 'en', attribution: { source: 'x', agent: 'a1' } }),
  },
  createConversation: { path: () => '/v1/chat/conversations', body: () => ({ locale: 'en', name: 'Ana', email: 'ana@example.org', context: { procedureId: 'dental-implants', page: 'https://x.example/p', quoteReference: 'Q-1' }, message: 'Hello', consent: { accepted: true, version: '2026-09' } }) },
  postVisitorMessage: { path: (f) => `/v1/chat/conversations/${f.conversation.id}/messages?token=${f.conversation.token}`, body: () => ({ body: 'Is there parking?' }) },
  visitorTyping: { path: (f) => `/v1/chat/conversations/${f.conversation.id}/typing?token=${f.conversation.token}`, body: () => ({ typing: true }) },
  visitorRead: { path: (f) => `/v1/chat/conversations/${f.conversation.id}/read?token=${f.conversation.token}`, body: () => ({ lastReadId: '1' }) },
  // The body of an upload is the file's bytes, not JSON: the fuzz varies the query, id and token.
  uploadAttachment: { path: (f) => `/v1/chat/conversations/${f.conversation.id}/attachments?token=${f.conversation.token}&consent=health-records-v1&name=scan.pdf` },
  staffTyping: { path: (f) => `/v1/staff/conversations/${f.conversation.id}/typing`, body: () => ({ typing: true }), staff: true },
  staffRead: { path: (f) => `/v1/staff/conversations/${f.conversation.id}/read`, body: () => ({ lastReadId: '1' }), staff: true },
  staffHandled: { path: (f) => `/v1/staff/conversations/${f.conversation.id}/handled`, body: () => ({ handled: true }), staff: true },
  staffPostMessage: { path: (f) => `/v1/staff/conversations/${f.conversation.id}/messages`, body: () => ({ body: 'Yes, free parking.' }), staff: true },
  staffCreateImprovement: { path: () => '/v1/staff/improvements', body: () => ({ youSaid: { en: 'Noisy rooms', de: 'Laute Zimmer' }, weDid: { en: 'New windows', de: 'Neue Fenster' }, aspects: ['facilities'], date: '2026-11-01' }), staff: true },
  staffPatchImprovement: { path: () => '/v1/staff/improvements/imp-wait', body: () => ({ weDid: { fr: 'Chat en direct' }, aspects: ['communication'] }), staff: true },
  staffDeleteImprovement: { path: () => '/v1/staff/improvements/imp-invoice', staff: true },
  staffCreateFeedbackInvitation: { path: () => '/v1/staff/feedback-invitations', body: () => ({ stage: 'post-return', procedureId: 'dental-implants', reference: 'B-123', pageUrl: 'https://aurora-hospital.example/feedback' }), staff: true },
  staffApproveStory: { path: () => '/v1/staff/stories/story-01/approve', staff: true },
  staffRejectStory: { path: () => '/v1/staff/stories/story-02/reject', staff: true },
  staffPutTheme: { path: () => '/v1/staff/theme', body: () => ({ mode: 'light', tokens: { '--prm-color-brand': '#0a5' } }), staff: true },
};
const writeEndpoints = endpoints.filter((e) => e.method !== 'get');
const cursorEndpoints = endpoints.filter((e) => 'query' in e && e.query && 'cursor' in (e.query as unknown as { shape: object }).shape);

/** Every path to a string leaf of `v` (`contact.email`, `selection.addOns.0`…). */
function stringPaths(v: unknown, path: string[] = []): string[][] {
  if (typeof v === 'string') return [path];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
}
/** Every path of `v` (objects, arrays and leaves), plus an unknown key in each object. */
function allPaths(v: unknown, path: string[] = []): string[][] {
  const out = path.length ? [path] : [];
  if (v && typeof v === 'object') {
    out.push([...path, 'unknownField']);
    for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...path, k]));
  }
  return out;
}
function setPath(obj: Json, path: string[], value: unknown): Json {
  const copy = structuredClone(obj);
  let o = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (value === undefined) delete o[path[path.length - 1]!];
  else o[path[path.length - 1]!] = value;
  return copy;
}

const HOSTILE_STRINGS = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udfff\ud800', '', ' ', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE quotes;--", '../../etc/passwd', '%00', '\\', '"',
  '2026-13-45T99:00Z', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00+14:00', 'Mars/Olympus_Mons', 'Etc/GMT+99', 'America/New_York/Extra', 'UTC', 'any',
  'dental-implants', 'no-such-id', '00000000-0000-4000-8000-000000000000', '+10000000000000000', 'a@b.c', 'javascript:alert(1)', 'url(x)', '--prm-x', '🦷', '\u202e', '\ufeff',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 300 }));
/** Nested arrays `depth` deep, as JSON text (JSON.stringify would recurse). */
const deepText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const DEEP = Symbol('deep');
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, 61, 91, 7, 11)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '\u0000': 1 }, { __proto__: 1 }, { constructor: { prototype: 1 } }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 33, max: 20_000 }).map((depth) => ({ [DEEP]: depth })) },
);
/** JSON text of `body`, with a deep-nesting marker spliced in as raw text. */
function bodyText(body: unknown): string {
  let depth = 0;
  const text = JSON.stringify(body, (_k, v: unknown) => {
    if (v && typeof v === 'object' && DEEP in v) {
      depth = (v as { [DEEP]: number })[DEEP];
      return '__DEEP__';
    }
    return v;
  });
  return depth ? text.replace('"__DEEP__"', deepText(depth)) : text;
}

/** Whole-body mutations: not JSON, other JSON, nothing. */
const wholeBody = fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.constantFrom('', 'null', '[]', '{', '{"a":', '\u0000', '"\ud800"', deepText(30_000)));

/** A cursor: random text, base64url of two hostile strings, or of any JSON. */
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const hostileCursor = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.tuple(hostileString, hostileString).map((t) => b64(JSON.stringify(t))),
  fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v))),
  fc.constantFrom('WyIxIiwieCJd', b64('["2026-02-30","story-01"]'), b64('["2026-11-24T10:00:00.000Z","x"]'), b64('["0000-01-01","a"]'), b64('["2026-11-24T10:00:00Z","00000000-0000-4000-8000-000000000000"]'), '%00', '====', 'A'.repeat(200)),
);

for (const driver of drivers) {
  describe(`bad input never gives a 5xx [${driver.name}]`, () => {
    let s: TestServer;
    let f: Fixture;
    const tally = { requests: 0, fiveXx: 0, textCases: 0, fuzzRuns: 0 };

    /** Sends a request and checks the invariant: no 5xx, and every error in the contract's shape with a message. */
    async function send(method: string, path: string, body: string | undefined, staff = false, what = ''): Promise<Response> {
      const headers: Record<string, string> = { 'Idempotency-Key': key() };
      if (staff) headers.Authorization = `Bearer ${STAFF}`;
      else headers['X-PRM-Clinic'] = AURORA;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const r = await s.app.request(path, { method, headers, body });
      tally.requests++;
      if (r.status >= 500) tally.fiveXx++;
      assert.ok(r.status < 500, `${method} ${path} ${what} → ${r.status} ${await r.clone().text()}`);
      if (r.status >= 400) {
        const parsed = ErrorBodySchema.safeParse(await r.clone().json());
        assert.ok(parsed.success && parsed.data.error.message.length > 0, `${method} ${path} ${what}: error body in the contract's shape`);
      }
      return r;
    }

    before(async () => {
      s = await startServer(driver, { rateLimit: { max: 1_000_000, windowMs: 60_000 } });
      const start = await firstSlot(s);
      const b = (await (await s.request('/v1/bookings', { json: bookingBody(await firstSlot(s, 'video-consultation', 'dr-aydin', AURORA, '2026-12-01T00:00:00Z', '2026-12-20T00:00:00Z')), idem: key() })).json()) as { booking: { id: string }; manageToken: string };
      const c = (await (await s.request('/v1/chat/conversations', { json: { locale: 'en', consent: { accepted: true, version: '2026-09' } }, idem: key() })).json()) as { conversation: { id: string }; token: string };
      f = { start, booking: { id: b.booking.id, token: b.manageToken }, conversation: { id: c.conversation.id, token: c.token } };
    });
    after(async () => {
      console.error(`bad input [${driver.name}]: ${tally.requests} requests (${tally.textCases} NUL/surrogate cases, ${tally.fuzzRuns} fuzz runs over ${writeEndpoints.length} write endpoints and ${cursorEndpoints.length} cursor parameters), ${tally.fiveXx} answered 5xx`);
      await s.close();
    });

    it('has a valid request for every write endpoint of the registry (a new one must be added to this test)', async () => {
      assert.deepEqual(writeEndpoints.map((e) => e.id).sort(), Object.keys(WRITES).sort());
      for (const ep of writeEndpoints) {
        const w = WRITES[ep.id]!;
        const r = await send(ep.method.toUpperCase(), w.path(f), w.body && JSON.stringify(w.body(f)), w.staff, 'valid');
        // An upload's valid body is a file's bytes (tested in chat-inbox.test.ts); sent empty here it is a 400.
        const emptyUpload = ep.id === 'uploadAttachment' && r.status === 400;
        assert.ok(r.status < 400 || emptyUpload || ep.id === 'createBooking' || ep.id === 'rescheduleBooking', `${ep.id} valid request → ${r.status}`);
      }
    });

    it('NUL or a lone surrogate in any text field of any write endpoint → 400 naming the field, nothing stored', async () => {
      const before = await count(s.db, 'feedback');
      let cases = 0;
      for (const ep of writeEndpoints) {
        const w = WRITES[ep.id]!;
        if (!w.body) continue;
        for (const path of stringPaths(w.body(f))) {
          for (const bad of ['a\u0000b', 'x\ud800', '\udc00']) {
            const r = await send(ep.method.toUpperCase(), w.path(f), JSON.stringify(setPath(w.body(f), path, bad)), w.staff, path.join('.'));
            assert.equal(r.status, 400, `${ep.id} ${path.join('.')}`);
            const { error } = (await r.json()) as { error: { message: string; fields?: Record<string, string> } };
            assert.ok(error.fields?.[path.join('.')], `${ep.id}: fields names ${path.join('.')} (${JSON.stringify(error.fields)})`);
            cases++;
          }
        }
        // In a query parameter and an unknown field too.
        const q = await send(ep.method.toUpperCase(), `${w.path(f)}${w.path(f).includes('?') ? '&' : '?'}x=%00`, JSON.stringify(w.body(f)), w.staff, 'query');
        assert.equal(q.status, 400);
        const u = await send(ep.method.toUpperCase(), w.path(f), JSON.stringify({ ...w.body(f), extra: { deep: 'a\u0000' } }), w.staff, 'unknown field');
        assert.equal(u.status, 400);
      }
      tally.textCases = cases;
      assert.ok(cases >= 100, `${cases} cases`);
      assert.equal(await count(s.db, 'feedback'), before);
    });

    it('30,000 levels of nesting (~60 KB, under the body cap) in an unknown field → 400 that says so', async () => {
      const text = JSON.stringify({ ...WRITES.createFeedback!.body!(f), extra: '__DEEP__' }).replace('"__DEEP__"', deepText(30_000));
      assert.ok(text.length > 60_000 && text.length < 64 * 1024);
      const r = await send('POST', '/v1/feedback', text);
      assert.equal(r.status, 400);
      assert.match(((await r.json()) as { error: { message: string } }).error.message, /nested deeper than 32/);
    });

    it('a cursor that decodes but holds a wrong date or id → 400 on every cursor parameter (public key only for stories)', async () => {
      for (const cursor of ['WyIxIiwieCJd', b64('["2026-02-30","story-01"]'), b64('["2026-11-24T10:00:00.000Z","x"]'), b64('["2026-11-24","not a slug"]')]) {
        for (const ep of cursorEndpoints) {
          const r = await send('GET', `/v1${ep.path}?cursor=${cursor}`, undefined, 'staff' in ep && ep.staff, cursor);
          assert.equal(r.status, 400, `${ep.id} ${cursor}`);
          assert.ok(((await r.json()) as { error: { fields?: Record<string, string> } }).error.fields?.cursor);
        }
      }
      // A real cursor still pages.
      const first = (await (await s.request('/v1/stories?limit=2')).json()) as { nextCursor: string };
      assert.equal((await s.request(`/v1/stories?limit=2&cursor=${first.nextCursor}`)).status, 200);
    });

    it('time zones no runtime knows are refused where a zone is accepted; IANA names and aliases pass', async () => {
      for (const timeZone of ['Mars/Olympus_Mons', 'Etc/GMT+99', 'America/New_York/Extra']) {
        const r = await send('POST', '/v1/bookings', JSON.stringify(bookingBody(f.start, { timeZone })), false, timeZone);
        assert.equal(r.status, 400, timeZone);
        assert.match(((await r.json()) as { error: { fields: Record<string, string> } }).error.fields.timeZone!, /Unknown time zone/);
      }
      const slot = await firstSlot(s, 'video-consultation', 'dr-aydin', AURORA, '2026-12-21T00:00:00Z', '2027-01-20T00:00:00Z');
      const ok = await send('POST', '/v1/bookings', JSON.stringify(bookingBody(slot, { timeZone: 'Etc/GMT+3' })));
      assert.equal(ok.status, 201);
    });

    it('a procedureId the clinic does not offer is refused (422) in feedback and in a chat context, not stored', async () => {
      const fb = await send('POST', '/v1/feedback', JSON.stringify({ nps: 9, ratings: {}, procedureId: 'no-such-procedure', locale: 'en' }));
      assert.equal(fb.status, 422);
      assert.ok(((await fb.json()) as { error: { fields: Record<string, string> } }).error.fields.procedureId);
      const conversations = await count(s.db, 'conversations');
      const chat = await send('POST', '/v1/chat/conversations', JSON.stringify({ locale: 'en', context: { procedureId: 'no-such-procedure' }, consent: { accepted: true, version: '2026-09' } }));
      assert.equal(chat.status, 422);
      assert.equal(await count(s.db, 'conversations'), conversations);
      // A procedure the clinic offers is accepted.
      assert.equal((await send('POST', '/v1/feedback', JSON.stringify({ nps: 9, ratings: {}, procedureId: 'dental-implants', locale: 'en' }))).status, 201);
    });

    describe('fuzz (fast-check)', () => {
      for (const ep of writeEndpoints) {
        it(`${ep.method.toUpperCase()} ${ep.path}: any field set to a hostile value, or any whole body, or a hostile id / token → no 5xx`, async () => {
          const w = WRITES[ep.id]!;
          const method = ep.method.toUpperCase();
          const paths = w.body ? allPaths(w.body(f)) : [];
          const mutation = fc.oneof(
            ...(w.body
              ? [
                  { weight: 6, arbitrary: fc.tuple(fc.nat({ max: paths.length - 1 }), fc.option(hostileValue, { freq: 8 })).map(([i, v]) => ({ body: bodyText(setPath(w.body!(f), paths[i]!, v ?? undefined)), path: w.path(f) })) },
                  { weight: 2, arbitrary: wholeBody.map((body) => ({ body, path: w.path(f) })) },
                ]
              : []),
            {
              weight: 2,
              arbitrary: fc.tuple(hostileString, hostileString).map(([id, token]) => ({
                body: w.body && JSON.stringify(w.body(f)),
                path: w.path(f).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, encodeURIComponent(id.replace(/[\ud800-\udfff]/g, ''))).replace(/token=[^&]+/, `token=${encodeURIComponent(token.replace(/[\ud800-\udfff]/g, ''))}`),
              })),
            },
          );
          await fc.assert(
            fc.asyncProperty(mutation, async (m) => {
              tally.fuzzRuns++;
              await send(method, m.path, m.body, w.staff, m.body?.slice(0, 200));
            }),
            { numRuns: 60 },
          );
        });
      }
      for (const ep of cursorEndpoints) {
        it(`GET ${ep.path}?cursor: any cursor → no 5xx`, async () => {
          await fc.assert(
            fc.asyncProperty(hostileCursor, fc.option(fc.constantFrom('1', '50', '0', '-1', '1e9', 'x'), { nil: undefined }), async (cursor, limit) => {
              tally.fuzzRuns++;
              await send('GET', `/v1${ep.path}?cursor=${encodeURIComponent(cursor)}${limit ? `&limit=${limit}` : ''}`, undefined, 'staff' in ep && ep.staff, cursor);
            }),
            { numRuns: 60 },
          );
        });
      }
    });
  });
}
