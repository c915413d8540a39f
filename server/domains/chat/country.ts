/**
 * Where a patient writes from, for the staff inbox, when the page did not say (`context.country`).
 * The reference server does no IP lookup of its own: behind a CDN or load balancer that adds the
 * visitor's country as a header (Cloudflare `CF-IPCountry`, CloudFront `CloudFront-Viewer-Country`,
 * Vercel `X-Vercel-IP-Country`…), name that header in `countryHeader` (env `COUNTRY_HEADER`) and
 * it is taken as the network's answer. Without one, the region of the browser's first language
 * (`Accept-Language: ar-SA,ar;q=0.9` → SA) is a hint, marked as such: many people's browsers
 * carry a region other than where they live, so staff see it as a guess.
 */
export interface RequestCountry {
  code: string;
  from: 'network' | 'language';
}

/** ISO 3166-1 alpha-2, excluding the CDNs' "unknown" (XX) and "Tor" (T1) markers. */
const COUNTRY = /^[A-Z]{2}$/;
const NOT_A_COUNTRY = new Set(['XX', 'T1', 'ZZ', 'EU', 'AP']);

export function requestCountry(header: (name: string) => string | undefined, countryHeader?: string): RequestCountry | undefined {
  if (countryHeader) {
    const v = header(countryHeader)?.trim().toUpperCase();
    if (v && COUNTRY.test(v) && !NOT_A_COUNTRY.has(v)) return { code: v, from: 'network' };
  }
  // The first language range with a region subtag (BCP 47: language[-script]-REGION).
  const first = header('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  const region = first?.match(/^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})$/i)?.[1]?.toUpperCase();
  return region && !NOT_A_COUNTRY.has(region) ? { code: region, from: 'language' } : undefined;
}
