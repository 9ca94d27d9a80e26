import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../db/open.ts';
import { cli } from '../helpers/cli-io.ts';
import { countRows, insertRawRequest, migrationsFolder, pragma, sha256, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

function registerAt(version: 1 | 2): string {
  const file = path.join(tempDir(), 'register.sqlite');
  const opened = openDatabase({
    file,
    migrationsFolder: version === 2 ? MIGRATIONS : migrationsFolder(1),
    create: true,
  });
  insertRawRequest(opened.sqlite, 'MLA-IN-2026-00001');
  opened.close();
  return file;
}

describe('mla-desk init', () => {
  it('creates a new register and says so, exit 0', async () => {
    const file = path.join(tempDir(), 'new', 'register.sqlite');
    const run = await cli('init', '--db', file);
    expect(run).toEqual({ code: 0, out: [`Created ${file} (schema ${SCHEMA_VERSION}).`], err: [] });
    expect(pragma(file, 'application_id')).toBe(APPLICATION_ID);
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION);
  });

  it('refuses to init over an existing register (exit 1) and leaves it untouched', async () => {
    const file = registerAt(2);
    const hash = sha256(file);
    const run = await cli('init', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('already exists');
    expect(sha256(file)).toBe(hash);
    expect(countRows(file, 'requests')).toBe(1);
  });

  it('refuses to init over any other existing file (exit 1) and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'thesis.docx');
    fs.writeFileSync(file, 'my only copy');
    const run = await cli('init', '--db', file);
    expect(run.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('my only copy');
  });
});

describe('mla-desk migrate', () => {
  it('brings an old register up to date, keeps a copy and says where, exit 0', async () => {
    const file = registerAt(1);
    const run = await cli('migrate', '--db', file);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out[0]).toBe(`${file} is at schema ${SCHEMA_VERSION}.`);
    const copyLine = run.out[1] ?? '';
    expect(copyLine).toMatch(/^The database as it was before is kept at .*backups[/\\][^/\\]*-before-migration\.$/);
    const copy = path.join(
      copyLine.replace('The database as it was before is kept at ', '').replace(/\.$/, ''),
      'register.sqlite',
    );
    expect(pragma(copy, 'user_version')).toBe(1);
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION);
    expect(countRows(file, 'requests')).toBe(1);
  });

  it('says an up-to-date register is at the current schema and copies nothing', async () => {
    const file = registerAt(2);
    const run = await cli('migrate', '--db', file);
    expect(run).toEqual({ code: 0, out: [`${file} is at schema ${SCHEMA_VERSION}.`], err: [] });
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('refuses a missing file with exit 1 and creates nothing', async () => {
    const file = path.join(tempDir(), 'nothing-here.sqlite');
    const run = await cli('migrate', '--db', file);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`mla-desk migrate: There is no database at ${file}.`]);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('mla-desk check', () => {
  it('reports a sound register: file, schema and integrity, exit 0', async () => {
    const file = registerAt(2);
    const run = await cli('check', '--db', file);
    expect(run).toEqual({
      code: 0,
      out: [
        `File: ${file}`,
        `Schema: ${SCHEMA_VERSION} (this version of MLA Desk: ${SCHEMA_VERSION})`,
        'Integrity: ok',
      ],
      err: [],
    });
  });

  it('exits 1 on an old register and says to migrate it, without migrating', async () => {
    const file = registerAt(1);
    const run = await cli('check', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`Schema: 1 (this version of MLA Desk: ${SCHEMA_VERSION})`);
    expect(run.err).toEqual([`${file} needs migrating: run mla-desk migrate --db ${file}`]);
    expect(pragma(file, 'user_version')).toBe(1);
  });

  it('exits 1 on a register with broken links and says it failed its integrity check', async () => {
    const file = registerAt(2);
    withRaw(file, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare(`INSERT INTO request_refusal_grounds (request_id, ground) VALUES (99, 'other')`).run();
    });
    const run = await cli('check', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Integrity: 1 row(s) point at records that do not exist');
    expect(run.err).toEqual([`${file} failed its integrity check.`]);
  });

  it('exits 1 on a file that is not a register, with a one-line reason, and leaves it unchanged', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'Minutes of the meeting\nwith several lines\n'.repeat(30));
    const hash = sha256(file);
    const run = await cli('check', '--db', file);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).not.toContain('\n');
    expect(run.err[0]).toMatch(/^mla-desk check: .*is not an MLA Desk database/);
    expect(sha256(file)).toBe(hash);
  });
});

describe('mla-desk backup', () => {
  it('copies a register and reports the size, exit 0', async () => {
    const file = registerAt(2);
    const out = path.join(tempDir(), 'copy.sqlite');
    const run = await cli('backup', '--db', file, '--out', out);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out).toEqual([`Backed up ${file} to ${out} (${fs.statSync(out).size} bytes, integrity ok).`]);
    expect(countRows(out, 'requests')).toBe(1);
  });

  it('refuses to overwrite an existing file, exit 1', async () => {
    const file = registerAt(2);
    const out = path.join(tempDir(), 'copy.sqlite');
    fs.writeFileSync(out, 'older backup');
    const run = await cli('backup', '--db', file, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('already exists');
    expect(fs.readFileSync(out, 'utf8')).toBe('older backup');
  });
});
