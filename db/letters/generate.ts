import { eq } from 'drizzle-orm';
import { appError } from '../../contract/errors.ts';
import { type GeneratedLetter, LETTER_TEMPLATES, type LetterCode, lettersFor } from '../../contract/letters.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { directionOf, type Language } from '../../i18n/languages.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { type BlobStore, discardBlob, type StoredBlob, storeFile } from '../documents/blobs.ts';
import { mediaTypeOf } from '../documents/media-type.ts';
import { documentsWithHash } from '../documents/read.ts';
import { correspondence, documents, letters, requests } from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';
import { type LetterContext, letterData } from './data-model.ts';
import { letterDocx } from './docx.ts';
import { renderTemplate } from './engine.ts';
import { imageInfo } from './image.ts';
import { type Letterhead, readLetterhead } from './letterhead.ts';
import { parseMarkup } from './markup.ts';
import { letterPdf } from './pdf.ts';
import type { RenderedLetter } from './rendered.ts';
import { treatyOf } from './treaty.ts';
import { effectiveTemplate, templateError } from './templates.ts';

export interface LetterChoice {
  code: LetterCode;
  language: Language;
}

/** Who makes the letter and when: its date, and the name it is signed with. */
export interface LetterMaker {
  today: string;
  author: string;
}

/** Refuses a template that is not written for this request (a preservation letter for an MLA request). */
export function assertLetterFits(request: Pick<RequestDetail, 'direction' | 'kind'>, code: LetterCode): void {
  if (!lettersFor(request.direction, request.kind).includes(code)) {
    throw appError('invalid_input', 'letter.notForRequest', { direction: request.direction, kind: request.kind });
  }
}

/**
 * The letter's blocks from `body` (the stored template unless the editor's text is given)
 * and the request's data, with the treaty its legal basis names (treaty.ts); a template that
 * fails on this request is an error naming its line.
 */
export function renderLetter(
  request: RequestDetail,
  choice: LetterChoice,
  body: string,
  letterhead: Letterhead,
  maker: LetterMaker,
  treaty: LetterContext['treaty'],
): RenderedLetter {
  const direction = directionOf(choice.language);
  const data = letterData(request, { ...choice, today: maker.today, letterhead, author: maker.author, treaty });
  const rendered = renderTemplate(body, data, direction);
  if (!rendered.ok) throw templateError(rendered.problem, 'letter.renderFailed');
  const blocks = parseMarkup(rendered.markup);
  const title = blocks.find((b) => b.type === 'title');
  return {
    title: title?.type === 'title' ? title.lines.join(' ') : choice.code,
    reference: request.reference,
    language: choice.language,
    direction,
    letterhead,
    blocks,
    author: maker.author,
  };
}

export const letterheadOf = (db: Queryable): Letterhead => readLetterhead(db, imageInfo);

type LetterRow = typeof letters.$inferSelect;

function toGenerated(db: Queryable, row: LetterRow): GeneratedLetter {
  const nameOf = (id: number) =>
    db.select({ name: documents.originalName }).from(documents).where(eq(documents.id, id)).get()?.name ?? '';
  const sent = row.sentCorrespondenceId;
  return {
    id: row.id,
    requestId: row.requestId,
    code: row.code,
    language: row.language,
    docxDocumentId: row.docxDocumentId,
    pdfDocumentId: row.pdfDocumentId,
    docxName: nameOf(row.docxDocumentId),
    pdfName: nameOf(row.pdfDocumentId),
    generatedAt: row.generatedAt,
    generatedBy: row.generatedBy,
    sentCorrespondenceId: sent,
    sentOn:
      sent === null
        ? null
        : (db.select({ onDate: correspondence.onDate }).from(correspondence).where(eq(correspondence.id, sent)).get()
            ?.onDate ?? null),
  };
}

export function letterRow(db: Queryable, id: number): LetterRow {
  const row = db.select().from(letters).where(eq(letters.id, id)).get();
  if (!row) throw appError('not_found', 'letter.notFound', { id });
  return row;
}

export const generatedLetter = (db: Queryable, id: number): GeneratedLetter => toGenerated(db, letterRow(db, id));

export function listLetters(db: Queryable, requestId: number): GeneratedLetter[] {
  return db
    .select()
    .from(letters)
    .where(eq(letters.requestId, requestId))
    .orderBy(letters.id)
    .all()
    .map((row) => toGenerated(db, row));
}

/**
 * Generates a letter for a request and keeps it: the template rendered, the DOCX and the PDF
 * made in memory (a failure up to here writes nothing), both files stored (encrypted where the
 * register is), then their document rows, the letter's row and the audit entry in one
 * transaction. Files this call added to the store are taken out again if that fails.
 */
export async function generateLetter(
  db: Db,
  blobs: BlobStore,
  request: RequestDetail,
  choice: LetterChoice,
  actor: Actor,
  clock: Clock,
  author: string,
): Promise<GeneratedLetter> {
  assertLetterFits(request, choice.code);
  const template = effectiveTemplate(db, choice.code, choice.language);
  const letter = renderLetter(
    request,
    choice,
    template.body,
    letterheadOf(db),
    { today: clock.today, author },
    treatyOf(db, request),
  );
  const [docx, pdf] = await Promise.all([letterDocx(letter), letterPdf(letter)]);
  const base = `${request.reference}_${choice.code}_${choice.language}_${clock.today}`;
  const files = [
    { name: `${base}.docx`, bytes: docx },
    { name: `${base}.pdf`, bytes: pdf },
  ];
  const stored: StoredBlob[] = [];
  try {
    for (const file of files) stored.push(await storeFile(blobs, file.bytes));
    const spec = LETTER_TEMPLATES[choice.code];
    const id = db.transaction(
      (tx) => {
        const [docxId, pdfId] = files.map((file, i) => {
          const blob = stored[i] as StoredBlob;
          return tx
            .insert(documents)
            .values({
              requestId: request.id,
              sha256: blob.sha256,
              size: blob.size,
              originalName: file.name,
              mediaType: mediaTypeOf(file.name, blob.head),
              type: spec.documentType,
              direction: spec.documentDirection,
              documentDate: clock.today,
              note: null,
              addedAt: clock.at,
              addedBy: actor.name,
            })
            .returning({ id: documents.id })
            .get().id;
        }) as [number, number];
        const { id } = tx
          .insert(letters)
          .values({
            requestId: request.id,
            code: choice.code,
            language: choice.language,
            docxDocumentId: docxId,
            pdfDocumentId: pdfId,
            generatedAt: clock.at,
            generatedBy: actor.name,
          })
          .returning({ id: letters.id })
          .get();
        // The request's file changed (the register sorts by it), as when a document is attached.
        tx.update(requests).set({ updatedAt: clock.at }).where(eq(requests.id, request.id)).run();
        recordAudit(tx, actor, clock.at, {
          action: 'letter.generate',
          entity: 'letter',
          entityId: id,
          details: {
            requestId: request.id,
            code: choice.code,
            language: choice.language,
            template: template.source,
            documents: files.map((file, i) => ({
              id: i === 0 ? docxId : pdfId,
              name: file.name,
              sha256: stored[i]?.sha256,
              size: stored[i]?.size,
            })),
          },
        });
        return id;
      },
      { behavior: 'immediate' },
    );
    return generatedLetter(db, id);
  } catch (e) {
    db.transaction(
      (tx) => {
        for (const blob of stored) {
          if (blob.created && documentsWithHash(tx, blob.sha256) === 0) discardBlob(blobs, blob.sha256);
        }
      },
      { behavior: 'immediate' },
    );
    throw e;
  }
}
