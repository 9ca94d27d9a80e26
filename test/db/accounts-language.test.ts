import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../db/audit.ts';
import { openDatabase } from '../../db/open.ts';
import { migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

const PASSWORD = 'correct horse battery staple';
const CLOCK = { at: '2026-03-10T09:30:00.000Z', today: '2026-03-10' };
const LATER = { at: '2026-03-11T08:00:00.000Z', today: '2026-03-11' };
/** The migrations before the one that gives each person a language (0015_user_language). */
const BEFORE_LANGUAGE = 15;

const languageAudit = (file: string) =>
  withRaw(
    file,
    (db) => db.prepare("SELECT details FROM audit_log WHERE action = 'account.setLanguage' ORDER BY id").pluck().all(),
    true,
  );

describe('a person’s interface language', () => {
  it('starts unchosen, is kept when chosen, and each real change is audited once', async () => {
    const register = tempRegister();
    const ada = await register.accounts.createFirstAdministrator(
      { username: 'ada', displayName: 'Ada Admin', password: PASSWORD },
      CLOCK,
    );
    expect(ada.language).toBeNull();
    const actor: Actor = { name: 'ada', roles: ['administrator'] };

    const arabic = await register.accounts.setLanguage(ada.id, 'ar', actor, LATER);
    expect(arabic).toMatchObject({ language: 'ar', updatedAt: LATER.at });
    expect((await register.accounts.find(ada.id))?.language).toBe('ar');
    const signedIn = await register.accounts.signIn('ada', PASSWORD, () => new Date(LATER.at));
    expect(signedIn).toMatchObject({ outcome: 'signedIn', person: { language: 'ar' } });

    // The same choice again changes nothing and writes nothing.
    await register.accounts.setLanguage(ada.id, 'ar', actor, LATER);
    await register.accounts.setLanguage(ada.id, 'zh', actor, LATER);
    expect(languageAudit(register.location)).toEqual([
      JSON.stringify({ username: 'ada', from: null, to: 'ar' }),
      JSON.stringify({ username: 'ada', from: 'ar', to: 'zh' }),
    ]);
  });

  it('is refused by the database itself when it is not one of the six', async () => {
    const register = tempRegister();
    const ada = await register.accounts.createFirstAdministrator(
      { username: 'ada', displayName: 'Ada Admin', password: PASSWORD },
      CLOCK,
    );
    withRaw(register.location, (db) => {
      expect(() => db.prepare("UPDATE users SET language = 'de' WHERE id = ?").run(ada.id)).toThrow(
        /users_language_code/,
      );
      expect(() =>
        db
          .prepare(
            "INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, language) VALUES ('bo', 'Bo', 'clerk', 'x', 't', 't', 'EN')",
          )
          .run(),
      ).toThrow(/users_language_code/);
      db.prepare("UPDATE users SET language = 'ru' WHERE id = ?").run(ada.id);
      db.prepare('UPDATE users SET language = NULL WHERE id = ?').run(ada.id);
    });
  });
});

describe('the migration that gives each person a language', () => {
  it('keeps everyone of a register that already has people, with no language chosen yet', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(BEFORE_LANGUAGE), create: true }).close();
    withRaw(file, (db) => {
      const add = db.prepare(
        `INSERT INTO users (username, display_name, role, authority, password_hash, failed_attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'scrypt$x', ?, 't', 't')`,
      );
      add.run('ada', 'Ada Admin', 'administrator', null, 0);
      add.run('paul', 'Paul Prosecutor', 'prosecutor', 'Parquet de Paris', 2);
      expect(db.prepare("SELECT name FROM pragma_table_info('users')").pluck().all()).not.toContain('language');
    });

    const register = tempRegister(file);
    const people = await register.accounts.list();
    expect(people.map((p) => [p.username, p.role, p.authority, p.failedAttempts, p.language])).toEqual([
      ['ada', 'administrator', null, 0, null],
      ['paul', 'prosecutor', 'Parquet de Paris', 2, null],
    ]);
    const paul = people[1];
    if (!paul) throw new Error('paul is missing');
    expect(
      await register.accounts.setLanguage(paul.id, 'fr', { name: 'paul', roles: ['prosecutor'] }, CLOCK),
    ).toMatchObject({ username: 'paul', language: 'fr' });
  });
});
