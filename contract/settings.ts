import { z } from 'zod';

/**
 * Reference patterns use placeholders: {KIND} (MLA, PRE, DIS, EDR), {DIR} (IN, OUT),
 * {YYYY} (year), and {SEQ} or {SEQ:n} (the running number, zero-padded to n digits).
 * The running number counts per kind, direction and year, so the pattern must hold all four.
 */
export const DEFAULT_REFERENCE_PATTERN = '{KIND}-{DIR}-{YYYY}-{SEQ:5}';

export const referencePatternSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((p) => ['{KIND}', '{DIR}', '{YYYY}'].every((t) => p.includes(t)), {
    message: 'must contain {KIND}, {DIR} and {YYYY}, so that references stay unique',
  })
  .refine((p) => (p.match(/\{SEQ(?::[1-9])?\}/g) ?? []).length === 1, {
    message: 'must contain the running number once, as {SEQ} or {SEQ:n} (n from 1 to 9)',
  })
  .refine((p) => p.replace(/\{(KIND|DIR|YYYY|SEQ(?::[1-9])?)\}/g, '').search(/[{}]/) === -1, {
    message: 'may use only {KIND}, {DIR}, {YYYY} and {SEQ:n} as placeholders',
  });

const days = z
  .number({ error: 'must be a number of days' })
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1 day' })
  .max(3650, { message: 'must be at most 3650 days (ten years)' });

export const settingsSchema = z.object({
  officeName: z.string().trim().max(200, { message: 'must be at most 200 characters' }),
  referencePattern: referencePatternSchema,
  /** Reminders (the Today dashboard): how long the office waits before a request counts as late. */
  acknowledgementDays: days,
  replyAbroadDays: days,
  preservationWarningDays: days,
  deadlineWarningDays: days,
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
};

export const settingsPatchSchema = settingsSchema.partial();
