/** A minimal text/event-stream reader for server tests (EventSource semantics: event, id, data). */
export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** Reads `text/event-stream` events from a Response until `until` says stop (or timeout). */
export function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const queue: SseEvent[] = [];
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  async function next(timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (queue.length) return queue.shift()!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an SSE event');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([pending ??= reader.read(), new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), left)))]);
      clearTimeout(timer);
      if (chunk !== 'timeout') pending = undefined;
      if (chunk === 'timeout') throw new Error('timed out waiting for an SSE event');
      if (chunk.done) throw new Error('stream ended');
      buf += decoder.decode(chunk.value, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev: SseEvent = { event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [k, ...rest] = line.split(':');
          const v = rest.join(':').replace(/^ /, '');
          if (k === 'event') ev.event = v;
          else if (k === 'id') ev.id = v;
          else if (k === 'data') {
            ev.data += (hasData ? '\n' : '') + v;
            hasData = true;
          }
        }
        if (hasData) queue.push(ev);
      }
    }
  }
  return { next, close: () => reader.cancel().catch(() => {}) };
}
