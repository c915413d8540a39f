import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/booking-scheduler/define.js';
import { until } from '../../core/fixtures/setup.js';
import { $, $$, active, bookingsAt, breakHolds, buttonWith, fill, firstDayTimes, fresh, intercept, mount, text } from './helpers.js';

// Defects found by a patient-style review (/tmp/review-booking/report.md), each checked as the
// patient would notice it, against the real reference server mounted at /v1.

describe('<prm-booking-scheduler>: what the patient is told stays true', function () {
  this.timeout(90_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('a video consultation less than a day away: the confirmation promises no "24 hours before", and names WhatsApp when the patient chose it', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'any' });
    await firstDayTimes(el);
    const start = $(el, '.slot')!.dataset['start']!;
    // Some doctor works every day, from now + 2 h: the earliest time is always within a day.
    expect(Date.parse(start) - Date.now(), start).to.be.below(24 * 3600_000);
    $(el, '.slot')!.click();
    await fill(el);
    $$<HTMLInputElement>(el, 'input[name=channel]').find((r) => r.value === 'whatsapp')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => !!$(el, '[part=success]'), 15_000);
    const done = text($(el, '[part=success]'));
    expect(done).not.to.include('24 hours');
    expect(done).not.to.include('by email');
    expect(done).to.include('The video link arrives on WhatsApp before the consultation.');
  });

  it('manage from another zone: the booking, the new time chosen and the moved booking all read in the zone the patient is in now; a cancelled booking offers its .ics to remove the event', async () => {
    // Booked from Tokyo…
    const a = await mount({ service: 'video-consultation', doctor: 'dr-aydin', 'time-zone': 'Asia/Tokyo' });
    await firstDayTimes(a);
    $(a, '.slot')!.click();
    await fill(a);
    $<HTMLFormElement>(a, 'form')!.requestSubmit();
    await until(() => !!$(a, '[part=success]'), 15_000);
    const manage = new URL($$<HTMLAnchorElement>(a, '[part=success] a').at(-1)!.href);
    a.parentElement!.remove();
    // …managed from New York.
    const m = await mount({ booking: manage.searchParams.get('prm-booking')!, token: manage.searchParams.get('prm-token')!, 'time-zone': 'America/New_York' });
    await until(() => !!$(m, '[part=manage] dd'), 10_000);
    // The zone by its name in the patient's language, not its id.
    expect(text($(m, '[part=manage] dd'))).to.include('(Eastern Time)').and.not.include('Japan').and.not.include('America/New_York');
    buttonWith(m, 'Choose another time')!.click();
    await firstDayTimes(m, 2);
    $$(m, '.slot').at(-1)!.click();
    await until(() => !!buttonWith(m, 'Move my booking to this time'), 10_000);
    const chosen = text($(m, '.summary dd'));
    expect(chosen).to.include('Eastern Time');
    buttonWith(m, 'Move my booking to this time')!.click();
    await until(() => !!$(m, '[part=manage] dd'), 10_000);
    expect(text($(m, '[part=manage] dd'))).to.equal(chosen);
    // The move carried the zone: the calendar file's "Your time" reads in New York too.
    const movedIcs = await (await fetch($$<HTMLAnchorElement>(m, '[part=manage] a').find((x) => text(x).includes('.ics'))!.href)).text();
    expect(movedIcs.replace(/\r\n /g, '')).to.include('(Eastern Time)');
    // Cancel: the calendar file that removes the event is offered.
    buttonWith(m, 'Cancel booking')!.click();
    await m.updateComplete;
    buttonWith(m, 'Yes, cancel it')!.click();
    await until(() => text($(m, '[part=manage]')).includes('This booking is cancelled.'), 10_000);
    const ics = $$<HTMLAnchorElement>(m, '[part=manage] a').find((x) => text(x).includes('.ics'));
    expect(ics, 'a calendar file after cancelling').to.not.equal(undefined);
    expect(text(ics!)).to.include('Remove from your calendar');
    const body = await (await fetch(ics!.href)).text();
    expect(body).to.include('METHOD:CANCEL').and.include('STATUS:CANCELLED');
  });

  it('after a 409: no "you can still book it" above "someone has just booked this time"; alternatives show the clinic time, the same doctor first, then another doctor by name; choosing that one books with that doctor', async () => {
    const restore = breakHolds();
    try {
      const a = await mount({ service: 'video-consultation', doctor: 'dr-petrova' });
      const b = await mount({ service: 'video-consultation', doctor: 'dr-petrova' });
      for (const el of [a, b]) {
        await firstDayTimes(el);
        $(el, '.slot')!.click();
        await fill(el);
      }
      $<HTMLFormElement>(a, 'form')!.requestSubmit();
      await until(() => !!$(a, '[part=success]'), 15_000);
      $<HTMLFormElement>(b, 'form')!.requestSubmit();
      await until(() => $$(b, '[part=alternatives] .slot').length > 0, 15_000);
      expect(text($(b, '[part=alternatives]'))).to.include('someone has just booked this time');
      expect(text($(b, '[part=details], .step'))).not.to.include('you can still book it');
      const alts = $$<HTMLButtonElement>(b, '[part=alternatives] .slot');
      for (const x of alts) expect(text(x.querySelector('.c')), text(x)).to.match(/^clinic \d/);
      const doctors = alts.map((x) => x.dataset['doctor']);
      expect(doctors[0]).to.equal('dr-petrova');
      const other = alts.find((x) => x.dataset['doctor'] !== 'dr-petrova');
      expect(other, 'an alternative with another doctor').to.not.equal(undefined);
      expect(doctors.lastIndexOf('dr-petrova')).to.be.below(doctors.indexOf(other!.dataset['doctor']));
      const name = /with (.+)$/.exec(text(other!))![1]!;
      const [start, doctor] = [other!.dataset['start']!, other!.dataset['doctor']!];
      other!.click();
      await until(() => !!$(b, '#f-name') && !$(b, '[part=alternatives]'), 10_000);
      expect($<HTMLInputElement>(b, '#f-name')!.value).to.equal('Ana Test');
      $<HTMLFormElement>(b, 'form')!.requestSubmit();
      await until(() => !!$(b, '[part=success]'), 15_000);
      expect(text($(b, '[part=success]'))).to.include(name);
      expect(await bookingsAt(start, doctor)).to.equal(1);
    } finally {
      restore();
    }
  });

  it('the service step says what to prepare, under a heading, before the patient chooses (and the choice button points to it)', async () => {
    const el = await mount();
    const item = $$(el, '[part=services] .choices > li').find((li) => text(li).includes('In-person consultation'))!;
    expect(text(item.querySelector('h3'))).to.equal('What to prepare');
    expect([...item.querySelectorAll('.prepare li')].map(text)).to.include('Your passport or ID');
    const ids = item.querySelector('button')!.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => text($(el, `#${id}`))).join(' ')).to.include('Your passport or ID');
  });

  it('no broken plurals: each day with times reads "times available: N", right for 1 as for 17', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'any' });
    await until(() => !!$(el, 'td.avail'), 15_000);
    const labels = $$(el, 'td.avail .visually-hidden').map(text);
    expect(labels.length).to.be.greaterThan(0);
    for (const l of labels) expect(l, l).to.match(/, times available: \d+$/);
  });

  it('a server that cannot be reached while the browser is online is not blamed on the patient\'s connection; the retry works', async () => {
    expect(navigator.onLine).to.equal(true);
    let down = true;
    const restore = intercept(async (req) => (down && new URL(req.url).pathname === '/v1/booking/services' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    try {
      const el = await mount();
      const error = text($(el, '[part=error]'));
      expect(error).to.include('The clinic cannot be reached right now');
      expect(error).not.to.include('offline');
      expect(error).not.to.include('internet connection');
      down = false;
      buttonWith(el, 'Try again')!.click();
      await until(() => !!$(el, '[part=services]'), 10_000);
    } finally {
      restore();
    }
  });

  it('a booking kept after a 500 is shown as saved and waiting, not as "Something went wrong"', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'dr-haddad' });
    await firstDayTimes(el);
    $(el, '.slot')!.click();
    await fill(el);
    let broken = true;
    const restore = intercept(async (req) => (broken && new URL(req.url).pathname === '/v1/bookings' ? new Response('{"error":{"code":"internal","message":"boom"}}', { status: 500, headers: { 'Content-Type': 'application/json' } }) : undefined));
    try {
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await until(() => !!$(el, '#pending'), 30_000);
      expect(text($(el, '#pending'))).to.include('Saved, not sent yet').and.include('saved in this tab').and.not.include('went wrong');
      broken = false;
      buttonWith(el, 'Try again now')!.click();
      await until(() => !!$(el, '[part=success]'), 30_000);
    } finally {
      restore();
    }
  });

  it('the zone line gives the UTC offset of the day shown: before and after a daylight-saving change in the same month', async function () {
    const zone = 'America/New_York';
    const off = (day: string) => new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date(`${day}T17:00:00Z`)).find((p) => p.type === 'timeZoneName')!.value;
    // The next clock change in New York inside the bookable window (120 days).
    const days = Array.from({ length: 118 }, (_, i) => new Date(Date.now() + (i + 1) * 86_400_000).toISOString().slice(0, 10));
    const change = days.findIndex((d, i) => i > 0 && off(d) !== off(days[i - 1]!));
    if (change < 0) this.skip();
    const after = days[change]!;
    const el = await mount({ service: 'video-consultation', doctor: 'any', 'time-zone': zone });
    await until(() => !!$(el, 'td.avail'), 15_000);
    el.setMonth(after.slice(0, 7));
    await until(() => $$(el, 'td.avail').some((td) => td.dataset['day']!.startsWith(after.slice(0, 7))), 15_000);
    const avail = $$(el, 'td.avail').map((td) => td.dataset['day']!);
    const pick = async (day: string) => {
      $<HTMLElement>(el, `td[data-day="${day}"]`)!.click();
      await until(() => $(el, 'td.sel')?.dataset['day'] === day);
      return text($(el, '[part=zone] span'));
    };
    const before = avail.filter((d) => d < after && off(d) !== off(after)).at(-1);
    const later = avail.find((d) => d >= after);
    for (const d of [before, later]) if (d) expect(await pick(d), d).to.include(off(d).replace('-', '−'));
    expect(before ?? later, 'a day with times on one side of the change').to.not.equal(undefined);
  });

  it('Escape in the zone picker, or choosing a zone, keeps the chosen day; two schedulers on one page keep their own search text', async () => {
    const a = await mount({ service: 'video-consultation', doctor: 'any' });
    const b = await mount({ service: 'video-consultation', doctor: 'any' });
    for (const el of [a, b]) await until(() => !!$(el, 'td.avail'), 15_000);
    $<HTMLElement>(a, 'td.avail')!.click();
    await until(() => !!$(a, 'td.sel'));
    const day = $(a, 'td.sel')!.dataset['day']!;
    const heading = text($(a, '#slots-title'));
    $<HTMLButtonElement>(a, '#zone-button')!.click();
    await until(() => !!$(a, '#zone-search'), 10_000);
    $(a, '#zone-search')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !$(a, '#zone-search'));
    expect($(a, 'td.sel')?.dataset['day']).to.equal(day);
    expect(text($(a, '#slots-title'))).to.equal(heading);
    expect($$(a, '.slot').length).to.be.greaterThan(0);
    // Two pickers open at once: each keeps what was typed in it.
    $<HTMLButtonElement>(a, '#zone-button')!.click();
    await until(() => !!$(a, '#zone-search'), 10_000);
    const input = $<HTMLInputElement>(a, '#zone-search')!;
    input.value = 'Tokyo';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await a.updateComplete;
    $<HTMLButtonElement>(b, '#zone-button')!.click();
    await until(() => !!$(b, '#zone-search'), 10_000);
    expect($<HTMLInputElement>(b, '#zone-search')!.value).to.equal('');
    a.requestUpdate();
    await a.updateComplete;
    expect($<HTMLInputElement>(a, '#zone-search')!.value).to.equal('Tokyo');
    expect(text($$(a, '#zone-list [role=option]')[0]!)).to.include('Tokyo');
    // Choosing a zone from the list: the chosen day stays when it still has times there.
    $$<HTMLElement>(a, '#zone-list [role=option]')[0]!.click();
    await until(() => !$(a, '#zone-search'));
    expect(a.zone).to.equal('Asia/Tokyo');
    if ($(a, 'td.sel')) expect($(a, 'td.sel')!.dataset['day']).to.equal(day);
  });

  it('keyboard: Enter on a day without times does what a click does (nothing chosen, focus stays) and says there are no times; Tab then goes forward, not back to "Back"', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'dr-demir' });
    await until(() => !!$(el, 'td.avail'), 15_000);
    const empty = $$(el, 'td[aria-disabled="true"][data-day]').find((td) => !text(td).includes('not bookable'))!;
    expect(empty, 'a day in the window without times').to.not.equal(undefined);
    empty.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text($(el, '#grid-note')) !== '');
    expect(text($(el, '#grid-note'))).to.equal('No free times on this day.');
    expect($(el, 'td.sel'), 'no day chosen').to.equal(null);
    expect(text($(el, '#slots-title'))).to.equal('Choose a day to see its times');
    expect(active(el)).to.equal(empty);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const now = active(el);
    expect(text(now)).not.to.equal('Back');
    if (now) expect(empty.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING, now.outerHTML.slice(0, 80)).to.not.equal(0);
  });

  it('Arabic: Latin city names and UTC offsets are isolated inside the Arabic text, zones are named in Arabic; day labels join with the Arabic comma', async () => {
    document.documentElement.lang = 'ar';
    try {
      const el = await mount({ service: 'video-consultation', doctor: 'any', 'time-zone': 'Asia/Dubai' });
      await until(() => !!$(el, 'td.avail') && /[\u0600-\u06ff]/.test(text($(el, '[part=zone] span'))), 15_000);
      const line = $(el, '[part=zone] span')!.textContent!;
      expect(line).to.include('\u2068Dubai\u2069').and.include('\u2068GMT+4\u2069');
      const labels = $$(el, 'td.avail .visually-hidden').map((x) => x.textContent!);
      for (const l of labels) {
        expect(l, l).to.include('، ');
        expect(l, l).not.to.include(', ');
      }
      $<HTMLElement>(el, 'td.avail')!.click();
      await until(() => $$(el, '.slot').length > 0);
      expect(text($(el, '[part=slots] .hint'))).to.include('\u2068Istanbul\u2069');
      $(el, '.slot')!.click();
      await until(() => $$(el, '.summary dd bdi').length === 2, 10_000);
      // The zones as an Arabic reader names them ("Gulf time", "Türkiye time"), not their ids.
      expect($$(el, '.summary dd bdi').map(text)).to.deep.equal(['توقيت الخليج', 'توقيت تركيا']);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('the hold countdown starts at the hold\'s length, even when the page was opened long before the time was picked', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'any' });
    await firstDayTimes(el);
    // The patient reads the times for a while before choosing one.
    await new Promise((r) => setTimeout(r, 4000));
    $(el, '.slot')!.click();
    await until(() => !!$(el, '[part=hold] strong'), 10_000);
    const [m, sec] = text($(el, '[part=hold] strong')).split(':').map(Number);
    expect(m! * 60 + sec!, text($(el, '[part=hold] strong'))).to.be.at.most(8 * 60);
  });
});
