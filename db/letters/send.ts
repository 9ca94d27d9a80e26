import { eq } from 'drizzle-orm';
import { AppError, appError, problem } from '../../contract/errors.ts';
import { type GeneratedLetter, LETTER_TEMPLATES, type ValidMarkSent } from '../../contract/letters.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { addCorrespondence } from '../documents/correspondence.ts';
import { documentRow } from '../documents/read.ts';
import { eventRule } from '../requests/event-rules.ts';
import { recordEvent } from '../requests/events.ts';
import { requestRow } from '../requests/read.ts';
import { letters } from '../schema/index.ts';
import type { Db } from '../types.ts';
import { generatedLetter, letterRow } from './generate.ts';

/** The history event's problems under the names of this call's fields ("on" is "onDate" here). */
function asSendProblem(e: unknown): unknown {
  if (!(e instanceof AppError) || !e.fields) return e;
  const fields = e.fields.map((f) => (f.field === 'on' ? { ...f, field: 'onDate' } : f));
  return new AppError(e.code, e.message, fields, e.key === undefined ? undefined : { key: e.key, params: e.params });
}

/**
 * Records that a generated letter was sent: a correspondence entry (outgoing, with the files
 * that went) through the correspondence log, and an event in the request's history (a reminder
 * as "reminder sent", any other letter as a note saying what went), in one transaction with the
 * audit entry. A letter is sent once; a second sending is a new letter.
 */
export function markLetterSent(db: Db, input: ValidMarkSent, actor: Actor, clock: Clock): GeneratedLetter {
  try {
    // The correspondence log and the history write in transactions of their own: on this
    // connection, better-sqlite3 nests them as savepoints of this one, so all of it or none.
    db.transaction(
      () => {
        const row = letterRow(db, input.id);
        if (row.sentCorrespondenceId !== null) throw appError('invalid_input', 'letter.alreadySent');
        const generatedOn = documentRow(db, row.pdfDocumentId).documentDate;
        if (input.onDate < generatedOn) {
          throw appError('invalid_input', 'correspondence.checkEntry', undefined, [
            problem('onDate', 'letter.field.notBeforeGenerated', { date: generatedOn }),
          ]);
        }
        const documentIds =
          input.files === 'both'
            ? [row.docxDocumentId, row.pdfDocumentId]
            : [input.files === 'pdf' ? row.pdfDocumentId : row.docxDocumentId];
        const entry = addCorrespondence(
          db,
          {
            requestId: row.requestId,
            onDate: input.onDate,
            direction: 'outgoing',
            channel: input.channel,
            summary: input.summary,
            documentIds,
          },
          actor,
          clock,
        );
        const request = requestRow(db, row.requestId);
        const wanted = LETTER_TEMPLATES[row.code].sentEvent;
        const type = wanted === 'note' || eventRule(wanted).allowed(request) ? wanted : 'note';
        recordEvent(
          db,
          {
            id: request.id,
            type,
            on: input.onDate,
            note: input.summary,
            preservedUntil: null,
            expectedVersion: request.version,
          },
          actor,
          clock,
        );
        db.update(letters).set({ sentCorrespondenceId: entry.id }).where(eq(letters.id, row.id)).run();
        recordAudit(db, actor, clock.at, {
          action: 'letter.send',
          entity: 'letter',
          entityId: row.id,
          details: {
            requestId: row.requestId,
            correspondenceId: entry.id,
            onDate: input.onDate,
            channel: input.channel,
            documentIds,
            event: type,
          },
        });
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    throw asSendProblem(e);
  }
  return generatedLetter(db, input.id);
}
