import { type ChannelName, channels, isChannelName } from '../contract/channels.ts';
import { AppError, apiError, type Envelope } from '../contract/errors.ts';
import { unknownChannelError, validateInput } from '../contract/validate.ts';
import type { HandlerContext } from './context.ts';
import type { Handler, Handlers } from './handler-types.ts';
import { accountHandlers } from './handlers/accounts.ts';
import { appHandlers } from './handlers/app.ts';
import { backupHandlers } from './handlers/backups.ts';
import { clockHandlers } from './handlers/clocks.ts';
import { dashboardHandlers } from './handlers/dashboard.ts';
import { interchangeHandlers } from './handlers/interchange.ts';
import { letterHandlers } from './handlers/letters.ts';
import { directoryHandlers } from './handlers/directories.ts';
import { profileHandlers } from './handlers/profiles.ts';
import { documentHandlers } from './handlers/documents.ts';
import { reportHandlers } from './handlers/reports.ts';
import { requestHandlers } from './handlers/requests.ts';
import { searchHandlers } from './handlers/search.ts';
import { securityHandlers } from './handlers/security.ts';
import { statisticsHandlers } from './handlers/statistics.ts';
import { viewHandlers } from './handlers/views.ts';

/** The one table of handlers that every transport serves. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...appHandlers,
  ...backupHandlers,
  ...requestHandlers,
  ...interchangeHandlers,
  ...directoryHandlers,
  ...profileHandlers,
  ...documentHandlers,
  ...letterHandlers,
  ...dashboardHandlers,
  ...clockHandlers,
  ...viewHandlers,
  ...reportHandlers,
  ...statisticsHandlers,
  ...searchHandlers,
  ...securityHandlers,
};

/** Why a call without a signed-in person is refused, in the words the person reads. */
function unauthenticated(state: HandlerContext['session']['state']): Envelope<unknown> {
  return {
    ok: false,
    error: apiError('unauthenticated', state === 'expired' ? 'call.sessionExpired' : 'call.signInFirst'),
  };
}

/**
 * Checks that someone is signed in (unless the channel is public) and that their role may
 * call the channel, then validates the input, runs the handler and wraps the outcome in an
 * envelope. Who may call comes before the input: a refused caller learns nothing of the
 * schema. Nothing thrown escapes: an unexpected error becomes `internal` with its message logged.
 */
export async function dispatch(
  channel: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
  log: (message: string, error: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) {
    // Any value may arrive as a name (an object without a prototype included): described, never thrown on.
    return { ok: false, error: unknownChannelError(channel) };
  }
  const spec = channels[channel];
  if (spec.public !== true) {
    if (ctx.session.state !== 'signedIn') return unauthenticated(ctx.session.state);
    if (!spec.roles.some((role) => ctx.caller.roles.includes(role))) {
      return { ok: false, error: apiError('denied', 'call.denied', { roles: ctx.caller.roles.join(', '), channel }) };
    }
  }
  const checked = validateInput(channel, rawInput);
  if (!checked.ok) return { ok: false, error: checked.error };
  try {
    // The table is keyed by channel, so the handler matches its input type; TypeScript cannot
    // follow that correlation through the lookup, hence the widening here.
    const handler = handlers[checked.channel] as Handler<ChannelName>;
    const value = await handler(checked.input as never, ctx);
    return { ok: true, value: spec.output.parse(value) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toApiError() };
    log(`Channel ${checked.channel} failed`, e);
    return { ok: false, error: apiError('internal', 'call.internal') };
  }
}
