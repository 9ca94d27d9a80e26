import { eq } from 'drizzle-orm';
import type { DocumentRecord, ValidAttachDocument } from '../../contract/documents.ts';
import { appError, problem } from '../../contract/errors.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestRow } from '../requests/read.ts';
import { documents, requests } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { type BlobStore, discardBlob, storeFile } from './blobs.ts';
import { mediaTypeOf } from './media-type.ts';
import { documentRow, documentsWithHash, toDocumentRecord } from './read.ts';

/** What the store needs to attach a file: the handler has resolved the source to a path. */
export interface AttachFile extends Omit<ValidAttachDocument, 'source' | 'name'> {
  /** Absolute path of the file to read (a chosen or dropped file, or an upload). */
  file: string;
  /** The name recorded as data; never used to build a path. */
  name: string;
}

/**
 * Attaches a file to a request: checks what can be checked before copying a byte, streams the
 * file into the store, then writes its row and audit entry in one transaction. If the row
 * cannot be written, a file this call added to the store is taken out again.
 */
export async function attachDocument(
  db: Db,
  store: BlobStore,
  input: AttachFile,
  actor: Actor,
  clock: Clock,
): Promise<DocumentRecord> {
  requestRow(db, input.requestId);
  if (input.documentDate > clock.today) {
    throw appError('invalid_input', 'document.dateInFuture', undefined, [
      problem('documentDate', 'field.notAfterToday'),
    ]);
  }
  const stored = await storeFile(store, input.file);
  try {
    const id = db.transaction(
      (tx) => {
        requestRow(tx, input.requestId);
        const { id } = tx
          .insert(documents)
          .values({
            requestId: input.requestId,
            sha256: stored.sha256,
            size: stored.size,
            originalName: input.name,
            mediaType: mediaTypeOf(input.name, stored.head),
            type: input.type,
            direction: input.direction,
            documentDate: input.documentDate,
            note: input.note,
            addedAt: clock.at,
            addedBy: actor.name,
          })
          .returning({ id: documents.id })
          .get();
        // The request's file changed (the register sorts by it); its version stays, since a
        // document never conflicts with an edit of the request's fields.
        tx.update(requests).set({ updatedAt: clock.at }).where(eq(requests.id, input.requestId)).run();
        recordAudit(tx, actor, clock.at, {
          action: 'document.attach',
          entity: 'document',
          entityId: id,
          details: {
            requestId: input.requestId,
            sha256: stored.sha256,
            size: stored.size,
            originalName: input.name,
            type: input.type,
            direction: input.direction,
            documentDate: input.documentDate,
            note: input.note,
            alreadyStored: !stored.created,
          },
        });
        return id;
      },
      { behavior: 'immediate' },
    );
    return toDocumentRecord(documentRow(db, id));
  } catch (e) {
    if (stored.created) {
      // Under the write lock, so no other attachment of the same bytes commits in between.
      db.transaction(
        (tx) => {
          if (documentsWithHash(tx, stored.sha256) === 0) discardBlob(store, stored.sha256);
        },
        { behavior: 'immediate' },
      );
    }
    throw e;
  }
}
