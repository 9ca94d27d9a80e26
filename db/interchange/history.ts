import { isClosedStatus, type Status } from '../../contract/codes.ts';
import type { ValidRow } from './validate-row.ts';

export interface ImportedChange {
  effectiveOn: string;
  fromStatus: Status | null;
  toStatus: Status;
  note: string;
}

/**
 * The history an imported row's dates imply, so that the statistics of past years, which
 * read the history, count it as opened on opened_on and closed on closed_on:
 * - opened: created on opened_on in the status a request has when it opens (incoming:
 *   registered; outgoing: sent), then
 * - closed: moved to its closing status on closed_on; or, still open in another status,
 *   moved to that status on opened_on (the day of that change is not in the file; the note
 *   says so);
 * - never sent (an outgoing draft, under review or withdrawn before sending): created as a
 *   draft on the import day (or, if withdrawn, on the day it was closed), then moved on.
 */
export function importedHistory(row: ValidRow, importDay: string, fileName: string): ImportedChange[] {
  // Kept out of the search index by this prefix (migrations/0009_full_text_search.sql).
  const note = `Imported from ${fileName}`;
  const guessed = `${note} (status as imported; the day it changed is not in the file)`;
  const { status, openedOn, closedOn } = row;
  if (openedOn === null) {
    const created = closedOn ?? importDay;
    const history: ImportedChange[] = [{ effectiveOn: created, fromStatus: null, toStatus: 'draft', note }];
    if (status !== 'draft') {
      history.push({ effectiveOn: created, fromStatus: 'draft', toStatus: status, note: closedOn ? note : guessed });
    }
    return history;
  }
  const opening: Status = row.direction === 'incoming' ? 'registered' : 'sent';
  const history: ImportedChange[] = [{ effectiveOn: openedOn, fromStatus: null, toStatus: opening, note }];
  if (isClosedStatus(status) && closedOn !== null) {
    history.push({ effectiveOn: closedOn, fromStatus: opening, toStatus: status, note });
  } else if (status !== opening) {
    history.push({ effectiveOn: openedOn, fromStatus: opening, toStatus: status, note: guessed });
  }
  return history;
}
