import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Db } from '../../db/types.js';
import type { ClinicRow, StreamDeps } from '../types.js';
import { messagesAfter } from './queries.js';

/** The resume point: `Last-Event-ID` (what EventSource sends on reconnect), else `?lastEventId=`, else 0. */
export function lastEventId(c: Context, fromQuery: string | undefined): string {
  const header = c.req.header('last-event-id');
  return header && /^\d{1,18}$/.test(header) ? header : (fromQuery ?? '0');
}

/**
 * Streams chat messages after `lastId` (one conversation, or the whole clinic when null), then
 * live ones. Subscribes before replaying, so nothing committed in between is missed.
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
    let chain = Promise.resolve();
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
    const unsubscribe = await hub.subscribe(conversationId ? `conversation:${conversationId}` : `clinic:${clinic.id}`, () => void flush());
    let wakeUp = () => {};
    const aborted = new Promise<void>((resolve) => (wakeUp = resolve));
    stream.onAbort(() => {
      unsubscribe();
      wakeUp();
    });
    await stream.writeSSE({ event: first?.event ?? 'ready', data: JSON.stringify(first?.data ?? {}), retry: 3000 });
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
