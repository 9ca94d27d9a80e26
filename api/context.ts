import type { Role } from '../contract/roles.ts';
import type { Register } from '../db/register.ts';
import type { FileAreas } from './files.ts';

/** Who is calling. Until sign-in arrives (issue: trust), the transport supplies the local operator. */
export interface Caller {
  name: string;
  /** A person may hold several roles (small offices); a channel is open to any of them. */
  roles: readonly Role[];
}

export interface HandlerContext {
  register: Register;
  /** Where uploaded files wait and produced files are left for download. */
  files: FileAreas;
  caller: Caller;
  now: () => Date;
  app: { name: string; version: string };
}
