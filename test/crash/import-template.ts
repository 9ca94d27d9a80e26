import { writeInterchangeCsv } from '../../db/interchange/export.ts';
import { seedRows, seedSpan } from '../../db/seed/rows.ts';
import { PREFIX_PLACEHOLDER, TRIAL_TODAY } from './workload.ts';

/**
 * Writes the file every import of the trials starts from: `rows` synthetic requests (the seed
 * generator's, so of every kind, status and history, with links between them) whose references
 * begin with a placeholder the child replaces with the import's own marker, so that each
 * import's rows are new to the register and can be counted afterwards.
 */
export async function writeImportTemplate(file: string, rows: number, seed: number): Promise<void> {
  const prefixed = function* () {
    for (const row of seedRows(rows, seed, seedSpan(TRIAL_TODAY))) {
      yield {
        ...row,
        reference: `${PREFIX_PLACEHOLDER}${row.reference}`,
        related_reference: row.related_reference === null ? null : `${PREFIX_PLACEHOLDER}${row.related_reference}`,
      };
    }
  };
  await writeInterchangeCsv(prefixed(), file);
}
