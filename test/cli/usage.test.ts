import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-io.ts';
import { tempDir } from '../helpers/temp-register.ts';

const VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

describe('mla-desk usage', () => {
  it.each(['--help', '-h', 'help'])('prints the help listing every command on %s, exit 0', async (flag) => {
    const run = await cli(flag);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const help = run.out.join('\n');
    expect(help).toMatch(/^Usage: mla-desk <command> \[options\]/);
    for (const usage of [
      'init --db FILE',
      'migrate --db FILE',
      'check --db FILE',
      'backup --db FILE [--out FILE]',
      'backups --db FILE [--verify]',
      'restore --db FILE --from BACKUP',
    ]) {
      expect(help).toContain(usage);
    }
  });

  it('prints the help but exits 2 when no command is given', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.out.join('\n')).toContain('Usage: mla-desk');
  });

  it.each(['--version', '-v'])('prints the package version on %s, exit 0', async (flag) => {
    expect(await cli(flag)).toEqual({ code: 0, out: [VERSION], err: [] });
  });

  it("prints a command's own usage on <command> --help, exit 0, without running it", async () => {
    const run = await cli('init', '--help');
    expect(run).toEqual({
      code: 0,
      out: ['Usage: mla-desk init --db FILE [--key-file KEY]\n\nCreate a new, empty register.'],
      err: [],
    });
  });

  it('refuses an unknown command with exit 2, naming it', async () => {
    const run = await cli('purge', '--db', 'x.sqlite');
    expect(run).toEqual({ code: 2, out: [], err: ['mla-desk: unknown command "purge" (mla-desk --help lists them)'] });
  });

  it.each(['init', 'migrate', 'check'])('refuses %s without --db with exit 2, naming the option', async (command) => {
    const run = await cli(command);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(`mla-desk ${command}: --db is required`);
    expect(run.err[0]).toContain(`usage: mla-desk ${command} --db FILE`);
  });

  it('refuses restore without --from with exit 2, naming --from and not --db', async () => {
    const run = await cli('restore', '--db', path.join(tempDir(), 'r.sqlite'));
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('--from is required');
    expect(run.err[0]).not.toContain('--db is required');
  });

  it('refuses an empty path with exit 2', async () => {
    const run = await cli('init', '--db', '   ');
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('--db needs a file path');
  });

  it('refuses --db given without a value with exit 2', async () => {
    const run = await cli('check', '--db');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('--db');
  });

  it('refuses an unknown option with exit 2, naming it, and does nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite');
    const run = await cli('init', '--db', file, '--force');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('--force');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a stray positional argument with exit 2', async () => {
    const dir = tempDir();
    const run = await cli('init', path.join(dir, 'r.sqlite'));
    expect(run.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
