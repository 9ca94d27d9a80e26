import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  CorrespondenceEntry,
  ValidAddCorrespondence,
  ValidUpdateCorrespondence,
} from '../../contract/documents.ts';
import { appError, type FieldProblem, problem } from '../../contract/errors.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { requestRow } from '../requests/read.ts';
import { correspondence, correspondenceDocuments, documents } from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';

type EntryFields = Omit<ValidAddCorrespondence, 'requestId'>;

/** The problems of an entry's fields for this request: a date ahead, documents of another request. */
function check(db: Queryable, requestId: number, fields: EntryFields, clock: Clock): void {
  const problems: FieldProblem[] = [];
  if (fields.onDate > clock.today) problems.push(problem('onDate', 'field.notAfterToday'));
  if (fields.documentIds.length > 0) {
    const found = db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.requestId, requestId), inArray(documents.id, fields.documentIds)))
      .all();
    const others = fields.documentIds.filter((id) => !found.some((f) => f.id === id));
    if (others.length > 0) {
      problems.push(problem('documentIds', 'field.notDocumentsOfRequest', { ids: others.join(', ') }));
    }
  }
  if (problems.length > 0) throw appError('invalid_input', 'correspondence.checkEntry', undefined, problems);
}

function linkDocuments(tx: Queryable, correspondenceId: number, documentIds: number[]): void {
  if (documentIds.length === 0) return;
  tx.insert(correspondenceDocuments)
    .values(documentIds.map((documentId) => ({ correspondenceId, documentId })))
    .run();
}

/** A request's correspondence in date order, each with the documents it carried. */
export function listCorrespondence(db: Queryable, requestId: number): CorrespondenceEntry[] {
  const rows = db
    .select()
    .from(correspondence)
    .where(eq(correspondence.requestId, requestId))
    .orderBy(asc(correspondence.onDate), asc(correspondence.id))
    .all();
  if (rows.length === 0) return [];
  const links = db
    .select({
      correspondenceId: correspondenceDocuments.correspondenceId,
      id: documents.id,
      originalName: documents.originalName,
      type: documents.type,
      documentDate: documents.documentDate,
    })
    .from(correspondenceDocuments)
    .innerJoin(documents, eq(documents.id, correspondenceDocuments.documentId))
    .where(
      inArray(
        correspondenceDocuments.correspondenceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(documents.documentDate), asc(documents.id))
    .all();
  return rows.map((row) => ({
    id: row.id,
    requestId: row.requestId,
    onDate: row.onDate,
    direction: row.direction,
    channel: row.channel,
    summary: row.summary,
    documents: links
      .filter((l) => l.correspondenceId === row.id)
      .map(({ id, originalName, type, documentDate }) => ({ id, originalName, type, documentDate })),
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
  }));
}

function entry(db: Queryable, requestId: number, id: number): CorrespondenceEntry {
  const found = listCorrespondence(db, requestId).find((e) => e.id === id);
  if (!found) throw appError('not_found', 'correspondence.notFound', { id });
  return found;
}

export function addCorrespondence(
  db: Db,
  input: ValidAddCorrespondence,
  actor: Actor,
  clock: Clock,
): CorrespondenceEntry {
  const id = db.transaction(
    (tx) => {
      requestRow(tx, input.requestId);
      check(tx, input.requestId, input, clock);
      const { id } = tx
        .insert(correspondence)
        .values({
          requestId: input.requestId,
          onDate: input.onDate,
          direction: input.direction,
          channel: input.channel,
          summary: input.summary,
          recordedAt: clock.at,
          recordedBy: actor.name,
        })
        .returning({ id: correspondence.id })
        .get();
      linkDocuments(tx, id, input.documentIds);
      recordAudit(tx, actor, clock.at, {
        action: 'correspondence.add',
        entity: 'correspondence',
        entityId: id,
        details: { ...input },
      });
      return id;
    },
    { behavior: 'immediate' },
  );
  return entry(db, input.requestId, id);
}

/** Corrects an entry; the audit log keeps each changed field's old and new value. */
export function updateCorrespondence(
  db: Db,
  input: ValidUpdateCorrespondence,
  actor: Actor,
  clock: Clock,
): CorrespondenceEntry {
  const requestId = db.transaction(
    (tx) => {
      const row = tx.select().from(correspondence).where(eq(correspondence.id, input.id)).get();
      if (!row) throw appError('not_found', 'correspondence.notFound', { id: input.id });
      check(tx, row.requestId, input, clock);
      const before = entry(tx, row.requestId, row.id);
      const was: Record<string, unknown> = { ...before, documentIds: before.documents.map((d) => d.id).sort() };
      const now: Record<string, unknown> = { ...input, documentIds: [...input.documentIds].sort() };
      const changes = Object.fromEntries(
        ['onDate', 'direction', 'channel', 'summary', 'documentIds']
          .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]))
          .map((k) => [k, { from: was[k], to: now[k] }]),
      );
      if (Object.keys(changes).length === 0) return row.requestId;
      tx.update(correspondence)
        .set({ onDate: input.onDate, direction: input.direction, channel: input.channel, summary: input.summary })
        .where(eq(correspondence.id, row.id))
        .run();
      tx.delete(correspondenceDocuments).where(eq(correspondenceDocuments.correspondenceId, row.id)).run();
      linkDocuments(tx, row.id, input.documentIds);
      recordAudit(tx, actor, clock.at, {
        action: 'correspondence.update',
        entity: 'correspondence',
        entityId: row.id,
        details: { requestId: row.requestId, changes },
      });
      return row.requestId;
    },
    { behavior: 'immediate' },
  );
  return entry(db, requestId, input.id);
}
