import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { AuditChainReport } from '../contract/audit-chain.ts';
import type { Settings } from '../contract/settings.ts';
import { type AccountStore, sqliteAccountStore } from './accounts/store.ts';
import type { Actor } from './audit.ts';
import { type BackupStore, sqliteBackupStore } from './backups/store.ts';
import { verifyAuditChainGently } from './audit-verify.ts';
import type { Clock } from './clock.ts';
import { type ClockStore, sqliteClockStore } from './clocks/store.ts';
import { type DashboardStore, sqliteDashboardStore } from './dashboard.ts';
import { backupOpenDatabase } from './maintenance.ts';
import { type OpenOptions, openDatabase } from './open.ts';
import { type DirectoryStore, sqliteDirectoryStore } from './directories/store.ts';
import { type ProfileStore, sqliteProfileStore } from './profiles/store.ts';
import { type DocumentStore, sqliteDocumentStore } from './documents/store.ts';
import { type InterchangeStore, sqliteInterchangeStore } from './interchange/store.ts';
import { type LetterStore, sqliteLetterStore } from './letters/store.ts';
import { type RegisterEncryption, registerEncryption } from './keys/recovery-store.ts';
import { type ReportStore, sqliteReportStore } from './reports/store.ts';
import { type RequestStore, sqliteRequestStore } from './requests/store.ts';
import * as schema from './schema/index.ts';
import { type SearchStore, sqliteSearchStore } from './search/store.ts';
import { readSettings, updateSettings } from './settings.ts';
import { type StatisticsStore, sqliteStatisticsStore } from './statistics/store.ts';
import { type ViewStore, sqliteViewStore } from './views.ts';

export type { Clock } from './clock.ts';
export { officeClock } from './clock.ts';

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
  /** What the office knows of each counterpart state's requirements (issue 8). */
  readonly profiles: ProfileStore;
  /** Letters generated from the office's templates, and the case summary of a request (issue 8). */
  readonly letters: LetterStore;
  readonly dashboard: DashboardStore;
  /** The legal clocks: their settings, each request's, and those due (issue 8). */
  readonly clocks: ClockStore;
  readonly views: ViewStore;
  readonly reports: ReportStore;
  readonly statistics: StatisticsStore;
  readonly search: SearchStore;
  readonly backups: BackupStore;
  readonly accounts: AccountStore;
  /** Whether the file is encrypted, and its recovery passphrase (db/keys/). */
  readonly encryption: RegisterEncryption;
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>, actor: Actor, clock: Clock): Promise<Settings>;
  /** Writes a consistent, integrity-checked copy of the whole register to `file`. */
  backupTo(file: string): Promise<{ file: string; bytes: number }>;
  /**
   * The audit log's hash chain as checked the first time this is asked (a full pass, so once per
   * opening; it yields between slices, so other calls are answered meanwhile).
   */
  auditChain(): Promise<AuditChainReport>;
  close(): void;
}

/** The register in a SQLite file on this workstation. */
export function openSqliteRegister(options: OpenOptions): Register {
  const opened = openDatabase(options);
  const db = drizzle({ client: opened.sqlite, schema });
  let auditChain: Promise<AuditChainReport> | undefined;
  return {
    location: opened.file,
    schemaVersion: opened.schemaVersion,
    requests: sqliteRequestStore(db),
    interchange: sqliteInterchangeStore(db, options),
    documents: sqliteDocumentStore(db, opened.file, options.key),
    directories: sqliteDirectoryStore(db),
    profiles: sqliteProfileStore(db),
    letters: sqliteLetterStore(db, opened.file, options.key),
    dashboard: sqliteDashboardStore(db),
    clocks: sqliteClockStore(db),
    views: sqliteViewStore(db),
    reports: sqliteReportStore(db),
    statistics: sqliteStatisticsStore(db),
    search: sqliteSearchStore(db),
    backups: sqliteBackupStore(db, options),
    accounts: sqliteAccountStore(db),
    encryption: registerEncryption(db, opened.file, options.key),
    settings: async () => readSettings(db),
    updateSettings: async (patch, actor, clock) => updateSettings(db, patch, actor, clock.at),
    backupTo: (file) => backupOpenDatabase(opened.sqlite, file, options),
    auditChain: () =>
      (auditChain ??= verifyAuditChainGently(opened.sqlite).catch((e: unknown) => {
        auditChain = undefined; // a check that failed is tried again when next asked
        throw e;
      })),
    close: () => opened.close(),
  };
}
