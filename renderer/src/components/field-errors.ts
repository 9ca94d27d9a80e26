import type { ApiError } from '../../../contract/errors.ts';
import { ApiCallError } from '../api/client.ts';

/** Field → message, from a refused call's `fields` (or a zod error of the same contract). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  const apiError: ApiError | undefined = error instanceof ApiCallError ? error.error : undefined;
  const result: FieldErrors = {};
  for (const problem of apiError?.fields ?? []) {
    const field = problem.field.split('.')[0] ?? problem.field;
    result[field] ??= problem.message;
  }
  return result;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
