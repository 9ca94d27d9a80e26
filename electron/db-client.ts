import type { ChannelName } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';
import { type Localised, localised } from '../contract/messages.ts';
import {
  asFromDbProcess,
  type FromDbProcess,
  type InitMessage,
  type ReadyMessage,
  type Seat,
  type ToDbProcess,
} from './db-protocol.ts';

/** The part of a child process the client uses; main.ts adapts Electron's UtilityProcess to it. */
export interface DbProcessHandle {
  post(message: ToDbProcess): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface DbClientOptions {
  spawn(): DbProcessHandle;
  init: Omit<InitMessage, 'type'>;
  /** Called once when the process died and could not be brought back: the app must stop. */
  onFatal(said: Localised): void;
  timeoutFor?: (channel: ChannelName) => number;
  initTimeoutMs?: number;
  /** At most this many restarts within restartWindowMs; one more crash is fatal. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface DbClient {
  /** Spawns the process and opens the register; rejects with DbOpenError if it cannot. */
  start(): Promise<ReadyMessage>;
  /** Never rejects: failures come back as envelopes. `seat`: the window whose session it is (null: none). */
  call(channel: ChannelName, input: unknown, seat?: Seat): Promise<Envelope<unknown>>;
  /** Where a document's stored file is (for the main process only), if the seat's person may read it. */
  locate(documentId: number, seat?: Seat): Promise<Envelope<unknown>>;
  /** A window closed: its session ends. */
  closeSeat(seat: number): void;
  /** Closes the register cleanly (WAL checkpoint), killing the process if it does not answer. */
  stop(): Promise<void>;
}

/** The register could not be opened (not ours, newer version, unreadable...). */
export class DbOpenError extends Error {
  readonly problem: string;
  /** What it says, with its key: the shell shows it in the interface's language. */
  readonly said: Localised;
  constructor(problem: string, said: Localised) {
    super(said.message);
    this.name = 'DbOpenError';
    this.problem = problem;
    this.said = said;
  }
}

/** Calls that stream whole files (backups, their checks and restores, documents in or out): allowed far longer. */
const FILE_CHANNELS: readonly ChannelName[] = [
  'register.backup',
  'backups.create',
  'backups.verify',
  'backups.restore',
  'documents.attach',
  'documents.saveCopy',
  'documents.verify',
];

export function defaultTimeoutFor(channel: ChannelName): number {
  return FILE_CHANNELS.includes(channel) ? 10 * 60_000 : 30_000;
}

const storageError = (said: Localised): Envelope<unknown> => ({ ok: false, error: { code: 'storage', ...said } });

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

type State = 'idle' | 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed';

export function createDbClient(options: DbClientOptions): DbClient {
  const timeoutFor = options.timeoutFor ?? defaultTimeoutFor;
  const initTimeoutMs = options.initTimeoutMs ?? 120_000;
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  let state: State = 'idle';
  let child: DbProcessHandle | null = null;
  let ready: Promise<ReadyMessage> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const restarts: number[] = [];
  let onClosed: (() => void) | null = null;

  function failPending(message: Localised): void {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      call.resolve(storageError(message));
      pending.delete(id);
    }
  }

  function fatal(message: Localised): void {
    state = 'failed';
    failPending(message);
    options.onFatal(message);
  }

  /** Spawns one process and resolves once it reports the register open. */
  function launch(): Promise<ReadyMessage> {
    state = 'starting';
    const proc = options.spawn();
    child = proc;
    return new Promise<ReadyMessage>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null, msg?: ReadyMessage): void => {
        if (settled) return;
        settled = true;
        clearTimeout(initTimer);
        if (error) reject(error);
        else if (msg) resolve(msg);
      };
      const initTimer = setTimeout(() => {
        proc.kill();
        settle(
          new DbOpenError(
            'unreadable',
            localised('shell.notOpenedInTime', { count: Math.round(initTimeoutMs / 1000) }),
          ),
        );
      }, initTimeoutMs);

      proc.onMessage((raw) => {
        const message: FromDbProcess | null = asFromDbProcess(raw);
        if (message === null) {
          log('Ignored a malformed message from the database process');
          return;
        }
        if (message.type === 'ready') {
          state = 'ready';
          settle(null, message);
        } else if (message.type === 'init-failed') {
          const { key, params } = message;
          settle(new DbOpenError(message.problem, { message: message.message, key, params }));
        } else if (message.type === 'reply') {
          const call = pending.get(message.id);
          if (!call) return; // it already timed out; its caller has had an answer
          pending.delete(message.id);
          clearTimeout(call.timer);
          call.resolve(message.envelope);
        }
      });

      proc.onExit((code) => {
        if (child !== proc) return; // an old process we already gave up on
        child = null;
        settle(new DbOpenError('internal', localised('shell.stoppedWhileOpening', { code })));
        if (state === 'stopping' || state === 'stopped') {
          state = 'stopped';
          failPending(localised('shell.closing'));
          onClosed?.();
          return;
        }
        if (state !== 'ready') return; // start() or the restart reports this through the rejection
        crashed(code);
      });

      proc.post({ type: 'init', ...options.init });
    });
  }

  /** The process died after it was ready: answer what was in flight, then restart if allowed. */
  function crashed(code: number): void {
    // Calls in flight are not retried: a write may already have been committed.
    failPending(localised('shell.stoppedUnexpectedly', { code }));
    const t = now();
    while (restarts.length > 0 && (restarts[0] ?? 0) < t - restartWindowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      fatal(localised('shell.stoppedTooOften', { count: restarts.length + 1, code }));
      return;
    }
    restarts.push(t);
    log(`Database process exited with code ${code}; restarting`);
    ready = launch();
    ready.catch((e: unknown) =>
      fatal(
        e instanceof DbOpenError && e.said.key !== undefined
          ? e.said
          : localised('shell.notReopened', { reason: e instanceof Error ? e.message : String(e) }),
      ),
    );
  }

  /** Sends one message that the process answers with a reply of the same id. */
  async function request(label: string, ms: number, message: (id: number) => ToDbProcess): Promise<Envelope<unknown>> {
    if (state === 'failed') return storageError(localised('shell.registerUnavailable'));
    if (state === 'stopping' || state === 'stopped') return storageError(localised('shell.closing'));
    if (!ready) return storageError(localised('shell.registerNotOpenYet'));
    try {
      await ready;
    } catch {
      return storageError(localised('shell.registerUnavailable'));
    }
    const proc = child;
    if (proc === null || state !== 'ready') return storageError(localised('shell.registerBusy'));
    const id = nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(storageError(localised('shell.noAnswer', { count: Math.round(ms / 1000) })));
      }, ms);
      pending.set(id, { resolve, timer });
      try {
        proc.post(message(id));
      } catch (e) {
        // Input that cannot be cloned, or a process that just died.
        pending.delete(id);
        clearTimeout(timer);
        log(`Could not send ${label} to the database process`, e);
        resolve(storageError(localised('shell.notPassedOn')));
      }
    });
  }

  const call = (channel: ChannelName, input: unknown, seat: Seat = null) =>
    request(channel, timeoutFor(channel), (id) => ({ type: 'call', id, channel, input, seat }));
  const locate = (documentId: number, seat: Seat = null) =>
    request('a document lookup', 30_000, (id) => ({ type: 'locate', id, documentId, seat }));
  const closeSeat = (seat: number) => {
    // A process that is gone or restarting has lost its sessions already.
    if (state !== 'ready' || child === null) return;
    try {
      child.post({ type: 'seat-closed', seat });
    } catch (e) {
      log('Could not tell the database process that a window closed', e);
    }
  };

  return {
    start() {
      if (state !== 'idle') return Promise.reject(new Error('The database client was already started.'));
      ready = launch();
      return ready;
    },
    call,
    locate,
    closeSeat,
    stop() {
      const proc = child;
      if (proc === null || state === 'stopped' || state === 'failed') {
        state = 'stopped';
        return Promise.resolve();
      }
      state = 'stopping';
      return new Promise<void>((resolve) => {
        const killTimer = setTimeout(() => proc.kill(), 5_000);
        onClosed = () => {
          clearTimeout(killTimer);
          resolve();
        };
        try {
          proc.post({ type: 'close' });
        } catch {
          proc.kill();
        }
      });
    },
  };
}
