import fs from 'node:fs';

/**
 * The writer child's journal (writer-child.ts): one JSON line per step, written with
 * fs.writeSync on a file descriptor opened for appending, so a line is in the file (the
 * kernel's page cache, which a killed process cannot lose) before the next step begins.
 *
 * Every write is journaled twice: `begin` before it is called and `done` once it has returned.
 * A `done` line therefore promises the write is in the database; a `begin` with no `done`
 * after it is the write that was in flight when the child was killed, which may or may not be
 * there but must be whole or absent. Each write carries a marker no other write has, stored
 * where the write leaves its rows, so the checks can find exactly that write.
 */
export type WriteOp =
  // `seen`: the request's version as the child read it just before writing.
  /** A new request; the marker is its domestic reference. */
  | { op: 'register'; marker: string }
  /** A status change; the marker is the history entry's note. */
  | { op: 'move'; marker: string; id: number; from: string; to: string; seen: number }
  /** An event in the request's history; the marker is its note. */
  | { op: 'event'; marker: string; id: number; type: string; seen: number }
  /** A correction of a request's fields (summary and parties); the marker is in the summary and a party's name. */
  | { op: 'update'; marker: string; id: number; seen: number }
  /** An import of `rows` requests whose references all start with `marker` (also the file name it is recorded under). */
  | { op: 'import'; marker: string; rows: number };

/** What the request looked like once the write returned (import: how many rows it reported). */
export interface Outcome {
  id?: number;
  reference?: string;
  status?: string;
  version?: number;
  imported?: number;
}

export type JournalLine =
  | { t: 'ready' }
  | ({ t: 'begin' } & WriteOp)
  | ({ t: 'done' } & WriteOp & Outcome)
  /** A write the register refused (stale version, a move no longer allowed): it wrote nothing. */
  | ({ t: 'refused'; message: string } & WriteOp);

/** Appends lines to a journal file, each reaching the file before `write` returns. */
export function openJournal(file: string): { write(line: JournalLine): void } {
  const fd = fs.openSync(file, 'a');
  return { write: (line) => void fs.writeSync(fd, `${JSON.stringify(line)}\n`) };
}

/**
 * The journal's lines. A write(2) of one short line to a file is not cut in two by SIGKILL, but
 * should a last line lack its newline it was never completely written: it promises nothing
 * and is left out.
 */
export function readJournal(file: string): JournalLine[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalLine);
}
