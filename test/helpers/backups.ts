import fs from 'node:fs';
import path from 'node:path';
import type { Register } from '../../db/register.ts';
import { withRaw } from './sqlite-files.ts';
import { attachInput, writeFile } from './documents.ts';
import { ACTOR, CLOCK, newRequest } from './requests.ts';
import { tempDir } from './temp-register.ts';

/** Registers `requests` requests and attaches one document (its own content) to each of the first `documents`. */
export async function fillRegister(register: Register, requests: number, documents: number): Promise<number[]> {
  const files = tempDir();
  const ids: number[] = [];
  for (let i = 0; i < requests; i++) {
    const request = await register.requests.register(newRequest({ counterpartReference: `THEIRS-${i}` }), ACTOR, CLOCK);
    ids.push(request.id);
    if (i < documents) {
      const file = writeFile(files, `evidence-${i}.txt`, `evidence of request ${request.reference}\n`.repeat(50 + i));
      await register.documents.attach(attachInput(request.id, file), ACTOR, CLOCK);
    }
  }
  return ids;
}

/** What a restore must bring back exactly: the register's rows (all but the audit log, which records the restore). */
export function registerState(file: string) {
  return withRaw(
    file,
    (db) => ({
      requests: db.prepare('SELECT * FROM requests ORDER BY id').all(),
      history: db.prepare('SELECT * FROM status_history ORDER BY id').all(),
      documents: db.prepare('SELECT * FROM documents ORDER BY id').all(),
      correspondence: db.prepare('SELECT * FROM correspondence ORDER BY id').all(),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      userVersion: db.pragma('user_version', { simple: true }),
    }),
    true,
  );
}

/** Every file under `dir`, relative, with its bytes: a folder compared before and after. */
export function folderContents(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isFile()) out[entry] = fs.readFileSync(full).toString('base64');
  }
  return out;
}

/** Flips `count` bytes of a file at `at`, as a failing disk or a careless hand would. */
export function flipBytes(file: string, at: number, count = 8): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const buffer = Buffer.alloc(count);
    fs.readSync(fd, buffer, 0, count, at);
    for (let i = 0; i < count; i++) buffer[i] = (buffer[i] ?? 0) ^ 0xff;
    fs.writeSync(fd, buffer, 0, count, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** Damages the b-tree page in the middle of a plain SQLite file (its header): the file opens, its integrity check fails. */
export function damageMiddlePage(file: string): void {
  const head = Buffer.alloc(18);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 18, 0);
  } finally {
    fs.closeSync(fd);
  }
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  flipBytes(file, Math.floor(pages / 2) * pageSize);
}
