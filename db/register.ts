import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Settings } from '../contract/settings.ts';
import type {
  ListResult,
  RequestDetail,
  ValidListQuery,
  ValidNewRequest,
  ValidTransition,
} from '../contract/requests.ts';
import type { Actor } from './audit.ts';
import { backupOpenDatabase } from './maintenance.ts';
import { type OpenOptions, openDatabase } from './open.ts';
import { type Clock, getRequestDetail, listRequests, moveRequest, registerRequest } from './requests.ts';
import * as schema from './schema/index.ts';
import { readSettings, updateSettings } from './settings.ts';

/**
 * What the application does to the register, named for the office's work. The API handlers
 * know only this interface: a shared server database later is another implementation of it,
 * which is why every method is asynchronous even though SQLite answers at once.
 */
export interface Register {
  readonly location: string;
  readonly schemaVersion: number;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>, actor: Actor, clock: Clock): Promise<Settings>;
  registerRequest(input: ValidNewRequest, actor: Actor, clock: Clock): Promise<RequestDetail>;
  listRequests(query: ValidListQuery): Promise<ListResult>;
  getRequest(id: number): Promise<RequestDetail>;
  moveRequest(input: ValidTransition, actor: Actor, clock: Clock): Promise<RequestDetail>;
  /** Writes a consistent, integrity-checked copy of the whole register to `file`. */
  backupTo(file: string): Promise<{ file: string; bytes: number }>;
  close(): void;
}

/** The register in a SQLite file on this workstation. */
export function openSqliteRegister(options: OpenOptions): Register {
  const opened = openDatabase(options);
  const db = drizzle({ client: opened.sqlite, schema });
  return {
    location: opened.file,
    schemaVersion: opened.schemaVersion,
    settings: async () => readSettings(db),
    updateSettings: async (patch, actor, clock) => updateSettings(db, patch, actor, clock.at),
    registerRequest: async (input, actor, clock) =>
      registerRequest(db, input, readSettings(db).referencePattern, actor, clock),
    listRequests: async (query) => listRequests(db, query),
    getRequest: async (id) => getRequestDetail(db, id),
    moveRequest: async (input, actor, clock) => moveRequest(db, input, actor, clock),
    backupTo: (file) => backupOpenDatabase(opened.sqlite, file, options.nativeBinding),
    close: () => opened.close(),
  };
}
