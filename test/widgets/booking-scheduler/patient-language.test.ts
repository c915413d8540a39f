import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../../../src/widgets/booking-scheduler/define.js';
import { until } from '../../core/fixtures/setup.js';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, active, fill, firstDayTimes, fresh, mount, text } from './helpers.js';

// What an Arabic-speaking patient reads and types: the time-zone search, the confirmation, the
// calendar file it offers and the manage view, against the real reference server mounted at /v1.

/** An IANA id as it would leak into text: "Asia/Dubai", "America/New_York". */
const ZONE_ID = /\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+/;

describe('<prm-booking-scheduler> in the patient\'s language: zone search, confirmation, calendar file', function () {
  this.timeout(90_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
    document.documentElement.lang = 'ar';
  });
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('Arabic from Dubai: zones named in Arabic, no ids; the .ics reads Arabic and carries the confirmation\'s manage link, which opens the manage view', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'any', 'time-zone': 'Asia/Dubai' });
    await firstDayTimes(el);
    $(el, '.slot')!.click();
    await fill(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await until(() => !!$(el, '[part=success]'), 15_000);
    const done = text($(el, '[part=success]'));
    expect(done).not.to.match(ZONE_ID);
    expect($$(el, '[part=success] dd bdi').map(text)).to.deep.equal(['توقيت الخليج', 'توقيت تركيا']);
    await expect(el).to.be.accessible();

    const links = $$<HTMLAnchorElement>(el, '[part=success] a');
    const manage = links.at(-1)!.href;
    expect(new URL(manage).searchParams.get('prm-token')).to.match(/\S{16,}/);
    const ics = await (await fetch(links.find((a) => a.hasAttribute('download'))!.href)).text();
    const ve = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const description = String(ve.getFirstPropertyValue('description'));
    expect(description).to.include('رقم الحجز').and.include('توقيتك').and.include('(توقيت الخليج)').and.include('(توقيت تركيا)');
    expect(description).not.to.match(ZONE_ID);
    expect(description).not.to.include('Booking reference');
    // The same link the confirmation offers, in the description and as the event's URL.
    expect(description).to.include(`لتعديل هذا الحجز أو إلغائه: ${manage}`);
    expect(ve.getFirstPropertyValue('url')).to.equal(manage);
    expect(ve.getFirstPropertyValue('location')).to.equal('مكالمة فيديو');
    // Google Calendar's and Outlook's events carry it too.
    const google = new URL(links.find((a) => a.host === 'calendar.google.com')!.href).searchParams.get('details')!;
    const outlook = new URL(links.find((a) => a.host === 'outlook.live.com')!.href).searchParams.get('body')!;
    for (const d of [google, outlook]) expect(d).to.include('رقم الحجز').and.include(`تعديل هذا الحجز أو إلغاؤه\n${manage}`);
    el.parentElement!.remove();

    // The link opens the booking in manage mode, zones still by name.
    const u = new URL(manage);
    const m = await mount({ booking: u.searchParams.get('prm-booking')!, token: u.searchParams.get('prm-token')!, 'time-zone': 'Asia/Dubai' });
    await until(() => !!$(m, '[part=manage] dd'), 10_000);
    expect(text($(m, '[part=manage]'))).not.to.match(ZONE_ID);
    expect($$(m, '[part=manage] dd bdi').map(text)).to.deep.equal(['توقيت الخليج', 'توقيت تركيا']);
    await expect(m).to.be.accessible();
  });

  it('the time-zone search finds New York typed in Arabic letters ("نيويورك"), by keyboard', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'any', 'time-zone': 'Asia/Dubai' });
    await until(() => !!$(el, 'td.avail'), 15_000);
    $<HTMLButtonElement>(el, '#zone-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'zone-search', 10_000);
    await sendKeys({ type: 'نيويورك' });
    await until(() => $$(el, '#zone-list [role=option]').length === 1);
    expect(text($(el, '#zone-list [role=option]'))).to.include('New York');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'zone-button');
    expect(el.zone).to.equal('America/New_York');
  });
});
