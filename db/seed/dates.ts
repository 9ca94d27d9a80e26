/** Calendar-date arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => isoOfDay(dayNumber(iso) + days);
