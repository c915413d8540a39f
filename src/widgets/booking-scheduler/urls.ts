/** Links of the booking scheduler: the manage link, and backend URLs made safe to render. No DOM. */

/** The manage link: this page with the booking id and token in the query. */
export function manageUrl(page: string, id: string, token: string): string {
  const u = new URL(page);
  u.searchParams.set('prm-booking', id);
  u.searchParams.set('prm-token', token);
  u.hash = '';
  return u.href;
}

/** `url` when it is an http(s) URL (resolved against `base`), else undefined: a backend string never becomes a javascript: link. */
export function httpUrl(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
