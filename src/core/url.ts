/**
 * `url` (resolved against `base`, e.g. a static file's own URL) when it is an http(s) URL, else
 * undefined: a string from a backend or a file never becomes a `javascript:` link or frame source
 * (which would run on pages without Trusted Types).
 */
export function httpUrl(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
