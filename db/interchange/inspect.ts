import { appError, problem } from '../../contract/errors.ts';
import {
  type Inspection,
  type InterchangeColumn,
  type InterchangeFormat,
  SAMPLE_ROWS,
  suggestMapping,
} from '../../contract/interchange.ts';
import { cellText } from './cells.ts';
import { headerTexts } from './headers.ts';
import { isBlank, sheetRows } from './sheet.ts';
import { FileProblem, openSource } from './source.ts';

/**
 * What the import wizard shows before anything is checked: the file's headers, its first
 * rows as text, how many rows it has, and a first guess at the column mapping.
 */
export async function inspectFile(file: string, format: InterchangeFormat): Promise<Inspection> {
  const { stream } = openSource(file);
  let headers: string[] | null = null;
  let guess: (InterchangeColumn | null)[] = [];
  const sampleRows: string[][] = [];
  let rowCount = 0;
  try {
    for await (const { cells } of sheetRows(stream, format)) {
      if (headers === null) {
        headers = headerTexts(cells);
        const suggested = suggestMapping(headers);
        guess = headers.map((h) => suggested[h] ?? null);
        continue;
      }
      if (isBlank(cells)) continue;
      rowCount += 1;
      if (sampleRows.length < SAMPLE_ROWS) {
        // Read as the guessed column would (an ICCS code typed as 7 shows as 07).
        sampleRows.push(headers.map((_, i) => cellText(cells[i] ?? null, guess[i] ?? null) ?? ''));
      }
    }
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    throw appError('invalid_input', e.key, e.params, [problem('source', e.key, e.params)]);
  } finally {
    stream.destroy();
  }
  if (headers === null) {
    throw appError('invalid_input', 'import.empty', undefined, [problem('source', 'field.fileEmpty')]);
  }
  return { format, headers, sampleRows, rowCount, suggestedMapping: suggestMapping(headers) };
}
