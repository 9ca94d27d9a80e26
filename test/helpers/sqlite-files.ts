import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Status } from '../../contract/codes.ts';
import { lifeEntry } from '../../db/statistics/life-text.ts';
import { MIGRATIONS, tempDir } from './temp-register.ts';

/** SHA-256 of a file's bytes, to prove that an operation left it untouched. */
export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Runs `fn` on a plain better-sqlite3 connection (no MLA Desk code involved) and closes it. */
export function withRaw<T>(file: string, fn: (db: Database.Database) => T, readonly = false): T {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function pragma(file: string, name: string): unknown {
  return withRaw(file, (db) => db.pragma(name, { simple: true }), true);
}

export function tableNames(file: string): string[] {
  return withRaw(
    file,
    (db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[],
    true,
  );
}

export function countRows(file: string, table: string): number {
  return withRaw(file, (db) => Number(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()), true);
}

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/**
 * A migrations folder holding the first `count` real migrations, plus any `extra` ones
 * (tag → SQL), with a drizzle journal that lists exactly those.
 */
export function migrationsFolder(count: number, extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir(), 'migrations');
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const entries = journal.entries.slice(0, count);
  if (entries.length !== count) throw new Error(`only ${journal.entries.length} migrations exist`);
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  let when = (entries.at(-1)?.when ?? 0) + 1000;
  for (const [tag, sqlText] of Object.entries(extra)) {
    fs.writeFileSync(path.join(dir, `${tag}.sql`), sqlText);
    entries.push({ idx: entries.length, version: '6', when: when++, tag, breakpoints: true });
  }
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return dir;
}

/** Inserts a request row and its first history entry with plain SQL (bypassing the app). */
export function insertRawRequest(
  db: Database.Database,
  reference: string,
  values: { direction?: string; kind?: string; status?: string; openedOn?: string | null } = {},
): number {
  const at = '2026-01-05T10:00:00.000Z';
  const status = values.status ?? 'registered';
  const id = Number(
    db
      .prepare(
        `INSERT INTO requests (reference, direction, kind, status, opened_on, counterpart_country, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'FR', ?, ?)`,
      )
      .run(
        reference,
        values.direction ?? 'incoming',
        values.kind ?? 'mla',
        status,
        values.openedOn ?? '2026-01-05',
        at,
        at,
      ).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status, note)
     VALUES (?, ?, '2026-01-05', 'Legacy import', NULL, ?, NULL)`,
  ).run(id, at, status);
  // From schema 9 the request row carries the day of its last status change, as the app writes it.
  const columns = db.prepare("SELECT name FROM pragma_table_info('requests')").pluck().all();
  if (columns.includes('last_status_on')) {
    db.prepare("UPDATE requests SET last_status_on = '2026-01-05' WHERE id = ?").run(id);
  }
  // From schema 14 it carries its packed history too (db/statistics/life-text.ts).
  if (columns.includes('life')) {
    const life = lifeEntry({ fromStatus: null, toStatus: status as Status, effectiveOn: '2026-01-05' });
    db.prepare('UPDATE requests SET life = ? WHERE id = ?').run(life, id);
  }
  return id;
}
