import type { z } from 'zod';
import type { Role } from './roles.ts';

/**
 * One channel of the contract: its input and output schemas and the roles allowed to call it.
 * Both transports (Electron IPC and the loopback HTTP server of `npm run web`) serve exactly
 * the table that contract/channels.ts assembles from the per-domain files in contract/channels/.
 */
export interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Who may call it once signed in; api/dispatch.ts checks it on every call. */
  roles: readonly Role[];
  /** Mutations change the register; the transports may treat them differently (e.g. POST only). */
  mutates: boolean;
  /**
   * Callable without signing in: only what it takes to sign in (first-run status, creating the
   * first administrator, signing in and out). Every other channel refuses an anonymous caller.
   */
  public?: true;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>) => spec;
