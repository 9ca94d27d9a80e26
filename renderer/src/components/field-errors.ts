import type { TFunction } from 'i18next';
import type { ApiError, FieldProblem } from '../../../contract/errors.ts';
import { ApiCallError } from '../api/client.ts';
import { problemText } from './error-text.ts';

/** Field → message in the reader's language, from a refused call's `fields` (or a zod error of the same contract). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(t: TFunction, error: unknown): FieldErrors {
  const apiError: ApiError | undefined = error instanceof ApiCallError ? error.error : undefined;
  return fieldErrorsFrom(t, apiError?.fields ?? []);
}

/** Keyed by the full path ("parties.0.name") and by its first part ("parties"), first message wins. */
export function fieldErrorsFrom(t: TFunction, problems: readonly FieldProblem[]): FieldErrors {
  const result: FieldErrors = {};
  for (const problem of problems) {
    const text = problemText(t, problem);
    result[problem.field] ??= text;
    const first = problem.field.split('.')[0] ?? problem.field;
    result[first] ??= text;
  }
  return result;
}
