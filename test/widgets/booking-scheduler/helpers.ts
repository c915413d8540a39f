// Helpers of the scheduler's browser tests: mounting against the real reference server (mounted at
// /v1 by web-test-runner), walking the steps as a patient, filling the form, counting bookings
// through the staff API, and breaking the network on purpose (offline, lost answer, 500, 429).
import { fixture, html } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import type { PrmBookingScheduler } from '../../../src/widgets/booking-scheduler/booking-scheduler.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';

export type El = PrmBookingScheduler;
export const $ = <T extends Element = HTMLElement>(el: El, s: string) => el.shadowRoot!.querySelector(s) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: El, s: string) => [...el.shadowRoot!.querySelectorAll(s)] as T[];
export const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
export const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
let n = 0;
export const fresh = () => resetConfig({ api: location.origin, clinic: 'pk_demo_aurora', _n: n++ });

export async function mount(attrs: Record<string, string> = {}): Promise<El> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('prm-booking-scheduler');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  await until(() => !!$(el, '[part=services], [part=doctors], [part=calendar], [part=manage], [part=error], [part=form]'), 15_000);
  return el;
}

export const buttonWith = (el: El, t: string) => $$<HTMLButtonElement>(el, 'button').find((b) => text(b).includes(t));

/**
 * Clicks the first day in the month grid with at least `min` times (by the count each day cell
 * announces; the first day with any when the grid is not in English) and waits for its times. By
 * the clock, the first day may have a single time left once a test has booked one of its own.
 */
export async function firstDayTimes(el: El, min = 1) {
  await until(() => !!$(el, 'td.avail'), 15_000);
  const days = $$<HTMLElement>(el, 'td.avail');
  (days.find((d) => Number(/times available: (\d+)/.exec(text(d))?.[1] ?? min) >= min) ?? days[0]!).click();
  await until(() => $$(el, '.slot').length >= min);
}

/** Holds answer 500 (two patients can then pick the same time and race for it); returns the restore function. */
export const breakHolds = () =>
  intercept(async (req) => (new URL(req.url).pathname === '/v1/booking/holds' ? new Response('{"error":{"code":"internal","message":"x"}}', { status: 500, headers: { 'Content-Type': 'application/json' } }) : undefined));

/** Service → doctor → the first day with availability → its times (by mouse). */
export async function toTimes(el: El, doctor: string) {
  if ($(el, '[part=services]')) buttonWith(el, 'Video consultation')!.click();
  await until(() => !!$(el, '[part=doctors]'));
  (doctor === 'any' ? buttonWith(el, 'First available') : buttonWith(el, doctor))!.click();
  await firstDayTimes(el);
}

export async function fill(el: El, o: { name?: string; email?: string; phone?: string } = {}) {
  await until(() => !!$(el, '#f-name'), 10_000);
  const set = async (sel: string, v: string) => {
    const i = $<HTMLInputElement>(el, sel)!;
    i.value = v;
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  };
  await set('#f-name', o.name ?? 'Ana Test');
  await set('#f-email', o.email ?? 'ana@example.com');
  await set('#f-phone', o.phone ?? '+44 20 7946 0958');
  if (!$<HTMLInputElement>(el, '#f-consent')!.checked) $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
}

/** Confirmed bookings of the demo clinic at `start` with `doctor`, asked through the staff API. */
export async function bookingsAt(start: string, doctor: string): Promise<number> {
  const r = await fetch('/v1/staff/bookings?limit=100', { headers: { Authorization: 'Bearer sk_demo_staff' } });
  const body = (await r.json()) as { bookings: { booking: { start: string; status: string; doctor: { id: string } } }[] };
  return body.bookings.filter((b) => b.booking.start === start && b.booking.doctor.id === doctor && b.booking.status === 'confirmed').length;
}

/** Replaces window.fetch for /v1 calls; `override` may call `real(req)` itself (to lose an answer). */
export function intercept(override: (req: Request, real: (r: Request) => Promise<Response>, n: number) => Promise<Response | undefined>) {
  const orig = window.fetch;
  const counts = new Map<string, number>();
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    if (!url.pathname.startsWith('/v1/')) return orig(input, init);
    const id = `${req.method} ${url.pathname}`;
    const k = (counts.get(id) ?? 0) + 1;
    counts.set(id, k);
    return (await override(req, (r) => orig(r), k)) ?? orig(req);
  };
  return () => (window.fetch = orig);
}

/** Books the first free time of `doctor` and returns the manage link's booking id and token. */
export async function book(doctor: string, service = 'video-consultation') {
  const el = await mount({ service, doctor });
  await firstDayTimes(el);
  $(el, '.slot')!.click();
  await fill(el);
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
  await until(() => !!$(el, '[part=success]'), 15_000);
  const manage = new URL($$<HTMLAnchorElement>(el, '[part=success] a').at(-1)!.href);
  el.parentElement!.remove();
  return { booking: manage.searchParams.get('prm-booking')!, token: manage.searchParams.get('prm-token')! };
}
