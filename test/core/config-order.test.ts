// The README's npm order: import a widget (its tag is defined and upgrades at once), then call
// configure() — config that arrives within the same task is not an error: no console error, no
// prm-error event, and the widget renders its content. Config that never comes is still reported.
import { expect } from '@open-wc/testing';
import { prmGlobal } from '../../src/core/config/global.js';
import './fixtures/test-element.js';
import { resetConfig, until } from './fixtures/setup.js';

const tasks = (n: number) => new Promise((r) => setTimeout(r, n * 10));

describe('configure() after the widget is defined (README npm order)', () => {
  let errors: string[];
  let events: string[];
  const origError = console.error;
  const onError = (e: Event) => events.push((e as CustomEvent<{ reason: string }>).detail.reason);
  beforeEach(() => {
    errors = [];
    events = [];
    console.error = (...a: unknown[]) => errors.push(a.map(String).join(' '));
    document.addEventListener('prm-error', onError);
  });
  afterEach(() => {
    console.error = origError;
    document.removeEventListener('prm-error', onError);
    document.querySelectorAll('prm-test-element').forEach((e) => e.remove());
    resetConfig();
  });

  it('config set later in the same task: no "missing" error, no prm-error, content renders', async () => {
    resetConfig({});
    const el = document.createElement('prm-test-element');
    document.body.append(el); // defined already: connects and resolves its config now, without a clinic
    prmGlobal().configure({ api: location.origin, clinic: 'pk_demo_aurora' });
    await tasks(5);
    await until(() => !!el.shadowRoot?.querySelector('[part=base]'));
    expect(errors.filter((e) => e.includes('missing')), errors.join('\n')).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain('not available right now');
  });

  it('config set in a later microtask of the same task: still no error', async () => {
    resetConfig({});
    const el = document.createElement('prm-test-element');
    document.body.append(el);
    await Promise.resolve();
    queueMicrotask(() => prmGlobal().configure({ api: location.origin, clinic: 'pk_demo_aurora' }));
    await tasks(5);
    expect(errors, errors.join('\n')).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain('not available right now');
  });

  it('config that never comes: one console error naming the field and one prm-error, after the task', async () => {
    resetConfig({ api: location.origin });
    const el = document.createElement('prm-test-element');
    document.body.append(el);
    expect(errors, 'not reported synchronously').to.deep.equal([]);
    await until(() => errors.length > 0 && events.length > 0);
    await tasks(3);
    expect(errors.length).to.equal(1);
    expect(errors[0]).to.contain('"clinic" is missing');
    expect(events).to.deep.equal(['config']);
    expect(el.shadowRoot!.textContent).to.contain('not available right now');
  });
});
