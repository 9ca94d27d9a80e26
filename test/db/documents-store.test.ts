import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import {
  attachInput,
  auditRows,
  registerWithRequest,
  storedFiles,
  storedPath,
  writeFile,
} from '../helpers/documents.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';

const sha256 = (bytes: string | Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('attaching a document', () => {
  it('stores the file under its SHA-256 (as node:crypto computes it) and records it', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const file = writeFile(files, 'letter of request.pdf', PDF);

    const doc = await register.documents.attach(
      attachInput(requestId, file, { note: 'Received by e-mail' }),
      ACTOR,
      CLOCK,
    );

    expect(doc).toMatchObject({
      requestId,
      sha256: sha256(PDF),
      size: PDF.length,
      originalName: 'letter of request.pdf',
      mediaType: 'application/pdf',
      type: 'request',
      direction: 'incoming',
      documentDate: '2026-03-02',
      note: 'Received by e-mail',
      addedAt: CLOCK.at,
      addedBy: ACTOR.name,
    });
    const stored = storedPath(register, doc.sha256);
    expect(storedFiles(register)).toEqual([path.join(doc.sha256.slice(0, 2), doc.sha256)]);
    expect(fs.readFileSync(stored)).toEqual(PDF);
    expect(fs.statSync(stored).mode & 0o222).toBe(0); // read-only
    expect(await register.documents.list(requestId)).toEqual([doc]);
    expect(auditRows(register, 'document')).toEqual([
      {
        action: 'document.attach',
        details: expect.objectContaining({ requestId, sha256: doc.sha256, originalName: 'letter of request.pdf' }),
      },
    ]);
  });

  it('keeps the same content once, however many times and names it is attached under', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const a = await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', PDF)), ACTOR, CLOCK);
    const b = await register.documents.attach(
      attachInput(requestId, writeFile(files, 'copy of a.pdf', PDF), { type: 'translation' }),
      ACTOR,
      CLOCK,
    );
    expect(b.sha256).toBe(a.sha256);
    expect(b.id).not.toBe(a.id);
    expect(storedFiles(register)).toHaveLength(1);
    expect(auditRows(register, 'document').map((r) => r.details['alreadyStored'])).toEqual([false, true]);
  });

  it.each([
    '../../../etc/passwd',
    '..\\..\\Windows\\System32\\evil.dll',
    '/absolute/name.pdf',
    'C:\\Users\\clerk\\Desktop\\x.pdf',
    'Запрос № 5 ⁄ 東京 — طلب.pdf',
    '.hidden',
  ])('records the name %j as data and never writes a file by it', async (name) => {
    const { register, requestId, files } = await registerWithRequest();
    const file = writeFile(files, 'plain.bin', `content of ${name}`);
    const before = fs.readdirSync(path.dirname(register.location)).sort();

    const doc = await register.documents.attach(attachInput(requestId, file, { name }), ACTOR, CLOCK);

    expect(doc.originalName).toBe(name);
    expect(storedFiles(register)).toEqual([path.join(doc.sha256.slice(0, 2), doc.sha256)]);
    expect(fs.readdirSync(path.dirname(register.location)).sort()).toEqual(
      [...new Set([...before, 'documents'])].sort(),
    );
  });

  it('labels the media type by the file’s first bytes before its extension', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const attach = (name: string, content: string | Buffer) =>
      register.documents.attach(attachInput(requestId, writeFile(files, 'f', content), { name }), ACTOR, CLOCK);
    expect((await attach('scan.txt', PDF)).mediaType).toBe('application/pdf');
    expect((await attach('photo.pdf', png)).mediaType).toBe('image/png');
    expect((await attach('fake.pdf', 'not a pdf at all')).mediaType).toBe('application/octet-stream');
    expect((await attach('notes.txt', 'plain words')).mediaType).toBe('text/plain');
    expect((await attach('page.html', '<script>alert(1)</script>')).mediaType).toBe('text/html');
  });

  it('refuses a request that does not exist before storing a byte', async () => {
    const { register, files } = await registerWithRequest();
    const error = await refusal(
      register.documents.attach(attachInput(999, writeFile(files, 'a.pdf', PDF)), ACTOR, CLOCK),
    );
    expect(error.code).toBe('not_found');
    expect(storedFiles(register)).toEqual([]);
    expect(auditRows(register, 'document')).toEqual([]);
  });

  it('refuses a document date in the future, naming the field', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const error = await refusal(
      register.documents.attach(
        attachInput(requestId, writeFile(files, 'a.pdf', PDF), { documentDate: '2026-03-11' }),
        ACTOR,
        CLOCK,
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.map((f) => f.field)).toEqual(['documentDate']);
    expect(storedFiles(register)).toEqual([]);
  });

  it('leaves nothing behind when the source fails half-way through', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const file = writeFile(files, 'big.pdf', PDF);
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ < 3) this.push(Buffer.alloc(1024 * 1024, sent));
        else this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      },
    });
    vi.spyOn(fs, 'createReadStream').mockReturnValueOnce(failing as unknown as fs.ReadStream);

    const error = await refusal(register.documents.attach(attachInput(requestId, file), ACTOR, CLOCK));

    expect(error.code).toBe('invalid_input');
    expect(error.fields?.map((f) => f.field)).toEqual(['source']);
    expect(storedFiles(register)).toEqual([]); // no file, not even in documents/tmp
    expect(await register.documents.list(requestId)).toEqual([]);
    expect(auditRows(register, 'document')).toEqual([]);
  });

  it('takes a file it just stored out again when the row cannot be written', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const file = writeFile(files, 'a.pdf', PDF);
    // A CHECK constraint refuses the row after the bytes are stored.
    const bad = attachInput(requestId, file, { type: 'not_a_type' as never });
    await expect(register.documents.attach(bad, ACTOR, CLOCK)).rejects.toThrow();
    expect(storedFiles(register)).toEqual([]);
    // ...but never a file that an earlier document still names.
    const kept = await register.documents.attach(attachInput(requestId, file), ACTOR, CLOCK);
    await expect(register.documents.attach(bad, ACTOR, CLOCK)).rejects.toThrow();
    expect(storedFiles(register)).toEqual([path.join(kept.sha256.slice(0, 2), kept.sha256)]);
  });
});

describe('checking and copying a stored document', () => {
  it('reports an intact file as intact, and a tampered or missing one as not', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const doc = await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', PDF)), ACTOR, CLOCK);
    expect(await register.documents.verify(doc.id, CLOCK)).toEqual({
      id: doc.id,
      sha256: doc.sha256,
      intact: true,
      missing: false,
      actualSha256: doc.sha256,
      checkedAt: CLOCK.at,
    });

    const stored = storedPath(register, doc.sha256);
    fs.chmodSync(stored, 0o644);
    const tampered = Buffer.from(PDF);
    tampered[20] = 0x21;
    fs.writeFileSync(stored, tampered);
    expect(await register.documents.verify(doc.id, CLOCK)).toMatchObject({
      intact: false,
      missing: false,
      actualSha256: sha256(tampered),
    });

    fs.rmSync(stored);
    expect(await register.documents.verify(doc.id, CLOCK)).toMatchObject({
      intact: false,
      missing: true,
      actualSha256: null,
    });
  });

  it('copies the file out, verified, and records who took the copy', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const doc = await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', PDF)), ACTOR, CLOCK);
    const dest = path.join(files, 'out', 'copy.pdf');
    fs.mkdirSync(path.dirname(dest));
    expect(await register.documents.copyTo(doc.id, dest, ACTOR, CLOCK)).toEqual({ bytes: PDF.length });
    expect(fs.readFileSync(dest)).toEqual(PDF);
    expect(auditRows(register, 'document').map((r) => r.action)).toEqual(['document.attach', 'document.copy']);
  });

  it('refuses to hand out a copy of a file that no longer has its SHA-256', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const doc = await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', PDF)), ACTOR, CLOCK);
    const stored = storedPath(register, doc.sha256);
    fs.chmodSync(stored, 0o644);
    fs.appendFileSync(stored, 'appended later');
    const dest = path.join(files, 'copy.pdf');
    const error = await refusal(register.documents.copyTo(doc.id, dest, ACTOR, CLOCK));
    expect(error.code).toBe('storage');
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('repairs a damaged stored file when the same content is attached again', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const file = writeFile(files, 'a.pdf', PDF);
    const doc = await register.documents.attach(attachInput(requestId, file), ACTOR, CLOCK);
    const stored = storedPath(register, doc.sha256);
    for (const damage of [
      () => fs.truncateSync(stored, 10),
      () =>
        fs.writeFileSync(
          stored,
          PDF.map((b) => b ^ 1),
        ),
    ]) {
      fs.chmodSync(stored, 0o644);
      damage();
      expect((await register.documents.verify(doc.id, CLOCK)).intact).toBe(false);
      await register.documents.attach(attachInput(requestId, file), ACTOR, CLOCK);
      expect((await register.documents.verify(doc.id, CLOCK)).intact).toBe(true);
    }
  });

  it('answers not_found for a document that does not exist', async () => {
    const { register } = await registerWithRequest();
    expect((await refusal(register.documents.verify(42, CLOCK))).code).toBe('not_found');
    expect((await refusal(register.documents.list(42))).code).toBe('not_found');
  });
});
