import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { sha256 } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir } from '../helpers/temp-register.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'mla-desk.js');

function runBin(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tempDir(), timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('the mla-desk executable', () => {
  it('runs from any folder: --version, check on a register, check on a non-register', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const dir = tempDir();
    const good = path.join(dir, 'register.sqlite');
    openDatabase({ file: good, migrationsFolder: MIGRATIONS, create: true }).close();
    const bad = path.join(dir, 'notes.txt');
    fs.writeFileSync(bad, 'just text\n'.repeat(50));
    const hash = sha256(bad);

    const [versionRun, goodRun, badRun] = await Promise.all([
      runBin('--version'),
      runBin('check', '--db', good),
      runBin('check', '--db', bad),
    ]);

    expect(versionRun).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    expect(goodRun.code).toBe(0);
    expect(goodRun.stderr).toBe('');
    expect(goodRun.stdout).toContain('Integrity: ok');

    expect(badRun.code).toBe(1);
    expect(badRun.stdout).toBe('');
    expect(badRun.stderr).toMatch(/^mla-desk check: [^\n]*is not an MLA Desk database[^\n]*\n$/);
    expect(sha256(bad)).toBe(hash);
  });
});
