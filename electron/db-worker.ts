import { createApiHost, type ApiHost, type ApiHostOptions } from '../api/host.ts';
import { AppError, type Envelope } from '../contract/errors.ts';
import type { Caller } from '../api/context.ts';
import { StorageError } from '../db/errors.ts';
import { asToDbProcess, type FromDbProcess } from './db-protocol.ts';

async function locate(host: ApiHost | null, documentId: number): Promise<Envelope<unknown>> {
  if (!host) return { ok: false, error: { code: 'storage', message: 'The register is not open.' } };
  try {
    return { ok: true, value: await host.register.documents.locate(documentId) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toApiError() };
    return { ok: false, error: { code: 'internal', message: 'The document could not be found in the register.' } };
  }
}

export interface DbWorkerDeps {
  post(message: FromDbProcess): void;
  caller: Caller;
  exit(code: number): void;
  createHost?: (options: ApiHostOptions) => ApiHost;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The logic of the database process, apart from its transport so it can be tested on Node:
 * an init message opens the register, call messages are served by the API host, close
 * closes the file (checkpointing the WAL) and ends the process.
 */
export function createDbWorker(deps: DbWorkerDeps): { onMessage(raw: unknown): Promise<void> } {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const createHost = deps.createHost ?? createApiHost;
  let host: ApiHost | null = null;

  return {
    async onMessage(raw) {
      const message = asToDbProcess(raw);
      if (message === null) {
        log('Database process: ignored a malformed message');
        return;
      }
      switch (message.type) {
        case 'init': {
          if (host !== null) {
            log('Database process: ignored a second init');
            return;
          }
          try {
            host = createHost({
              databaseFile: message.databaseFile,
              migrationsFolder: message.migrationsFolder,
              nativeBinding: message.nativeBinding,
              app: message.app,
              log,
            });
            deps.post({
              type: 'ready',
              schemaVersion: host.register.schemaVersion,
              databaseFile: host.register.location,
            });
          } catch (e) {
            const problem = e instanceof StorageError ? e.problem : 'internal';
            const text = e instanceof Error ? e.message : String(e);
            if (!(e instanceof StorageError)) log('Database process: opening the register failed', e);
            deps.post({ type: 'init-failed', problem, message: text });
          }
          return;
        }
        case 'call': {
          const envelope = host
            ? await host.handle(message.channel, message.input, deps.caller)
            : { ok: false as const, error: { code: 'storage' as const, message: 'The register is not open.' } };
          deps.post({ type: 'reply', id: message.id, envelope });
          return;
        }
        case 'locate': {
          deps.post({ type: 'reply', id: message.id, envelope: await locate(host, message.documentId) });
          return;
        }
        case 'close': {
          try {
            host?.close();
          } catch (e) {
            log('Database process: closing the register failed', e);
          }
          host = null;
          deps.post({ type: 'closed' });
          deps.exit(0);
          return;
        }
      }
    },
  };
}
