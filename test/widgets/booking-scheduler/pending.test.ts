import { expect } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import { fakeOnLine, until } from '../../core/fixtures/setup.js';
import { $, book, bookingsAt, buttonWith, fill, firstDayTimes, fresh, intercept, mount, text, type El } from './helpers.js';

// Audit findings of issue 11 (s10): what a patient loses or is misled by, against the real
// reference server mounted at /v1.

const STORE = 'prm-submit:booking:pk_demo_aurora';

/** Books with POST /v1/bookings failing: the booking waits in the queue (its #pending notice shows). */
async function sendWhileDown(el: El): Promise<void> {
  const down = intercept(async (req) => (new URL(req.url).pathname === '/v1/bookings' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
  try {
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => !!$(el, '#pending'), 30_000);
  } finally {
    down();
  }
}

describe('<prm-booking-scheduler>: audit findings', function () {
  this.timeout(120_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('a booking left pending is shown after a reload (service, doctor, time in the patient zone) and sent with its key once, ending on its confirmation; no Back to pick another time meanwhile', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'dr-haddad' });
    await firstDayTimes(el);
    const start = $(el, '.slot')!.dataset['start']!;
    $(el, '.slot')!.click();
    await fill(el, { name: 'Rana Reload' });
    const when = text($(el, '.summary dl'));
    await sendWhileDown(el);
    const key = (JSON.parse(sessionStorage.getItem(STORE)!) as { key: string }[])[0]!.key;
    el.parentElement!.remove(); // the reload: the page's scheduler mounts again in this tab
    fresh();

    // The first attempt after the reload fails too (server 500): the patient sees what is waiting.
    const keys: (string | null)[] = [];
    let broken = true;
    const net = intercept(async (req) => {
      if (new URL(req.url).pathname !== '/v1/bookings' || req.method !== 'POST') return undefined;
      keys.push(req.headers.get('Idempotency-Key'));
      return broken ? new Response('{"error":{"code":"internal","message":"boom"}}', { status: 500, headers: { 'Content-Type': 'application/json' } }) : undefined;
    });
    try {
      const el2 = await mount({ service: 'video-consultation', doctor: 'dr-haddad' });
      await until(() => !!$(el2, '#pending'), 30_000);
      expect(text($(el2, '#what')), 'what is waiting: the service and doctor').to.include('Video consultation').and.include('Haddad');
      expect(text($(el2, '.summary dl')), 'and its time, in both zones, as it was shown').to.equal(when);
      expect($<HTMLInputElement>(el2, '#f-name')!.value, 'the form as it was sent').to.equal('Rana Reload');
      expect(text($(el2, '#pending'))).to.include('Saved, not sent yet');
      expect(buttonWith(el2, 'Back'), 'no way to a new time in place of the waiting booking').to.equal(undefined);
      broken = false;
      buttonWith(el2, 'Try again now')!.click();
      await until(() => !!$(el2, '[part=success]'), 30_000);
      expect(text($(el2, '[part=success] dl'))).to.equal(when);
      expect(keys.length).to.be.greaterThan(1);
      expect(new Set(keys), 'every attempt with the key of the submission before the reload').to.deep.equal(new Set([key]));
      expect(await bookingsAt(start, 'dr-haddad')).to.equal(1);
      expect(sessionStorage.getItem(STORE), 'nothing left to send').to.equal(null);
    } finally {
      net();
    }
  });

  it('a booking left pending whose time was taken meanwhile: after the reload, the usual conflict (form kept, alternatives), never a confirmation', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'dr-haddad' });
    await firstDayTimes(el, 2);
    const start = $(el, '.slot')!.dataset['start']!;
    $(el, '.slot')!.click();
    await fill(el, { name: 'Rana Taken' });
    await sendWhileDown(el);
    el.parentElement!.remove();
    // Someone else books that time while this tab is closed.
    const body = (JSON.parse(sessionStorage.getItem(STORE)!) as { body: Record<string, unknown> }[])[0]!.body;
    const other = await fetch('/v1/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PRM-Clinic': 'pk_demo_aurora', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ ...body, contact: { name: 'Other Patient', email: 'other@example.com' } }), // the same hold session, so the hold does not stop it
    });
    expect(other.status).to.equal(201);
    fresh();
    const el2 = await mount({ service: 'video-consultation', doctor: 'dr-haddad' });
    await until(() => !!$(el2, '#conflict-title'), 30_000);
    expect($(el2, '[part=success]')).to.equal(null);
    expect($<HTMLInputElement>(el2, '#f-name')!.value).to.equal('Rana Taken');
    await until(() => !!$(el2, '[part=alternatives] .slot'), 15_000);
    expect($(el2, `[part=alternatives] .slot[data-start="${start}"][data-doctor="dr-haddad"]`)).to.equal(null);
    expect(await bookingsAt(start, 'dr-haddad')).to.equal(1);
    expect(sessionStorage.getItem(STORE)).to.equal(null);
  });

  it('"Speaks: Arabic" reaches "First available doctor": its wording names the language, and the times, the hold and the booking are with a doctor who speaks Arabic', async () => {
    const asked: string[] = [];
    const net = intercept(async (req) => {
      const u = new URL(req.url);
      if (u.pathname === '/v1/booking/slots') asked.push(u.search);
      if (u.pathname === '/v1/booking/holds' || u.pathname === '/v1/bookings') asked.push(`${u.pathname} ${await req.clone().text()}`);
      return undefined;
    });
    try {
      const el = await mount({ service: 'video-consultation' });
      const select = $<HTMLSelectElement>(el, '[part=doctors] select')!;
      select.value = 'ar';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(text(buttonWith(el, 'First available')!)).to.include('any doctor who speaks Arabic');
      buttonWith(el, 'First available')!.click();
      await firstDayTimes(el);
      expect(asked.length).to.be.greaterThan(0);
      expect(asked.every((q) => new URLSearchParams(q).get('language') === 'ar'), 'every slots request asks for Arabic speakers').to.equal(true);
      $(el, '.slot')!.click();
      await fill(el);
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await until(() => !!$(el, '[part=success]'), 30_000);
      expect(asked.filter((a) => a.startsWith('/v1/')).every((a) => JSON.parse(a.slice(a.indexOf(' ') + 1)).language === 'ar'), 'hold and booking ask for Arabic').to.equal(true);
      const who = text($(el, '[part=success] p'));
      expect(who.includes('Kaya') || who.includes('Haddad'), who).to.equal(true);
    } finally {
      net();
    }
  });

  it('a doctor with no free time in the whole bookable window: said plainly (not "try the next month" months ahead), with "choose another doctor" and "first available"; axe clean', async () => {
    // The demo seed has no fully booked doctor: Dr. Haddad's answers are the server's own, emptied.
    const asked: string[] = [];
    const net = intercept(async (req, real) => {
      const u = new URL(req.url);
      if (u.pathname !== '/v1/booking/slots') return undefined;
      asked.push(u.searchParams.get('doctor')!);
      if (u.searchParams.get('doctor') !== 'dr-haddad') return undefined;
      const body = (await (await real(req)).json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, slots: [] }), { headers: { 'Content-Type': 'application/json' } });
    });
    try {
      const el = await mount({ service: 'video-consultation' });
      buttonWith(el, 'Haddad')!.click();
      await until(() => !!$(el, '[part=empty]'), 30_000);
      expect(text($(el, '[part=empty]')).replace(/[\u2066-\u2069]/g, '')).to.include('Dr. Omar Haddad has no free times in the next 17 weeks.');
      expect($(el, '[part=calendar]'), 'no empty grid months ahead').to.equal(null);
      expect(text(el.shadowRoot!.querySelector('section'))).not.to.include('Try the next month');
      await expect(el).to.be.accessible();
      buttonWith(el, 'Choose another doctor')!.click();
      await until(() => !!$(el, '[part=doctors]'));
      buttonWith(el, 'Haddad')!.click();
      await until(() => !!$(el, '[part=empty]'), 30_000);
      buttonWith(el, 'First available doctor')!.click();
      await until(() => !!$(el, 'td.avail'), 30_000);
      expect($(el, '[part=empty]')).to.equal(null);
      expect(asked.at(-1)).to.equal('any');
    } finally {
      net();
    }
  });

  it('cancel goes through the queue: offline it is kept and said so (not "check your connection" and dropped); back online it is sent once with its key; prm-booking-cancel fires once', async () => {
    const { booking, token } = await book('dr-petrova');
    fresh();
    let online = false;
    const keys: (string | null)[] = [];
    const unfake = fakeOnLine(() => online);
    const net = intercept(async (req) => {
      if (req.method !== 'DELETE') return undefined;
      keys.push(req.headers.get('Idempotency-Key'));
      return online ? undefined : Promise.reject(new TypeError('Failed to fetch'));
    });
    const cancels: unknown[] = [];
    const on = (e: Event) => cancels.push((e as CustomEvent).detail);
    document.addEventListener('prm-booking-cancel', on);
    try {
      const el = await mount({ booking, token });
      await until(() => !!buttonWith(el, 'Cancel booking'), 15_000);
      buttonWith(el, 'Cancel booking')!.click();
      await el.updateComplete;
      buttonWith(el, 'Yes, cancel it')!.click();
      await until(() => !!$(el, '#pending'), 15_000);
      expect(text($(el, '#pending'))).to.include('You seem to be offline').and.include('will be sent automatically');
      expect(text($(el, '[part=manage]'))).not.to.include('This booking is cancelled');
      expect(cancels).to.deep.equal([]);
      online = true;
      window.dispatchEvent(new Event('online'));
      await until(() => text($(el, '[part=manage]')).includes('This booking is cancelled'), 15_000);
      expect(cancels).to.deep.equal([{ id: booking }]);
      expect(new Set(keys).size, 'one key for every attempt').to.equal(1);
      expect(keys.filter(Boolean).length).to.equal(keys.length);
      const r = await fetch(`/v1/bookings/${booking}?token=${encodeURIComponent(token)}`, { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } });
      expect(((await r.json()) as { booking: { status: string } }).booking.status).to.equal('cancelled');
    } finally {
      document.removeEventListener('prm-booking-cancel', on);
      net();
      unfake();
    }
  });
});
