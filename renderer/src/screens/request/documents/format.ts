import { formatDateTime, formatSize as sizeIn, languageOf } from '../../../i18n/format.ts';

/** A file size for people: 1 decimal above a kilobyte, in the language's digits and unit names. */
export function formatSize(bytes: number, language: string): string {
  return sizeIn(bytes, languageOf(language));
}

/** When something was recorded, in the office's local time and the language's form. */
export function formatMoment(iso: string, language: string): string {
  return formatDateTime(iso, languageOf(language));
}
