/** Pure logic of `<prm-feedback-form>`: tested without a DOM. */
import type { FeedbackAspect, FeedbackConfig, FeedbackStage, Improvement } from '../../core/contract/feedback.js';

export const STAGES: readonly FeedbackStage[] = ['pre-travel', 'in-clinic', 'post-return'];
/** The version of the story consent text shown (recorded with the consent). */
export const STORY_CONSENT_VERSION = 'feedback-story-2026-12';

export function parseStage(v: string | null | undefined): FeedbackStage {
  return STAGES.includes(v as FeedbackStage) ? (v as FeedbackStage) : 'post-return';
}

export interface AspectView {
  id: FeedbackAspect;
  label: string;
}

/** The aspects asked at `stage`, labelled in `locale` (then its language, `default`, English). */
export function aspectsFor(cfg: FeedbackConfig | undefined, stage: FeedbackStage, locale: string): AspectView[] {
  const lang = locale.split('-')[0]!;
  return (cfg?.aspects ?? [])
    .filter((a) => a.stages.includes(stage))
    .map((a) => ({ id: a.id, label: a.label[locale] ?? a.label[lang] ?? a.label['default'] ?? a.label['en'] ?? a.id }));
}

/** NPS bands: detractor 0–6 (asks what to do better), passive 7–8, promoter 9–10 (review and story). */
export type NpsBand = 'low' | 'mid' | 'high';
export function npsBand(nps: number | undefined): NpsBand | undefined {
  if (nps === undefined) return undefined;
  return nps <= 6 ? 'low' : nps <= 8 ? 'mid' : 'high';
}

/**
 * The radio index a key moves to in a horizontal scale of `count` options, following the
 * visual order: in right-to-left the first option sits on the right, so ArrowLeft moves on.
 * Up/Down move back/on as in the APG radio group. undefined: not a navigation key.
 */
export function scaleKey(key: string, index: number, count: number, rtl: boolean): number | undefined {
  const last = count - 1;
  const on = (i: number) => (i >= last ? 0 : i + 1);
  const back = (i: number) => (i <= 0 ? last : i - 1);
  const from = index < 0 ? -1 : index;
  switch (key) {
    case 'ArrowRight':
      return rtl ? back(from < 0 ? 0 : from) : on(from);
    case 'ArrowLeft':
      return rtl ? on(from) : back(from < 0 ? 0 : from);
    case 'ArrowDown':
      return on(from);
    case 'ArrowUp':
      return back(from < 0 ? 0 : from);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/** The aspects rated lowest (at most 3 of 5, lowest first); none when everything got 4 or 5. */
export function lowestAspects(ratings: Partial<Record<FeedbackAspect, number>>): FeedbackAspect[] {
  const rated = (Object.entries(ratings) as [FeedbackAspect, number][]).filter(([, v]) => v <= 3);
  return rated.sort((a, b) => a[1] - b[1]).map(([k]) => k);
}

/**
 * "You said, we did": improvements touching the aspects rated lowest first (in that order), then
 * the most recent others; at most `max`.
 */
export function matchImprovements(list: readonly Improvement[], lowest: readonly FeedbackAspect[], max = 3): Improvement[] {
  const rank = (m: Improvement) => {
    const i = Math.min(...m.aspects.map((a) => {
      const j = lowest.indexOf(a);
      return j < 0 ? Infinity : j;
    }));
    return Number.isFinite(i) ? i : lowest.length;
  };
  return [...list]
    .map((m, i) => ({ m, r: rank(m), i }))
    .sort((a, b) => a.r - b.r || b.m.date.localeCompare(a.m.date) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.m);
}

/** The invitation token of a link (`?prm-feedback=…`), if any. */
export function invitationFromUrl(search: string): string | undefined {
  const t = new URLSearchParams(search).get('prm-feedback');
  return t && /^[A-Za-z0-9_-]{16,64}$/.test(t) ? t : undefined;
}

/**
 * Every ISO 3166-1 alpha-2 code (249), for the story's country: the 28 "usual markets" left out
 * Egypt, Jordan, Morocco and most of the clinic's Arabic-speaking patients, and country is required
 * to publish. The server takes any two capital letters (CreateFeedbackBody.country ^[A-Z]{2}$).
 */
export const COUNTRIES: readonly string[] = 'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW'.match(/../g)!;

/** The countries named in `locale` (Intl.DisplayNames), sorted by that name with its Intl.Collator. */
export function countryOptions(locale: string, codes: readonly string[] = COUNTRIES): { code: string; name: string }[] {
  // Named and sorted once per locale, not on every render of the open story fields.
  const key = `${locale}|${codes.length}|${codes[0] ?? ''}`;
  const hit = countryCache.get(key);
  if (hit) return hit;
  const list = nameCountries(locale, codes);
  countryCache.set(key, list);
  return list;
}
const countryCache = new Map<string, { code: string; name: string }[]>();
function nameCountries(locale: string, codes: readonly string[]): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const order = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => order.compare(a.name, b.name));
}
