import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentDisposition, documentHeaders, safeFileName } from '../../api/document-headers.ts';
import { SHELL_SAVE_AS } from '../../contract/bridge.ts';
import type { DocumentRecord } from '../../contract/documents.ts';
import type { WrittenFile } from '../../contract/files.ts';
import { openDocumentCopy } from '../../electron/documents.ts';
import { registerShellHandlers } from '../../electron/shell-ipc.ts';
import { expectTypedAnswer, newTally } from './fuzz/answers.ts';
import { type FuzzFixture, openFuzzFixture } from './fuzz/fixture.ts';
import { anyString, confine, FUZZ_SEED, hostileString } from './fuzz/values.ts';

// Nothing here imports electron itself; vi.mock keeps it that way should an import change.
vi.mock('electron', () => ({}));

/**
 * Attachments fed random contents under hostile original names, through the dispatcher on a
 * real register: whatever the name, the bytes are stored in the data folder's documents area
 * under their SHA-256 (a name the app chose) and nowhere else, and the name as it leaves again
 * (download headers, the name of a copy, a save dialog's default) is one plain, safe file name.
 */

/** Names that have escaped folders, spoofed extensions or broken headers somewhere. */
const HOSTILE_NAMES: readonly string[] = [
  '../../etc/passwd',
  '..\\..\\Windows\\System32\\evil.dll',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'C:evil.pdf',
  '\\\\server\\share\\x.pdf',
  '//server/share/x.pdf',
  'a\u0000b.pdf',
  'x'.repeat(10_000),
  `${'y'.repeat(250)}.pdf`,
  'CON',
  'NUL.txt',
  'COM1',
  'lpt9.pdf',
  'COM¹.txt',
  'conin$',
  'trailing. ',
  'trailing...',
  '   ',
  '',
  '.',
  '..',
  '...',
  'invoice\u202Efdp.exe',
  '\u202Eexe.pdf',
  '\u2066isolate\u2069.pdf',
  'ＣＯＮ.pdf',
  'ℂ𝕆ℕ',
  '..\u2215..\u2215etc\u2215passwd',
  'report\uFF0F..\uFF0Fx',
  'a\r\nContent-Type: text/html.pdf',
  '"quoted";filename=evil.exe',
  "it's (1)*.pdf",
  '%2e%2e%2fetc%2fpasswd',
  '\uD800.pdf',
  'a\uDC00\uD800b.pdf',
  `${'😀'.repeat(150)}.pdf`,
  'طلب المساعدة.pdf',
  '\u200B.pdf',
  '\uFEFFbom.pdf',
  '~/.ssh/id_rsa',
  '.htaccess',
  'con.pdf.',
  'name\u0085next.pdf',
];

const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 2, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.tuple(anyString, fc.constantFrom('.pdf', '.exe', '.', ' ', '', '.tar.gz')).map(([a, b]) => a + b),
  },
);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are what a safe name must not hold
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\/:*?"<>|\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What every file system accepts, inside the folder it is put in, reading as what it is. */
function expectSafeName(safe: string, original: string): void {
  const what = JSON.stringify(original.slice(0, 60));
  expect(safe, what).not.toBe('');
  expect(safe, what).not.toMatch(UNSAFE);
  expect(safe, what).not.toMatch(LONE_SURROGATE);
  expect(safe, what).not.toMatch(WINDOWS_RESERVED);
  expect(safe, what).not.toMatch(/[. ]$/);
  expect(safe, what).not.toMatch(/^\.+$/);
  expect(Buffer.byteLength(safe), what).toBeLessThanOrEqual(180);
  const folder = path.resolve('/srv/copies');
  expect(path.dirname(path.resolve(folder, safe)), what).toBe(folder);
  expect(path.win32.dirname(path.win32.resolve('C:\\copies', safe)), what).toBe('C:\\copies');
}

/** An attachment header neither breaks the header nor offers anything but the safe name. */
function expectSafeDisposition(header: string, original: string): void {
  expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%\-._~!]*$/);
  const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
  expect(decodeURIComponent(encoded)).toBe(safeFileName(original));
}

describe('the name a document leaves under', () => {
  it('is a plain, safe file name whatever the original name, and stays so when cleaned again', () => {
    fc.assert(
      fc.property(fc.oneof(name, fc.string({ unit: 'binary', maxLength: 300 })), (original) => {
        const safe = safeFileName(original);
        expectSafeName(safe, original);
        expect(safeFileName(safe)).toBe(safe);
        expectSafeDisposition(contentDisposition(safe), original);
      }),
      { seed: FUZZ_SEED, numRuns: 3_000 },
    );
  });

  it('shows the real extension of a name that hides it behind a right-to-left override', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoice_fdp.exe');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('\uD800.pdf')).toBe('\uFFFD.pdf');
    expect(contentDisposition('\uD800.pdf')).toBe(`attachment; filename="_.pdf"; filename*=UTF-8''%EF%BF%BD.pdf`);
  });
});

describe('fuzzing attachments through the dispatcher', () => {
  let fixture: FuzzFixture;
  const tally = newTally();

  beforeAll(async () => {
    fixture = await openFuzzFixture();
  }, 60_000);

  afterAll(() => {
    fixture?.close();
    console.log(`fuzz-attachments: ${tally.payloads} attachments tried (${tally.accepted} stored)`);
  });

  const documentsRoot = () => path.join(fixture.dataDir, 'documents');

  /** Every file under the sandbox, relative, with nothing under documents/tmp left behind. */
  const filesUnder = (dir: string) =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile() && !/-(wal|shm|journal)$/.test(f))
      .sort();

  it('stores any content under any name in the documents area only, under its SHA-256', async () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 4_096 }),
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.concat([Buffer.from('%PDF-1.7\n'), b])),
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.concat([Buffer.from('MZ\x90\x00'), b])),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(name, content, fc.boolean(), async (original, bytes, asUpload) => {
        n += 1;
        fixture.restock();
        // A chosen file keeps its name on disk where the file system allows it; an upload only says it.
        const onDisk =
          !asUpload &&
          original !== '' &&
          !original.includes('/') &&
          !original.includes('\0') &&
          Buffer.byteLength(original) <= 255;
        let source: unknown;
        if (onDisk && original !== '.' && original !== '..') {
          const dir = path.join(fixture.sandbox, 'in', `pick-${n}`);
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, original), bytes);
          source = { kind: 'path', path: path.join(dir, original) };
        } else {
          const id = n.toString(16).padStart(32, '0');
          fs.writeFileSync(path.join(fixture.dataDir, 'uploads', id), bytes);
          source = { kind: 'upload', id };
        }
        const input = {
          requestId: fixture.ids.requestA,
          source,
          ...((source as { kind: string }).kind === 'upload' ? { name: original } : {}),
          type: 'correspondence',
          direction: 'incoming',
          documentDate: '2026-03-04',
        };
        const dataBefore = filesUnder(fixture.dataDir);
        const before = fixture.fingerprint();
        fixture.logged.length = 0;
        const reply = await fixture.call('documents.attach', confine(input, fixture.sandbox));
        expectTypedAnswer(fixture, 'documents.attach', reply, before, tally);
        if (!reply.ok) {
          // A refused name is refused as the name (or the path), nothing else.
          expect(reply.error.fields?.map((f) => f.field) ?? []).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(name|source(\.path)?)$/)]),
          );
          return;
        }
        const doc = reply.value as DocumentRecord;
        expect(doc.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
        // Stored as documents/<two hex>/<64 hex>: its hash (or, in an encrypted register, an HMAC of it).
        const blob = (await fixture.register.documents.locate(doc.id)).file;
        expect(path.relative(documentsRoot(), blob)).toMatch(/^([0-9a-f]{2})[\\/]\1[0-9a-f]{62}$/);
        expect(fs.statSync(blob).isFile()).toBe(true);
        // The only new file in the data folder is the blob (an upload, once used, is gone).
        const added = filesUnder(fixture.dataDir).filter((f) => !dataBefore.includes(f));
        expect(added.every((f) => path.join(fixture.dataDir, f) === blob)).toBe(true);
        expect(fs.readdirSync(path.join(documentsRoot(), 'tmp'))).toEqual([]);
        // Leaving again: the headers of the content route, a download's name, a copy's name.
        const headers = documentHeaders({ ...doc, size: bytes.length });
        expectSafeDisposition(headers['content-disposition'] ?? '', doc.originalName);
        expectSafeName(safeFileName(doc.originalName), doc.originalName);
        const copy = await fixture.call('documents.saveCopy', { id: doc.id, target: { kind: 'download' } });
        expect(copy).toMatchObject({ ok: true });
        const written = (copy as { value: WrittenFile }).value;
        const downloads = path.join(fixture.dataDir, 'downloads');
        expect(fs.readdirSync(downloads).sort()).toEqual([written.downloadId, `${written.downloadId}.name`].sort());
      }),
      { seed: FUZZ_SEED, numRuns: 150, endOnFailure: true },
    );
  });

  it('names an open copy and a save dialog default safely, inside their folder', async () => {
    const copiesDir = path.join(fixture.sandbox, 'copies');
    const blob = path.join(fixture.sandbox, 'in', 'blob.pdf');
    fs.writeFileSync(blob, '%PDF-1.7\n');
    const saves: string[] = [];
    const handlers = new Map<string, (event: unknown, options: unknown) => Promise<unknown>>();
    registerShellHandlers({ handle: (c: string, fn: never) => void handlers.set(c, fn) } as never, {
      open: async () => [],
      save: async ({ defaultName }) => {
        saves.push(defaultName);
        return null;
      },
    });
    const frame = { senderFrame: { url: 'app://mla-desk/index.html', parent: null }, sender: { id: 1 } };
    for (const original of HOSTILE_NAMES) {
      const opened: string[] = [];
      const reply = await openDocumentCopy(
        {
          locate: async () => ({
            ok: true,
            value: {
              file: blob,
              sealed: false,
              document: {
                id: 7,
                sha256: 'ab'.repeat(32),
                mediaType: 'application/pdf',
                originalName: original,
                size: 9,
              },
            },
          }),
          saveCopy: async (_id, file) => {
            fs.copyFileSync(blob, file);
            return { ok: true, value: null };
          },
          copiesDir,
          openPath: async (file) => {
            opened.push(file);
            return '';
          },
        },
        7,
      );
      expect(reply, JSON.stringify(original.slice(0, 40))).toEqual({ ok: true, value: null });
      const file = opened[0] ?? '';
      expect(path.dirname(path.dirname(file))).toBe(copiesDir);
      expect(path.basename(file)).toBe(safeFileName(original));
      if (original.length <= 255) {
        await handlers.get(SHELL_SAVE_AS)?.(frame, { title: 'Save a copy', defaultName: original });
      }
    }
    expect(saves.length).toBeGreaterThan(30);
    for (const saved of saves) expectSafeName(saved, saved);
  });
});
