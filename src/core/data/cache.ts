/**
 * A small keyed cache of loaded values (e.g. the slots of the months a patient has already
 * looked at), shared by whoever holds it: a hit is served without a request, concurrent loads of
 * one key share one request, a failed load is not kept (the next look tries again), and the
 * oldest keys are dropped past `max`. Memory only: nothing is written to storage.
 */
export class KeyedCache<T> {
  readonly #map = new Map<string, { p: Promise<T>; value?: T; ok: boolean }>();

  constructor(readonly max = 50) {}

  /** The value stored for `key`, or `load()`'s once it resolves (kept only when it does). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#map.get(key);
    if (hit) {
      // Most recently used last.
      this.#map.delete(key);
      this.#map.set(key, hit);
      return hit.p;
    }
    const slot: { p: Promise<T>; value?: T; ok: boolean } = { p: load(), ok: false };
    this.#map.set(key, slot);
    slot.p.then(
      (v) => {
        slot.value = v;
        slot.ok = true;
      },
      () => {
        if (this.#map.get(key) === slot) this.#map.delete(key);
      },
    );
    while (this.#map.size > this.max) this.#map.delete(this.#map.keys().next().value!);
    return slot.p;
  }

  /** The loaded value of `key`, synchronously, when there is one. */
  peek(key: string): T | undefined {
    const hit = this.#map.get(key);
    return hit?.ok ? hit.value : undefined;
  }

  has(key: string): boolean {
    return !!this.#map.get(key)?.ok;
  }

  /** Forgets one key (e.g. after a booking took a slot of that month). */
  delete(key: string): void {
    this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
  }
}
