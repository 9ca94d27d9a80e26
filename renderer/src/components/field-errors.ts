import type { ApiError } from '../../../contract/errors.ts';
import { ApiCallError } from '../api/client.ts';

/** Field → message, from a refused call's `fields` (or a zod error of the same contract). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  const apiError: ApiError | undefined = error instanceof ApiCallError ? error.error : undefined;
  return fieldErrorsFrom(apiError?.fields ?? []);
}

/** Keyed by the full path ("parties.0.name") and by its first part ("parties"), first message wins. */
export function fieldErrorsFrom(problems: readonly { field: string; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const problem of problems) {
    result[problem.field] ??= problem.message;
    const first = problem.field.split('.')[0] ?? problem.field;
    result[first] ??= problem.message;
  }
  return result;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
