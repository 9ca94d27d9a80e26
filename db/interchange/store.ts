import { appError } from '../../contract/errors.ts';
import type { ImportReport, Inspection, InterchangeFormat } from '../../contract/interchange.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { type OpenOptions, openDatabase } from '../open.ts';
import { readSettings } from '../settings.ts';
import type { Db } from '../types.ts';
import { exportRegister } from './export.ts';
import { type ImportOptions, type ImportProgress, importRegister } from './import.ts';
import { inspectFile } from './inspect.ts';
import { sniffFormat } from './source.ts';

export type { ImportOptions, ImportProgress } from './import.ts';

/** The register's import and export in the interchange format (shared/spec/register-interchange.md). */
export interface InterchangeStore {
  /**
   * The file's headers, first rows and row count, with a suggested column mapping. Reads only
   * the file. Without a format (an upload has no name), the file's first bytes tell.
   */
  preview(file: string, format?: InterchangeFormat): Promise<Inspection>;
  /** Imports the file all or nothing (or, as a dry run, only checks it); every problem is reported. */
  import(
    file: string,
    options: ImportOptions & { format?: InterchangeFormat | undefined },
    actor: Actor,
    clock: Clock,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportReport>;
  /** Writes the whole register to `file`. */
  export(file: string, format: InterchangeFormat): Promise<{ rows: number; bytes: number }>;
}

/**
 * Import and export each work on a connection of their own. The export reads one consistent
 * snapshot while the app goes on; the import's transaction spans the whole file read (with
 * awaits between chunks), which on the shared connection would sweep other calls' writes
 * into it, or roll them back with it. Meanwhile the app can read; a change it tries to save
 * waits for the import (busy timeout) and is refused if the import takes longer.
 */
export function sqliteInterchangeStore(db: Db, options: OpenOptions): InterchangeStore {
  const connect = (readonly: boolean) =>
    openDatabase({
      file: options.file,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      key: options.key,
      readonly,
    });
  let importing = false;
  return {
    preview: (file, format) => inspectFile(file, format ?? sniffFormat(file)),
    async import(file, importOptions, actor, clock, onProgress) {
      if (importing) throw appError('storage', 'import.running');
      importing = true;
      let connection: ReturnType<typeof connect> | null = null;
      try {
        connection = connect(importOptions.dryRun);
        const referencePattern = readSettings(db).referencePattern;
        const format = importOptions.format ?? sniffFormat(file);
        return await importRegister(
          connection.sqlite,
          file,
          { ...importOptions, format },
          {
            actor,
            clock,
            referencePattern,
            ...(onProgress ? { onProgress } : {}),
          },
        );
      } finally {
        connection?.close();
        importing = false;
      }
    },
    async export(file, format) {
      const connection = connect(true);
      try {
        return await exportRegister(connection.sqlite, file, format);
      } finally {
        connection.close();
      }
    },
  };
}
