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
  .min(1)
  .max(80)
  .refine((p) => ['{KIND}', '{DIR}', '{YYYY}'].every((t) => p.includes(t)), {
    message: 'must contain {KIND}, {DIR} and {YYYY}, so that references stay unique',
  })
  .refine((p) => (p.match(/\{SEQ(?::[1-9])?\}/g) ?? []).length === 1, {
    message: 'must contain the running number once, as {SEQ} or {SEQ:n} (n from 1 to 9)',
  })
  .refine((p) => p.replace(/\{(KIND|DIR|YYYY|SEQ(?::[1-9])?)\}/g, '').search(/[{}]/) === -1, {
    message: 'may use only {KIND}, {DIR}, {YYYY} and {SEQ:n} as placeholders',
  });

export const settingsSchema = z.object({
  officeName: z.string().trim().max(200),
  referencePattern: referencePatternSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  referencePattern: DEFAULT_REFERENCE_PATTERN,
};

export const settingsPatchSchema = settingsSchema.partial();
