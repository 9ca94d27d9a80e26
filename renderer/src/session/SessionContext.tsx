import { createContext, useContext } from 'react';
import type { SignedInUser } from '../../../contract/accounts.ts';
import { type ChannelName, channels } from '../../../contract/channels.ts';

/** The person signed in on this window, and what the session screens let them do. */
export interface Session {
  user: SignedInUser;
  idleMinutes: number;
  /** Locks the screen now (the password unlocks it; what is on screen stays). */
  lock(): void;
  /** Ends the session: the next person starts from the sign-in screen with nothing cached. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person; null outside the session gate (component tests render screens bare). */
export function useSession(): Session | null {
  return useContext(SessionContext);
}

/**
 * Whether the signed-in person's role may call a channel, by the contract's own role lists, so
 * screens hide what would be refused. Only a courtesy: the main process checks every call.
 * Outside the gate (component tests) nothing is hidden.
 */
export function useCan(): (channel: ChannelName) => boolean {
  const session = useSession();
  if (session === null) return () => true;
  const { role } = session.user;
  return (channel) => channels[channel].roles.includes(role);
}
