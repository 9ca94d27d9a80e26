import { asc, count, eq } from 'drizzle-orm';
import type { DocumentRecord } from '../../contract/documents.ts';
import { appError } from '../../contract/errors.ts';
import { documents } from '../schema/index.ts';
import type { Queryable } from '../types.ts';

export type DocumentRow = typeof documents.$inferSelect;

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    requestId: row.requestId,
    sha256: row.sha256,
    size: row.size,
    originalName: row.originalName,
    mediaType: row.mediaType,
    type: row.type,
    direction: row.direction,
    documentDate: row.documentDate,
    note: row.note,
    addedAt: row.addedAt,
    addedBy: row.addedBy,
  };
}

export function documentRow(db: Queryable, id: number): DocumentRow {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw appError('not_found', 'document.notFound', { id });
  return row;
}

/** A request's documents in the order of the file: by their date, then as they were added. */
export function listDocuments(db: Queryable, requestId: number): DocumentRecord[] {
  return db
    .select()
    .from(documents)
    .where(eq(documents.requestId, requestId))
    .orderBy(asc(documents.documentDate), asc(documents.id))
    .all()
    .map(toDocumentRecord);
}

/** How many documents still name these bytes (the store keeps a file while any does). */
export function documentsWithHash(db: Queryable, sha256: string): number {
  return db.select({ n: count() }).from(documents).where(eq(documents.sha256, sha256)).get()?.n ?? 0;
}
