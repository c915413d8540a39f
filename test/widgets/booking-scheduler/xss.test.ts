import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import type { PrmBookingScheduler } from '../../../src/widgets/booking-scheduler/booking-scheduler.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { clinicConfig, json, stubFetch } from '../quote-calculator/fixtures.js';

// Rendering is what is under test here, so the backend's answers are stubbed with a payload in
// every string field the scheduler shows; every other scheduler test talks to the real server.

declare global {
  interface Window {
    __xss?: (n?: unknown) => void;
  }
}

const $ = (el: PrmBookingScheduler, s: string) => el.shadowRoot!.querySelector(s) as HTMLElement | null;

function injected(root: ShadowRoot): string[] {
  const bad: string[] = [];
  root.querySelectorAll('*').forEach((el) => {
    if (/^(script|iframe|object|embed|svg|math|video|audio|meta|base|link|marquee|details|template|isindex|xss|x)$/i.test(el.localName)) bad.push(el.localName);
    if (el.localName === 'img' && !el.matches('img.photo')) bad.push('img');
    for (const a of el.getAttributeNames()) if (/^on/i.test(a)) bad.push(`${el.localName}[${a}]`);
    for (const a of ['href', 'src']) {
      const v = el.getAttribute(a);
      if (v && !/^https?:/i.test(v)) bad.push(`${a}=${v}`);
    }
  });
  return bad;
}

async function typeInto(el: PrmBookingScheduler, sel: string, value: string) {
  const input = $(el, sel) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('booking scheduler: XSS payloads render as text, never run', function () {
  this.timeout(240_000);
  let payloads: string[] = [];
  let executions: unknown[] = [];
  let restore: (() => void) | undefined;
  const realAlert = window.alert;

  before(async () => {
    const text = await (await fetch('/test/fixtures/xss-payloads.txt')).text();
    payloads = text.split('\n').filter((l) => l.trim() && !l.startsWith('# '));
    expect(payloads.length).to.be.greaterThanOrEqual(60);
  });
  beforeEach(() => {
    executions = [];
    window.__xss = (n) => executions.push(n);
    window.alert = (n) => executions.push(n);
    sessionStorage.clear();
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    window.alert = realAlert;
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
    expect(executions, 'executed payloads').to.deep.equal([]);
  });
});
