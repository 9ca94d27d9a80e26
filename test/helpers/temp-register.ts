import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Caller, HandlerContext } from '../../api/context.ts';
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

export const CLERK: Caller = { name: 'Amina Clerk', roles: ['clerk'] };

/** A handler context on a fresh register, on a fixed day unless told otherwise. */
export function testContext(overrides: Partial<HandlerContext> = {}): HandlerContext {
  const register = overrides.register ?? tempRegister();
  return {
    register,
    files: fileAreasIn(path.dirname(register.location)),
    caller: CLERK,
    now: () => new Date('2026-03-10T09:30:00'),
    app: { name: 'MLA Desk', version: '0.0.0-test' },
    ...overrides,
  };
}
