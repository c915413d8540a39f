/**
 * The searchable time-zone list (lazy part of the scheduler: loaded when the patient opens the
 * picker). Built on `Intl.supportedValuesOf('timeZone')`, each zone with its UTC offset at the
 * instant that matters (the month being booked, not "now") and a city name.
 */
import { offsetLabel, offsetMinutes } from './zones.js';

export interface ZoneOption {
  id: string;
  /** "New York", "Kolkata" (from the IANA name; Intl has no localized city names). */
  city: string;
  /** Minutes east of UTC at the chosen instant. */
  offset: number;
  /** "GMT+5:30". */
  offsetLabel: string;
  /** The zone's localized generic name when Intl has one ("Eastern Time", "heure de l’Est"). */
  name: string;
  /** Folded text the search runs on. */
  haystack: string;
}

/**
 * Lower case, no diacritics, Unicode minus as ASCII, for search. Arabic as typed either way: no
 * vowel marks or tatweel, hamza forms as their bare letter (أ إ آ → ا: NFD splits them off), ى → ي, ة → ه.
 * Arabic-Indic (٠–٩) and Persian (۰–۹) digits as 0–9, so `+٥:٣٠` finds what `+5:30` finds.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]|\u0640/g, '')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u2212/g, '-')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 15))
    .replace(/[_/]/g, ' ')
    .toLocaleLowerCase('en');
}

/** Cities renamed since the zone got its id; browsers still list the old id (ICU canonical names). */
const RENAMED: Record<string, string> = { Calcutta: 'Kolkata', Katmandu: 'Kathmandu', Kiev: 'Kyiv', Saigon: 'Ho Chi Minh', Rangoon: 'Yangon', Godthab: 'Nuuk', Ulaanbaatar: 'Ulaanbaatar', Ulan_Bator: 'Ulaanbaatar' };

export function cityOf(id: string): string {
  const last = id.split('/').pop() ?? id;
  return (RENAMED[last] ?? last).replace(/_/g, ' ');
}

/** The zone's generic name in `locale` at instant `at` ("Eastern Time", "توقيت الخليج"); '' when Intl has none. Throws for a zone Intl does not know. */
export const genericName = (id: string, locale: string, at: number): string =>
  new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';

function zoneIds(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/**
 * Every zone the browser knows, plus UTC and the `extra` zones (the patient's detected zone may be
 * an alias the list lacks, e.g. "Asia/Calcutta"), sorted by offset then city.
 */
export function timeZoneOptions(locale: string, at: number, extra: readonly string[] = []): ZoneOption[] {
  const ids = [...new Set([...zoneIds(), 'UTC', ...extra])];
  const out: ZoneOption[] = [];
  for (const id of ids) {
    let name = '';
    try {
      name = genericName(id, locale, at);
    } catch {
      continue; // not a zone this browser can format
    }
    const city = cityOf(id);
    const label = offsetLabel(at, id);
    out.push({ id, city, offset: offsetMinutes(at, id), offsetLabel: label, name, haystack: foldText(`${id} ${city} ${name} ${label} ${label.replace('GMT', 'UTC')}`) });
  }
  return out.sort((a, b) => a.offset - b.offset || a.city.localeCompare(b.city));
}

/** Zones matching every word of `query` (city, IANA name, localized name or "GMT+5:30"). */
export function searchZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => words.every((w) => o.haystack.includes(w)));
}
