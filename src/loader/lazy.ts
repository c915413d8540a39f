import type { Registry } from './start.js';

export type { Registry };

/**
 * Imports each registered tag's chunk the first time the tag appears under `root`, now or later
 * (single-page apps add tags after load). Nothing is imported for a tag that never appears.
 * Returns a promise for the chunks present at start, and `load()` for tags the observer cannot
 * see (inside another component's shadow root). `onStart` hears each batch of tags just before
 * their chunks are imported (the loader starts their other chunks and first data there).
 */
export function watchTags(registry: Registry, root: Document = document, onStart?: (tags: string[]) => void) {
  const started = new Map<string, Promise<unknown>>();
  const load = (tag: string, batched = false): Promise<unknown> => {
    let p = started.get(tag);
    if (!p) {
      if (!batched && registry[tag]) onStart?.([tag]);
      const importer = registry[tag];
      p = importer
        ? importer().catch((err: unknown) => console.error(`[prm-widgets] could not load <${tag}>`, err))
        : Promise.reject(new Error(`[prm-widgets] unknown widget <${tag}>`));
      started.set(tag, p);
    }
    return p;
  };
  const scan = () => {
    // Tags that appeared together start together (one data request for all of them).
    const fresh = Object.keys(registry).filter((tag) => !started.has(tag) && root.querySelector(tag));
    if (fresh.length) onStart?.(fresh);
    for (const tag of fresh) void load(tag, true);
    if (started.size === Object.keys(registry).length) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  observer.observe(root, { childList: true, subtree: true });
  scan();
  return { ready: Promise.all(started.values()).then(() => {}), load, stop: () => observer.disconnect() };
}
