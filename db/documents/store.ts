import type {
  CorrespondenceEntry,
  DocumentRecord,
  ValidAddCorrespondence,
  ValidUpdateCorrespondence,
  Verification,
} from '../../contract/documents.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestRow } from '../requests/read.ts';
import type { Db } from '../types.ts';
import { type AttachFile, attachDocument } from './attach.ts';
import type { Readable } from 'node:stream';
import type { RegisterKey } from '../keys/register-key.ts';
import { blobPath, blobStoreBeside, copyVerified, hashFile, readStored, UNREADABLE } from './blobs.ts';
import { addCorrespondence, listCorrespondence, updateCorrespondence } from './correspondence.ts';
import { documentRow, listDocuments, toDocumentRecord } from './read.ts';

export type { AttachFile } from './attach.ts';

/** Where a document's bytes are, for a transport that serves or copies them. */
export interface LocatedDocument {
  document: DocumentRecord;
  /**
   * Absolute path of the stored file: never write to it or hand it to another app. Read it
   * with the store's `read` (or readStored with the register's document keys): in an
   * encrypted register it holds the document encrypted.
   */
  file: string;
  /** The stored file is encrypted (db/keys/document-cipher.ts). */
  sealed: boolean;
}

/**
 * A request's documents (files kept under their SHA-256 in the data folder) and its
 * correspondence log. Asynchronous for the reason given in db/register.ts, and because
 * files are streamed.
 */
export interface DocumentStore {
  attach(input: AttachFile, actor: Actor, clock: Clock): Promise<DocumentRecord>;
  list(requestId: number): Promise<DocumentRecord[]>;
  get(id: number): Promise<DocumentRecord>;
  locate(id: number): Promise<LocatedDocument>;
  /** A located document's bytes as attached, decrypted on the way where they are stored encrypted. */
  read(located: LocatedDocument): Readable;
  /** Hashes the stored file again: is it still the file that was attached? */
  verify(id: number, clock: Clock): Promise<Verification>;
  /** Copies the file to `dest` (verified on the way) and records who took the copy. */
  copyTo(id: number, dest: string, actor: Actor, clock: Clock): Promise<{ bytes: number }>;
  addCorrespondence(input: ValidAddCorrespondence, actor: Actor, clock: Clock): Promise<CorrespondenceEntry>;
  updateCorrespondence(input: ValidUpdateCorrespondence, actor: Actor, clock: Clock): Promise<CorrespondenceEntry>;
  listCorrespondence(requestId: number): Promise<CorrespondenceEntry[]>;
}

/** The store of the register in `databaseFile`: its files go to `documents/` beside it, encrypted with `key` if given. */
export function sqliteDocumentStore(db: Db, databaseFile: string, key?: RegisterKey): DocumentStore {
  const blobs = blobStoreBeside(databaseFile, key);
  const locate = (id: number): LocatedDocument => {
    const document = toDocumentRecord(documentRow(db, id));
    return { document, file: blobPath(blobs, document.sha256), sealed: blobs.keys !== null };
  };
  return {
    attach: (input, actor, clock) => attachDocument(db, blobs, input, actor, clock),
    list: async (requestId) => {
      requestRow(db, requestId);
      return listDocuments(db, requestId);
    },
    get: async (id) => locate(id).document,
    locate: async (id) => locate(id),
    read: (located) => readStored(located.sealed ? blobs : { keys: null }, located.file),
    verify: async (id, clock) => {
      const { document, file } = locate(id);
      const actual = await hashFile(blobs, file);
      return {
        id,
        sha256: document.sha256,
        intact: actual === document.sha256,
        missing: actual === null,
        // An encrypted file that no longer decrypts has no content to hash.
        actualSha256: actual === UNREADABLE ? null : actual,
        checkedAt: clock.at,
      };
    },
    copyTo: async (id, dest, actor, clock) => {
      const { document, file } = locate(id);
      const bytes = await copyVerified(blobs, file, document.sha256, dest);
      db.transaction((tx) =>
        recordAudit(tx, actor, clock.at, {
          action: 'document.copy',
          entity: 'document',
          entityId: id,
          details: { requestId: document.requestId, sha256: document.sha256, to: dest },
        }),
      );
      return { bytes };
    },
    addCorrespondence: async (input, actor, clock) => addCorrespondence(db, input, actor, clock),
    updateCorrespondence: async (input, actor, clock) => updateCorrespondence(db, input, actor, clock),
    listCorrespondence: async (requestId) => {
      requestRow(db, requestId);
      return listCorrespondence(db, requestId);
    },
  };
}
