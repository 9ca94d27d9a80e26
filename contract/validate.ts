import type { z } from 'zod';
import { type ChannelName, channels, isChannelName } from './channels.ts';
import type { ApiError, FieldProblem } from './errors.ts';

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/**
 * Checks a channel's input against its schema. Pure (no Node, no database), so the Electron
 * main process can refuse bad input before it reaches the database process, and the
 * renderer can check a form with the very rules the handler applies.
 */
export function validateInput(
  channel: unknown,
  input: unknown,
): { ok: true; channel: ChannelName; input: unknown } | { ok: false; error: ApiError } {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `There is no channel named ${String(channel)}.` } };
  }
  const parsed = channels[channel].input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = fieldProblems(parsed.error);
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return { ok: false, error: { code: 'invalid_input', message: `Please check: ${names}.`, fields } };
  }
  return { ok: true, channel, input: parsed.data };
}
