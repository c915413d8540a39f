/**
 * The cities patients ask for most, by their names in Arabic and Russian letters: browsers name
 * zones in every language but give no translated city names, so "نيويورك" or "Дубай" found
 * nothing. Part of the lazy time-zone picker's chunk only, whose 2 KiB budget holds ~36 entries: the
 * Gulf, the Levant, North Africa, Russia and its neighbours, and the cities those patients most
 * often live in abroad. Names the zone's own name already carries in that language ("Москва,
 * стандартное время", "توقيت موسكو الرسمي") are left out. Each entry: the last part of the zone's id
 * as Chromium lists it = names.
 */
import { foldText, type ZoneOption } from './time-zones.js';

export const CITY_TABLE =
  'Dubai=دبي|أبوظبي|Дубай;Riyadh=الرياض|جدة|مكة;Kuwait=الكويت;Qatar=الدوحة;Bahrain=المنامة;Muscat=مسقط;Baghdad=بغداد|أربيل;Amman=عمان;Beirut=بيروت;' +
  'Damascus=دمشق;Aden=صنعاء;Gaza=غزة;Cairo=القاهرة;Tripoli=طرابلس;Tunis=تونس;Algiers=الجزائر;Casablanca=الدار البيضاء;Khartoum=الخرطوم;' +
  'Istanbul=إسطنبول|Стамбул;London=لندن|Лондон;Paris=باريس|Париж;Berlin=برلين|Берлин;Moscow=Санкт-Петербург|Казань;New_York=نيويورك|Нью-Йорк;' +
  'Samara=Самара;Yekaterinburg=Екатеринбург|Уфа;Kaliningrad=Калининград;Kiev=Киев;Minsk=Минск;Almaty=Алматы|Астана;Tashkent=Ташкент;Baku=Баку;' +
  'Tbilisi=Тбилиси;Yerevan=Ереван;Bishkek=Бишкек;Chisinau=Кишинёв';

let table: Map<string, string[]> | undefined;

/** The table's names of zone `id` (Arabic and Russian together), or none. */
export function cityNames(id: string): string[] {
  table ??= new Map(CITY_TABLE.split(';').map((e) => e.split('=') as [string, string]).map(([z, n]) => [z, n.split('|')]));
  return table.get(id.slice(id.lastIndexOf('/') + 1)) ?? [];
}

/**
 * The picker's options with the table's names searchable, in every widget language (an Arabic
 * speaker may read the widget in English). The list still shows each city by its id's name
 * ("Dubai"), as the zone line does, beside the zone's name in the widget's language.
 */
export function withCityNames(options: readonly ZoneOption[]): ZoneOption[] {
  return options.map((o) => {
    const n = cityNames(o.id);
    return n.length ? { ...o, haystack: `${o.haystack} ${foldText(n.join(' '))}` } : o;
  });
}
