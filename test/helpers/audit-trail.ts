import path from 'node:path';
import type Database from 'better-sqlite3';
import { saveServiceProviderSchema } from '../../contract/directories.ts';
import { linkRequestSchema, recordEventSchema } from '../../contract/requests.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { csvFile, importFile, row } from './interchange.ts';
import { seedRequest } from './register-seed.ts';
import { ACTOR, CLOCK } from './requests.ts';
import { MIGRATIONS, tempDir } from './temp-register.ts';

/**
 * A register whose audit log was written only by the app's own write paths: requests
 * registered and moved, an event, a link, settings, a directory entry, and an import (which
 * writes its entry on a connection of its own), then `moreRequests` requests registered.
 * Returns the file, closed.
 */
export async function registerWithAuditTrail(
  file = path.join(tempDir(), 'register.sqlite'),
  moreRequests = 0,
): Promise<string> {
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true });
  try {
    const a = await seedRequest(register, {}, [['under_review', '2026-03-05']]);
    const b = await seedRequest(register, { direction: 'outgoing' });
    const current = await register.requests.get(a.id);
    await register.requests.recordEvent(
      recordEventSchema.parse({
        id: a.id,
        type: 'note',
        on: '2026-03-06',
        note: 'Called the counterpart',
        expectedVersion: current.version,
      }),
      ACTOR,
      CLOCK,
    );
    await register.requests.link(
      linkRequestSchema.parse({ id: a.id, otherReference: b.reference, kind: 'related' }),
      ACTOR,
      CLOCK,
    );
    await register.updateSettings({ officeName: 'Central Authority' }, ACTOR, CLOCK);
    await register.directories.saveServiceProvider(
      saveServiceProviderSchema.parse({ name: 'Example Mail', country: 'IE' }),
      ACTOR,
      CLOCK,
    );
    const report = await importFile(register, csvFile([row({ reference: 'MLA-IN-2024-00077' })]));
    if (report.imported !== 1) throw new Error(`the import wrote ${report.imported} rows`);
    for (let i = 0; i < moreRequests; i++) await seedRequest(register, { counterpartCountry: i % 2 ? 'DE' : 'ES' });
    return file;
  } finally {
    register.close();
  }
}

/**
 * What an attacker holding the file drops first, so that plain SQL can change the log: the
 * append-only triggers and the index that keeps two entries from following the same one.
 */
export function dropAuditGuards(db: Database.Database): void {
  for (const name of [
    'audit_log_no_update',
    'audit_log_no_delete',
    'audit_log_chained_only',
    'audit_chain_no_delete',
    'audit_chain_sealed_once',
  ]) {
    db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  }
  db.exec('DROP INDEX IF EXISTS audit_log_prev_hash_idx');
}

export function auditIds(db: Database.Database): number[] {
  return db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
}
