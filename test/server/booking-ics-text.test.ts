import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { CreateBookingResponseSchema } from '../../src/core/contract/booking.js';
import { ICS_TEXT, type IcsLocale } from '../../server/domains/booking/ics-text.js';
import { bookingBody, drivers, firstSlot, key, startServer, type TestServer } from './helpers.js';

/** What a calendar shows of the event: description, location, URL. */
function event(ics: string) {
  const ve = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  return { description: String(ve.getFirstPropertyValue('description')), location: String(ve.getFirstPropertyValue('location')), url: ve.getFirstPropertyValue('url') as string | null };
}

const LOCALES = Object.keys(ICS_TEXT) as IcsLocale[];
const PAGE = 'https://aurora-hospital.example/en/consultation?utm_source=newsletter#book';

describe('booking .ics text tables', () => {
  it('cover all seven languages, each line translated (not an English copy)', () => {
    assert.deepEqual([...LOCALES].sort(), ['ar', 'de', 'en', 'es', 'fr', 'ru', 'tr']);
    const lines = (l: IcsLocale) => {
      const t = ICS_TEXT[l];
      return [t.reference('R'), t.yourTime('W'), t.clinicTime('W'), t.arrive, ...Object.values(t.video).flat(), t.interpreter('L'), t.manage('U'), t.videoCall];
    };
    const en = lines('en');
    for (const l of LOCALES.filter((x) => x !== 'en')) lines(l).forEach((line, i) => assert.notEqual(line, en[i], `${l}: "${line}" is the English text`));
  });
});

for (const driver of drivers) {
  describe(`booking .ics in the booking's language, with its manage link [${driver.name}]`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(driver);
    });
    after(() => s.close());

    /** Books the first free time of `doctor` from a page of the clinic's site (Origin as a browser sends it). */
    async function book(locale: string, doctor: string, extra: Record<string, unknown> = {}, origin = 'https://aurora-hospital.example') {
      const start = await firstSlot(s, 'video-consultation', doctor);
      const r = await s.request('/v1/bookings', { json: bookingBody(start, { locale, doctor, timeZone: 'Asia/Dubai', managePage: PAGE, preferredChannel: 'whatsapp', ...extra }), idem: key(), headers: { Origin: origin } });
      assert.equal(r.status, 201, await r.clone().text());
      return CreateBookingResponseSchema.parse(await r.json());
    }

    it('an Arabic booking: description and location in Arabic, zones by their Arabic names, the manage link of the confirmation', async () => {
      const b = await book('ar', 'dr-kaya', { interpreter: 'ar' });
      const e = event(await (await s.request(b.links.ics, { key: null })).text());
      const manage = `https://aurora-hospital.example/en/consultation?utm_source=newsletter&prm-booking=${b.booking.id}&prm-token=${b.manageToken}`;
      const lines = e.description.split('\n');
      assert.equal(lines[0], `رقم الحجز ${b.booking.reference}.`);
      assert.match(lines[1]!, /^توقيتك: .+ \(توقيت الخليج\)\.$/);
      assert.match(lines[2]!, /^توقيت العيادة: .+ \(توقيت تركيا\)\.$/);
      assert.match(lines[3]!, /واتساب/);
      assert.equal(lines[4], 'طلبت مترجماً: العربية.');
      assert.equal(lines[5], `لتعديل هذا الحجز أو إلغائه: ${manage}`);
      assert.ok(!/Asia\/Dubai|Europe\/Istanbul|Booking reference|Your time/.test(e.description), e.description);
      assert.equal(e.location, 'مكالمة فيديو');
      assert.equal(e.url, manage);
    });

    it('every language has its own description; a regional tag (ru-RU) reads its language', async () => {
      const doctors = ['dr-aydin', 'dr-petrova', 'dr-haddad', 'dr-ozturk', 'dr-kaya', 'dr-demir', 'dr-aydin'];
      const seen = new Set<string>();
      for (const [i, locale] of (['en', 'ar', 'de', 'es', 'fr', 'ru-RU', 'tr'] as const).entries()) {
        const b = await book(locale, doctors[i]!);
        const e = event(await (await s.request(b.links.ics, { key: null })).text());
        const t = ICS_TEXT[locale.slice(0, 2) as IcsLocale];
        assert.ok(e.description.startsWith(t.reference(b.booking.reference)), `${locale}: ${e.description}`);
        assert.ok(e.description.includes(t.manage('https://aurora-hospital.example/')), `${locale}: no manage link`);
        assert.equal(e.location, t.videoCall);
        seen.add(e.description.split('\n')[1]!.split(':')[0]!);
      }
      assert.equal(seen.size, 7, [...seen].join(' | '));
    });

    it('no manage link from a page of another site than the request\'s origin, nor from a request with no page', async () => {
      const foreign = await book('en', 'dr-demir', { managePage: 'https://phishing.example/clinic' });
      const none = await book('en', 'dr-schneider', { managePage: undefined });
      for (const b of [foreign, none]) {
        const e = event(await (await s.request(b.links.ics, { key: null })).text());
        assert.ok(!e.description.includes('http'), e.description);
        assert.equal(e.url, null);
        assert.ok(e.description.startsWith(`Booking reference ${b.booking.reference}.`));
      }
    });

    it('a page that still carries another booking\'s manage query (manage link, then a new booking) is stored without that token', async () => {
      const old = await book('en', 'dr-ozturk');
      const page = `https://aurora-hospital.example/book?lang=en&prm-booking=${old.booking.id}&prm-token=${old.manageToken}`;
      const b = await book('en', 'dr-ozturk', { managePage: page });
      const { rows } = await s.db.query<{ manage_page: string }>('SELECT manage_page FROM bookings WHERE id = $1', [b.booking.id]);
      assert.equal(rows[0]!.manage_page, 'https://aurora-hospital.example/book?lang=en');
      const e = event(await (await s.request(b.links.ics, { key: null })).text());
      assert.equal(e.url, `https://aurora-hospital.example/book?lang=en&prm-booking=${b.booking.id}&prm-token=${b.manageToken}`);
      assert.ok(!e.description.includes(old.manageToken));
    });
  });
}
