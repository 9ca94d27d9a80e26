import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldProblems } from '../../../../contract/validate.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { problemText } from '../../components/error-text.ts';

/** One input of a directory entry's dialog. */
export interface FieldSpec {
  key: string;
  kind: 'text' | 'email' | 'textarea' | 'country';
  required?: boolean;
  /** Translation key of a hint under the label. */
  hint?: string;
}

/** The dialog's values: every field as the text typed ('' = empty; a country by its code). */
export type EntryValues = Record<string, string>;

export function emptyValues(fields: readonly FieldSpec[]): EntryValues {
  return Object.fromEntries(fields.map((f) => [f.key, '']));
}

/** A stored entry's values for the dialog: null shows as an empty field. */
export function valuesOf(fields: readonly FieldSpec[], entry: object): EntryValues {
  const stored = new Map<string, unknown>(Object.entries(entry));
  return Object.fromEntries(
    fields.map((f) => {
      const value = stored.get(f.key);
      return [f.key, typeof value === 'string' ? value : ''];
    }),
  );
}

/** What the channel takes: the values, plus the id when correcting. */
export function inputOf(values: EntryValues, id: number | undefined): Record<string, unknown> {
  return id === undefined ? { ...values } : { ...values, id };
}

/** The contract's own schema, so the dialog names mistakes before anything is sent. */
export function checkEntry(t: TFunction, schema: z.ZodType, values: EntryValues, id: number | undefined): FieldErrors {
  const parsed = schema.safeParse(inputOf(values, id));
  const errors: FieldErrors = {};
  if (!parsed.success) for (const p of fieldProblems(parsed.error)) errors[p.field] ??= problemText(t, p);
  return errors;
}
