import { expect, oneEvent } from '@open-wc/testing';
import '../../../src/widgets/chat-launcher/define.js';
import type { PrmChatLauncher } from '../../../src/widgets/chat-launcher/chat-launcher.js';
import { chatTiming } from '../../../src/widgets/chat-launcher/panel.js';
import { resetConfig, until } from '../../core/fixtures/setup.js';
import { $, $$, mount, open, staffReply, type } from './helpers.js';

// The live connection when the network misbehaves, against the real reference server: the
// patient's stream (EventSource) is the real one, except where a test puts a proxy's or a mobile
// browser's behaviour in front of it (a subclass that swallows what the server sends, or a drop).

const RealEventSource = window.EventSource;
/** Every EventSource the panel opens, in order. */
let opened: EventSource[] = [];
function recordStreams(make: (url: string | URL) => EventSource = (url) => new RealEventSource(url)) {
  window.EventSource = new Proxy(RealEventSource, {
    construct(_t, [url]: [string | URL]) {
      const es = make(url);
      opened.push(es);
      return es;
    },
  });
}
/** A proxy that buffers the response: the stream is open to the server, nothing reaches the page. */
class BufferedEventSource extends RealEventSource {
  override addEventListener(): void {}
}

const staffTexts = (el: PrmChatLauncher) => $$(el, '.msg.staff .text').map((n) => n.textContent);

/** Opens the chat and sends a first message: a conversation with a live stream. */
async function conversation(): Promise<{ el: PrmChatLauncher; id: string }> {
  const el = await mount();
  await open(el);
  $<HTMLInputElement>(el, '.consent input')!.click();
  await type(el, 'Is the hotel near the clinic?');
  const sent = oneEvent(el, 'prm-chat-message-sent');
  $(el, '.send')!.click();
  const { detail } = await sent;
  return { el, id: detail.conversationId };
}

/** The stream is live: a staff reply arrives over it. */
async function live(el: PrmChatLauncher, id: string, body: string) {
  await staffReply(id, body);
  await until(() => staffTexts(el).includes(body), 8000);
}

describe('<prm-chat-launcher> live connection: reconnect and polling fallback', () => {
  const saved = { ...chatTiming };
  let received: string[] = [];
  const onReceived = (e: Event) => received.push((e as CustomEvent<{ messageId: string }>).detail.messageId);
  beforeEach(() => {
    sessionStorage.clear();
    opened = [];
    received = [];
    resetConfig({ api: `${location.origin}/#reconnect`, clinic: 'pk_demo_aurora' });
    document.addEventListener('prm-chat-message-received', onReceived);
  });
  afterEach(() => {
    window.EventSource = RealEventSource;
    Object.assign(chatTiming, saved);
    document.removeEventListener('prm-chat-message-received', onReceived);
  });

  for (const [what, event] of [
    ['the device comes back online', () => window.dispatchEvent(new Event('online'))],
    ['the page becomes visible again', () => document.dispatchEvent(new Event('visibilitychange'))],
  ] as const) {
    it(`a stream the browser dropped in the background reconnects at once when ${what}, from the last message seen`, async () => {
      recordStreams();
      const { el, id } = await conversation();
      await live(el, id, 'Five minutes on foot.');
      // A mobile browser closed the connection while the page was in the background.
      opened.at(-1)!.close();
      await staffReply(id, 'Written while your phone slept.');
      await new Promise((r) => setTimeout(r, 1000));
      expect(staffTexts(el)).not.to.include('Written while your phone slept.', 'the closed stream delivered');
      expect(opened).to.have.length(1);
      expect(document.visibilityState).to.equal('visible');
      event();
      await until(() => staffTexts(el).includes('Written while your phone slept.'), 5000);
      expect(opened).to.have.length(2, 'one new stream');
      expect(new URL(opened[1]!.url).searchParams.get('lastEventId'), 'resumed after the last message seen').to.equal(received[0]);
      expect(staffTexts(el)).to.deep.equal(['Five minutes on foot.', 'Written while your phone slept.']);
      expect(new Set(received).size).to.equal(2);
      expect(received).to.have.length(2, 'each reply announced once');
    });
  }

  it('an SSE drop mid-conversation resumes without gaps or duplicates: the replies sent meanwhile come once, in order', async () => {
    recordStreams();
    const { el, id } = await conversation();
    await live(el, id, 'Reply 1');
    // The connection fails for good (the browser gave up): the panel's backoff takes over.
    const first = opened.at(-1)!;
    first.close();
    first.dispatchEvent(new Event('error'));
    await staffReply(id, 'Reply 2');
    await staffReply(id, 'Reply 3');
    await until(() => staffTexts(el).includes('Reply 3'), 10_000);
    await staffReply(id, 'Reply 4');
    await until(() => staffTexts(el).includes('Reply 4'), 8000);
    expect(staffTexts(el)).to.deep.equal(['Reply 1', 'Reply 2', 'Reply 3', 'Reply 4']);
    expect(received).to.have.length(4, 'each reply announced once');
    expect(new Set(received).size).to.equal(4);
    expect(opened).to.have.length(2);
  });

  it('a proxy that holds the stream open and never delivers: after the stall time the panel polls, and a staff reply arrives', async () => {
    chatTiming.stall = 1500;
    chatTiming.poll = 500;
    recordStreams((url) => new BufferedEventSource(url));
    const { el, id } = await conversation();
    await until(() => opened.length === 1 && opened[0]!.readyState === EventSource.CLOSED, 5000);
    await staffReply(id, 'Answered through the proxy.');
    await until(() => staffTexts(el).includes('Answered through the proxy.'), 5000);
    expect(received).to.have.length(1);
    // Polling asks for what is new only: the same reply is not added again.
    await new Promise((r) => setTimeout(r, 1200));
    expect(staffTexts(el)).to.deep.equal(['Answered through the proxy.']);
    expect(opened, 'no new stream while polling').to.have.length(1);
  });

  it('a stream refused again and again (three failures) falls back to polling, which delivers the staff reply', async () => {
    chatTiming.poll = 500;
    // A proxy that refuses the event stream: every try fails at once.
    recordStreams((url) => new RealEventSource(String(url).replace('/events?', '/no-events?')));
    const { el, id } = await conversation();
    await until(() => opened.length === 3, 15_000);
    await staffReply(id, 'Answered while the stream is refused.');
    await until(() => staffTexts(el).includes('Answered while the stream is refused.'), 8000);
    expect(received).to.have.length(1);
  });
});
