import type { Envelope } from '../contract/errors.ts';

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
  app: { name: string; version: string };
}
export interface CallMessage {
  type: 'call';
  id: number;
  channel: string;
  input: unknown;
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
}
export interface CloseMessage {
  type: 'close';
}
export type ToDbProcess = InitMessage | CallMessage | LocateMessage | CloseMessage;

export interface ReadyMessage {
  type: 'ready';
  schemaVersion: number;
  databaseFile: string;
}
/** The register could not be opened; nothing was written to it (db/open.ts checks before writing). */
export interface InitFailedMessage {
  type: 'init-failed';
  /** A StorageProblem from db/errors.ts, or 'internal' for anything unexpected. */
  problem: string;
  message: string;
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

/** Shape check of what arrives from the other side, so a garbled message is dropped, not trusted. */
export function asFromDbProcess(value: unknown): FromDbProcess | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'ready':
      return typeof value['schemaVersion'] === 'number' && typeof value['databaseFile'] === 'string'
        ? (value as unknown as ReadyMessage)
        : null;
    case 'init-failed':
      return typeof value['message'] === 'string' && typeof value['problem'] === 'string'
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
        isRecord(value['app'])
        ? (value as unknown as InitMessage)
        : null;
    case 'call':
      return typeof value['id'] === 'number' && typeof value['channel'] === 'string'
        ? (value as unknown as CallMessage)
        : null;
    case 'locate':
      return typeof value['id'] === 'number' && typeof value['documentId'] === 'number'
        ? { type: 'locate', id: value['id'], documentId: value['documentId'] }
        : null;
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}
