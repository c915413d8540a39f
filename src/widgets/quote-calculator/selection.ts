import type { Procedure, ProcedureSummary, Specialty } from '../../core/contract/catalog.js';

/** What the list of treatments needs of a procedure (its summary or the procedure in full). */
type Listed = Pick<ProcedureSummary, 'id' | 'specialty' | 'name' | 'description'>;
import type { QuoteSelection } from '../../core/contract/quotes.js';
import { defaultSelection } from '../../shared/pricing.js';

/** Option fields bounded by the procedure's `limits`. */
export type CountField = 'hospitalNights' | 'hotelNights' | 'companions';
export const COUNT_FIELDS: readonly CountField[] = ['hospitalNights', 'hotelNights', 'companions'];

/** Folds case and diacritics so "implant" finds "İmplant" and "cafe" finds "Café". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/ı/g, 'i');
}

/** Procedures of a specialty (all when none) whose name or description matches every word of `query`. */
export function filterProcedures<P extends Listed>(procedures: readonly P[], specialty: string | undefined, query: string): P[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return procedures.filter((p) => {
    if (specialty && p.specialty !== specialty) return false;
    if (!words.length) return true;
    const hay = fold(`${p.name} ${p.description}`);
    return words.every((w) => hay.includes(w));
  });
}

/** Specialties that have at least one procedure, in catalog order. */
export function usedSpecialties(specialties: readonly Specialty[], procedures: readonly Listed[]): Specialty[] {
  const used = new Set(procedures.map((p) => p.specialty));
  return specialties.filter((s) => used.has(s.id));
}

/**
 * Brings a selection back inside what the procedure allows: a known tier, counts within their
 * limits (integers), known add-ons without duplicates. Starts from the defaults for another procedure.
 */
export function clampSelection(procedure: Procedure, sel: QuoteSelection | undefined): QuoteSelection {
  if (!sel || sel.procedureId !== procedure.id) return defaultSelection(procedure);
  const out: QuoteSelection = { ...sel, addOns: [...new Set(sel.addOns)].filter((id) => procedure.addOns.some((a) => a.id === id)) };
  if (!procedure.tiers.some((t) => t.id === out.tier)) out.tier = procedure.defaults.tier;
  for (const f of COUNT_FIELDS) {
    const { min, max } = procedure.limits[f];
    const v = Math.round(Number(out[f]));
    out[f] = Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : procedure.defaults[f];
  }
  return out;
}

/** The procedure a `procedure="…"` attribute names (by id), if the catalog has it. */
export function findProcedure<P extends Listed>(procedures: readonly P[], id: string | undefined | null): P | undefined {
  return id ? procedures.find((p) => p.id === id) : undefined;
}

/** Countries a procedure has a benchmark for, for the savings picker. */
export function benchmarkCountries(procedure: Procedure | undefined): string[] {
  return procedure ? [...new Set(procedure.benchmarks.map((b) => b.country))] : [];
}

/** The country a locale most likely means when it names no region. */
const LANGUAGE_COUNTRY: Record<string, string> = { en: 'GB', de: 'DE', fr: 'FR', es: 'ES', ru: 'RU', ar: 'SA', tr: 'TR' };

/**
 * A guess at the patient's home country: the region of the first browser language that has one
 * (`en-US` → US), else the country of the widget's language; only countries in `allowed` count.
 */
export function guessHomeCountry(locale: string, languages: readonly string[], allowed: readonly string[]): string | undefined {
  const ok = (c: string | undefined) => (c && allowed.includes(c) ? c : undefined);
  for (const tag of languages) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (ok(region)) return region;
    } catch {
      /* malformed language tag: skip */
    }
  }
  return ok(LANGUAGE_COUNTRY[locale.slice(0, 2)]);
}

/** The display currency: the wanted one when the clinic offers it, else the clinic default. */
export function pickCurrency(wanted: string | undefined, offered: readonly string[], fallback: string): string {
  return wanted && offered.includes(wanted) ? wanted : offered.includes(fallback) ? fallback : (offered[0] ?? fallback);
}

/**
 * Reads what a patient typed in a count field: digits only (ASCII, Arabic-Indic ٠–٩, Persian ۰–۹,
 * full-width), surrounding spaces ignored. `value` is set only for a whole number within
 * `min`–`max`; anything else (empty, `1e1`, `2.5`, `-1`, `99`) is not a count, and the field says so
 * rather than pricing something other than what it shows.
 */
export function parseCount(text: string, min: number, max: number): number | undefined {
  const ascii = text.trim().replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) & 0xf));
  if (!/^\d{1,4}$/.test(ascii)) return undefined;
  const n = Number(ascii);
  return n >= min && n <= max ? n : undefined;
}

/** The count a spin key leads to from `value` (APG spinbutton: arrows ±1, Page ±5, Home/End), or undefined for other keys. */
export function stepCount(key: string, value: number, min: number, max: number): number | undefined {
  const to: Record<string, number> = { ArrowUp: value + 1, ArrowDown: value - 1, PageUp: value + 5, PageDown: value - 5, Home: min, End: max };
  const v = to[key];
  return v === undefined ? undefined : Math.min(max, Math.max(min, v));
}

