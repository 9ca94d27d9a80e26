import { z } from 'zod';
import { isTimeZone } from './clock-calendar.ts';
import {
  ADJUSTABLE_CLOCKS,
  type AdjustableClock,
  CLOCK_UNITS_ALLOWED,
  DEFAULT_CLOCK_LENGTHS,
  DEFAULT_EXTENSION_DAYS,
  PRESERVATION_CLOCKS,
  type PreservationClock,
} from './clocks.ts';
import { isoDate } from './dates.ts';
import { zodMessage } from './messages.ts';

/**
 * Reference patterns use placeholders: {KIND} (MLA, PRE, DIS, EDR), {DIR} (IN, OUT),
 * {YYYY} (year), and {SEQ} or {SEQ:n} (the running number, zero-padded to n digits).
 * The running number counts per kind, direction and year, so the pattern must hold all four.
 */
export const DEFAULT_REFERENCE_PATTERN = '{KIND}-{DIR}-{YYYY}-{SEQ:5}';

export const referencePatternSchema = z
  .string()
  .trim()
  .min(1, zodMessage('field.required'))
  .max(80, zodMessage('field.maxLength'))
  .refine((p) => ['{KIND}', '{DIR}', '{YYYY}'].every((t) => p.includes(t)), zodMessage('field.referencePattern.parts'))
  .refine((p) => (p.match(/\{SEQ(?::[1-9])?\}/g) ?? []).length === 1, zodMessage('field.referencePattern.sequence'))
  .refine(
    (p) => p.replace(/\{(KIND|DIR|YYYY|SEQ(?::[1-9])?)\}/g, '').search(/[{}]/) === -1,
    zodMessage('field.referencePattern.placeholders'),
  );

const days = z
  .number(zodMessage('field.numberOf.days'))
  .int(zodMessage('field.wholeNumberOf.days'))
  .min(1, zodMessage('field.atLeastDays'))
  .max(3650, zodMessage('field.atMostTenYears'));

const whole = (unit: 'attempts' | 'minutes', min: number, max: number) =>
  z
    .number(zodMessage(`field.numberOf.${unit}`))
    .int(zodMessage(`field.wholeNumberOf.${unit}`))
    .min(min, zodMessage('field.atLeast'))
    .max(max, zodMessage('field.atMost'));

export const settingsSchema = z.object({
  officeName: z.string().trim().max(200, zodMessage('field.maxLength')),
  referencePattern: referencePatternSchema,
  /** Reminders (the Today dashboard): how long the office waits before a request counts as late. */
  acknowledgementDays: days,
  replyAbroadDays: days,
  preservationWarningDays: days,
  deadlineWarningDays: days,
  /** Sign-in (db/accounts): this many wrong passwords in a row lock the account... */
  lockoutAttempts: whole('attempts', 3, 20),
  /** ...for this many minutes (an administrator can unlock it sooner). */
  lockoutMinutes: whole('minutes', 1, 1440),
  /** A session unused this long ends, and the screen locks until the password is given again. */
  idleMinutes: whole('minutes', 1, 480),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  referencePattern: DEFAULT_REFERENCE_PATTERN,
  // An outgoing request not acknowledged abroad after 30 days, or unanswered after 90, is chased.
  acknowledgementDays: 30,
  replyAbroadDays: 90,
  // Preservations ending, and counterpart deadlines falling, within two weeks are flagged.
  preservationWarningDays: 14,
  deadlineWarningDays: 14,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  idleMinutes: 15,
};

export const settingsPatchSchema = settingsSchema.partial();

const backupCount = (what: 'backups' | 'days', max: number) =>
  z
    .number(zodMessage(`field.numberOf.${what}`))
    .int(zodMessage(`field.wholeNumberOf.${what}`))
    .min(1, zodMessage('field.atLeast'))
    .max(max, zodMessage('field.atMost'));

/**
 * How many backups are kept (db/backups/retention.ts prunes the others after each backup).
 * Kept apart from the office settings above: the Backups panel edits them on its own.
 */
export const backupRetentionSchema = z.object({
  /** The newest daily backups kept: one a day while the app is used. */
  keepDaily: backupCount('backups', 366),
  /** The newest backups taken on demand. */
  keepOnDemand: backupCount('backups', 100),
  /** Days a backup taken before a migration or a restore is kept; the newest of each kind always is. */
  keepEventDays: backupCount('days', 3650),
});
export type BackupRetention = z.infer<typeof backupRetentionSchema>;

export const DEFAULT_BACKUP_RETENTION: BackupRetention = {
  // Two weeks of days to go back to, a handful of deliberate ones, and a quarter's upgrades.
  keepDaily: 14,
  keepOnDemand: 10,
  keepEventDays: 90,
};

export const backupRetentionPatchSchema = backupRetentionSchema.partial();

/*
 * The legal clocks (contract/clocks.ts): each adjustable clock's length, the preservations'
 * extension, and the office's calendar the day-counted clocks run on. Kept apart from the
 * office settings above, as one stored value: the Clocks form in Settings edits them on its own.
 * The reminder times above (acknowledgementDays, replyAbroadDays) are the lengths of the
 * acknowledgement and reply-abroad clocks: they are not repeated here.
 */

const wholeNumber = (min: number, max: number) =>
  z.number().int().min(min, zodMessage('field.atLeast')).max(max, zodMessage('field.atMost'));

const clockLengthSchema = (id: AdjustableClock) => {
  const units = CLOCK_UNITS_ALLOWED[id];
  // Hours are for emergencies: up to 30 days of them; days up to ten years, as the reminders.
  return z.strictObject({ length: units[0] === 'hours' ? wholeNumber(1, 720) : days, unit: z.enum(units) });
};

const uniqueList = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const clockSettingsSchema = z.object({
  lengths: z.object(
    Object.fromEntries(ADJUSTABLE_CLOCKS.map((id) => [id, clockLengthSchema(id)])) as {
      [K in AdjustableClock]: ReturnType<typeof clockLengthSchema>;
    },
  ),
  /** Days one extension of a preservation adds, when the request records no new date. */
  extensions: z.object(
    Object.fromEntries(PRESERVATION_CLOCKS.map((id) => [id, days])) as { [K in PreservationClock]: typeof days },
  ),
  /** ISO weekdays the office is closed, 1 Monday … 7 Sunday: Saturday and Sunday, or Friday and Saturday… */
  weekendDays: z
    .array(z.number().int().min(1, zodMessage('field.atLeast')).max(7, zodMessage('field.atMost')))
    .max(6, zodMessage('clock.field.weekendWholeWeek'))
    .refine(uniqueList, zodMessage('clock.field.repeated')),
  /** Public holidays: working-day clocks skip them, and periods of the EU instruments do not end on them. */
  holidays: z
    .array(isoDate)
    .max(1000, zodMessage('field.atMost'))
    .refine(uniqueList, zodMessage('clock.field.repeated')),
  /** The office's IANA time zone, whose calendar days the clocks count; empty: the machine's own. */
  timeZone: z
    .string()
    .trim()
    .max(64, zodMessage('field.maxLength'))
    .refine((zone) => zone === '' || isTimeZone(zone), zodMessage('clock.field.timeZone')),
  /** A clock counted in days is "due soon" this many days before its due day (0: only when due)… */
  warningDays: wholeNumber(0, 365),
  /** …and one counted in hours this many hours before. */
  warningHours: wholeNumber(0, 168),
});
export type ClockSettings = z.infer<typeof clockSettingsSchema>;

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  lengths: { ...DEFAULT_CLOCK_LENGTHS },
  extensions: { ...DEFAULT_EXTENSION_DAYS },
  weekendDays: [6, 7],
  holidays: [],
  timeZone: '',
  // A week's notice for a day-counted clock; for an emergency's hours, the last two.
  warningDays: 7,
  warningHours: 2,
};

/** A change to some of them: any top-level part, and any single clock of a group. */
export const clockSettingsPatchSchema = z.strictObject({
  lengths: clockSettingsSchema.shape.lengths.partial().strict().optional(),
  extensions: clockSettingsSchema.shape.extensions.partial().strict().optional(),
  weekendDays: clockSettingsSchema.shape.weekendDays.optional(),
  holidays: clockSettingsSchema.shape.holidays.optional(),
  timeZone: clockSettingsSchema.shape.timeZone.optional(),
  warningDays: clockSettingsSchema.shape.warningDays.optional(),
  warningHours: clockSettingsSchema.shape.warningHours.optional(),
});
export type ClockSettingsPatch = z.infer<typeof clockSettingsPatchSchema>;
