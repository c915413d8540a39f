/** Links of the booking scheduler: the manage link, and backend URLs made safe to render. No DOM. */

/** The manage link: this page with the booking id and token in the query. */
export function manageUrl(page: string, id: string, token: string): string {
  const u = new URL(page);
  u.searchParams.set('prm-booking', id);
  u.searchParams.set('prm-token', token);
  u.hash = '';
  return u.href;
}

/** http(s) URLs only (the one check, in src/core/url.ts). */
export { httpUrl } from '../../core/url.js';
