import { describe, expect, it } from 'vitest';
import { backArrow, forwardArrow } from '../../renderer/src/i18n/arrows.ts';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSize,
  formatTime,
  languageOf,
  numberFormatter,
} from '../../renderer/src/i18n/format.ts';

/** Intl puts narrow or plain no-break spaces and bidi marks in places: compare what is read. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

describe('formatting in the chosen language', () => {
  it('writes a day with the month in words where the language does, Western digits in Arabic', () => {
    expect(plain(formatDate('2026-03-05', 'en'))).toBe('Mar 5, 2026');
    expect(plain(formatDate('2026-03-05', 'fr'))).toBe('5 mars 2026');
    expect(plain(formatDate('2026-03-05', 'ru'))).toMatch(/^5 мар\. 2026 г\.$/);
    expect(plain(formatDate('2026-03-05', 'zh'))).toBe('2026年3月5日');
    expect(plain(formatDate('2026-03-05', 'ar'))).toMatch(/^0?5\/0?3\/2026$/);
    // The same day whatever the computer's time zone (a register day is not a moment).
    expect(plain(formatDate('2026-01-01', 'en'))).toBe('Jan 1, 2026');
    // What is not a day is shown as it is; nothing shows nothing.
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate(null, 'en')).toBe('');
  });

  it('groups digits and writes decimals as the language does', () => {
    expect(formatNumber(250000, 'en')).toBe('250,000');
    expect(plain(formatNumber(250000, 'fr'))).toBe('250 000');
    expect(formatNumber(250000, 'es')).toBe('250.000');
    expect(formatNumber(250000, 'ar')).toBe('250,000');
    expect(formatNumber(101, 'fr', 1)).toBe('101,0');
    expect(plain(formatPercent(0.25, 'fr'))).toBe('25 %');
    expect(formatTime('2026-03-10T14:35:00', 'en')).toBe('14:35');
  });

  it('names file sizes in the language, one decimal above a kilobyte', () => {
    expect(formatSize(512, 'en')).toBe('512 bytes');
    expect(plain(formatSize(512, 'fr'))).toBe('512 octets');
    expect(formatSize(243 * 1024, 'en')).toBe('243 kB');
    expect(plain(formatSize(3.5 * 1024 * 1024, 'fr'))).toBe('3,5 Mo');
    expect(plain(formatSize(3.5 * 1024 * 1024, 'ru'))).toBe('3,5 МБ');
  });

  it('gives i18next counts the language’s grouping, and leaves years and ids alone', () => {
    const format = (value: unknown, key: string, lng = 'fr') =>
      plain(String(numberFormatter.format(value, undefined, lng, { interpolationkey: key })));
    expect(format(12345, 'count')).toBe('12 345');
    expect(format(12345, 'total', 'en')).toBe('12,345');
    expect(format(2026, 'year')).toBe('2026');
    expect(format(12345, 'id')).toBe('12345');
    expect(format('12345', 'count')).toBe('12345');
  });

  it('knows the six from the tags i18next may hold', () => {
    expect(languageOf('ar')).toBe('ar');
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('points arrows along the reading direction', () => {
    expect([backArrow('en'), forwardArrow('en')]).toEqual(['←', '→']);
    expect([backArrow('ar'), forwardArrow('ar')]).toEqual(['→', '←']);
  });
});
