/** The slot hold of the booking scheduler as data: its countdown, its session and what is announced. No DOM. */

/** "3:07" from milliseconds left (never negative). */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A random id for this tab's slot holds (not personal data, never stored). */
export function newSession(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** What the hold's live region says: it changes only at these milestones, so a screen reader hears it a few times, never every second. */
export type HoldMilestone = 'held' | 5 | 2 | 1 | 'ended';

/** The milestone for `ms` left on a hold: "held" above five minutes, then 5, 2 and 1 (minutes or less), then "ended". */
export function holdAnnouncement(ms: number): HoldMilestone {
  if (ms <= 0) return 'ended';
  if (ms <= 60_000) return 1;
  if (ms <= 120_000) return 2;
  if (ms <= 300_000) return 5;
  return 'held';
}
