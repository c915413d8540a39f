import type { Story } from '../../core/contract/stories.js';

/**
 * schema.org JSON-LD for the `structured-data` attribute: the clinic with an AggregateRating of the
 * whole filtered set and a Review per story shown. Text only (no HTML, no image or video URLs).
 * Search engines do not show stars for a business's own reviews on its own site; this describes
 * the content, it promises no rich result.
 */
export interface JsonLdInput {
  clinicName: string;
  /** Stories to describe (those loaded). */
  stories: readonly Story[];
  /** Size and mean rating of the whole filtered set (GET /stories `total`, `averageRating`). */
  total: number;
  averageRating: number | null;
}

const rating = (value: number) => ({ '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1 });

export function buildJsonLd(o: JsonLdInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalClinic',
    name: o.clinicName,
    ...(o.total > 0 && o.averageRating !== null ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: o.averageRating, reviewCount: o.total, bestRating: 5, worstRating: 1 } } : {}),
    review: o.stories.map((s) => ({
      '@type': 'Review',
      name: s.title,
      reviewBody: s.body,
      inLanguage: s.language,
      datePublished: s.date,
      author: { '@type': 'Person', name: s.displayName },
      reviewRating: rating(s.rating),
      about: { '@type': 'MedicalProcedure', name: s.procedureName },
    })),
  };
}

/**
 * JSON for the text of a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes (so
 * no `</script`, `<!--` or `<script` can appear: the element can never be closed or re-opened by
 * story text), and U+2028 / U+2029 escaped too (line terminators to older JavaScript parsers).
 * JSON.parse of the result gives back the same value.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Puts `value` as the one JSON-LD script of `host`'s light DOM. The script goes in empty, with one
 * empty Text node, and the JSON is that node's `data`: no markup is ever parsed, and a Lit template
 * is not used because it leaves its marker comment inside the raw-text element, so the page's
 * serialised HTML (what a search engine's renderer or a prerender cache stores) would read
 * `<!---->{…}`, which is not JSON. Changing a Text node's data is no Trusted Types sink (an empty
 * script is never prepared, and a JSON-LD script is data, never run), so strict pages accept it.
 */
export function putJsonLd(host: Element, value: unknown): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.append(document.createTextNode(''));
    host.append(script);
  }
  (script.firstChild as Text).data = jsonLdText(value);
}
