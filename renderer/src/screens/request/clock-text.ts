import type { TFunction } from 'i18next';
import type { ComputedClock } from '../../../../contract/clock-results.ts';
import { type Language, localeOf } from '../../../../i18n/languages.ts';
import { formatDate } from '../../i18n/format.ts';

/*
 * A clock's due date and time left in the reader's language, shared by the request's Clocks
 * panel and the Today dashboard. A clock counted in days is due at the end of its due day on
 * the office's calendar, so it shows that day; one counted in hours shows the moment, in the
 * office's zone (which the panel names), not the reader's machine's.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const momentFormats = new Map<string, Intl.DateTimeFormat>();
function momentFormat(language: Language, zone: string): Intl.DateTimeFormat {
  const key = `${language} ${zone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    });
    momentFormats.set(key, format);
  }
  return format;
}

/** When the clock falls due: its day, or for a clock in hours the day and time in the office's zone. */
export function dueText(clock: ComputedClock, language: Language, zone: string): string {
  if (clock.unit === 'hours' && clock.dueAt) return momentFormat(language, zone).format(new Date(clock.dueAt));
  return formatDate(clock.dueOn, language);
}

/** "3 days left", "Due today", "Overdue by 5 hours"; for a clock not running, how it stands. */
export function leftText(t: TFunction, clock: ComputedClock, language: Language): string {
  switch (clock.state) {
    case 'pending':
      return t(`clocks.starts.${clock.clock}`);
    case 'stopped':
      if (clock.stopReason === 'followUp') return t('clocks.stopped.followUp');
      return clock.stoppedOn
        ? t('clocks.stopped.on', { date: formatDate(clock.stoppedOn, language) })
        : t('clocks.stopped.plain');
    default:
      break;
  }
  if (clock.unit !== 'hours' && clock.daysLeft !== null) {
    if (clock.daysLeft === 0) return t('clocks.left.today');
    return clock.daysLeft > 0
      ? t('clocks.left.days', { count: clock.daysLeft })
      : t('clocks.overdue.days', { count: -clock.daysLeft });
  }
  const ms = clock.msLeft ?? 0;
  const away = Math.abs(ms);
  const [unit, count] =
    away >= HOUR_MS
      ? (['hours', Math.floor(away / HOUR_MS)] as const)
      : (['minutes', Math.max(1, Math.floor(away / MINUTE_MS))] as const);
  return ms > 0 ? t(`clocks.left.${unit}`, { count }) : t(`clocks.overdue.${unit}`, { count });
}

/** The colour a clock's time left is shown in: red when late, orange when close, grey when not running. */
export function stateColour(clock: ComputedClock): string {
  switch (clock.state) {
    case 'overdue':
      return 'red';
    case 'dueSoon':
      return 'orange';
    case 'running':
      return 'inherit';
    default:
      return 'dimmed';
  }
}
