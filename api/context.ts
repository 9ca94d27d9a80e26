import type { Role } from '../contract/roles.ts';
import type { Register } from '../db/register.ts';
import type { FileAreas } from './files.ts';
import type { RegisterSwap } from './register-holder.ts';

/**
 * Who is calling: the person signed in on the call's session (api/sessions.ts), resolved by
 * the API host from the account as it is now, so a change of role or a disabled account takes
 * effect on the next call.
 */
export interface Caller {
  /** The sign-in name: what the audit log and the history record as the actor. */
  name: string;
  /** The name requests are assigned to ("assigned to me"). */
  displayName: string;
  /** One role per person; a list, so the channel check reads "any of them". */
  roles: readonly Role[];
  /** The account, or null for callers without one (tests and tools the transport vouches for). */
  userId: number | null;
  /** A prosecutor's domestic authority (requests.domestic_authority). */
  authority: string | null;
}

/** Nobody signed in: only the public channels answer (contract/channel.ts). */
export const ANONYMOUS: Caller = { name: '', displayName: '', roles: [], userId: null, authority: null };

/**
 * The transport's session as a handler sees it: whether someone is signed in on it, and how
 * signing in and out binds a person to it or lets them go.
 */
export interface SessionControl {
  /** 'expired': someone was signed in, and the session ended after the idle time. */
  readonly state: 'signedIn' | 'anonymous' | 'expired';
  /** Opens a session for the person (ending this one, if any) and returns its token. */
  begin(userId: number): string;
  /** Ends this session; false if none was open. */
  end(): boolean;
  /** Ends every other session of a person (disabled, or given a new password). */
  endAllOf(userId: number): void;
}

/** For callers the transport vouches for without an account (tests, the benchmark): signed in, cannot switch. */
export function trustedSession(): SessionControl {
  return {
    state: 'signedIn',
    begin: () => {
      throw new Error('This context cannot open sessions.');
    },
    end: () => false,
    endAllOf: () => undefined,
  };
}

export interface HandlerContext {
  register: Register;
  /** Where uploaded files wait and produced files are left for download. */
  files: FileAreas;
  caller: Caller;
  session: SessionControl;
  now: () => Date;
  /** keyStore: where the transport keeps the register key (contract/security.ts); absent when it has none. */
  app: { name: string; version: string; keyStore?: 'os' | 'file' };
  /** Restores a backup over the open register; absent where the register cannot be swapped while running. */
  registerSwap?: RegisterSwap;
}
