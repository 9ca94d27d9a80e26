import { z } from 'zod';
import { dayInZone } from './clock-calendar.ts';
import { zodMessage } from './messages.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The calendar date of `at` where the office is (the machine's local time zone). */
export function localIsoDate(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The office's calendar date at `at`: the register's "today". Counted in `zone`, the clock
 * settings' IANA zone, so it is the day the legal clocks count from (contract/clock-compute.ts);
 * where the settings name none (''), in this machine's zone.
 */
export function officeIsoDate(at: Date, zone: string): string {
  return zone === '' ? localIsoDate(at) : dayInZone(at.getTime(), zone);
}

export const isoDate = z.string().refine(isIsoDate, zodMessage('field.isoDate'));
