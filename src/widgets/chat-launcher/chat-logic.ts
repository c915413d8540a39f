import type { ChatAttachment, ChatMessage } from '../../core/contract/chat.js';
import { ATTACHMENT_MAX_BYTES, sniffAttachment } from '../../shared/attachments.js';
import type { Channels, OfficeHours, Weekday } from '../../core/contract/config.js';

/** Hand-off channels the panel can offer besides live chat. */
export type HandoffChannel = 'whatsapp' | 'telegram' | 'phone' | 'email';
export const HANDOFF_CHANNELS: readonly HandoffChannel[] = ['whatsapp', 'telegram', 'phone', 'email'];

/**
 * A deep link that opens `channel` with `text` prefilled where the channel allows it:
 * WhatsApp `https://wa.me/<digits>?text=`, Telegram `https://t.me/<user>` (Telegram has no
 * documented prefill for a user chat: the text is not carried), phone `tel:+…`, email `mailto:` with
 * subject. Returns undefined when the clinic has no value for that channel.
 */
export function deepLink(channels: Channels, channel: HandoffChannel, text: string): string | undefined {
  const v = channels[channel];
  if (!v) return undefined;
  const q = text ? `?text=${encodeURIComponent(text)}` : '';
  switch (channel) {
    case 'whatsapp':
      return `https://wa.me/${v.replace(/\D/g, '')}${q}`;
    case 'telegram':
      return `https://t.me/${encodeURIComponent(v)}`;
    case 'phone':
      return `tel:${v.replace(/[^\d+]/g, '')}`;
    case 'email':
      return `mailto:${v}${text ? `?subject=${encodeURIComponent(text)}` : ''}`;
  }
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The wall-clock parts of `at` in `timeZone`. */
function zoned(at: Date, timeZone: string): { day: Weekday; minutes: number; y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    day: get('weekday').toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    y: Number(get('year')),
    m: Number(get('month')),
    d: Number(get('day')),
  };
}
const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Whether the clinic is within its office hours at `at` (its own time zone). */
export function isOpen(hours: OfficeHours, at: Date): boolean {
  const z = zoned(at, hours.timeZone);
  return hours.days.some((d) => d.day === z.day && hm(d.open) <= z.minutes && z.minutes < hm(d.close));
}

/**
 * The next moment the clinic opens after `at` (or `at` itself when open), as an absolute Date, so
 * the panel can show it in the patient's own zone. Searches 8 days; undefined when no day opens.
 * Works with offsets (DST included) by measuring the zone's offset around the candidate.
 */
export function nextOpening(hours: OfficeHours, at: Date): Date | undefined {
  if (isOpen(hours, at)) return at;
  const here = zoned(at, hours.timeZone);
  for (let add = 0; add <= 7; add++) {
    const probe = new Date(Date.UTC(here.y, here.m - 1, here.d + add, 12));
    const day = WEEKDAYS[probe.getUTCDay()]!;
    const opens = hours.days.filter((d) => d.day === day).map((d) => hm(d.open)).sort((a, b) => a - b);
    for (const open of opens) {
      if (add === 0 && open <= here.minutes) continue;
      // Wall time → UTC: guess with the zone's offset at noon that day, then correct once.
      const wallUtc = Date.UTC(probe.getUTCFullYear(), probe.getUTCMonth(), probe.getUTCDate(), 0, open);
      let t = wallUtc - offsetMinutes(hours.timeZone, new Date(wallUtc)) * 60_000;
      t = wallUtc - offsetMinutes(hours.timeZone, new Date(t)) * 60_000;
      if (t > at.getTime()) return new Date(t);
    }
  }
  return undefined;
}

/** The zone's UTC offset in minutes at `at` (Istanbul: +180). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const z = zoned(at, timeZone);
  const asUtc = Date.UTC(z.y, z.m - 1, z.d, Math.floor(z.minutes / 60), z.minutes % 60);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Adds `incoming` messages to `list`: each id once (a replay after a reconnect, or the polling
 * fallback overlapping the stream, never shows a message twice), ordered by numeric id.
 */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

/** The highest message id in `list` ('0' when empty): the resume point for SSE and polling. */
export const lastId = (list: readonly ChatMessage[]): string => list.reduce((m, x) => (BigInt(x.id) > BigInt(m) ? x.id : m), '0');

/** Staff messages after the visitor's read marker: the badge count. */
export const unreadCount = (list: readonly ChatMessage[], readId: string): number => list.filter((m) => m.author === 'staff' && BigInt(m.id) > BigInt(readId)).length;

/** Reconnect delay after `failures` consecutive SSE errors: 1 s, 2 s, 4 s… capped at 30 s, with ±20 % jitter. */
export function reconnectDelay(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What a conversation keeps in sessionStorage: its id and visitor token, never a message body. */
export interface StoredConversation {
  id: string;
  token: string;
  /** Last staff message id the patient has seen (for the badge after a page change). */
  readId: string;
  /**
   * Last message id announced with `prm-chat-message-received` in this tab, so that the history
   * replayed on each page of the site is not announced (and counted by an integrator) again.
   */
  seenId?: string;
}
export const conversationKey = (clinic: string) => `prm-chat:${clinic}`;

export function loadConversation(storage: Storage | undefined, clinic: string): StoredConversation | undefined {
  try {
    const raw = storage?.getItem(conversationKey(clinic));
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<StoredConversation>;
    const id = (x: unknown) => (typeof x === 'string' && /^\d{1,20}$/.test(x) ? x : '0');
    return typeof v.id === 'string' && typeof v.token === 'string' ? { id: v.id, token: v.token, readId: id(v.readId), seenId: id(v.seenId) } : undefined;
  } catch {
    return undefined;
  }
}

export function saveConversation(storage: Storage | undefined, clinic: string, c: StoredConversation): void {
  try {
    storage?.setItem(conversationKey(clinic), JSON.stringify({ id: c.id, token: c.token, readId: c.readId, seenId: c.seenId ?? '0' }));
  } catch {
    /* storage full or disabled: the conversation lives as long as the page */
  }
}

/**
 * What the panel does with a file the patient picked, before any upload: `too-large` over
 * {@link ATTACHMENT_MAX_BYTES}, `type` when its first bytes are not a photo or PDF (the server's
 * own rule, src/shared/attachments.ts: a text file named `scan.png` is refused, whatever its name
 * or the type the browser guessed), else the media type it will be stored as.
 */
export function checkAttachment(size: number, head: Uint8Array): 'too-large' | 'type' | ChatAttachment['mediaType'] {
  if (size > ATTACHMENT_MAX_BYTES) return 'too-large';
  return sniffAttachment(head) ?? 'type';
}
