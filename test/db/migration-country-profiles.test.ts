import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveCountryProfileSchema } from '../../contract/profiles.ts';
import { openDatabase } from '../../db/open.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { countRows, insertRawRequest, migrationsFolder, tableNames, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir, tempRegister } from '../helpers/temp-register.ts';

/** How many migrations come before the one that adds the country profiles, wherever it lands. */
function migrationsBeforeProfiles(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_country_profiles'));
  if (index < 0) throw new Error('no country_profiles migration in the journal');
  return index;
}

describe('the migration that adds country profiles', () => {
  it('keeps a register’s requests and directory, adds the empty structure, and profiles use the old entries', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(migrationsBeforeProfiles()), create: true }).close();
    expect(tableNames(file)).not.toContain('country_profiles');
    const authorityId = withRaw(file, (db) => {
      for (let i = 1; i <= 3; i += 1) insertRawRequest(db, `MLA-IN-2025-0000${i}`);
      return Number(
        db.prepare("INSERT INTO counterpart_authorities (country, name, updated_at) VALUES ('FR', 'BEPPI', 'x')").run()
          .lastInsertRowid,
      );
    });

    const register = tempRegister(file);
    expect(tableNames(file)).toEqual(
      expect.arrayContaining([
        'country_profiles',
        'country_profile_languages',
        'country_profile_channels',
        'country_profile_treaties',
      ]),
    );
    // Starting empty: the structure, no profile.
    expect(countRows(file, 'country_profiles')).toBe(0);
    expect(countRows(file, 'requests')).toBe(3);
    const saved = await register.profiles.saveCountryProfile(
      saveCountryProfileSchema.parse({ country: 'FR', centralAuthorityId: authorityId, languages: ['fr'] }),
      ACTOR,
      CLOCK,
    );
    expect(saved.centralAuthority).toMatchObject({ id: authorityId, name: 'BEPPI' });
    expect(withRaw(file, (db) => db.pragma('foreign_key_check'), true)).toEqual([]);
  });
});
