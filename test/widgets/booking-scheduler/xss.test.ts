import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import type { PrmBookingScheduler } from '../../../src/widgets/booking-scheduler/booking-scheduler.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { injected as injectedBy, loadPayloads, trapExecutions, typeInto } from '../../core/fixtures/xss.js';
import { clinicConfig, json, stubFetch } from '../quote-calculator/fixtures.js';

// Rendering is what is under test here, so the backend's answers are stubbed with a payload in
// every string field the scheduler shows; every other scheduler test talks to the real server.

const $ = (el: PrmBookingScheduler, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement | null;
const injected = (root: ShadowRoot) => injectedBy(root, 'img.photo');

describe('booking scheduler: XSS payloads render as text, never run', function () {
  this.timeout(240_000);
  let payloads: string[] = [];
  let trap: ReturnType<typeof trapExecutions>;
  let restore: (() => void) | undefined;

  before(async () => {
    payloads = await loadPayloads();
  });
  beforeEach(() => {
    trap = trapExecutions();
    sessionStorage.clear();
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    trap.release();
  });

  it('every payload in every backend string (clinic, services, doctors, booking) and every text input', async () => {
    const start = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2, 9)).toISOString();
    const end = new Date(Date.parse(start) + 20 * 60_000).toISOString();
    for (const [i, p] of payloads.entries()) {
      resetConfig({ api: location.origin, clinic: `pk_xss_booking_${i}` });
      const t = () => p;
      let posted = '';
      restore = stubFetch((url, init) => {
        switch (url.pathname) {
          case '/v1/config':
            return json({ ...clinicConfig(t), address: p });
          case '/v1/booking/services':
            return json({ services: [{ id: 'video', kind: 'in-person', name: p, description: p, durationMinutes: 20, price: null, prepare: [p] }] });
          case '/v1/booking/doctors':
            return json({ doctors: [{ id: 'dr-x', name: p, title: p, specialties: ['dental'], languages: ['en'], services: ['video'], photoUrl: i % 2 ? `javascript:window.__xss(${i})` : `https://img.example/${encodeURIComponent(p)}.svg` }] });
          case '/v1/booking/slots':
            return json({ timeZone: 'Europe/Istanbul', service: 'video', slots: [{ start, end, doctorIds: ['dr-x'] }] });
          case '/v1/booking/holds':
            return json({ hold: { id: '7d8e9f00-1234-4abc-8def-0123456789ab', start, doctorId: 'dr-x', expiresAt: new Date(Date.now() + 480_000).toISOString() } }, 201);
          case '/v1/bookings':
            posted = init.body ?? '';
            return json(
              {
                booking: { id: '7d8e9f00-1234-4abc-8def-0123456789ab', reference: p, status: 'confirmed', service: 'video', kind: 'in-person', doctor: { id: 'dr-x', name: p }, start, end, timeZone: 'Europe/Istanbul', patientTimeZone: 'UTC', interpreter: null, createdAt: start },
                manageToken: 'tok-0123456789abcdef',
                links: { manage: `javascript:window.__xss(${i})`, ics: i % 2 ? `javascript:window.__xss(${i})` : '/v1/bookings/x/ics?token=t' },
              },
              201,
            );
        }
        return json({ error: { code: 'not_found', message: p } }, 404);
      });
      const el = await fixture<PrmBookingScheduler>(html`<prm-booking-scheduler></prm-booking-scheduler>`);
      await until(() => !!$(el, '.choice'), 10_000);
      const root = el.shadowRoot!;
      expect(root.textContent, `payload ${i} shown as text`).to.contain(p.trim().slice(0, 20));
      ($(el, '.choice') as HTMLButtonElement).click();
      await until(() => root.querySelectorAll('.choice').length === 2);
      (root.querySelectorAll('.choice')[1] as HTMLButtonElement).click();
      await until(() => !!$(el, 'td.avail'), 10_000);
      expect(injected(root), `payload ${i} in the doctor list`).to.deep.equal([]);
      $(el, 'td.avail')!.click();
      await until(() => !!$(el, '.slot'));
      $(el, '.slot')!.click();
      await until(() => !!$(el, '#f-name'), 10_000);
      await typeInto(el, '#f-name', p);
      await typeInto(el, '#f-email', `a${i}@example.com`);
      await typeInto(el, '#f-notes', p);
      ($(el, '#f-consent') as HTMLInputElement).click();
      await el.updateComplete;
      expect(injected(root), `payload ${i} in the form`).to.deep.equal([]);
      (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
      await until(() => !!$(el, '[part=success]'), 10_000);
      expect(JSON.parse(posted).notes).to.equal(p.trim());
      expect($(el, '[part=success]')!.textContent).to.contain(p.trim().slice(0, 20));
      expect(injected(root), `payload ${i} in the confirmation`).to.deep.equal([]);
      restore();
      restore = undefined;
      el.remove();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(trap.executions, 'executed payloads').to.deep.equal([]);
  });
});
