import { z } from 'zod';
import { listQuerySchema } from './requests.ts';
import { zodMessage } from './messages.ts';

/** A saved view keeps the register's filters and sort order, never a page position. */
export const savedQuerySchema = listQuerySchema.omit({ limit: true, offset: true });
export type SavedQuery = z.input<typeof savedQuerySchema>;

export const savedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  query: savedQuerySchema,
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const saveViewSchema = z.strictObject({
  name: z
    .string(zodMessage('field.required'))
    .trim()
    .min(1, zodMessage('field.required'))
    .max(80, zodMessage('field.maxLength')),
  query: savedQuerySchema,
});
export type SaveViewInput = z.input<typeof saveViewSchema>;
export type ValidSaveView = z.output<typeof saveViewSchema>;
