import type { Person } from '../contract/accounts.ts';
import type { Register } from '../db/register.ts';
import { ANONYMOUS, type Caller, type SessionControl } from './context.ts';
import { SessionStore } from './sessions.ts';

export function callerOf(person: Person): Caller {
  return {
    name: person.username,
    displayName: person.displayName,
    roles: [person.role],
    userId: person.id,
    authority: person.authority,
  };
}

export interface ResolvedSession {
  caller: Caller;
  session: SessionControl;
}

/** How the API host turns a transport's session token into the caller of a call. */
export interface Callers {
  /** The caller of a call made with `token` (null: the transport has none), which counts as using the session. */
  resolve(token: string | null): Promise<ResolvedSession>;
  /** Ends a session the transport gives up (a window closed). */
  end(token: string): void;
}

/**
 * The signed-in sessions of one API host. Each call re-reads the person's account, so a new
 * role or a disabled account takes effect on the very next call, and the idle time from the
 * settings, so a change to it applies at once.
 */
export function sessionCallers(register: Register, now: () => Date): Callers {
  const store = new SessionStore();

  function control(token: string | null, state: SessionControl['state']): SessionControl {
    return {
      state,
      begin: (userId) => {
        if (token !== null) store.end(token);
        return store.open(userId, now().getTime());
      },
      end: () => (token === null ? false : store.end(token)),
      endAllOf: (userId) => void store.endAllOf(userId, token),
    };
  }

  return {
    async resolve(token) {
      if (token === null || token === '') return { caller: ANONYMOUS, session: control(null, 'anonymous') };
      const { idleMinutes } = await register.settings();
      const used = store.use(token, now().getTime(), idleMinutes * 60_000);
      if (used === null) return { caller: ANONYMOUS, session: control(token, 'anonymous') };
      if (used === 'expired') return { caller: ANONYMOUS, session: control(token, 'expired') };
      const person = await register.accounts.find(used.userId);
      if (person === null || person.disabled) {
        store.end(token);
        return { caller: ANONYMOUS, session: control(token, 'anonymous') };
      }
      return { caller: callerOf(person), session: control(token, 'signedIn') };
    },
    end: (token) => void store.end(token),
  };
}
