import { expect } from '@open-wc/testing';
import '../../../src/widgets/chat-launcher/define.js';
import { prmGlobal } from '../../../src/core/config/global.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, mount, openDialog, panelOf } from './helpers.js';

// Outside office hours with a clinic that has some: the panel says when the clinic opens next, in
// the patient's own time zone. The real server's clinic profile with office hours in Tokyo (UTC+9,
// no summer time) on one weekday only, two days from now, so it is closed now whatever the hour the
// test runs; the expected time is computed here with Intl in the browser's zone, not by the panel's code.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

describe('<prm-chat-launcher> outside office hours, with a clinic that has them', () => {
  let restore: (() => void) | undefined;
  // Tokyo's date two days from now; the clinic opens that day only, 10:30 to 17:00 Tokyo time.
  const tokyo = new Date(Date.now() + 9 * 3600_000 + 2 * 86400_000);
  const day = DAYS[tokyo.getUTCDay()]!;
  // 10:30 in Tokyo is 01:30 UTC the same date.
  const opens = new Date(Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), 1, 30));
  beforeEach(() => {
    sessionStorage.clear();
    if (window.PRM) window.PRM.boot = [];
    delete prmGlobal().done;
    resetConfig({ api: `${location.origin}/#tokyo-hours`, clinic: 'pk_demo_aurora' });
    const real = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const res = await real(input, init);
      if (url.pathname !== '/v1/config') return res;
      const cfg = (await res.json()) as Record<string, unknown>;
      cfg['officeHours'] = { timeZone: 'Asia/Tokyo', days: [{ day, open: '10:30', close: '17:00' }] };
      return new Response(JSON.stringify(cfg), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    restore = () => (window.fetch = real);
  });
  afterEach(() => restore?.());

  it('gives the reply time as the next opening in the patient’s zone, with the leave-a-message form; axe 0', async () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const when = new Intl.DateTimeFormat('en', { timeZone: zone, weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(opens);
    const el = await mount();
    await openDialog(el);
    await until(() => /Aurora/.test($(el, '[role=dialog] h2')?.textContent ?? ''), 10_000);
    await until(() => !!$(el, '.availability.offline'), 10_000);
    expect($(el, '.availability')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`We are offline. Leave a message and we will reply from ${when} (your time).`);
    expect($(el, '#f-email'), 'leave a message: an email to reply to').to.exist;
    await Promise.all(panelOf(el)!.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });
});
