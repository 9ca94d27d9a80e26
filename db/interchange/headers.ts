import {
  type ColumnMapping,
  type InterchangeColumn,
  isInterchangeColumn,
  REQUIRED_COLUMNS,
} from '../../contract/interchange.ts';
import { cellText, type RawCell } from './cells.ts';
import type { RowProblem } from './problems.ts';

/** The header row's texts, as the inspection shows them and a mapping names them. */
export function headerTexts(cells: readonly RawCell[]): string[] {
  return cells.map((c) => cellText(c) ?? '');
}

export interface ColumnPlan {
  /** For each position in a row, our column, or null for a column left out. */
  columns: (InterchangeColumn | null)[];
  /** Required columns the file lacks: reported once, not again in every row. */
  missing: ReadonlySet<string>;
  /** Positions whose header is empty: a value under one is a column nobody named. */
  unnamed: (position: number) => boolean;
  problems: RowProblem[];
}

/**
 * Which of our columns each of the file's columns is: as the mapping says, else by its name
 * in any case. An unknown column is a problem (a typo must not lose a column's data
 * silently) unless the import is told to ignore unknown columns; a column with no header
 * at all (spreadsheets leave such trailing columns) is left out.
 */
export function planColumns(
  header: readonly RawCell[],
  mapping: ColumnMapping | undefined,
  ignoreUnknownColumns: boolean,
): ColumnPlan {
  const problems: RowProblem[] = [];
  const seen = new Map<InterchangeColumn, string>();
  const texts = headerTexts(header);
  const columns = texts.map((text): InterchangeColumn | null => {
    if (text === '') return null;
    const lower = text.toLowerCase();
    const column =
      mapping && Object.hasOwn(mapping, text) ? mapping[text] : isInterchangeColumn(lower) ? lower : undefined;
    if (column === null) return null;
    if (column === undefined) {
      if (!ignoreUnknownColumns) {
        problems.push({ row: 1, column: text, key: 'import.header.unknown' });
      }
      return null;
    }
    const other = seen.get(column);
    if (other !== undefined) {
      problems.push({ row: 1, column: text, key: 'import.header.twice', params: { column, other } });
      return null;
    }
    seen.set(column, text);
    return column;
  });
  const missing = new Set<string>(REQUIRED_COLUMNS.filter((c) => !seen.has(c)));
  for (const column of missing) {
    problems.push({ row: 1, column, key: 'import.header.missing' });
  }
  return { columns, missing, unnamed: (position) => (texts[position] ?? '') === '', problems };
}
