import { expect } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import { fakeOnLine, until } from '../../core/fixtures/setup.js';
import { $, book, buttonWith, fill, firstDayTimes, fresh, intercept, mount, text, type El } from './helpers.js';

// What an audit of issue 11 found working but untested: the load failures a patient can meet
// (the clinic's server down, no network), dark mode through every step, and the manage link
// opened from the page's address. Against the real reference server mounted at /v1.

const errors = (el: El) => {
  const seen: { reason: string; status?: number }[] = [];
  el.addEventListener('prm-error', (e) => seen.push((e as CustomEvent<{ reason: string; status?: number }>).detail));
  return seen;
};

describe('<prm-booking-scheduler>: failures on load, dark mode, the manage link in the address', function () {
  this.timeout(90_000);
  beforeEach(() => {
    fresh();
    sessionStorage.clear();
  });

  it('the clinic’s server answering 500: the patient is told the clinic could not load it (not "offline"), one prm-error with the status, and Try again brings the consultation types', async () => {
    let fail = true;
    const restore = intercept(async (req) => {
      const p = new URL(req.url).pathname;
      if (fail && (p === '/v1/booking/services' || p === '/v1/bootstrap')) return new Response('{"error":{"code":"internal","message":"boom"}}', { status: 500, headers: { 'Content-Type': 'application/json' } });
      return undefined;
    });
    try {
      const wrap = document.createElement('div');
      document.body.append(wrap);
      const el = document.createElement('prm-booking-scheduler') as El;
      const seen = errors(el);
      wrap.append(el);
      await until(() => !!$(el, '[part=error]'), 30_000);
      expect(text($(el, '[part=error]'))).to.include('The clinic could not load this right now').and.not.include('offline');
      expect(seen.map((d) => d.status)).to.deep.equal([500]);
      await expect(el).to.be.accessible();
      fail = false;
      buttonWith(el, 'Try again')!.click();
      await until(() => !!$(el, '[part=services]'), 15_000);
      expect($(el, '[part=error]')).to.equal(null);
      wrap.remove();
    } finally {
      restore();
    }
  });

  it('no network on load: "You seem to be offline", and Try again once back online works', async () => {
    let online = false;
    const restoreOnLine = fakeOnLine(() => online);
    const restore = intercept(async (req) => {
      if (!online && new URL(req.url).pathname.startsWith('/v1/')) throw new TypeError('Failed to fetch');
      return undefined;
    });
    try {
      const el = await mount();
      await until(() => !!$(el, '[part=error]'), 30_000);
      expect(text($(el, '[part=error]'))).to.include('You seem to be offline');
      online = true;
      buttonWith(el, 'Try again')!.click();
      await until(() => !!$(el, '[part=services]'), 15_000);
    } finally {
      restore();
      restoreOnLine();
    }
  });

  it('dark mode: axe finds no violation on the consultation types, the doctors, a day’s times and the details form', async () => {
    const el = await mount({ theme: 'dark' });
    await until(() => !!$(el, '[part=services]'), 15_000);
    await expect(el, 'consultation types').to.be.accessible();
    buttonWith(el, 'Video consultation')!.click();
    await until(() => !!$(el, '[part=doctors] .doctor'), 15_000);
    await expect(el, 'doctors').to.be.accessible();
    buttonWith(el, 'First available')!.click();
    await firstDayTimes(el);
    await expect(el, 'a day’s times').to.be.accessible();
    $(el, '.slot')!.click();
    await fill(el);
    await expect(el, 'details').to.be.accessible();
  });

  it('the manage link opened as the page’s address (?prm-booking=…&prm-token=…) shows that booking without any attribute', async () => {
    const link = await book('dr-aydin');
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?prm-booking=${encodeURIComponent(link.booking)}&prm-token=${encodeURIComponent(link.token)}`);
    try {
      const el = await mount();
      await until(() => !!$(el, '[part=manage] dd'), 15_000);
      expect(text($(el, '[part=manage]'))).to.include('Choose another time');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
