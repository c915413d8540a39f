import type { StoryImage, StoryVideo } from '../../core/contract/stories.js';
import { httpUrl } from '../../core/url.js';

/**
 * Pure helpers for what a slide shows from a story's media and place (no DOM): URLs are checked
 * before they reach an attribute, because a backend (or a static file) is not trusted to send only
 * http(s) links, and a `javascript:` frame source would run on pages without Trusted Types.
 */

/** http(s) URLs only: the one check, in src/core/url.ts. */
export { httpUrl };

/** The `srcset` of a photo from its http(s) candidates (others dropped); '' when none is left. */
export function srcsetOf(image: StoryImage, base?: string): string {
  return image.srcset
    .map((c) => (httpUrl(c.url, base) ? `${httpUrl(c.url, base)!.replace(/[\s,]/g, encodeURIComponent)} ${c.width}w` : ''))
    .filter(Boolean)
    .join(', ');
}

/** The video players a story may embed: the provider's privacy-enhanced host, over https only. */
const PLAYER_HOSTS: Record<StoryVideo['provider'], readonly string[]> = {
  youtube: ['www.youtube-nocookie.com', 'youtube-nocookie.com'],
  vimeo: ['player.vimeo.com'],
};

/**
 * The frame URL for a story video, only on its provider's player host over https (the player is
 * loaded after the patient's click, never before); undefined for anything else, so no video.
 */
export function playerUrl(video: StoryVideo): string | undefined {
  const href = httpUrl(video.url);
  if (!href) return undefined;
  const u = new URL(href);
  if (u.protocol !== 'https:' || !PLAYER_HOSTS[video.provider]?.includes(u.hostname)) return undefined;
  // Start playing: the click that loaded the frame was the patient's request to play.
  u.searchParams.set('autoplay', '1');
  return u.href;
}

/** The flag of a country code as regional-indicator letters (decoration only: aria-hidden). */
export function flagOf(country: string): string {
  return /^[A-Z]{2}$/.test(country) ? String.fromCodePoint(...[...country].map((c) => 0x1f1a5 + c.charCodeAt(0))) : '';
}

