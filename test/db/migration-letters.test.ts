import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { countRows, insertRawRequest, migrationsFolder, tableNames, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir, tempRegister } from '../helpers/temp-register.ts';

/** How many migrations come before the one that adds the letters, wherever it lands. */
function migrationsBeforeLetters(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_letters'));
  if (index < 0) throw new Error('no letters migration in the journal');
  return index;
}

describe('the migration that adds letters', () => {
  it('keeps a register’s requests, adds empty template, letterhead and letter tables, and letters then work', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(migrationsBeforeLetters()), create: true }).close();
    expect(tableNames(file)).not.toContain('letters');
    withRaw(file, (db) => {
      for (let i = 1; i <= 3; i += 1) insertRawRequest(db, `MLA-IN-2025-0000${i}`);
    });

    const register = tempRegister(file);
    expect(tableNames(file)).toEqual(expect.arrayContaining(['letter_templates', 'letterhead', 'letters']));
    expect(countRows(file, 'requests')).toBe(3);
    expect(countRows(file, 'letters')).toBe(0);
    // Every template is the default until the office writes its own.
    expect((await register.letters.templates()).every((t) => t.source !== 'custom')).toBe(true);
    const [request] = (
      await register.requests.list({ state: 'all', sort: 'reference', order: 'asc', limit: 1, offset: 0 })
    ).rows;
    const detail = await register.requests.get(request?.id ?? 0);
    const letter = await register.letters.generate(
      detail,
      { code: 'acknowledgement', language: 'en' },
      ACTOR,
      CLOCK,
      'Amina Clerk',
    );
    expect(letter.requestId).toBe(detail.id);
    expect(withRaw(file, (db) => db.pragma('foreign_key_check'), true)).toEqual([]);
  });
});
