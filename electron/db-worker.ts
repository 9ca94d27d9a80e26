import { createApiHost, type ApiHost, type ApiHostOptions } from '../api/host.ts';
import { openedSessionToken } from '../contract/accounts.ts';
import type { Envelope } from '../contract/errors.ts';
import { localised } from '../contract/messages.ts';
import { StorageError } from '../db/errors.ts';
import { parseKeyText } from '../db/keys/register-key.ts';
import { asToDbProcess, type FromDbProcess, type Seat } from './db-protocol.ts';

async function locate(host: ApiHost | null, documentId: number, token: string | null): Promise<Envelope<unknown>> {
  if (!host) return { ok: false, error: { code: 'storage', ...localised('shell.registerNotOpen') } };
  try {
    return await host.locateDocument(documentId, token);
  } catch {
    return { ok: false, error: { code: 'internal', ...localised('shell.documentNotFound') } };
  }
}

export interface DbWorkerDeps {
  post(message: FromDbProcess): void;
  exit(code: number): void;
  createHost?: (options: ApiHostOptions) => ApiHost;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The logic of the database process, apart from its transport so it can be tested on Node:
 * an init message opens the register, call messages are served by the API host, close
 * closes the file (checkpointing the WAL) and ends the process.
 *
 * Sessions: each window (seat) has its own. The token a sign-in opens stays here, keyed by the
 * window the main process says the call came from; the page never has to send it, and one
 * window cannot use another's session.
 */
export function createDbWorker(deps: DbWorkerDeps): { onMessage(raw: unknown): Promise<void> } {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const createHost = deps.createHost ?? createApiHost;
  let host: ApiHost | null = null;
  const sessions = new Map<number, string>();
  const tokenOf = (seat: Seat) => (seat === null ? null : (sessions.get(seat) ?? null));

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
              key: parseKeyText(message.key),
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
            // The key goes too: the shell says why in the interface's language.
            const said = e instanceof StorageError && e.key !== undefined ? { key: e.key, params: e.params ?? {} } : {};
            deps.post({ type: 'init-failed', problem, message: text, ...said });
          }
          return;
        }
        case 'call': {
          const { seat, channel } = message;
          const envelope = host
            ? await host.handle(channel, message.input, tokenOf(seat))
            : { ok: false as const, error: { code: 'storage' as const, ...localised('shell.registerNotOpen') } };
          const opened = openedSessionToken(channel, envelope);
          if (seat !== null && opened !== null) sessions.set(seat, opened);
          if (seat !== null && channel === 'accounts.signOut') sessions.delete(seat);
          deps.post({ type: 'reply', id: message.id, envelope });
          return;
        }
        case 'locate': {
          const envelope = await locate(host, message.documentId, tokenOf(message.seat));
          deps.post({ type: 'reply', id: message.id, envelope });
          return;
        }
        case 'seat-closed': {
          const token = sessions.get(message.seat);
          sessions.delete(message.seat);
          if (token !== undefined) host?.endSession(token);
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
