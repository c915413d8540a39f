import type { STORIES } from './stories.js';

/** Alt text of a story's photo, in the story's own language (the photo is the author's, described in their words). */
const PHOTO_ALT: Record<string, (name: string) => string> = {
  en: (n) => `${n} at Aurora International Hospital after the treatment`,
  de: (n) => `${n} im Aurora International Hospital nach der Behandlung`,
  ar: (n) => `${n} في مستشفى أورورا الدولي بعد العلاج`,
  ru: (n) => `${n} в клинике Aurora International Hospital после лечения`,
  tr: (n) => `${n}, tedaviden sonra Aurora International Hospital’da`,
  es: (n) => `${n} en Aurora International Hospital después del tratamiento`,
  fr: (n) => `${n} à l’Aurora International Hospital après le traitement`,
};

/** Stories that also have a video (the author's own clip on a privacy-enhanced provider URL). */
const VIDEO: Record<number, string> = { 1: 'https://www.youtube-nocookie.com/embed/aurora-knee-01', 7: 'https://player.vimeo.com/video/760000007', 11: 'https://www.youtube-nocookie.com/embed/aurora-rhino-12', 26: 'https://www.youtube-nocookie.com/embed/aurora-veneers-27' };

export interface SeedStoryRow {
  id: string;
  procedureId: string;
  language: string;
  country: string;
  date: string;
  status: 'pending' | 'approved' | 'rejected';
  verified: boolean;
  data: { displayName: string; title: string; body: string; rating: number; image: { alt: string; width: number; height: number } | null; video: { url: string; provider: 'youtube' | 'vimeo' } | null };
}

/**
 * The rows Aurora's stories table is seeded with: every story of `stories` (server/seed/stories.ts) approved (dates 6 days
 * apart from 2026-10-30), two of three verified (came through a booking or a feedback invitation),
 * a photo on three of four, a video on four; plus one pending and one rejected story that
 * GET /stories must never serve.
 */
export function storyRows(stories: typeof STORIES): SeedStoryRow[] {
  const rows: SeedStoryRow[] = stories.map(([language, displayName, country, procedureId, rating, title, body], i) => {
    const video = VIDEO[i];
    return {
      id: `story-${String(i + 1).padStart(2, '0')}`,
      procedureId,
      language,
      country,
      date: new Date(Date.UTC(2026, 9, 30) - i * 6 * 86_400_000).toISOString().slice(0, 10),
      status: 'approved',
      verified: i % 3 !== 2,
      data: {
        displayName,
        title,
        body,
        rating,
        image: i % 4 === 3 ? null : { alt: PHOTO_ALT[language]!(displayName), width: 640, height: 480 },
        video: video ? { url: video, provider: video.includes('vimeo') ? 'vimeo' : 'youtube' } : null,
      },
    };
  });
  const gate = (id: string, status: 'pending' | 'rejected', body: string): SeedStoryRow => ({ id, procedureId: 'lasik', language: 'en', country: 'GB', date: '2026-11-02', status, verified: true, data: { displayName: 'Hidden', title: 'Should never appear', body, rating: 5, image: null, video: null } });
  rows.push(gate('story-pending', 'pending', 'Waiting for staff approval.'), gate('story-rejected', 'rejected', 'Rejected by staff.'));
  return rows;
}
