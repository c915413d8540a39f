import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/booking-scheduler/define.js';
import '../../../src/widgets/quote-calculator/define.js';
import { until } from '../../core/fixtures/setup.js';
import { $, $$, active, book, buttonWith, firstDayTimes, fresh, intercept, mount, text, type El } from './helpers.js';

// Manage mode after a lost answer, a past booking, the hold's announcements and the contact a
// patient gave in a quote on the same page: against the real reference server, except where a
// test deliberately loses an answer or shortens a hold the server granted.

describe('<prm-booking-scheduler>: manage mode, holds and quote hand-off', function () {
  this.timeout(90_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('a reschedule whose answer is lost is sent again with the same Idempotency-Key: moved once, .ics SEQUENCE 1', async () => {
    const ids = await book('dr-aydin');
    const m = await mount(ids);
    await until(() => !!$(m, '[part=manage]'), 10_000);
    buttonWith(m, 'Choose another time')!.click();
    await firstDayTimes(m, 2);
    $$(m, '.slot').at(-1)!.click();
    await until(() => !!buttonWith(m, 'Move my booking to this time'), 10_000);
    const keys: (string | null)[] = [];
    const restore = intercept(async (req, real) => {
      if (req.method !== 'PATCH') return undefined;
      keys.push(req.headers.get('Idempotency-Key'));
      if (keys.length > 1) return undefined;
      await real(req); // the server moved it; the answer never arrives
      throw new TypeError('Failed to fetch');
    });
    try {
      const moved = oneEvent(m, 'prm-booking-reschedule');
      buttonWith(m, 'Move my booking to this time')!.click();
      const ev = (await moved).detail;
      expect(ev.to).to.not.equal(ev.from);
      await until(() => !!$(m, '[part=manage]'), 10_000);
      expect(keys.length).to.be.at.least(2);
      expect(new Set(keys).size, 'every attempt carries the same key').to.equal(1);
      expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
      const ics = await (await fetch($$<HTMLAnchorElement>(m, '[part=manage] a')[0]!.href)).text();
      expect(ics).to.include('SEQUENCE:1').and.not.include('SEQUENCE:2');
      expect(ics).to.include(`DTSTART:${ev.to.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
      expect(sessionStorage.length, 'nothing left pending in the tab').to.equal(0);
    } finally {
      restore();
    }
  });

  it('a past booking: says it took place, offers no reschedule or cancel, offers a new booking; axe clean', async () => {
    const ids = await book('dr-demir');
    const real = Date.now;
    try {
      // The patient opens the manage link the day after the consultation.
      const res = await (await fetch(`/v1/bookings/${ids.booking}?token=${ids.token}&clinic=pk_demo_aurora`)).json();
      const later = Date.parse(res.booking.end) + 86_400_000;
      Date.now = () => later;
      const m = await mount(ids);
      await until(() => !!$(m, '[part=manage] .notice'), 10_000);
      expect(text($(m, '[part=manage] .notice'))).to.include('has already taken place').and.include('can no longer be moved or cancelled');
      expect(buttonWith(m, 'Choose another time')).to.equal(undefined);
      expect(buttonWith(m, 'Cancel booking')).to.equal(undefined);
      await expect(m).to.be.accessible();
      buttonWith(m, 'Book a new consultation')!.click();
      await until(() => !!$(m, '[part=services]'));
      await until(() => m.shadowRoot!.activeElement?.id === 'service-title');
    } finally {
      Date.now = real;
    }
  });

  it('the hold is announced at milestones (two minutes, under a minute), not every second, while the countdown ticks', async () => {
    const restore = intercept(async (req, realFetch) => {
      if (new URL(req.url).pathname !== '/v1/booking/holds') return undefined;
      // The server's real hold, with its end brought forward to 62 s from now.
      const r = await realFetch(req);
      const body = await r.json();
      body.hold.expiresAt = new Date(Date.now() + 62_000).toISOString();
      return new Response(JSON.stringify(body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
    });
    try {
      const el = await mount({ service: 'video-consultation', doctor: 'dr-petrova' });
      await firstDayTimes(el);
      $(el, '.slot')!.click();
      await until(() => !!$(el, '[part=hold] strong'), 10_000);
      const live = $(el, '#hold-status')!;
      expect(live.getAttribute('role')).to.equal('status');
      expect(text(live)).to.equal('Two minutes left on your hold.');
      const heard: string[] = [];
      const seen = new Set<string>();
      const mo = new MutationObserver(() => heard.push(text(live)));
      mo.observe(live, { subtree: true, characterData: true, childList: true });
      const tick = setInterval(() => seen.add(text($(el, '[part=hold] strong'))), 200);
      await until(() => text(live).startsWith('Less than a minute'), 8000);
      await new Promise((r) => setTimeout(r, 2500));
      clearInterval(tick);
      mo.disconnect();
      expect(seen.size, 'the visible countdown ticks').to.be.at.least(4);
      expect($(el, '#hold-status'), 'the same live region all along').to.equal(live);
      expect([...new Set(heard)], 'the live region changed once').to.deep.equal(['Less than a minute left on your hold.']);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('time-zone picker is an APG combobox: type a city or a UTC offset, Down/Up/Home/End move the active option, Enter chooses, Escape closes; axe clean', async () => {
    const el = await mount({ service: 'video-consultation', doctor: 'dr-demir' });
    await until(() => !!$(el, 'td.avail'), 15_000);
    const zoneBefore = el.zone;
    $<HTMLElement>(el, '#zone-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'zone-search', 10_000);
    const box = active(el)!;
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-controls')).to.equal('zone-list');
    expect($(el, '#zone-list')!.getAttribute('role')).to.equal('listbox');
    const options = () => $$(el, '#zone-list [role=option]');
    const current = () => box.getAttribute('aria-activedescendant');
    const clear = async () => {
      while ((box as HTMLInputElement).value) await sendKeys({ press: 'Backspace' });
    };
    await sendKeys({ type: 'kathmandu' });
    await until(() => options().length === 1);
    expect(text(options()[0]!)).to.include('Kathmandu').and.include('GMT+5:45');
    await clear();
    await sendKeys({ type: '+5:30' });
    await until(() => options().length > 0 && options().every((o) => text(o).includes('GMT+5:30')));
    expect(options().map((o) => text(o)).join(' ')).to.include('Kolkata');
    expect(text($(el, '.picker [role=status]'))).to.match(/^Time zones found: \d+$/);
    await clear();
    await sendKeys({ type: 'america' });
    await until(() => options().length > 10);
    expect(current(), 'typing leaves the text focused').to.equal(null);
    expect(options().length, 'at most 50 options in the DOM').to.be.at.most(50);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(current()).to.equal('zone-opt-0');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(current()).to.equal('zone-opt-1');
    expect($(el, '#zone-opt-1')!.getAttribute('aria-selected')).to.equal('true');
    expect($$(el, '[role=option][aria-selected=true]').length).to.equal(1);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(current()).to.equal('zone-opt-0');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(current()).to.equal(`zone-opt-${options().length - 1}`);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(current()).to.equal('zone-opt-0');
    expect(active(el), 'focus stays in the text box').to.equal(box);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => active(el)?.id === 'zone-button');
    expect($(el, '#zone-list')).to.equal(null);
    expect(el.zone).to.equal(zoneBefore);
    // Again, and choose Kolkata with the keyboard: the zone line and the times follow.
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'zone-search', 10_000);
    expect((active(el) as HTMLInputElement).value, 'a fresh search').to.equal('');
    await sendKeys({ type: 'kolkata' });
    await until(() => options().length === 1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'zone-button');
    expect(el.zone).to.be.oneOf(['Asia/Kolkata', 'Asia/Calcutta']);
    expect(text($(el, '[part=zone]'))).to.include('Kolkata').and.include('GMT+5:30');
  });

  it('after a quote on the same page, the details form is prefilled with its contact (memory only), the reference carried', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <prm-quote-calculator procedure="dental-implants" home-country="DE"></prm-quote-calculator>
      <prm-booking-scheduler service="video-consultation" doctor="any"></prm-booking-scheduler>
    </div>`);
    const q = wrap.querySelector('prm-quote-calculator')!;
    const el = wrap.querySelector('prm-booking-scheduler') as El;
    const qs = <T extends HTMLElement>(s: string) => q.shadowRoot!.querySelector<T>(s);
    await until(() => !!qs('.cta'), 15_000);
    qs<HTMLButtonElement>('.cta')!.click();
    await until(() => !!qs('#f-name'), 10_000);
    const set = async (s: string, v: string) => {
      const i = qs<HTMLInputElement>(s)!;
      i.value = v;
      i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await q.updateComplete;
    };
    await set('#f-name', 'Quote Patient');
    await set('#f-email', 'quote.patient@example.com');
    await set('#f-phone', '+49 30 901820');
    qs<HTMLInputElement>('#f-consent')!.click();
    const success = oneEvent(q, 'prm-quote-success');
    qs<HTMLFormElement>('form')!.requestSubmit();
    const { detail } = await success;
    expect(JSON.stringify(detail), 'no contact in the event').to.not.include('quote.patient');
    await until(() => el.quote === detail.reference);
    await firstDayTimes(el);
    $(el, '.slot')!.click();
    await until(() => !!$(el, '#f-name'), 10_000);
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('Quote Patient');
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('quote.patient@example.com');
    expect($<HTMLInputElement>(el, '#f-phone')!.value).to.equal('+4930901820');
    expect($<HTMLSelectElement>(el, '#f-country')!.value).to.equal('DE');
    expect(text($(el, '[part=form]'))).to.include(detail.reference);
    expect($<HTMLInputElement>(el, '#f-consent')!.checked, 'consent is never carried over').to.equal(false);
    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie;
    expect(stored, 'the contact is not written anywhere').to.not.include('quote.patient');
    await expect(el).to.be.accessible();
  });
});
