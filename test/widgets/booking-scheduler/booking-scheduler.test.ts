import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/booking-scheduler/define.js';
import { until } from '../../core/fixtures/setup.js';
import { $, $$, active, book, bookingsAt, breakHolds, buttonWith, fill, firstDayTimes, fresh, intercept, mount, text, toTimes } from './helpers.js';

// Everything here talks to the real reference server (mounted at /v1 by web-test-runner), except
// where a test deliberately breaks the network or an answer (offline, lost response, 500, 429).

declare const Temporal: {
  Instant: { from(s: string): { toZonedDateTimeISO(z: string): { hour: number; minute: number; day: number } } };
};

describe('<prm-booking-scheduler> against the reference server', function () {
  this.timeout(90_000);
  before(async () => {
    expect((await fetch('/v1/booking/services', { headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } })).status).to.equal(200);
  });
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });
  afterEach(async () => {
    document.documentElement.removeAttribute('lang');
    await executeServerCommand('emulate-timezone', { timeZone: '' });
  });

  it('books end to end by mouse: services, doctors, month grid, times, held form, confirmation with calendar links; events; axe clean in each step', async () => {
    const events: string[] = [];
    const on = (e: Event) => events.push(e.type);
    const names = ['prm-booking-view', 'prm-booking-service-select', 'prm-booking-slot-select', 'prm-booking-submit', 'prm-booking-success'];
    for (const t of names) document.addEventListener(t, on);
    const el = await mount();
    await expect(el).to.be.accessible();
    expect($$(el, '[part=services] .choice').length).to.equal(3);
    expect(text($(el, '[part=services]'))).to.include('Free of charge').and.include('€50');
    buttonWith(el, 'Video consultation')!.click();
    await until(() => !!$(el, '[part=doctors]'));
    await expect(el).to.be.accessible();
    expect($$(el, '[part=doctors] img.photo').length).to.equal(7);
    await toTimes(el, 'Dr. Elif Aydın');
    await expect(el).to.be.accessible();
    // The grid's roving tab stop is on a day with availability; only the chosen day's times are in the DOM.
    expect($(el, 'td[tabindex="0"]')!.classList.contains('avail')).to.equal(true);
    expect($$(el, '.slot').length).to.be.within(1, 100);
    const start = $(el, '.slot')!.dataset['start']!;
    $(el, '.slot')!.click();
    await until(() => !!$(el, '#f-name') && !!$(el, '[part=hold] strong'), 10_000);
    expect(text($(el, '[part=hold]'))).to.match(/holding this time for you for \d:\d\d/);
    await fill(el);
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => !!$(el, '[part=success]'), 15_000);
    await expect(el).to.be.accessible();
    const done = $(el, '[part=success]')!;
    expect(text(done)).to.include('Your time').and.include('Clinic time').and.include('(Türkiye Standard Time)').and.not.include('Europe/Istanbul');
    const ics = $$<HTMLAnchorElement>(el, '[part=success] a')[0]!;
    const r = await fetch(ics.href);
    expect(r.headers.get('content-type')).to.include('text/calendar');
    expect(await r.text()).to.include('SEQUENCE:0');
    expect($$<HTMLAnchorElement>(el, '[part=success] a').map((a) => new URL(a.href).host)).to.include.members(['calendar.google.com', 'outlook.live.com']);
    expect(await bookingsAt(start, 'dr-aydin')).to.equal(1);
    expect(events).to.deep.equal(names);
    for (const t of names) document.removeEventListener(t, on);
  });

  for (const zone of ['Asia/Kolkata', 'America/New_York', 'Pacific/Kiritimati']) {
    it(`with the browser in ${zone}: the times a patient sees are that zone's wall clock, grouped by its days`, async () => {
      await executeServerCommand('emulate-timezone', { timeZone: zone });
      // Chromium reports Kolkata by its older canonical id, Asia/Calcutta: the same zone.
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.be.oneOf(zone === 'Asia/Kolkata' ? [zone, 'Asia/Calcutta'] : [zone]);
      const el = await mount({ service: 'video-consultation', doctor: 'dr-demir' });
      await until(() => !!$(el, 'td.avail'), 15_000);
      expect(text($(el, '[part=zone]'))).to.match(new RegExp(zone === 'Asia/Kolkata' ? 'Kolkata|Calcutta' : zone.split('/')[1]!.replace('_', ' ')));
      $<HTMLElement>(el, 'td.avail')!.click();
      await until(() => $$(el, '.slot').length > 0);
      const day = $<HTMLElement>(el, 'td.sel')!.dataset['day']!;
      for (const b of $$(el, '.slot')) {
        const t = Temporal.Instant.from(b.dataset['start']!).toZonedDateTimeISO(zone);
        const h12 = t.hour % 12 || 12;
        expect(text(b.querySelector('.t'))).to.include(`${h12}:${String(t.minute).padStart(2, '0')}`);
        expect(text(b.querySelector('.t'))).to.include(t.hour < 12 ? 'AM' : 'PM');
        expect(t.day).to.equal(Number(day.slice(8)));
      }
    });
  }

  it('keyboard only: Tab, Enter, arrows and Page keys through the grid, Space on consent; focus never lost', async () => {
    const el = await mount({ service: 'video-consultation' });
    const tabTo = async (sel: string, max = 40) => {
      for (let i = 0; i < max; i++) {
        if (active(el)?.matches(sel)) return active(el)!;
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
      }
      throw new Error(`Tab never reached ${sel}; focus on ${active(el)?.outerHTML.slice(0, 100)}`);
    };
    await tabTo('.choice');
    expect(text(active(el))).to.include('First available');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'date-title');
    await until(() => !!$(el, 'td.avail'), 15_000);
    const cell = await tabTo('td[tabindex="0"]');
    const startDay = cell.dataset['day']!;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await until(() => active(el)?.dataset['day'] !== startDay);
    const week = active(el)!.dataset['day']!;
    expect((Date.parse(week) - Date.parse(startDay)) / 86_400_000).to.equal(7);
    await sendKeys({ press: 'PageDown' });
    await until(() => active(el)?.dataset['day']?.slice(0, 7) !== week.slice(0, 7));
    // The next month's times arrive while the patient is on the grid: focus stays on the day.
    await until(() => el.slots.value?.slots.some((x) => x.start.slice(0, 7) === active(el)?.dataset['day']?.slice(0, 7)) ?? false, 10_000);
    await el.updateComplete;
    expect(active(el)?.dataset['day']?.slice(8)).to.equal(week.slice(8));
    await sendKeys({ press: 'PageUp' });
    await until(() => active(el)?.dataset['day']?.slice(0, 7) === week.slice(0, 7));
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    // Back to a day with times, then choose it with Enter.
    while (!active(el)!.classList.contains('avail')) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
    }
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'slots-title');
    await tabTo('.slot');
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#f-name'), 10_000);
    await tabTo('#f-name');
    await sendKeys({ type: 'Keyboard Patient' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'kb@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨' }); // Arabic-Indic digits are digits
    await tabTo('#f-consent');
    await sendKeys({ press: 'Space' });
    await tabTo('button[type=submit]');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'done-title', 15_000);
  });

  it('Arabic: right-to-left, the week runs from the right, ArrowLeft goes to the next day', async () => {
    document.documentElement.lang = 'ar';
    const el = await mount({ service: 'video-consultation', doctor: 'any' });
    await until(() => !!$(el, 'td.avail'), 15_000);
    const ths = $$(el, '.grid th');
    expect(ths[0]!.getBoundingClientRect().left).to.be.greaterThan(ths[6]!.getBoundingClientRect().left);
    const f = $<HTMLElement>(el, 'td[tabindex="0"]')!;
    f.focus();
    const day = f.dataset['day']!;
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => active(el)?.dataset['day'] !== day);
    expect(Date.parse(active(el)!.dataset['day']!) - Date.parse(day)).to.equal(86_400_000);
    await expect(el).to.be.accessible();
  });

  it('Arabic: each doctor\'s languages read as an Arabic list (its own conjunction, no Latin comma)', async () => {
    document.documentElement.lang = 'ar';
    const el = await mount({ service: 'video-consultation' });
    await until(() => !!$(el, '[part=doctors] .doctor'), 15_000);
    const speaks = $$(el, '[part=doctors] .doctor .choice-meta:last-child').map(text);
    expect(speaks.length).to.equal(7);
    for (const line of speaks) {
      expect(line, line).not.to.include(',');
      // Three or four languages: "التركية والإنجليزية والألمانية"
      expect(line, line).to.match(/ و\S/);
    }
  });

  it('the details step: an empty name, email and WhatsApp number each say what to enter; in Arabic the date and time are joined as Arabic joins them', async () => {
    const el = await mount({ service: 'video-consultation' });
    await toTimes(el, 'Dr. Elif Aydın');
    $(el, '.slot')!.click();
    await until(() => !!$(el, '#f-name'), 10_000);
    $$<HTMLInputElement>(el, 'input[name=channel]').find((r) => r.value === 'whatsapp')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => !!$(el, '#e-name'), 5000);
    expect(text($(el, '#e-name'))).to.equal('Please enter your name.');
    expect(text($(el, '#e-email'))).to.equal('Please enter your email address.');
    expect(text($(el, '#e-phone'))).to.equal('Please enter a phone number, or choose email as the way to reach you.');
    // The same step in Arabic: "الأربعاء، 2 ديسمبر 2026 في 6:00 ص", no Latin comma before the time.
    el.setAttribute('locale', 'ar');
    await until(() => /[\u0600-\u06ff]/.test(text($(el, '[part=details] dl, dl'))), 10_000);
    const when = $$(el, 'dl dd').map(text);
    expect(when.length).to.be.greaterThan(0);
    for (const w of when) expect(w, w).not.to.match(/\d, \d|, \d{1,2}:\d\d/);
  });

  it('two instances race for one slot with holds broken: exactly one confirms, the other keeps the form and gets alternatives', async () => {
    const restore = breakHolds();
    try {
      const a = await mount({ service: 'video-consultation', doctor: 'dr-petrova' });
      const b = await mount({ service: 'video-consultation', doctor: 'dr-petrova' });
      for (const el of [a, b]) {
        await firstDayTimes(el);
      }
      const start = $(a, '.slot')!.dataset['start']!;
      expect($(b, '.slot')!.dataset['start']).to.equal(start);
      $(a, '.slot')!.click();
      $(b, '.slot')!.click();
      await fill(a, { name: 'Racer A', email: 'a@example.com' });
      await fill(b, { name: 'Racer B', email: 'b@example.com' });
      let conflicts = 0;
      const onConflict = () => conflicts++;
      document.addEventListener('prm-booking-conflict', onConflict);
      $<HTMLFormElement>(a, 'form')!.requestSubmit();
      $<HTMLFormElement>(b, 'form')!.requestSubmit();
      await until(() => [a, b].every((el) => !!$(el, '[part=success]') || !!$(el, '[part=alternatives] .slot')), 20_000);
      document.removeEventListener('prm-booking-conflict', onConflict);
      const winners = [a, b].filter((el) => $(el, '[part=success]'));
      expect(winners.length).to.equal(1);
      const loser = winners[0] === a ? b : a;
      expect(conflicts).to.equal(1);
      expect($<HTMLInputElement>(loser, '#f-name')!.value).to.match(/^Racer [AB]$/);
      expect($<HTMLInputElement>(loser, '#f-consent')!.checked).to.equal(true);
      // Up to three with the same doctor, then up to three with another doctor.
      expect($$(loser, '[part=alternatives] .slot').length).to.be.within(1, 6);
      expect(await bookingsAt(start, 'dr-petrova')).to.equal(1);
      await expect(loser).to.be.accessible();
    } finally {
      restore();
    }
  });

  const failures: [string, (req: Request, real: (r: Request) => Promise<Response>, n: number) => Promise<Response | undefined>][] = [
    ['offline at submit', async (_req, _real, k) => (k === 1 ? Promise.reject(new TypeError('Failed to fetch')) : undefined)],
    [
      'the answer lost after the server stored the booking',
      async (req, real, k) => {
        if (k > 1) return undefined;
        await real(req);
        throw new TypeError('Failed to fetch');
      },
    ],
    ['a 500, then success', async (_req, _real, k) => (k === 1 ? new Response('{"error":{"code":"internal","message":"boom"}}', { status: 500, headers: { 'Content-Type': 'application/json' } }) : undefined)],
    ['a 429 with Retry-After: 1', async (_req, _real, k) => (k === 1 ? new Response('{"error":{"code":"rate_limited","message":"slow down"}}', { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '1' } }) : undefined)],
  ];
  const doctors = ['dr-kaya', 'dr-schneider', 'dr-haddad', 'dr-ozturk'];
  failures.forEach(([label, fail], i) => {
    it(`${label}: exactly one booking, and the patient sees it confirmed`, async () => {
      const el = await mount({ service: 'video-consultation', doctor: doctors[i]! });
      await firstDayTimes(el);
      const start = $(el, '.slot')!.dataset['start']!;
      $(el, '.slot')!.click();
      await fill(el);
      const keys: (string | null)[] = [];
      const restore = intercept(async (req, real, k) => {
        if (new URL(req.url).pathname !== '/v1/bookings') return undefined;
        keys.push(req.headers.get('Idempotency-Key'));
        return fail(req, real, k);
      });
      try {
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        await until(() => !!$(el, '[part=success]'), 30_000);
      } finally {
        restore();
      }
      expect(keys.length).to.be.at.least(2);
      expect(new Set(keys).size).to.equal(1);
      expect(await bookingsAt(start, doctors[i]!)).to.equal(1);
    });
  });

  it('manage link: shows the booking in both zones, cancels it and says so; a wrong token is an error with retry', async () => {
    const link = await book('dr-demir', 'in-person-consultation');
    const m = await mount(link);
    await until(() => !!$(m, '[part=manage]'), 10_000);
    expect(text($(m, '[part=manage]'))).to.include('Your time').and.include('Clinic time');
    await expect(m).to.be.accessible();
    // Reschedule: the same grid, another time, the same guarantees; the calendar file's SEQUENCE goes up.
    const moved = new Promise<CustomEvent<{ id: string; from: string; to: string }>>((r) => m.addEventListener('prm-booking-reschedule', (e) => r(e as never), { once: true }));
    buttonWith(m, 'Choose another time')!.click();
    await firstDayTimes(m, 2);
    $$(m, '.slot').at(-1)!.click();
    await until(() => !!buttonWith(m, 'Move my booking to this time'), 10_000);
    buttonWith(m, 'Move my booking to this time')!.click();
    const ev = (await moved).detail;
    expect(ev.to).to.not.equal(ev.from);
    await until(() => !!$(m, '[part=manage]'), 10_000);
    const ics = await (await fetch($$<HTMLAnchorElement>(m, '[part=manage] a')[0]!.href)).text();
    expect(ics).to.include('SEQUENCE:1').and.include(`DTSTART:${ev.to.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    buttonWith(m, 'Cancel booking')!.click();
    await m.updateComplete;
    buttonWith(m, 'Yes, cancel it')!.click();
    await until(() => text($(m, '[part=manage]')).includes('This booking is cancelled.'), 10_000);
    const bad = await mount({ booking: link.booking, token: 'x'.repeat(32) });
    await until(() => !!$(bad, '[part=error]'), 10_000);
    expect(buttonWith(bad, 'Try again')).to.not.equal(undefined);
  });

  it('a backend answering garbage or 500 gives an error state with a retry, never a blank box', async () => {
    const restore = intercept(async (req, _real, k) => {
      const p = new URL(req.url).pathname;
      if (p === '/v1/booking/services' && k === 1) return new Response('{"services":"nope"}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      return undefined;
    });
    try {
      const el = await mount();
      expect($(el, '[part=error]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      buttonWith(el, 'Try again')!.click();
      await until(() => !!$(el, '[part=services]'), 10_000);
    } finally {
      restore();
    }
  });
});
