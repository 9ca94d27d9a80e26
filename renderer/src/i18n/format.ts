import { DEFAULT_LANGUAGE, isLanguage, type Language, localeOf } from '../../../i18n/languages.ts';

/*
 * Dates, times, numbers and sizes as the chosen language writes them: every figure the screens
 * show goes through Intl with localeOf(language) (Arabic with Western digits, Chinese in the
 * simplified script). What stays ISO is data: the dates typed into inputs and the exact times of
 * e-evidence identifiers, which are evidence and are compared as written.
 */

/** One of the six from whatever i18next holds ('ar', or a tag such as 'en-GB'); English otherwise. */
export function languageOf(tag: string | undefined): Language {
  if (isLanguage(tag)) return tag;
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Intl formatters are costly to build and the register formats thousands of cells.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = cache.get(key);
  if (!made) {
    made = make();
    cache.set(key, made);
  }
  return made as T;
}

const dateFormat = (language: Language) =>
  cached(
    `date:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }),
  );

/**
 * A calendar day (YYYY-MM-DD, as the register keeps it) in the language's medium form, "1 Feb
 * 2026", "١ فبراير ٢٠٢٦" with Western digits, "2026年2月1日": the month in words, so never
 * ambiguous between day-first and month-first readers. Anything else is shown as it is.
 */
export function formatDate(day: string | null | undefined, language: Language): string {
  if (!day) return '';
  if (!ISO_DATE.test(day)) return day;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : dateFormat(language).format(at);
}

/** The local calendar day of a moment (an ISO timestamp), in the language's medium form. */
export function formatDay(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return cached(`day:${language}`, () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' })).format(
    at,
  );
}

/** A moment (ISO timestamp) in the office's local time: its day and hour. */
export function formatDateTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return cached(
    `moment:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(at);
}

/** The full day for a heading: "Tuesday 10 March 2026". */
export function formatLongDate(day: string, language: Language): string {
  if (!ISO_DATE.test(day)) return day;
  return cached(
    `full:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'full', timeZone: 'UTC' }),
  ).format(new Date(`${day}T00:00:00Z`));
}

/** Hours and minutes in local time, 24-hour (a lock-out lasts minutes to a day). */
export function formatTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return cached(
    `time:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(at);
}

/** A count or a measure with the language's grouping and decimal signs; `digits` fixes the decimals. */
export function formatNumber(value: number, language: Language, digits?: number): string {
  const options: Intl.NumberFormatOptions =
    digits === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return cached(`number:${language}:${digits ?? ''}`, () => new Intl.NumberFormat(localeOf(language), options)).format(
    value,
  );
}

/** A share (0.25) as the language writes a percentage ("25 %", "25%", "٪25" with Western digits). */
export function formatPercent(share: number, language: Language): string {
  return cached(
    `percent:${language}`,
    () => new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }),
  ).format(share);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A file size for people: whole bytes, then one decimal, with the language's own unit names. */
export function formatSize(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const name = BYTE_UNITS[unit] ?? 'byte';
  return cached(
    `size:${language}:${name}`,
    () =>
      new Intl.NumberFormat(localeOf(language), {
        style: 'unit',
        unit: name,
        // "512 bytes", not English's short "512 byte"; kB, Mo, МБ… above.
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  ).format(value);
}

/** Sorts names as readers of the language expect (accents, scripts, case). */
export function collatorOf(language: Language): Intl.Collator {
  return new Intl.Collator(localeOf(language));
}

/**
 * Interpolated numbers in translations ("{{count}} requests") get the language's digits and
 * grouping; years, ids and days of the month are left alone. Used as i18next's formatter.
 */
const COUNTED = new Set(['count', 'total', 'rows', 'done', 'requests', 'documents', 'problems', 'shown', 'files']);

export const numberFormatter = {
  type: 'formatter' as const,
  init(): void {},
  add(): void {},
  addCached(): void {},
  format(value: unknown, format: string | undefined, lng: string | undefined, options?: { interpolationkey?: string }) {
    if (typeof value !== 'number') return value;
    if (format === 'number' || (format === undefined && COUNTED.has(options?.interpolationkey ?? ''))) {
      return formatNumber(value, languageOf(lng));
    }
    return value;
  },
};
