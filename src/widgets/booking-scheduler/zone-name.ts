/**
 * How a zone is named to the patient (confirmation, details summary, manage view, and the server's
 * calendar file). Its own module, so only the details chunk carries it, not the calendar's.
 */
import { cityOf, genericName } from './time-zones.js';

/**
 * The zone as a patient reads it in their language, never its IANA id: the generic name ("Gulf
 * Standard Time", "توقيت الخليج", "Восточная Америка"); with the city in front only where the name
 * is just an offset ("GMT+04:00": a zone this browser has no name for), so two zones never read alike.
 */
export function zoneName(id: string, locale: string, at: number): string {
  let n = '';
  try {
    n = genericName(id, locale, at);
  } catch {
    /* unknown to Intl: the city alone */
  }
  return !n ? cityOf(id) : /\p{Nd}/u.test(n) && /^(?!Etc\/)\w+\//.test(id) ? `${cityOf(id)} (${n})` : n;
}
