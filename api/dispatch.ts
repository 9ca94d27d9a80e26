import { type ChannelName, channels } from '../contract/channels.ts';
import { AppError, type Envelope } from '../contract/errors.ts';
import { validateInput } from '../contract/validate.ts';
import type { HandlerContext } from './context.ts';
import type { Handler, Handlers } from './handler-types.ts';
import { appHandlers } from './handlers/app.ts';
import { dashboardHandlers } from './handlers/dashboard.ts';
import { interchangeHandlers } from './handlers/interchange.ts';
import { directoryHandlers } from './handlers/directories.ts';
import { documentHandlers } from './handlers/documents.ts';
import { reportHandlers } from './handlers/reports.ts';
import { requestHandlers } from './handlers/requests.ts';
import { searchHandlers } from './handlers/search.ts';
import { statisticsHandlers } from './handlers/statistics.ts';
import { viewHandlers } from './handlers/views.ts';

/** The one table of handlers that every transport serves. */
export const handlers: Handlers = {
  ...appHandlers,
  ...requestHandlers,
  ...interchangeHandlers,
  ...directoryHandlers,
  ...documentHandlers,
  ...dashboardHandlers,
  ...viewHandlers,
  ...reportHandlers,
  ...statisticsHandlers,
  ...searchHandlers,
};

/**
 * Validates, checks the caller's role, runs the handler and wraps the outcome in an envelope.
 * Nothing thrown escapes: an unexpected error becomes `internal` with its message logged.
 */
export async function dispatch(
  channel: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
  log: (message: string, error: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  const checked = validateInput(channel, rawInput);
  if (!checked.ok) return { ok: false, error: checked.error };
  const spec = channels[checked.channel];
  if (!spec.roles.some((role) => ctx.caller.roles.includes(role))) {
    return {
      ok: false,
      error: {
        code: 'denied',
        message: `Your role (${ctx.caller.roles.join(', ')}) may not do this (${checked.channel}).`,
      },
    };
  }
  try {
    // The table is keyed by channel, so the handler matches its input type; TypeScript cannot
    // follow that correlation through the lookup, hence the widening here.
    const handler = handlers[checked.channel] as Handler<ChannelName>;
    const value = await handler(checked.input as never, ctx);
    return { ok: true, value: spec.output.parse(value) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toApiError() };
    log(`Channel ${checked.channel} failed`, e);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside MLA Desk; nothing was saved. The details are in the log.',
      },
    };
  }
}
