import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-io.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { tempDir } from '../helpers/temp-register.ts';

describe('mla-desk seed', () => {
  it('creates the register and fills it with the number of requests asked for', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    const run = await cli('seed', '--db', db, '--count', '250', '--seed', '4');
    expect(run).toEqual({ code: 0, out: [`Seeded 250 synthetic requests (seed 4) into ${db}.`], err: [] });
    expect(countRows(db, 'requests')).toBe(250);
  });

  it.each([
    ['--count', '0', '--count must be a whole number from 1 to 1000000'],
    ['--count', '1000001', '--count must be a whole number from 1 to 1000000'],
    ['--count', '12abc', '--count must be a whole number from 1 to 1000000'],
    ['--seed', '-1', '--seed must be a whole number from 0 to 4294967295'],
  ])('refuses %s %s with one line, exit 2', async (option, value, message) => {
    const db = path.join(tempDir(), 'register.sqlite');
    const args = option === '--count' ? [option, value] : ['--count', '5', `${option}=${value}`];
    const run = await cli('seed', '--db', db, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(message);
  });

  it('refuses to seed a register that already holds those references, and leaves it as it was', async () => {
    const db = path.join(tempDir(), 'register.sqlite');
    expect((await cli('seed', '--db', db, '--count', '20')).code).toBe(0);
    const again = await cli('seed', '--db', db, '--count', '20');
    expect(again.code).toBe(1);
    expect(again.err[0]).toContain('is already the reference of a request in the register');
    expect(countRows(db, 'requests')).toBe(20);
  });
});
