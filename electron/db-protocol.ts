import type { Envelope } from '../contract/errors.ts';
import { type Localised, localisedSchema } from '../contract/messages.ts';

/**
 * Messages between the main process and the database utility process. Plain data only: they
 * cross a process boundary by structured clone.
 */
export interface InitMessage {
  type: 'init';
  databaseFile: string;
  migrationsFolder: string;
  /** Path of the better-sqlite3 build for Electron's ABI. */
  nativeBinding: string | undefined;
  /**
   * The register key as 64 hexadecimal digits (db/keys/), unsealed by the main process from
   * the system key store; `keyStore` says where it is kept (the Security panel shows it).
   */
  key: string;
  app: { name: string; version: string; keyStore: 'os' | 'file' };
}
/**
 * The window a call comes from (its webContents id), set by the main process, never by the
 * page: the database process keeps one signed-in session per window (db-worker.ts). Null for
 * the main process's own calls, which then have no session.
 */
export type Seat = number | null;

export interface CallMessage {
  type: 'call';
  id: number;
  channel: string;
  input: unknown;
  seat: Seat;
}
/**
 * Where a document's stored file is: asked by the main process itself (to serve app:// document
 * URLs and to open a copy), never by the page, which is why it is not a channel of the contract.
 * Answered by a ReplyMessage whose value is a LocatedDocument (db/documents/store.ts).
 */
export interface LocateMessage {
  type: 'locate';
  id: number;
  documentId: number;
  /** Whose session must be allowed to read the document. */
  seat: Seat;
}
/** A window closed: its session ends. */
export interface SeatClosedMessage {
  type: 'seat-closed';
  seat: number;
}
export interface CloseMessage {
  type: 'close';
}
export type ToDbProcess = InitMessage | CallMessage | LocateMessage | SeatClosedMessage | CloseMessage;

export interface ReadyMessage {
  type: 'ready';
  schemaVersion: number;
  databaseFile: string;
}
/** The register could not be opened; nothing was written to it (db/open.ts checks before writing). */
export interface InitFailedMessage extends Localised {
  type: 'init-failed';
  /** A StorageProblem from db/errors.ts, or 'internal' for anything unexpected. */
  problem: string;
}
export interface ReplyMessage {
  type: 'reply';
  id: number;
  envelope: Envelope<unknown>;
}
export interface ClosedMessage {
  type: 'closed';
}
export type FromDbProcess = ReadyMessage | InitFailedMessage | ReplyMessage | ClosedMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const seatOf = (value: unknown): Seat | undefined =>
  value === null || value === undefined ? null : Number.isSafeInteger(value) ? (value as number) : undefined;

/** Shape check of what arrives from the other side, so a garbled message is dropped, not trusted. */
export function asFromDbProcess(value: unknown): FromDbProcess | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'ready':
      return typeof value['schemaVersion'] === 'number' && typeof value['databaseFile'] === 'string'
        ? (value as unknown as ReadyMessage)
        : null;
    case 'init-failed':
      return localisedSchema.safeParse(value).success && typeof value['problem'] === 'string'
        ? (value as unknown as InitFailedMessage)
        : null;
    case 'reply':
      return typeof value['id'] === 'number' &&
        isRecord(value['envelope']) &&
        typeof value['envelope']['ok'] === 'boolean'
        ? (value as unknown as ReplyMessage)
        : null;
    case 'closed':
      return { type: 'closed' };
    default:
      return null;
  }
}

export function asToDbProcess(value: unknown): ToDbProcess | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'init':
      return typeof value['databaseFile'] === 'string' &&
        typeof value['migrationsFolder'] === 'string' &&
        typeof value['key'] === 'string' &&
        /^[0-9a-f]{64}$/.test(value['key']) &&
        isRecord(value['app'])
        ? (value as unknown as InitMessage)
        : null;
    case 'call': {
      const seat = seatOf(value['seat']);
      return typeof value['id'] === 'number' && typeof value['channel'] === 'string' && seat !== undefined
        ? { type: 'call', id: value['id'], channel: value['channel'], input: value['input'], seat }
        : null;
    }
    case 'locate': {
      const seat = seatOf(value['seat']);
      return typeof value['id'] === 'number' && typeof value['documentId'] === 'number' && seat !== undefined
        ? { type: 'locate', id: value['id'], documentId: value['documentId'], seat }
        : null;
    }
    case 'seat-closed':
      return Number.isSafeInteger(value['seat']) ? { type: 'seat-closed', seat: value['seat'] as number } : null;
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}
