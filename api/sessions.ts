import crypto from 'node:crypto';

interface Session {
  userId: number;
  /** When the session was last used (ms since the epoch), or, once it has expired, when that was noticed. */
  at: number;
  expired: boolean;
}

/** Expired sessions are remembered this long, so a late call hears "ended" rather than "never signed in". */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The signed-in sessions of one API host, in memory only: a restart signs everyone out. A
 * session is a random 256-bit token; it ends when it is not used for the idle time (read
 * from the settings on every call, so a new idle time applies at once), on sign-out, or
 * when its person is disabled or given a new password.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  open(userId: number, now: number): string {
    this.sweep(now);
    const token = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, at: now, expired: false });
    return token;
  }

  /** The person of a live session (and it counts as used now), 'expired', or null for an unknown token. */
  use(token: string, now: number, idleMs: number): { userId: number } | 'expired' | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expired) return 'expired';
    if (now - session.at > idleMs) {
      this.sessions.set(token, { ...session, at: now, expired: true });
      return 'expired';
    }
    session.at = now;
    return { userId: session.userId };
  }

  end(token: string): boolean {
    const session = this.sessions.get(token);
    this.sessions.delete(token);
    return session !== undefined && !session.expired;
  }

  /** Ends every session of a person but `except`; returns how many were live. */
  endAllOf(userId: number, except: string | null = null): number {
    let live = 0;
    for (const [token, session] of this.sessions) {
      if (session.userId !== userId || token === except) continue;
      if (!session.expired) live += 1;
      this.sessions.delete(token);
    }
    return live;
  }

  private sweep(now: number): void {
    for (const [token, session] of this.sessions) {
      if (now - session.at > FORGET_AFTER_MS) this.sessions.delete(token);
    }
  }
}
