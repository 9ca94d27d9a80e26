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
import { blobPath, blobStoreBeside, copyVerified, hashFile } from './blobs.ts';
import { addCorrespondence, listCorrespondence, updateCorrespondence } from './correspondence.ts';
import { documentRow, listDocuments, toDocumentRecord } from './read.ts';

export type { AttachFile } from './attach.ts';

/** Where a document's bytes are, for a transport that serves or copies them. */
export interface LocatedDocument {
  document: DocumentRecord;
  /** Absolute path of the stored file: read it, never write to it or hand it to another app. */
  file: string;
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
  /** Hashes the stored file again: is it still the file that was attached? */
  verify(id: number, clock: Clock): Promise<Verification>;
  /** Copies the file to `dest` (verified on the way) and records who took the copy. */
  copyTo(id: number, dest: string, actor: Actor, clock: Clock): Promise<{ bytes: number }>;
  addCorrespondence(input: ValidAddCorrespondence, actor: Actor, clock: Clock): Promise<CorrespondenceEntry>;
  updateCorrespondence(input: ValidUpdateCorrespondence, actor: Actor, clock: Clock): Promise<CorrespondenceEntry>;
  listCorrespondence(requestId: number): Promise<CorrespondenceEntry[]>;
}

/** The store of the register in `databaseFile`: its files go to `documents/` beside it. */
export function sqliteDocumentStore(db: Db, databaseFile: string): DocumentStore {
  const blobs = blobStoreBeside(databaseFile);
  const locate = (id: number): LocatedDocument => {
    const document = toDocumentRecord(documentRow(db, id));
    return { document, file: blobPath(blobs, document.sha256) };
  };
  return {
    attach: (input, actor, clock) => attachDocument(db, blobs, input, actor, clock),
    list: async (requestId) => {
      requestRow(db, requestId);
      return listDocuments(db, requestId);
    },
    get: async (id) => locate(id).document,
    locate: async (id) => locate(id),
    verify: async (id, clock) => {
      const { document, file } = locate(id);
      const actual = await hashFile(file);
      return {
        id,
        sha256: document.sha256,
        intact: actual === document.sha256,
        missing: actual === null,
        actualSha256: actual,
        checkedAt: clock.at,
      };
    },
    copyTo: async (id, dest, actor, clock) => {
      const { document, file } = locate(id);
      const bytes = await copyVerified(file, document.sha256, dest);
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
