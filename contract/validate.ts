import type { z } from 'zod';
import { type ChannelName, channels, isChannelName } from './channels.ts';
import { type ApiError, apiError, type FieldProblem, problem } from './errors.ts';
import { issueMessage } from './zod-messages.ts';

/** Each issue as the problem of its field, said by a key of the messages catalog (contract/zod-messages.ts). */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const { key, params } = issueMessage(issue);
    return problem(
      issue.path.map(String).join('.') || '(input)',
      key,
      Object.keys(params).length > 0 ? params : undefined,
    );
  });
}

/**
 * A channel name as a message may quote it: a string clipped and quoted (so no control
 * character or lone surrogate reaches a log raw), anything else by its type. Never String(),
 * which throws on an object without a prototype and runs a sender's own toString().
 */
export function describeChannel(channel: unknown): string {
  if (typeof channel !== 'string') return `(a ${channel === null ? 'null' : typeof channel} value)`;
  return JSON.stringify(channel.length > 80 ? `${channel.slice(0, 80)}…` : channel);
}

/** The refusal of a call to a channel the contract does not have. */
export function unknownChannelError(channel: unknown): ApiError {
  return apiError('unknown_channel', 'call.unknownChannel', { channel: describeChannel(channel) });
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
    return { ok: false, error: unknownChannelError(channel) };
  }
  // With the input on each issue, a missing field is told from one of the wrong type.
  const parsed = channels[channel].input.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) {
    const fields = fieldProblems(parsed.error);
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return { ok: false, error: apiError('invalid_input', 'call.pleaseCheck', { fields: names }, fields) };
  }
  return { ok: true, channel, input: parsed.data };
}
