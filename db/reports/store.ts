import fs from 'node:fs';
import path from 'node:path';
import type { ValidListExport, ValidStatusReport } from '../../contract/reports.ts';
import type { Language } from '../../i18n/languages.ts';
import { readSettings } from '../settings.ts';
import type { Queryable } from '../types.ts';
import type { RequestScope } from '../requests/scope.ts';
import { registerRows, writeRegisterCsv, writeRegisterXlsx } from './register-export.ts';
import { labelsFor } from './labels.ts';
import { statusReport } from './status-model.ts';
import { writeStatusPdf } from './status-pdf.ts';
import { statusReportRows } from './status-rows.ts';
import { writeStatusXlsx } from './status-xlsx.ts';

/** An export's input as the channel validated it; the language defaults to English. */
type ExportInput<T extends { language: Language }> = Omit<T, 'target' | 'language'> & { language?: Language };

/** Files made from the register. Each writes to `file`, and reports how many requests it holds. */
export interface ReportStore {
  /** Of the requests in `scope` only (db/requests/scope.ts; null or omitted: all of them). */
  statusReport(
    input: ExportInput<ValidStatusReport>,
    file: string,
    today: string,
    scope?: RequestScope | null,
  ): Promise<{ count: number }>;
  exportList(
    input: ExportInput<ValidListExport>,
    file: string,
    today: string,
    scope?: RequestScope | null,
  ): Promise<{ count: number }>;
}

/**
 * Writes beside the destination and renames at the end, so a failure never leaves a half
 * file under the name the person chose (or over a file they meant to replace).
 */
export async function writeWhole(file: string, write: (partial: string) => Promise<void> | void): Promise<void> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.part`);
  try {
    await write(partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export function sqliteReportStore(db: Queryable): ReportStore {
  return {
    async statusReport(input, file, today, scope = null) {
      const rows = statusReportRows(db, input.by, input.value, input.includeClosed, scope);
      const report = statusReport(
        rows,
        { ...input, officeName: readSettings(db).officeName, today },
        labelsFor(input.language, { isolate: input.format === 'pdf' }),
      );
      await writeWhole(file, (partial) =>
        input.format === 'pdf' ? writeStatusPdf(partial, report) : writeStatusXlsx(partial, report),
      );
      return { count: rows.length };
    },
    async exportList(input, file, today, scope = null) {
      const rows = registerRows(db, input.query, today, scope);
      const labels = labelsFor(input.language);
      await writeWhole(file, (partial) =>
        input.format === 'csv'
          ? writeRegisterCsv(partial, rows, input.columns, labels)
          : writeRegisterXlsx(partial, rows, input.columns, labels),
      );
      return { count: rows.length };
    },
  };
}
