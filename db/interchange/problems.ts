import type { ImportProblem } from '../../contract/interchange.ts';
import { englishText, type MessageKey, type MessageParams } from '../../contract/messages.ts';
import { detach } from './cells.ts';

/**
 * A problem of a file's header, a row or a cell, as the checks find it: a key of the messages
 * catalog with its parameters. It is worded (in English, beside the key) only when listed, so
 * a hopeless file's millionth problem costs no more than counting it.
 */
export interface RowProblem {
  row: number;
  /** Our column name, or the file's header for a header problem; empty for the whole row. */
  column: string;
  key: MessageKey;
  params?: MessageParams;
}

/** Copies of the parameters' texts, so they do not hold on to the file's text they quote (see detach). */
function detached(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? detach(v) : v]));
}

/** The problems of an import: the first `limit` listed, the rest only counted. */
export class ProblemList {
  private readonly listed: ImportProblem[] = [];
  private more = 0;
  constructor(private readonly limit: number) {}

  get count(): number {
    return this.listed.length + this.more;
  }

  add(problem: RowProblem): void {
    // Kept to the end: its texts must not hold on to the file's text they quote (see detach).
    if (this.listed.length < this.limit) {
      const { row, key, params } = problem;
      const listed: ImportProblem = { row, column: detach(problem.column), message: englishText(key, params), key };
      if (params !== undefined) listed.params = detached(params);
      this.listed.push(listed);
    } else this.more += 1;
  }

  addAll(problems: readonly RowProblem[]): void {
    for (const p of problems) this.add(p);
  }

  report(): { problems: ImportProblem[]; moreProblems: number } {
    return { problems: this.listed, moreProblems: this.more };
  }
}
