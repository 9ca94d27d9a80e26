import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { migrationsFolder, tableNames, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

/** The migrations before the one that adds the people who sign in (0013_user_accounts). */
const BEFORE_ACCOUNTS = 13;

describe('the migration that adds user accounts', () => {
  it('keeps a register’s requests and leaves it with no account, so its first run creates the administrator', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(BEFORE_ACCOUNTS), create: true }).close();
    expect(tableNames(file)).not.toContain('users');
    withRaw(file, (db) => {
      const insert = db.prepare(
        `INSERT INTO requests (reference, direction, kind, status, opened_on, counterpart_country, assigned_to, created_at, updated_at)
         VALUES (?, 'incoming', 'mla', 'registered', '2025-02-01', 'FR', 'Paul Prosecutor', 'x', 'x')`,
      );
      for (let i = 1; i <= 3; i += 1) insert.run(`MLA-IN-2025-0000${i}`);
    });

    const register = tempRegister(file);
    expect(tableNames(file)).toContain('users');
    expect(await register.accounts.firstRun()).toBe(true);
    expect(
      (await register.requests.list({ state: 'all', sort: 'updatedAt', order: 'desc', limit: 10, offset: 0 })).total,
    ).toBe(3);
    // The table's own rules: names in lower case, one role from the list, an authority for prosecutors only.
    withRaw(file, (db) => {
      const add = (values: string) =>
        db
          .prepare(
            `INSERT INTO users (username, display_name, role, authority, password_hash, created_at, updated_at) VALUES ${values}`,
          )
          .run();
      expect(() => add("('Ada', 'Ada', 'administrator', NULL, 'x', 't', 't')")).toThrow(/users_username_lower/);
      expect(() => add("('ada', 'Ada', 'boss', NULL, 'x', 't', 't')")).toThrow(/users_role_code/);
      expect(() => add("('ada', 'Ada', 'clerk', 'Parquet', 'x', 't', 't')")).toThrow(/users_authority_prosecutor/);
      add("('ada', 'Ada', 'administrator', NULL, 'x', 't', 't')");
      expect(() => add("('ada', 'Other', 'clerk', NULL, 'x', 't', 't')")).toThrow(/UNIQUE/);
      expect(() => add("('bob', 'ADA', 'clerk', NULL, 'x', 't', 't')")).toThrow(/UNIQUE/);
    });
  });
});
