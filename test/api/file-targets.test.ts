import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { fileAreasIn, prepareTarget } from '../../api/files.ts';
import { AppError } from '../../contract/errors.ts';
import { sha256 } from '../helpers/sqlite-files.ts';
import { tempDir, testContext } from '../helpers/temp-register.ts';

/**
 * Where a file the app produces may be written. A path target comes from a save dialog, or from
 * whoever calls the API: before a byte is written, it must be an absolute path on this computer,
 * in a folder that exists, not a folder, and not where MLA Desk keeps the register and its files.
 */

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** A data folder as the app keeps it (tempDir removes it after each test), and a folder elsewhere. */
function setUp() {
  const dataDir = tempDir();
  const areas = fileAreasIn(dataDir);
  for (const folder of ['documents/ab', 'uploads', 'downloads', 'backups/2026-03-10T09-30-00-000Z-daily']) {
    fs.mkdirSync(path.join(dataDir, folder), { recursive: true });
  }
  fs.writeFileSync(path.join(dataDir, 'register.sqlite'), 'the register');
  const elsewhere = tempDir();
  const target = (p: string) => () => prepareTarget({ kind: 'path', path: p }, 'export.csv', areas);
  return { dataDir, elsewhere, target };
}

describe('a path target', () => {
  it.each([
    ['a Windows path on this POSIX machine', 'C:\\Users\\clerk\\export.csv'],
    ['a UNC path on this POSIX machine', '\\\\server\\share\\export.csv'],
    ['a NUL byte', '{elsewhere}/export\u0000.csv'],
    ['a folder that does not exist', '{elsewhere}/missing/export.csv'],
    ['a folder', '{elsewhere}'],
    ['the register itself', '{data}/register.sqlite'],
    ['the register through a dot-dot', '{data}/documents/../register.sqlite'],
    ['the stored documents', `{data}/documents/ab/${'ab'.repeat(32)}`],
    ['the documents folder', '{data}/documents'],
    ['the uploads', `{data}/uploads/${'ab'.repeat(16)}`],
    ['the downloads', '{data}/downloads/new.csv'],
    ['a backup', '{data}/backups/2026-03-10T09-30-00-000Z-daily/register.sqlite'],
  ])('is refused when it names %s, naming the field', (_label, named) => {
    const { dataDir, elsewhere, target } = setUp();
    const p = named.replace('{data}', dataDir).replace('{elsewhere}', elsewhere);
    if (process.platform === 'win32' && /^([A-Z]:|\\\\)/.test(p)) return;
    const e = refusal(target(p));
    expect(e.code).toBe('invalid_input');
    expect(e.fields).toMatchObject([{ field: 'target.path', message: expect.any(String) }]);
  });

  it('is refused through a symbolic link into the data folder', () => {
    const { dataDir, elsewhere, target } = setUp();
    const link = path.join(elsewhere, 'looks-harmless');
    fs.symlinkSync(path.join(dataDir, 'documents'), link);
    expect(refusal(target(path.join(link, 'x.csv'))).code).toBe('invalid_input');
  });

  it('may be a new file anywhere else, or a new file beside the register', () => {
    const { dataDir, elsewhere, target } = setUp();
    expect(target(path.join(elsewhere, 'export.csv'))().path).toBe(path.join(elsewhere, 'export.csv'));
    expect(target(path.join(dataDir, 'export.csv'))().path).toBe(path.join(dataDir, 'export.csv'));
  });
});

describe('the channels that write files', () => {
  it('refuse to write over the register, and leave it as it was', async () => {
    const ctx = testContext();
    const before = sha256(ctx.register.location);
    const onRegister = { kind: 'path', path: ctx.register.location };
    for (const [channel, input] of [
      ['interchange.export', { format: 'csv', target: onRegister }],
      ['statistics.export', { year: 2026, format: 'csv', target: onRegister }],
      ['reports.list', { query: {}, columns: ['reference'], format: 'csv', target: onRegister }],
    ] as const) {
      const reply = await dispatch(channel, input, { ...ctx, caller: { ...ctx.caller, roles: ['clerk', 'manager'] } });
      expect(reply, channel).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ field: 'target.path' }] },
      });
    }
    expect(sha256(ctx.register.location)).toBe(before);
  });

  it('answer a target in a missing folder with invalid_input, not an internal failure', async () => {
    const ctx = testContext();
    const reply = await dispatch(
      'interchange.export',
      { format: 'xlsx', target: { kind: 'path', path: path.join(tempDir(), 'gone', 'register.xlsx') } },
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('leave nothing in the downloads area when a download fails (a stored file that lost its hash)', async () => {
    const ctx = testContext();
    const registered = await dispatch(
      'requests.register',
      { direction: 'incoming', kind: 'mla', counterpartCountry: 'FR', openedOn: '2026-03-02' },
      ctx,
    );
    const file = path.join(tempDir(), 'request.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n');
    const attached = await dispatch(
      'documents.attach',
      {
        requestId: (registered as { value: { id: number } }).value.id,
        source: { kind: 'path', path: file },
        type: 'request',
        direction: 'incoming',
        documentDate: '2026-03-02',
      },
      ctx,
    );
    const id = (attached as { value: { id: number } }).value.id;
    const stored = (await ctx.register.documents.locate(id)).file;
    fs.chmodSync(stored, 0o644);
    fs.writeFileSync(stored, 'altered');
    const reply = await dispatch('documents.saveCopy', { id, target: { kind: 'download' } }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage' } });
    const downloads = ctx.files.downloadsDir;
    expect(fs.existsSync(downloads) ? fs.readdirSync(downloads) : []).toEqual([]);
  });

  it('refuse a backup to a path that is not a file on this computer, and write nothing anywhere', async () => {
    const ctx = testContext({ caller: { ...testContext().caller, roles: ['administrator'] } });
    const folder = tempDir();
    const cwdBefore = fs.readdirSync(process.cwd()).sort();
    for (const file of [`${folder}/backup\u0000.sqlite`, 'C:\\backup.sqlite', `${folder}/missing/backup.sqlite`]) {
      if (process.platform === 'win32' && file.startsWith('C:')) continue;
      const reply = await dispatch('register.backup', { file }, ctx);
      expect(reply, JSON.stringify(file)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: [{ field: 'file' }] },
      });
    }
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    expect(await dispatch('register.backup', { file: `${folder}/backup.sqlite` }, ctx)).toMatchObject({ ok: true });
  });
});
