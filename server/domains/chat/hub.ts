import type { Db } from '../../db/types.js';

/** What travels on channel `prm_chat`: a new message (from the trigger) or a transient event. */
export type HubEvent =
  | { type: 'message'; clinicId: string; conversationId: string; id: string }
  | { type: 'typing'; clinicId: string; conversationId: string; author: 'visitor' | 'staff'; typing: boolean }
  /** Unread count or handled state changed (staff inbox). */
  | { type: 'conversation'; clinicId: string; conversationId: string };

/**
 * In-process fan-out of chat events. One LISTEN per app instance on channel `prm_chat`: the
 * trigger on chat_messages notifies at commit, and typing / read / handled changes are notified by
 * {@link publishChatEvent}, so an event from any instance reaches every instance's open streams.
 */
export class ChatHub {
  #subs = new Map<string, Set<(e: HubEvent) => void>>();
  #ready: Promise<() => Promise<void>> | undefined;
  constructor(private db: Db) {}
  /** `topic` is `conversation:<id>` or `clinic:<id>`; `wake` runs on every event there. */
  async subscribe(topic: string, wake: (e: HubEvent) => void): Promise<() => void> {
    this.#ready ??= this.db.listen('prm_chat', (payload) => {
      let e: HubEvent;
      try {
        const raw = JSON.parse(payload) as Partial<HubEvent>;
        e = { ...raw, type: raw.type ?? 'message' } as HubEvent;
      } catch {
        return; /* not ours */
      }
      for (const t of [`conversation:${e.conversationId}`, `clinic:${e.clinicId}`]) for (const w of this.#subs.get(t) ?? []) w(e);
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

/** Announces a transient chat event to every app instance (NOTIFY; nothing stored). */
export async function publishChatEvent(db: Db, e: Exclude<HubEvent, { type: 'message' }>): Promise<void> {
  await db.notify('prm_chat', JSON.stringify(e));
}
