/**
 * Pure carousel logic of <prm-story-carousel> (no DOM): which slides are in the DOM, where the
 * buttons, keys and picker go, when to load the next page, when a quote needs "read more".
 *
 * Index model: `current` is the index (in the whole filtered set of `total` stories) of the first
 * slide in view; `perView` slides are in view; the last reachable `current` is `total - perView`.
 */

/** At most this many slides are ever in the DOM (issue 13: bounded with 1,000 stories). */
export const MAX_RENDERED = 5;

/** Slides in view, within 1..MAX_RENDERED (a container query decides 1, 2 or 3). */
export const clampPerView = (perView: number): number => Math.min(MAX_RENDERED, Math.max(1, Math.floor(perView) || 1));

/** The last index `current` can take. */
export const lastStart = (total: number, perView: number): number => Math.max(0, total - clampPerView(perView));

/** `i` as a valid `current`. */
export const clampIndex = (i: number, total: number, perView: number): number => Math.min(lastStart(total, perView), Math.max(0, Math.floor(i) || 0));

export interface RenderWindow {
  /** Indices (in the whole set) to render, ascending: the ones in view plus neighbours for swiping. */
  indices: number[];
  /** Indices in view (a subset of `indices`). */
  visible: number[];
}

/**
 * The slides to put in the DOM: the `perView` in view and up to as many neighbours as fit in
 * MAX_RENDERED, split before/after (moved to the other side at either end, so swiping past the
 * view always finds a slide while one exists). Never more than MAX_RENDERED, never outside 0..total-1.
 */
export function renderWindow(total: number, current: number, perView: number): RenderWindow {
  if (total <= 0) return { indices: [], visible: [] };
  const pv = Math.min(clampPerView(perView), total);
  const start = clampIndex(current, total, pv);
  const size = Math.min(total, MAX_RENDERED);
  let from = start - Math.floor((size - pv) / 2);
  from = Math.max(0, Math.min(from, total - size));
  const indices = Array.from({ length: size }, (_, k) => from + k);
  return { indices, visible: indices.filter((i) => i >= start && i < start + pv) };
}

/** What a slide says about its place: "n of N" in the whole set (1-based), never its place in the window. */
export const slidePosition = (index: number, total: number): { n: number; of: number } => ({ n: index + 1, of: total });

export type NavAction = 'next' | 'prev' | 'home' | 'end';

/** Where `current` goes for an action: one slide per step, bounded (no loop: clones lose focus). */
export const navigate = (action: NavAction, current: number, total: number, perView: number): number =>
  action === 'home' ? 0 : action === 'end' ? lastStart(total, perView) : clampIndex(current + (action === 'next' ? 1 : -1), total, perView);

/** Whether the previous / next buttons do anything (shown with aria-disabled at the ends). */
export const canGo = (current: number, total: number, perView: number) => ({ prev: current > 0, next: current < lastStart(total, perView) });

/**
 * The action for a key on the slide picker (APG tabs: arrows inside the tablist, Home/End). Arrows
 * follow the visual direction: in right-to-left text ArrowLeft is "next". null for other keys.
 */
export function keyAction(key: string, dir: 'ltr' | 'rtl'): NavAction | null {
  if (key === 'Home') return 'home';
  if (key === 'End') return 'end';
  if (key === 'ArrowRight') return dir === 'rtl' ? 'prev' : 'next';
  if (key === 'ArrowLeft') return dir === 'rtl' ? 'next' : 'prev';
  return null;
}

/**
 * The picker's dots: at most `max` (odd), centred on the current slide and shifted at the ends,
 * each the true index in the whole set (its name says "Story n of N").
 */
export function pickerWindow(total: number, current: number, max = 7): number[] {
  const size = Math.min(total, Math.max(1, max));
  const from = Math.max(0, Math.min(current - Math.floor(size / 2), total - size));
  return Array.from({ length: size }, (_, k) => from + k);
}

/**
 * Whether to ask for the next page now: there is one, none is on its way, and the slides the
 * window needs (plus `ahead` more) reach past what is loaded. `loaded` counts stories in memory.
 */
export function shouldFetchMore(o: { loaded: number; total: number; current: number; perView: number; hasMore: boolean; loading: boolean; ahead?: number }): boolean {
  if (!o.hasMore || o.loading || o.loaded >= o.total) return false;
  const w = renderWindow(o.total, o.current, o.perView);
  const needed = (w.indices.at(-1) ?? -1) + 1 + (o.ahead ?? 3);
  return needed > o.loaded;
}

/**
 * Where to fetch one page of `size` by offset (GET /stories `offset`) when the stories the window
 * (`indices`) lacks (`missing`, ascending) lie more than a page past the `loaded` ones (End, or
 * moving about there): moving on, the page starts at the first missing story; moving back (or a
 * jump), it ends with the last missing one, so it brings only stories not yet there. Inside the
 * set; null when the next page in order will do. The pages in between are never fetched for it.
 */
export function jumpOffset(indices: readonly number[], missing: readonly number[], loaded: number, total: number, size: number): number | null {
  const first = missing[0];
  if (first === undefined || first < loaded + size) return null;
  return Math.max(0, Math.min(first > indices[0]! ? first : missing.at(-1)! + 1 - size, total - size));
}

/** "read more" state of a quote from its measured box: show the button only when the text is cut. */
export function readMoreState(m: { scrollHeight: number; clientHeight: number; expanded: boolean }): 'none' | 'collapsed' | 'expanded' {
  if (m.expanded) return 'expanded';
  // 1 px of sub-pixel rounding is not a cut line.
  return m.scrollHeight - m.clientHeight > 1 ? 'collapsed' : 'none';
}

/**
 * Before layout (skeleton, server data): whether a quote of `text` likely needs more than `lines`
 * lines at `charsPerLine` (code points, not UTF-16 units; explicit line breaks count as lines).
 */
export function likelyClamped(text: string, lines: number, charsPerLine: number): boolean {
  let used = 0;
  for (const para of text.split(/\r\n|\n|\r|\u2028|\u2029/)) {
    const len = [...para].length;
    used += Math.max(1, Math.ceil(len / Math.max(1, charsPerLine)));
    if (used > lines) return true;
  }
  return false;
}
