import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ChatMessage } from '../../../src/core/contract/chat.js';
import type { OfficeHours } from '../../../src/core/contract/config.js';
import { checkAttachment, deepLink, isOpen, lastId, mergeMessages, nextOpening, reconnectDelay, unreadCount } from '../../../src/widgets/chat-launcher/chat-logic.js';

const HOURS: OfficeHours = { timeZone: 'Europe/Istanbul', days: [{ day: 'mon', open: '08:00', close: '20:00' }, { day: 'sat', open: '09:00', close: '17:00' }] };
const m = (id: string, author: ChatMessage['author'] = 'staff'): ChatMessage => ({ id, conversationId: '00000000-0000-4000-8000-000000000000', author, authorName: null, body: id, createdAt: '2026-11-24T10:00:00Z' });

describe('chat-launcher logic', () => {
  it('deep links carry the context where the channel allows it', () => {
    const ch = { whatsapp: '+90 532 123 45 67', telegram: 'aurora_hospital', phone: '+902124445566', email: 'care@x.example' };
    expect(deepLink(ch, 'whatsapp', 'About quote Q-1')).to.equal('https://wa.me/905321234567?text=About%20quote%20Q-1');
    expect(deepLink(ch, 'telegram', 'About quote Q-1')).to.equal('https://t.me/aurora_hospital');
    expect(deepLink(ch, 'phone', '')).to.equal('tel:+902124445566');
    expect(deepLink(ch, 'email', 'Über Angebot Q-1')).to.equal('mailto:care@x.example?subject=%C3%9Cber%20Angebot%20Q-1');
    expect(deepLink({}, 'whatsapp', 'x')).to.equal(undefined);
  });

  it('office hours in the clinic zone; the next opening as an absolute time', () => {
    // Monday 24 Nov 2026 10:00 UTC = 13:00 in Istanbul (UTC+3): open.
    expect(isOpen(HOURS, new Date('2026-11-23T10:00:00Z'))).to.equal(true);
    // Monday 18:00 UTC = 21:00 Istanbul: closed; next is Saturday 09:00 Istanbul = 06:00 UTC.
    const at = new Date('2026-11-23T18:00:00Z');
    expect(isOpen(HOURS, at)).to.equal(false);
    expect(nextOpening(HOURS, at)?.toISOString()).to.equal('2026-11-28T06:00:00.000Z');
    // A DST zone: Berlin opens 08:00 local = 06:00 UTC in summer, 07:00 UTC in winter.
    const berlin: OfficeHours = { timeZone: 'Europe/Berlin', days: [{ day: 'mon', open: '08:00', close: '18:00' }] };
    expect(nextOpening(berlin, new Date('2026-07-05T12:00:00Z'))?.toISOString()).to.equal('2026-07-06T06:00:00.000Z');
    expect(nextOpening(berlin, new Date('2026-11-22T12:00:00Z'))?.toISOString()).to.equal('2026-11-23T07:00:00.000Z');
    expect(nextOpening({ timeZone: 'UTC', days: [] }, at)).to.equal(undefined);
  });

  it('merging messages: each id once, in numeric order (9 before 10), whatever the arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 40 }), (a, b) => {
        const merged = mergeMessages(a.map((i) => m(String(i))), b.map((i) => m(String(i))));
        const ids = merged.map((x) => Number(x.id));
        expect(ids).to.deep.equal([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
    );
    expect(lastId([m('9'), m('10')])).to.equal('10');
    expect(lastId([])).to.equal('0');
  });

  it('unread counts staff messages after the read marker; reconnect backoff grows and is capped', () => {
    expect(unreadCount([m('1'), m('2', 'visitor'), m('3'), m('12')], '1')).to.equal(2);
    expect(reconnectDelay(1, () => 0.5)).to.equal(1000);
    expect(reconnectDelay(3, () => 0.5)).to.equal(4000);
    expect(reconnectDelay(20, () => 1)).to.equal(36000);
  });

  it('attachments are judged on their first bytes and size, never on their name', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    const text = new TextEncoder().encode('<svg onload=alert(1)>');
    expect(checkAttachment(100, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).to.equal('image/png');
    expect(checkAttachment(100, bytes(0xff, 0xd8, 0xff, 0xe0))).to.equal('image/jpeg');
    expect(checkAttachment(100, new TextEncoder().encode('%PDF-1.7'))).to.equal('application/pdf');
    expect(checkAttachment(100, text)).to.equal('type');
    expect(checkAttachment(10 * 1024 * 1024, bytes(0xff, 0xd8, 0xff))).to.equal('image/jpeg', 'exactly 10 MB is allowed');
    expect(checkAttachment(10 * 1024 * 1024 + 1, bytes(0xff, 0xd8, 0xff))).to.equal('too-large');
    // Whatever bytes, the answer is one of the allowed types or a refusal; a refusal for size wins.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(20 * 1024 * 1024), (b, size) => {
        const v = checkAttachment(size, b);
        return size > 10 * 1024 * 1024 ? v === 'too-large' : ['type', 'image/png', 'image/jpeg', 'image/webp', 'image/heic', 'application/pdf'].includes(v);
      }),
    );
  });
});
