import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Caller, type HandlerContext, trustedSession } from '../../api/context.ts';
import type { Role } from '../../contract/roles.ts';
import { fileAreasIn } from '../../api/files.ts';
import { currentSchemaVersion } from '../../db/open.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';

export const MIGRATIONS = path.resolve(import.meta.dirname, '../../migrations');
/** The schema version this build writes: the number of migrations. */
export const SCHEMA_VERSION = currentSchemaVersion(MIGRATIONS);

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A fresh folder for one test, removed after it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempRegister(file = path.join(tempDir(), 'register.sqlite')): Register {
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true });
  cleanups.push(() => register.close());
  return register;
}

/**
 * A caller the test vouches for (no account, no session to sign into): `name` is both the
 * sign-in name the history records and the name requests are assigned to.
 */
export function callerAs(roles: Role | readonly Role[], name: string, authority: string | null = null): Caller {
  return {
    name,
    displayName: name,
    roles: typeof roles === 'string' ? [roles] : roles,
    userId: null,
    authority,
  };
}

export const CLERK: Caller = callerAs('clerk', 'Amina Clerk');

/** A handler context on a fresh register, on a fixed day unless told otherwise. */
export function testContext(overrides: Partial<HandlerContext> = {}): HandlerContext {
  const register = overrides.register ?? tempRegister();
  return {
    register,
    files: fileAreasIn(path.dirname(register.location)),
    caller: CLERK,
    session: trustedSession(),
    now: () => new Date('2026-03-10T09:30:00'),
    app: { name: 'MLA Desk', version: '0.0.0-test' },
    ...overrides,
  };
}
