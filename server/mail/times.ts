import type { Language } from '../../shared/localized';

// Times, durations and countries as a rep or prospect reads them, in their language: every time
// in the vendor's time zone and saying which one ("14:35 (Amsterdam time)").

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[language], { timeZone, ...options }); // costly to build: kept
    formats.set(key, f);
  }
  return f;
}

/** "Amsterdam time" / "tijd in Amsterdam": the city of an IANA zone, else the zone itself. */
export function zoneName(timeZone: string, language: Language): string {
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : timeZone;
  return language === 'nl' ? `tijd in ${city}` : `${city} time`;
}

/** "14:35 (Amsterdam time)", with the day in front when it is not the day of `now`. */
export function formatDeadline(at: number, now: number, timeZone: string, language: Language): string {
  const day = (ms: number) => format(language, timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(ms);
  const time = format(language, timeZone, { hour: '2-digit', minute: '2-digit' }).format(at);
  const when = day(at) === day(now) ? time : format(language, timeZone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${when} (${zoneName(timeZone, language)})`;
}

/** "Friday 4 December, 17:00 (Amsterdam time)" / "vrijdag 4 december om 17:00 (tijd in Amsterdam)": always with the day (a promise). */
export function formatPromise(at: number, timeZone: string, language: Language): string {
  return `${format(language, timeZone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(at)} (${zoneName(timeZone, language)})`;
}

/** "1 December 2026, 10:00 (Amsterdam time)" / "1 december 2026, 10:00 (tijd in Amsterdam)". */
export function formatDateTime(at: number, timeZone: string, language: Language): string {
  const date = format(language, timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(at);
  const time = format(language, timeZone, { hour: '2-digit', minute: '2-digit' }).format(at);
  return `${date}, ${time} (${zoneName(timeZone, language)})`;
}

/** "1 December 2026" / "1 december 2026". */
export function formatDate(at: number, timeZone: string, language: Language): string {
  return format(language, timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(at);
}

/** "1 minute", "60 minutes", "8 hours" / "1 minuut", "60 minuten", "8 uur" (whole hours from 2 on). */
export function formatMinutes(minutes: number, language: Language): string {
  if (minutes >= 120 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return language === 'nl' ? `${hours} uur` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return language === 'nl' ? `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}` : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

const regionNames = new Map<Language, Intl.DisplayNames>();

/** "Nederland" / "Netherlands" for "NL"; an unknown code stays as it is. */
export function countryName(code: string, language: Language): string {
  let names = regionNames.get(language);
  if (!names) regionNames.set(language, (names = new Intl.DisplayNames([locales[language]], { type: 'region', fallback: 'code' })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
