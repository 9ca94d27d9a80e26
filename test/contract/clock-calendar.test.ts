import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  dayInZone,
  isoWeekday,
  isTimeZone,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDayBack,
  type OfficeCalendar,
  previousWorkingDay,
  startOfDayInZone,
} from '../../contract/clock-calendar.ts';
import { dueDayOf, latestStartFor } from '../../contract/clock-compute.ts';
import type { ClockUnit } from '../../contract/clocks.ts';

const SAT_SUN: OfficeCalendar = { weekendDays: [6, 7], holidays: [] };
const FRI_SAT: OfficeCalendar = { weekendDays: [5, 6], holidays: [] };
const HOUR = 3_600_000;

describe('the office calendar: weekdays, weekends and holidays', () => {
  it('names ISO weekdays from Monday (1) to Sunday (7)', () => {
    expect(isoWeekday('2026-03-09')).toBe(1); // a Monday
    expect(isoWeekday('2026-03-13')).toBe(5);
    expect(isoWeekday('2026-03-15')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('skips Saturday and Sunday in a Saturday–Sunday week', () => {
    expect(addWorkingDays('2026-03-06', 1, SAT_SUN)).toBe('2026-03-09'); // Friday + 1: Monday
    expect(addWorkingDays('2026-03-07', 1, SAT_SUN)).toBe('2026-03-09'); // from a Saturday
    expect(addWorkingDays('2026-03-06', 10, SAT_SUN)).toBe('2026-03-20');
    expect(isWorkingDay('2026-03-13', SAT_SUN)).toBe(true);
    expect(isWorkingDay('2026-03-14', SAT_SUN)).toBe(false);
  });

  it('skips Friday and Saturday in a Friday–Saturday week (common in Arab states)', () => {
    expect(addWorkingDays('2026-03-05', 1, FRI_SAT)).toBe('2026-03-08'); // Thursday + 1: Sunday
    expect(addWorkingDays('2026-03-05', 5, FRI_SAT)).toBe('2026-03-12');
    expect(isWorkingDay('2026-03-15', FRI_SAT)).toBe(true); // Sunday
    expect(isWorkingDay('2026-03-13', FRI_SAT)).toBe(false); // Friday
  });

  it('skips the public holidays it lists', () => {
    const withHolidays: OfficeCalendar = { weekendDays: [6, 7], holidays: ['2026-03-16', '2026-03-17'] };
    expect(addWorkingDays('2026-03-06', 10, withHolidays)).toBe('2026-03-24');
    expect(nextWorkingDay('2026-03-14', withHolidays)).toBe('2026-03-18');
    expect(previousWorkingDay('2026-03-17', withHolidays)).toBe('2026-03-13');
    expect(nthWorkingDayBack('2026-03-18', 2, withHolidays)).toBe('2026-03-13');
  });

  it('leaves a working day where it is', () => {
    expect(nextWorkingDay('2026-03-10', SAT_SUN)).toBe('2026-03-10');
    expect(previousWorkingDay('2026-03-10', SAT_SUN)).toBe('2026-03-10');
  });

  it('refuses to walk a calendar without working days instead of looping', () => {
    expect(() => addWorkingDays('2026-03-10', 1, { weekendDays: [1, 2, 3, 4, 5, 6, 7], holidays: [] })).toThrow(
      /no working days/,
    );
  });
});

describe('latestStartFor: the bound the dashboard compares start columns with', () => {
  const day = fc.integer({ min: 0, max: 900 }).map((n) => addCalendarDays('2025-06-01', n));
  const calendar = fc.record({
    weekendDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    holidays: fc.uniqueArray(day, { maxLength: 40 }),
  });

  it('gives exactly the starts whose due day is on or before the target, in every way of counting', () => {
    fc.assert(
      fc.property(
        calendar,
        day,
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom<ClockUnit>('calendar_days', 'working_days'),
        fc.boolean(),
        fc.integer({ min: -60, max: 60 }),
        (cal, target, length, unit, rolls, offset) => {
          const bound = latestStartFor(target, { length, unit }, rolls, cal);
          const start = addCalendarDays(bound, offset);
          const due = dueDayOf(start, { length, unit }, rolls, cal);
          expect(due <= target).toBe(start <= bound);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the office time zone', () => {
  it('tells the office day of a moment, which differs between zones around midnight', () => {
    const at = Date.parse('2026-03-10T23:30:00Z');
    expect(dayInZone(at, 'UTC')).toBe('2026-03-10');
    expect(dayInZone(at, 'Asia/Tokyo')).toBe('2026-03-11');
    expect(dayInZone(at, 'America/New_York')).toBe('2026-03-10');
    expect(dayInZone(Date.parse('2026-03-11T03:30:00Z'), 'America/New_York')).toBe('2026-03-10');
  });

  it('starts each day at its own midnight across the daylight-saving changes (Europe/Paris)', () => {
    // The last Sunday of March has 23 hours, the last Sunday of October 25.
    const march = startOfDayInZone('2026-03-29', 'Europe/Paris');
    expect(new Date(march).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInZone('2026-03-30', 'Europe/Paris') - march).toBe(23 * HOUR);
    const october = startOfDayInZone('2026-10-25', 'Europe/Paris');
    expect(new Date(october).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayInZone('2026-10-26', 'Europe/Paris') - october).toBe(25 * HOUR);
  });

  it('starts a day whose midnight the clocks skip at its first moment (America/Santiago)', () => {
    // Chile moves its clocks from 24:00 to 01:00 on the first Sunday of September.
    const start = startOfDayInZone('2026-09-06', 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dayInZone(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayInZone(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('knows the IANA zones and refuses what is not one', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Asia/Riyadh')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('x'.repeat(65))).toBe(false);
  });
});
