import path from 'node:path';
import type { Readable } from 'node:stream';
import { apiError, type Envelope } from '../contract/errors.ts';
import type { RegisterKey } from '../db/keys/register-key.ts';
import type { Register } from '../db/register.ts';
import type { LocatedDocument } from '../db/documents/store.ts';
import { locateVisibleDocument } from './access.ts';
import { sessionCallers } from './callers.ts';
import type { Caller, HandlerContext } from './context.ts';
import { dispatch } from './dispatch.ts';
import { type FileAreas, fileAreasIn, sweepFileAreas } from './files.ts';
import { holdRegister } from './register-holder.ts';

export interface ApiHostOptions {
  databaseFile: string;
  migrationsFolder: string;
  nativeBinding?: string | undefined;
  /** The register's key (db/keys/); the transport says where it keeps it in `app.keyStore`. */
  key?: RegisterKey | undefined;
  app: HandlerContext['app'];
  now?: () => Date;
  /** Default: uploads/ and downloads/ beside the database file. */
  files?: FileAreas;
  log?: (message: string, error: unknown) => void;
}

export interface ApiHost {
  register: Register;
  files: FileAreas;
  /** Serves one call of the contract for the session `token` (null: none); never throws. */
  handle(channel: unknown, input: unknown, token: string | null): Promise<Envelope<unknown>>;
  /** The signed-in caller of a session, for routes outside the contract (uploads, downloads), or null. */
  signedIn(token: string | null): Promise<Caller | null>;
  /** A stored document's file, if the session's caller may read its request (app:// and /documents/). */
  locateDocument(documentId: number, token: string | null): Promise<Envelope<LocatedDocument>>;
  /** A located document's bytes as attached (decrypted where the register is encrypted). */
  readDocument(located: LocatedDocument): Readable;
  /** Ends a session the transport gives up (a window closed). */
  endSession(token: string): void;
  close(): void;
}

/**
 * The API as both transports serve it: the Electron database process (over IPC) and the
 * loopback web server (over HTTP) each create one host and only move calls in and out of it.
 */
export function createApiHost(options: ApiHostOptions): ApiHost {
  // Held, not just opened: a restore from a backup replaces it while the host runs (api/register-holder.ts).
  const holder = holdRegister(
    {
      file: options.databaseFile,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      key: options.key,
      create: true,
      appVersion: options.app.version,
    },
    { now: options.now ?? (() => new Date()), log: options.log ?? console.error },
  );
  const register = holder.register;
  checkAuditChainAtStart(register, options.log ?? console.error);
  const now = options.now ?? (() => new Date());
  const files = options.files ?? fileAreasIn(path.dirname(path.resolve(options.databaseFile)));
  sweepFileAreas(files);
  // Sessions live here, in memory: a restart of the host signs everyone out.
  const callers = sessionCallers(register, now);
  return {
    register,
    files,
    handle: (channel, input, token) =>
      holder.run(async () => {
        const { caller, session } = await callers.resolve(token);
        const ctx = { register, files, caller, session, now, app: options.app, registerSwap: holder.swap };
        return dispatch(channel, input, ctx, options.log);
      }),
    signedIn: async (token) => {
      const { caller, session } = await callers.resolve(token);
      return session.state === 'signedIn' ? caller : null;
    },
    locateDocument: async (documentId, token) => {
      const { caller, session } = await callers.resolve(token);
      if (session.state !== 'signedIn') {
        return { ok: false, error: apiError('unauthenticated', 'call.signInToReadDocuments') };
      }
      return locateVisibleDocument(register, caller, documentId);
    },
    readDocument: (located) => register.documents.read(located),
    endSession: (token) => callers.end(token),
    close: () => holder.close(),
  };
}

/**
 * Walks the audit log's hash chain once as the register opens; the result is kept
 * (Register.auditChain) for `app.integrity`, which the app's warning reads, and a broken chain
 * is also logged for whoever reads the logs.
 */
function checkAuditChainAtStart(register: Register, log: (message: string, error: unknown) => void): void {
  register.auditChain().then(
    (report) => {
      if (report.firstBroken) log(`The audit log's hash chain is broken: ${report.firstBroken.message}.`, undefined);
    },
    (e: unknown) => log('The audit log could not be checked', e),
  );
}
