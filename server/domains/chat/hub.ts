import type { Db } from '../../db/types.js';

/**
 * In-process fan-out of chat messages. One LISTEN per app instance on channel `prm_chat`; the
 * trigger on chat_messages notifies at commit, so a message written through any instance reaches
 * every instance's open streams.
 */
export class ChatHub {
  #subs = new Map<string, Set<() => void>>();
  #ready: Promise<() => Promise<void>> | undefined;
  constructor(private db: Db) {}
  /** `topic` is `conversation:<id>` or `clinic:<id>`; `wake` runs on every new message there. */
  async subscribe(topic: string, wake: () => void): Promise<() => void> {
    this.#ready ??= this.db.listen('prm_chat', (payload) => {
      try {
        const { conversationId, clinicId } = JSON.parse(payload) as { conversationId: string; clinicId?: string };
        for (const t of [`conversation:${conversationId}`, `clinic:${clinicId}`]) for (const w of this.#subs.get(t) ?? []) w();
      } catch {
        /* not ours */
      }
    });
    await this.#ready;
    let set = this.#subs.get(topic);
    if (!set) this.#subs.set(topic, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (!set.size) this.#subs.delete(topic);
    };
  }
  async close() {
    if (this.#ready) await (await this.#ready)();
  }
}
