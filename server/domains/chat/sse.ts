import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Db } from '../../db/types.js';
import type { ClinicRow, StreamDeps } from '../types.js';
import type { HubEvent } from './hub.js';
import { conversationSummary, messagesAfter } from './queries.js';

/** The resume point: `Last-Event-ID` (what EventSource sends on reconnect), else `?lastEventId=`, else 0. */
export function lastEventId(c: Context, fromQuery: string | undefined): string {
  const header = c.req.header('last-event-id');
  return header && /^\d{1,18}$/.test(header) ? header : (fromQuery ?? '0');
}

/**
 * Streams chat messages after `lastId` (one conversation, or the whole clinic when null), then
 * live ones. Subscribes before replaying, so nothing committed in between is missed. Messages
 * carry `id:` (the resume point); transient events do not, so they never move `Last-Event-ID` and
 * are not replayed: `typing` on both streams, `conversation` (unread / handled) on the staff one.
 */
export function messageStream(
  db: Db,
  { c, hub, pingMs }: StreamDeps,
  clinic: ClinicRow,
  conversationId: string | null,
  lastId: string,
  first?: { event: string; data: unknown },
): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    // Everything written after the first event (`status` / `ready`) goes through this chain, in order.
    let started = () => {};
    let chain = new Promise<void>((resolve) => (started = resolve));
    const flush = () => {
      chain = chain
        .then(async () => {
          if (stream.aborted || stream.closed) return;
          for (const m of await messagesAfter(db, clinic.id, conversationId, lastId)) {
            await stream.writeSSE({ event: 'message', id: m.id, data: JSON.stringify(m) });
            lastId = m.id;
          }
        })
        .catch(() => {});
      return chain;
    };
    const transient = (e: HubEvent) => {
      chain = chain
        .then(async () => {
          if (stream.aborted || stream.closed) return;
          if (e.type === 'typing') {
            await stream.writeSSE({ event: 'typing', data: JSON.stringify({ conversationId: e.conversationId, author: e.author, typing: e.typing }) });
          } else if (e.type === 'conversation' && conversationId === null) {
            const summary = await conversationSummary(db, clinic.id, e.conversationId);
            if (summary) await stream.writeSSE({ event: 'conversation', data: JSON.stringify(summary) });
          }
        })
        .catch(() => {});
    };
    const unsubscribe = await hub.subscribe(conversationId ? `conversation:${conversationId}` : `clinic:${clinic.id}`, (e) => (e.type === 'message' ? void flush() : transient(e)));
    let wakeUp = () => {};
    const aborted = new Promise<void>((resolve) => (wakeUp = resolve));
    stream.onAbort(() => {
      unsubscribe();
      wakeUp();
    });
    await stream.writeSSE({ event: first?.event ?? 'ready', data: JSON.stringify(first?.data ?? {}), retry: 3000 });
    started();
    await flush();
    while (!stream.aborted && !stream.closed) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([aborted, new Promise((r) => (timer = setTimeout(r, pingMs)))]);
      clearTimeout(timer);
      if (!stream.aborted && !stream.closed) await stream.write(': ping\n\n').catch(() => {});
    }
    unsubscribe();
  });
}
