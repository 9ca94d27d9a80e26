import type { ImportProblem } from '../../contract/interchange.ts';
import { detach } from './cells.ts';

/** The problems of an import: the first `limit` listed, the rest only counted. */
export class ProblemList {
  private readonly listed: ImportProblem[] = [];
  private more = 0;
  constructor(private readonly limit: number) {}

  get count(): number {
    return this.listed.length + this.more;
  }

  add(problem: ImportProblem): void {
    // Kept to the end: its texts must not hold on to the file's text they quote (see detach).
    if (this.listed.length < this.limit) {
      this.listed.push({ row: problem.row, column: detach(problem.column), message: detach(problem.message) });
    } else this.more += 1;
  }

  addAll(problems: readonly ImportProblem[]): void {
    for (const p of problems) this.add(p);
  }

  report(): { problems: ImportProblem[]; moreProblems: number } {
    return { problems: this.listed, moreProblems: this.more };
  }
}
