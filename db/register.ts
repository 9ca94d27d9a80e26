import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Settings } from '../contract/settings.ts';
import type { Actor } from './audit.ts';
import type { Clock } from './clock.ts';
import { type DashboardStore, sqliteDashboardStore } from './dashboard.ts';
import { backupOpenDatabase } from './maintenance.ts';
import { type OpenOptions, openDatabase } from './open.ts';
import { type DirectoryStore, sqliteDirectoryStore } from './directories/store.ts';
import { type DocumentStore, sqliteDocumentStore } from './documents/store.ts';
import { type InterchangeStore, sqliteInterchangeStore } from './interchange/store.ts';
import { type ReportStore, sqliteReportStore } from './reports/store.ts';
import { type RequestStore, sqliteRequestStore } from './requests/store.ts';
import * as schema from './schema/index.ts';
import { type SearchStore, sqliteSearchStore } from './search/store.ts';
import { readSettings, updateSettings } from './settings.ts';
import { type StatisticsStore, sqliteStatisticsStore } from './statistics/store.ts';
import { type ViewStore, sqliteViewStore } from './views.ts';

export type { Clock } from './clock.ts';

/**
 * What the application does to the register, one store per part of the domain, each named
 * for the office's work. The API handlers know only these interfaces: a shared server
 * database later is another implementation of them, which is why every method is
 * asynchronous even though SQLite answers at once.
 */
export interface Register {
  readonly location: string;
  readonly schemaVersion: number;
  readonly requests: RequestStore;
  readonly interchange: InterchangeStore;
  readonly documents: DocumentStore;
  readonly directories: DirectoryStore;
  readonly dashboard: DashboardStore;
  readonly views: ViewStore;
  readonly reports: ReportStore;
  readonly statistics: StatisticsStore;
  readonly search: SearchStore;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>, actor: Actor, clock: Clock): Promise<Settings>;
  /** Writes a consistent, integrity-checked copy of the whole register to `file`. */
  backupTo(file: string): Promise<{ file: string; bytes: number }>;
  close(): void;
}

/** The register in a SQLite file on this workstation. */
export function openSqliteRegister(options: OpenOptions): Register {
  const opened = openDatabase(options);
  const db = drizzle({ client: opened.sqlite, schema });
  return {
    location: opened.file,
    schemaVersion: opened.schemaVersion,
    requests: sqliteRequestStore(db),
    interchange: sqliteInterchangeStore(db, options),
    documents: sqliteDocumentStore(db, opened.file),
    directories: sqliteDirectoryStore(db),
    dashboard: sqliteDashboardStore(db),
    views: sqliteViewStore(db),
    reports: sqliteReportStore(db),
    statistics: sqliteStatisticsStore(db),
    search: sqliteSearchStore(db),
    settings: async () => readSettings(db),
    updateSettings: async (patch, actor, clock) => updateSettings(db, patch, actor, clock.at),
    backupTo: (file) => backupOpenDatabase(opened.sqlite, file, options.nativeBinding),
    close: () => opened.close(),
  };
}
