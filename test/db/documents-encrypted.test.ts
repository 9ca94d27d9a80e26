import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { generateRegisterKey } from '../../db/keys/register-key.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { attachInput, storedFiles, writeFile } from '../helpers/documents.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const LETTER = Buffer.from(
  `%PDF-1.4\nLetter of request concerning Zhivago Quellenbach.\n${'x'.repeat(200_000)}\n%%EOF\n`,
);

async function encryptedRegisterWithRequest() {
  const dir = tempDir();
  const register = openSqliteRegister({
    file: path.join(dir, 'register.sqlite'),
    migrationsFolder: MIGRATIONS,
    create: true,
    key: generateRegisterKey(),
  });
  const request = await register.requests.register(newRequest(), ACTOR, CLOCK);
  return { register, requestId: request.id, files: tempDir(), dir };
}

describe('documents of an encrypted register', () => {
  it('are stored encrypted, under a name that is not their SHA-256, and read back as attached', async () => {
    const { register, requestId, files, dir } = await encryptedRegisterWithRequest();
    try {
      const doc = await register.documents.attach(
        attachInput(requestId, writeFile(files, 'letter.pdf', LETTER)),
        ACTOR,
        CLOCK,
      );
      expect(doc.sha256).toBe(crypto.createHash('sha256').update(LETTER).digest('hex'));
      expect(doc.size).toBe(LETTER.length);
      const stored = storedFiles(register);
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toContain(doc.sha256);
      const bytes = fs.readFileSync(path.join(dir, 'documents', stored[0] ?? ''));
      expect(bytes.includes(Buffer.from('Quellenbach'))).toBe(false);
      expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
      const located = await register.documents.locate(doc.id);
      expect(located.sealed).toBe(true);
      expect((await buffer(register.documents.read(located))).equals(LETTER)).toBe(true);
      expect(await register.documents.verify(doc.id, CLOCK)).toMatchObject({ intact: true, missing: false });
      const copy = path.join(files, 'copy.pdf');
      await register.documents.copyTo(doc.id, copy, ACTOR, CLOCK);
      expect(fs.readFileSync(copy).equals(LETTER)).toBe(true);
    } finally {
      register.close();
    }
  });

  it('are stored once for the same content', async () => {
    const { register, requestId, files } = await encryptedRegisterWithRequest();
    try {
      await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', LETTER)), ACTOR, CLOCK);
      await register.documents.attach(attachInput(requestId, writeFile(files, 'b.pdf', LETTER)), ACTOR, CLOCK);
      expect(storedFiles(register)).toHaveLength(1);
    } finally {
      register.close();
    }
  });

  it('show an altered stored file as not intact, and refuse to copy it', async () => {
    const { register, requestId, files, dir } = await encryptedRegisterWithRequest();
    try {
      const doc = await register.documents.attach(
        attachInput(requestId, writeFile(files, 'letter.pdf', LETTER)),
        ACTOR,
        CLOCK,
      );
      const file = path.join(dir, 'documents', storedFiles(register)[0] ?? '');
      fs.chmodSync(file, 0o600);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
      fs.writeFileSync(file, bytes);
      expect(await register.documents.verify(doc.id, CLOCK)).toMatchObject({
        intact: false,
        missing: false,
        actualSha256: null,
      });
      const copy = path.join(files, 'copy.pdf');
      await expect(register.documents.copyTo(doc.id, copy, ACTOR, CLOCK)).rejects.toMatchObject({
        message: expect.stringMatching(/no longer decrypts/),
      });
      expect(fs.existsSync(copy)).toBe(false);
    } finally {
      register.close();
    }
  });
});
