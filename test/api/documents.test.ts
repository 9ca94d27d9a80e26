import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { recordedName } from '../../api/handlers/documents.ts';
import type { DocumentRecord, Verification } from '../../contract/documents.ts';
import type { WrittenFile } from '../../contract/files.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { storedFiles } from '../helpers/documents.ts';
import { callerAs, tempDir, testContext } from '../helpers/temp-register.ts';

const PDF = '%PDF-1.7\n% a small test file\n%%EOF\n';

async function setUp(roles: ('clerk' | 'prosecutor' | 'manager' | 'administrator')[] = ['clerk']) {
  const ctx = testContext({ caller: callerAs(roles, 'Amina') });
  const registered = await dispatch(
    'requests.register',
    { direction: 'incoming', kind: 'mla', counterpartCountry: 'FR', openedOn: '2026-03-02', assignedTo: 'Amina' },
    { ...ctx, caller: callerAs('clerk', 'Amina') },
  );
  const requestId = (registered as { value: RequestDetail }).value.id;
  const dir = tempDir();
  const file = path.join(dir, 'Rechtshilfeersuchen.pdf');
  fs.writeFileSync(file, PDF);
  const attach = (overrides: Record<string, unknown> = {}) =>
    dispatch(
      'documents.attach',
      {
        requestId,
        source: { kind: 'path', path: file },
        type: 'request',
        direction: 'incoming',
        documentDate: '2026-03-02',
        ...overrides,
      },
      ctx,
    );
  return { ctx, requestId, dir, file, attach };
}

const value = <T>(reply: { ok: boolean }) => {
  expect(reply).toMatchObject({ ok: true });
  return (reply as unknown as { value: T }).value;
};

describe('documents over the contract', () => {
  it('attaches a chosen file under the name of its path and lists it', async () => {
    const { ctx, requestId, attach } = await setUp();
    const doc = value<DocumentRecord>(await attach());
    expect(doc.originalName).toBe('Rechtshilfeersuchen.pdf');
    expect(value<DocumentRecord[]>(await dispatch('documents.list', { requestId }, ctx))).toEqual([doc]);
    expect(value<Verification>(await dispatch('documents.verify', { id: doc.id }, ctx)).intact).toBe(true);
  });

  it('names the source when its file is gone, and stores nothing', async () => {
    const { ctx, file, attach } = await setUp();
    fs.rmSync(file);
    const reply = await attach();
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'source' }] } });
    expect(storedFiles(ctx.register)).toEqual([]);
  });

  it('names each bad field of the input', async () => {
    const { attach } = await setUp();
    const reply = await attach({
      type: 'memo',
      direction: 'sideways',
      documentDate: '2026-02-30',
      source: { kind: 'path', path: 'relative.pdf' },
    });
    const fields = reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'direction', 'documentDate', 'source.path']));
  });

  it('takes an upload with its name, then removes the upload', async () => {
    const { ctx, attach } = await setUp();
    const id = 'ab'.repeat(16);
    fs.mkdirSync(ctx.files.uploadsDir, { recursive: true });
    fs.writeFileSync(path.join(ctx.files.uploadsDir, id), PDF);
    const nameless = await attach({ source: { kind: 'upload', id } });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'name' }] } });
    const doc = value<DocumentRecord>(await attach({ source: { kind: 'upload', id }, name: 'طلب المساعدة.pdf' }));
    expect(doc.originalName).toBe('طلب المساعدة.pdf');
    expect(fs.existsSync(path.join(ctx.files.uploadsDir, id))).toBe(false);
  });

  it('lets clerks and prosecutors (on a request assigned to them) attach, and any role read', async () => {
    expect((await (await setUp(['prosecutor'])).attach()).ok).toBe(true);
    const manager = await setUp(['manager']);
    expect(await manager.attach()).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect((await dispatch('documents.list', { requestId: manager.requestId }, manager.ctx)).ok).toBe(true);
    expect(
      await dispatch(
        'correspondence.add',
        { requestId: manager.requestId, onDate: '2026-03-03', direction: 'incoming', channel: 'email', summary: 'x' },
        manager.ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'denied' } });
  });

  it('saves a copy to a chosen path or as a download named like the original', async () => {
    const { ctx, dir, attach } = await setUp();
    const doc = value<DocumentRecord>(await attach({ name: 'Letter: «urgent» / part 1.pdf' }));
    const dest = path.join(dir, 'copy.pdf');
    const toPath = value<WrittenFile>(
      await dispatch('documents.saveCopy', { id: doc.id, target: { kind: 'path', path: dest } }, ctx),
    );
    expect(toPath).toEqual({ name: 'copy.pdf', bytes: PDF.length, path: dest, downloadId: null });
    expect(fs.readFileSync(dest, 'utf8')).toBe(PDF);

    const download = value<WrittenFile>(
      await dispatch('documents.saveCopy', { id: doc.id, target: { kind: 'download' } }, ctx),
    );
    expect(download).toMatchObject({ name: 'Letter: «urgent» / part 1.pdf', bytes: PDF.length, path: null });
    expect(fs.readFileSync(path.join(ctx.files.downloadsDir, download.downloadId ?? ''), 'utf8')).toBe(PDF);
  });
});

describe('recordedName', () => {
  it.each([
    ['/home/clerk/Desktop/request.pdf', 'request.pdf'],
    ['C:\\Users\\clerk\\Desktop\\ersuchen.pdf', 'ersuchen.pdf'],
    ['/tmp/line\nbreak.pdf', 'line\uFFFDbreak.pdf'],
  ])('names %j %j', (p, name) => {
    expect(recordedName({ source: { kind: 'path', path: p }, name: undefined })).toBe(name);
  });
});
