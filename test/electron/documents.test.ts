import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it, vi } from 'vitest';
import { SHELL_OPEN_DOCUMENT } from '../../contract/bridge.ts';
import type { Envelope } from '../../contract/errors.ts';
import { documentKeys, encryptingStream } from '../../db/keys/document-cipher.ts';
import { generateRegisterKey } from '../../db/keys/register-key.ts';
import { serveAppRequest } from '../../electron/app-protocol.ts';
import { createDbClient, type DbProcessHandle } from '../../electron/db-client.ts';
import type { FromDbProcess, ToDbProcess } from '../../electron/db-protocol.ts';
import { createDbWorker } from '../../electron/db-worker.ts';
import { type Locate, openDocumentCopy, safeFileName, sweepOpenCopies } from '../../electron/documents.ts';
import { registerDocumentOpener } from '../../electron/shell-ipc.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

// Nothing here imports electron itself; vi.mock keeps it that way should an import change.
vi.mock('electron', () => ({}));

const SHA = 'ab'.repeat(32);
const PDF = '%PDF-1.7\n% evidence\n%%EOF\n';

/** A stored file and a locate answering for document 7 as the database process would. */
function stored(name = 'Ersuchen «Köln».pdf') {
  const dir = tempDir();
  const file = path.join(dir, 'documents', 'ab', SHA);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PDF);
  fs.chmodSync(file, 0o444);
  const document = {
    id: 7,
    sha256: SHA,
    mediaType: 'application/pdf',
    originalName: name,
    size: Buffer.byteLength(PDF),
  };
  const locate: Locate = async (id) =>
    id === 7
      ? { ok: true, value: { file, document, sealed: false } }
      : { ok: false, error: { code: 'not_found', message: `There is no document with id ${id}.` } };
  return { dir, file, locate };
}

function rendererRoot(): string {
  const root = path.join(tempDir(), 'renderer');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MLA Desk</title>');
  return root;
}

describe('app://mla-desk/documents/<id>/content', () => {
  it('streams the stored file with its type, as an inert attachment', async () => {
    const { locate } = stored();
    const res = await serveAppRequest(
      { method: 'GET', url: 'app://mla-desk/documents/7/content' },
      rendererRoot(),
      locate,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(PDF);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Ersuchen _K_ln_.pdf"; filename*=UTF-8''Ersuchen%20%C2%ABK%C3%B6ln%C2%BB.pdf`,
    );
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('decrypts the stored file of an encrypted register on the way, with the register’s document keys', async () => {
    const keys = documentKeys(generateRegisterKey());
    const dir = tempDir();
    const file = path.join(dir, 'documents', 'cd', 'sealed');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await pipeline(Readable.from([Buffer.from(PDF)]), encryptingStream(keys), fs.createWriteStream(file));
    expect(fs.readFileSync(file).includes(Buffer.from('%PDF'))).toBe(false);
    const document = {
      id: 7,
      sha256: SHA,
      mediaType: 'application/pdf',
      originalName: 'a.pdf',
      size: Buffer.byteLength(PDF),
    };
    const locate: Locate = async () => ({ ok: true, value: { file, document, sealed: true } });
    const url = 'app://mla-desk/documents/7/content';
    const res = await serveAppRequest({ method: 'GET', url }, rendererRoot(), locate, () => keys);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(PDF);
    // Without the keys (the register key not unsealed yet) nothing is served.
    expect((await serveAppRequest({ method: 'GET', url }, rendererRoot(), locate)).status).toBe(500);
  });

  it('answers 404 for an unknown document or a file gone from the store, and refuses other methods', async () => {
    const { locate, file } = stored();
    const root = rendererRoot();
    expect(
      (await serveAppRequest({ method: 'GET', url: 'app://mla-desk/documents/8/content' }, root, locate)).status,
    ).toBe(404);
    expect(
      (await serveAppRequest({ method: 'POST', url: 'app://mla-desk/documents/7/content' }, root, locate)).status,
    ).toBe(405);
    fs.chmodSync(file, 0o644);
    fs.rmSync(file);
    const gone = await serveAppRequest({ method: 'GET', url: 'app://mla-desk/documents/7/content' }, root, locate);
    expect(gone.status).toBe(404);
    // An envelope, as the web server's route answers: the page says it in the reader's language.
    expect(await gone.json()).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        key: 'shell.storedFileMissing',
        message: 'The stored file of this document is missing from the data folder.',
      },
    });
  });

  it('trusts no answer that is not a located document', async () => {
    const bad: Locate = async () => ({ ok: true, value: { file: 'relative/path', document: { id: 7 } } });
    const res = await serveAppRequest(
      { method: 'GET', url: 'app://mla-desk/documents/7/content' },
      rendererRoot(),
      bad,
    );
    expect(res.status).toBe(500);
  });

  it('never turns other paths into document lookups', async () => {
    const locate = vi.fn<Locate>();
    const root = rendererRoot();
    for (const url of [
      'app://mla-desk/documents/7',
      'app://mla-desk/documents/..%2f7/content',
      'app://mla-desk/documents/-7/content',
      'app://other/documents/7/content',
    ]) {
      const res = await serveAppRequest({ method: 'GET', url }, root, locate);
      expect(await res.text()).not.toContain('%PDF');
    }
    expect(locate).not.toHaveBeenCalled();
  });
});

describe('opening a document outside MLA Desk', () => {
  function deps(overrides: { saveCopy?: (id: number, file: string) => Promise<Envelope<unknown>> } = {}) {
    const s = stored('../../Letter: part 1.pdf');
    const copiesDir = path.join(tempDir(), 'open-copies');
    const opened: string[] = [];
    return {
      s,
      copiesDir,
      opened,
      deps: {
        locate: s.locate,
        saveCopy:
          overrides.saveCopy ??
          (async (_id: number, file: string) => {
            fs.copyFileSync(s.file, file);
            fs.chmodSync(file, 0o644);
            return { ok: true as const, value: null };
          }),
        copiesDir,
        openPath: async (file: string) => {
          opened.push(file);
          return '';
        },
      },
    };
  }

  it('opens a read-only copy under a safe form of the original name, in a private folder', async () => {
    const { s, copiesDir, opened, deps: d } = deps();
    expect(await openDocumentCopy(d, 7)).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
    const copy = opened[0] ?? '';
    expect(copy).not.toBe(s.file);
    expect(path.basename(copy)).toBe('.._.._Letter_ part 1.pdf');
    expect(path.dirname(path.dirname(copy))).toBe(copiesDir);
    expect(fs.readFileSync(copy, 'utf8')).toBe(PDF);
    expect(fs.statSync(copy).mode & 0o222).toBe(0);
    expect(fs.statSync(path.dirname(copy)).mode & 0o077).toBe(0);
    // A second open makes a second copy: the first may still be open elsewhere.
    await openDocumentCopy(d, 7);
    expect(new Set(opened).size).toBe(2);

    sweepOpenCopies(copiesDir);
    expect(fs.readdirSync(copiesDir)).toEqual([]);
  });

  it('passes on the register’s refusal and leaves no folder behind', async () => {
    const refusal = { ok: false as const, error: { code: 'storage' as const, message: 'no longer has its SHA-256' } };
    const { copiesDir, opened, deps: d } = deps({ saveCopy: async () => refusal });
    expect(await openDocumentCopy(d, 7)).toEqual(refusal);
    expect(await openDocumentCopy(d, 8)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(opened).toEqual([]);
    expect(fs.readdirSync(copiesDir)).toEqual([]);
  });

  it.each([
    ['report.pdf', 'report.pdf'],
    ['a/b\\c.pdf', 'a_b_c.pdf'],
    ['..', 'document'],
    ['trailing dots...', 'trailing dots'],
    ['CON.txt', '_CON.txt'],
    ['طلب المساعدة.pdf', 'طلب المساعدة.pdf'],
    [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(176)}.pdf`],
  ])('names the copy of %j %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('answers only our page, with a checked id, for the window that asked', async () => {
    type Event = { senderFrame: unknown; sender: { id: number } };
    const handlers = new Map<string, (event: Event, id: unknown) => Promise<unknown>>();
    const open = vi.fn(async () => ({ ok: true as const, value: null }));
    registerDocumentOpener({ handle: (c: string, fn: never) => void handlers.set(c, fn) } as never, open);
    const call = (id: unknown, url = 'app://mla-desk/index.html') =>
      handlers.get(SHELL_OPEN_DOCUMENT)?.({ senderFrame: { url, parent: null }, sender: { id: 4 } }, id);
    expect(await call(7)).toEqual({ ok: true, value: null });
    expect(await call(7, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(await call('../7')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(-1)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith(7, 4);
  });
});

describe('locating a document through the database process', () => {
  it('answers a locate message with where the document is stored', async () => {
    const posted: FromDbProcess[] = [];
    const w = createDbWorker({
      post: (m) => posted.push(m),
      exit: () => undefined,
      log: () => undefined,
    });
    const dir = tempDir();
    await w.onMessage({ type: 'locate', id: 1, documentId: 3, seat: 1 });
    expect(posted[0]).toMatchObject({ type: 'reply', id: 1, envelope: { ok: false, error: { code: 'storage' } } });
    await w.onMessage({
      type: 'init',
      databaseFile: path.join(dir, 'register.sqlite'),
      migrationsFolder: MIGRATIONS,
      nativeBinding: undefined,
      key: 'ab'.repeat(32),
      app: { name: 'MLA Desk', version: '0', keyStore: 'os' },
    });
    // Nobody is signed in on the window yet: the document is not even looked up.
    await w.onMessage({ type: 'locate', id: 2, documentId: 3, seat: 1 });
    expect(posted[2]).toMatchObject({ id: 2, envelope: { ok: false, error: { code: 'unauthenticated' } } });
    const admin = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };
    await w.onMessage({ type: 'call', id: 3, channel: 'accounts.createFirstAdministrator', input: admin, seat: 1 });
    await w.onMessage({ type: 'locate', id: 4, documentId: 3, seat: 1 });
    expect(posted[4]).toMatchObject({ id: 4, envelope: { ok: false, error: { code: 'not_found' } } });
    await w.onMessage({ type: 'close' });
  });

  it('sends locate from the client and resolves with the reply', async () => {
    const events = new EventEmitter();
    const sent: ToDbProcess[] = [];
    const proc: DbProcessHandle = {
      post: (m) => sent.push(m),
      onMessage: (l) => events.on('message', l),
      onExit: (l) => events.on('exit', l),
      kill: () => undefined,
    };
    const client = createDbClient({
      spawn: () => proc,
      init: {
        databaseFile: '/d/r.sqlite',
        migrationsFolder: '/m',
        nativeBinding: undefined,
        key: 'ab'.repeat(32),
        app: { name: 'x', version: '1', keyStore: 'os' as const },
      },
      onFatal: () => undefined,
      log: () => undefined,
    });
    const started = client.start();
    events.emit('message', { type: 'ready', schemaVersion: 1, databaseFile: '/d/r.sqlite' });
    await started;
    const reply = client.locate(5);
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'locate', documentId: 5 }));
    const id = (sent.at(-1) as { id: number }).id;
    events.emit('message', { type: 'reply', id, envelope: { ok: true, value: { file: '/x' } } });
    expect(await reply).toEqual({ ok: true, value: { file: '/x' } });
  });
});
