import { expect } from '@open-wc/testing';
import '../../../src/widgets/booking-scheduler/define.js';
import { until } from '../../core/fixtures/setup.js';
import { $, $$, fill, fresh, mount, text } from './helpers.js';

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
    await until(() => !!$(el, 'td.avail'), 15_000);
    $<HTMLElement>(el, 'td.avail')!.click();
    await until(() => $$(el, '.slot').length > 0);
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
});
