import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteRegister } from '../../db/register.ts';
import { damageMiddlePage, fillRegister, folderContents, registerState } from '../helpers/backups.ts';
import { cli } from '../helpers/cli-io.ts';
import { auditRows } from '../helpers/documents.ts';
import { sha256 } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

const BACKUP_LINE =
  /^Backed up (.+) to (.+[/\\](\d{4}-\d\d-\d\dT[\d-]+Z-on-demand)) \(3 requests, 2 documents, integrity ok\)\.$/;

async function registerWithDocuments(): Promise<string> {
  const file = path.join(tempDir(), 'register.sqlite');
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true });
  await fillRegister(register, 3, 2);
  register.close();
  return file;
}

async function backUp(file: string): Promise<string> {
  const run = await cli('backup', '--db', file);
  expect(run).toMatchObject({ code: 0, err: [] });
  const name = BACKUP_LINE.exec(run.out[0] ?? '')?.[3];
  if (!name) throw new Error(`unexpected output: ${run.out.join('\n')}`);
  return name;
}

describe('mla-desk backup (into the backups folder)', () => {
  it('backs up the database, its documents and a manifest beside the register, exit 0', async () => {
    const file = await registerWithDocuments();
    const run = await cli('backup', '--db', file);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out).toHaveLength(1);
    const match = BACKUP_LINE.exec(run.out[0] ?? '');
    expect(match?.[1]).toBe(file);
    expect(path.dirname(match?.[2] ?? '')).toBe(path.join(path.dirname(file), 'backups'));
    expect(fs.readdirSync(match?.[2] ?? '').sort()).toEqual(['documents', 'manifest.json', 'register.sqlite']);
  });

  it('refuses a file that is not a register, exit 1, and leaves no backup behind', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'not a register\n'.repeat(100));
    const run = await cli('backup', '--db', file);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^mla-desk backup: .*is not an MLA Desk database/);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });
});

describe('mla-desk backups', () => {
  it('lists the backups newest first, and with --verify checks every file, exit 0', async () => {
    const file = await registerWithDocuments();
    const first = await backUp(file);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await backUp(file);
    const run = await cli('backups', '--db', file);
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.out[0]).toBe(`Backups of ${file} in ${path.join(path.dirname(file), 'backups')}:`);
    expect(run.out.slice(1).map((line) => line.split('  ')[0])).toEqual([second, first]);
    expect(run.out[1]).toMatch(
      new RegExp(`on-demand  schema ${SCHEMA_VERSION}  3 requests  2 documents  \\d+ KB  complete$`),
    );
    const verified = await cli('backups', '--db', file, '--verify');
    expect(verified.code).toBe(0);
    expect(verified.out.slice(1).every((line) => line.endsWith('  verified'))).toBe(true);
  });

  it('exits 1 when a backup fails its verification, naming what is wrong', async () => {
    const file = await registerWithDocuments();
    const name = await backUp(file);
    damageMiddlePage(path.join(path.dirname(file), 'backups', name, 'register.sqlite'));
    const run = await cli('backups', '--db', file, '--verify');
    expect(run.code).toBe(1);
    expect(run.out[1]).toContain('FAILED: register.sqlite does not have the SHA-256 its manifest records (altered)');
  });
});

describe('mla-desk restore', () => {
  it('restores a backup by name, says where the replaced register is kept, exit 0', async () => {
    const file = await registerWithDocuments();
    const name = await backUp(file);
    const backedUp = registerState(file);
    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS });
    await fillRegister(register, 2, 1);
    register.close();
    const changed = registerState(file);

    const run = await cli('restore', '--db', file, '--from', name);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(3);
    expect(run.out[0]).toMatch(/^The register as it was is backed up in \d{4}-.*-before-restore\.$/);
    const setAside = /^The replaced register is kept at (.+)\.$/.exec(run.out[1] ?? '')?.[1] ?? '';
    expect(path.dirname(setAside)).toBe(path.join(path.dirname(file), 'set-aside'));
    expect(run.out[2]).toBe(`Restored ${file} from ${name} (schema ${SCHEMA_VERSION}, 3 requests, 2 documents).`);
    expect(registerState(file)).toEqual(backedUp);
    expect(registerState(setAside)).toEqual(changed);
  });

  it('restores from a backup folder copied elsewhere, onto a machine with no register yet', async () => {
    const file = await registerWithDocuments();
    const name = await backUp(file);
    const stick = path.join(tempDir(), name);
    fs.cpSync(path.join(path.dirname(file), 'backups', name), stick, { recursive: true });
    const fresh = path.join(tempDir(), 'new-machine', 'register.sqlite');
    const run = await cli('restore', '--db', fresh, '--from', stick);
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.out).toEqual([`Restored ${fresh} from ${name} (schema ${SCHEMA_VERSION}, 3 requests, 2 documents).`]);
    expect(registerState(fresh)).toEqual(registerState(file));
    expect(folderContents(path.join(path.dirname(fresh), 'documents'))).toEqual(
      folderContents(path.join(path.dirname(file), 'documents')),
    );
  });

  it('refuses a damaged backup with exit 1 and one line, leaving the register untouched', async () => {
    const file = await registerWithDocuments();
    const name = await backUp(file);
    damageMiddlePage(path.join(path.dirname(file), 'backups', name, 'register.sqlite'));
    const hash = sha256(file);
    const run = await cli('restore', '--db', file, '--from', name);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      `mla-desk restore: The backup ${name} cannot be restored: register.sqlite does not have the SHA-256 its manifest records (altered). Nothing was changed.`,
    ]);
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(path.join(path.dirname(file), 'set-aside'))).toBe(false);
  });

  it('refuses a backup that does not exist, exit 1', async () => {
    const file = await registerWithDocuments();
    const run = await cli('restore', '--db', file, '--from', '2026-01-01T00-00-00-000Z-daily');
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^mla-desk restore: There is no backup at .*2026-01-01T00-00-00-000Z-daily\.$/);
  });
});

describe('the restore recorded in the restored register', () => {
  it('names the backup and the command line’s operator in the audit log', async () => {
    const file = await registerWithDocuments();
    const name = await backUp(file);
    await cli('restore', '--db', file, '--from', name);
    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS });
    try {
      expect(auditRows(register, 'register').at(-1)).toMatchObject({
        action: 'register.restore',
        details: { restored: name },
      });
    } finally {
      register.close();
    }
  });
});
