import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { auditIds, dropAuditGuards, registerWithAuditTrail } from '../helpers/audit-trail.ts';
import { cli } from '../helpers/cli-io.ts';
import { migrationsFolder, sha256, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir } from '../helpers/temp-register.ts';

describe('mla-desk verify', () => {
  it('prints the count and the head of an intact chain, exit 0, and writes nothing', async () => {
    const file = await registerWithAuditTrail();
    const [n, head] = withRaw(
      file,
      (db) => [auditIds(db).length, db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()],
      true,
    );
    const before = sha256(file);
    const run = await cli('verify', '--db', file);
    expect(run).toEqual({ code: 0, out: [`Audit log: ${n} entries`, `Chain: ok (head ${head})`], err: [] });
    expect(sha256(file)).toBe(before);
  });

  it('names the first broken entry, exit 1', async () => {
    const file = await registerWithAuditTrail();
    withRaw(file, (db) => {
      dropAuditGuards(db);
      db.exec("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 5");
      db.exec('DELETE FROM audit_log WHERE id = 3');
    });
    const run = await cli('verify', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out.at(-1)).toBe('Chain: broken at entry 3');
    expect(run.err).toEqual([`${file}: entry 3 is missing (deleted).`]);
  });

  it('is part of mla-desk check, which then fails', async () => {
    const file = await registerWithAuditTrail();
    expect((await cli('check', '--db', file)).code).toBe(0);
    withRaw(file, (db) => {
      dropAuditGuards(db);
      db.exec("UPDATE audit_log SET details = '{}' WHERE id = 2");
    });
    const run = await cli('check', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'Integrity: audit log: entry 2 was changed after it was written (its content no longer matches its hash)',
    );
  });

  it('asks for the upgrade first on a register older than the chain, exit 1', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(12), create: true }).close();
    const run = await cli('verify', '--db', file);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([expect.stringMatching(/^mla-desk verify: .*migrate it \(mla-desk migrate\)/)]);
  });

  it('refuses a missing --db with exit 2', async () => {
    const run = await cli('verify');
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('--db is required');
  });
});

describe('mla-desk verify on an encrypted register', () => {
  it('opens it with --key-file, and says plainly it cannot without', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.sqlite');
    const keyFile = path.join(dir, 'register.key');
    fs.writeFileSync(keyFile, `${'5a'.repeat(32)}\n`);
    expect((await cli('init', '--db', file, '--key-file', keyFile)).code).toBe(0);
    expect(await cli('verify', '--db', file, '--key-file', keyFile)).toMatchObject({
      code: 0,
      out: ['Audit log: 0 entries', 'Chain: ok'],
    });
    const without = await cli('verify', '--db', file);
    expect(without.code).toBe(1);
    expect(without.err).toEqual([expect.stringMatching(/^mla-desk verify: .*--key-file/)]);
  });
});
