import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyPragma, type RegisterKey } from './register-key.ts';

/** A rollback journal's first bytes while it can still undo its transaction (SQLite's file format, 4.1). */
const HOT_JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header's length, and where in it the application id is kept. */
const HEADER_BYTES = 100;
const APPLICATION_ID_AT = 68;

function readAt(file: string, offset: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, fs.readSync(fd, bytes, 0, length, offset));
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a rollback journal beside the file can still undo a transaction that was cut short. */
export function hasHotJournal(file: string): boolean {
  const journal = `${file}-journal`;
  return fs.existsSync(journal) && readAt(journal, 0, HOT_JOURNAL_MAGIC.length).equals(HOT_JOURNAL_MAGIC);
}

/**
 * The database header of the page the journal holds first, if that is page 1 of a plain
 * SQLite file: a rekey journals every page, page 1 first, as it was before the encryption.
 */
function journaledPlainHeader(journal: string): Buffer | null {
  const head = readAt(journal, 0, 28);
  if (head.length < 28) return null;
  const sectorSize = head.readUInt32BE(20); // the journal header fills one sector; records follow
  if (sectorSize < 512 || sectorSize > 65_536) return null;
  const record = readAt(journal, sectorSize, 4 + HEADER_BYTES); // page number, then the page
  if (record.length < 4 + HEADER_BYTES || record.readUInt32BE(0) !== 1) return null;
  const header = record.subarray(4);
  return header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER) ? header : null;
}

/**
 * Whether the key opens the file's page 1 as a register of ours, tried on a copy of that page
 * alone (the register itself cannot be read until its journal is rolled back): a connection
 * with a wrong key would roll the journal back through the wrong cipher, writing garbled pages
 * into the register.
 */
function keyOpensPageOne(file: string, key: RegisterKey, applicationId: number, nativeBinding: string | undefined) {
  // SQLite3 Multiple Ciphers leaves bytes 16-23 of page 1 in clear, the page size among them.
  const field = readAt(file, 16, 2);
  if (field.length < 2) return false;
  const pageSize = field.readUInt16BE(0) === 1 ? 65_536 : field.readUInt16BE(0);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return false;
  const page = readAt(file, 0, pageSize);
  if (page.length < pageSize) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-page-one-'));
  let probe: Database.Database | undefined;
  try {
    const copy = path.join(dir, 'page-one.sqlite');
    fs.writeFileSync(copy, page, { mode: 0o600 });
    // As long as the register (the rest left sparse): a file shorter than its header says is "malformed".
    fs.truncateSync(copy, fs.statSync(file).size);
    probe = new Database(copy, { readonly: true, fileMustExist: true, nativeBinding });
    probe.pragma(keyPragma(key));
    return Number(probe.pragma('application_id', { simple: true })) === applicationId;
  } catch {
    return false; // "file is not a database": not this register's key
  } finally {
    probe?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Undoes what a crash cut short while a register was being encrypted in place (db/open.ts
 * encryptInPlace). A register runs in WAL mode; the encryption alone switches it to a rollback
 * journal, rewrites every page in one transaction, and switches back to WAL in another (which
 * rewrites page 1). After a crash in either, the journal is "hot": SQLite rolls it back on the
 * first read of a read-write connection, but the read-only probe that opening starts with
 * cannot, and fails ("attempt to write a readonly database"), so the register would never open
 * again (found by the kill trials, test/crash/).
 *
 * The rollback has to read the journal's pages as they were written. Cut short in the rekey,
 * the journal holds the register's pages as they were, plain: rolled back without a key, each
 * goes back byte for byte and the register is plain again, to be encrypted anew when it is
 * opened with the key (a connection given the key would take those plain pages for encrypted
 * ones). Cut short in the switch back to WAL, the journal holds the encrypted page 1: only a
 * connection with the key rolls it back (without it, or with a wrong one, the page would go
 * back garbled).
 *
 * Acts only on a register of ours: a plain one whose header (in the file, or as the journal
 * holds page 1) carries our application id, or an encrypted one whose page 1 the given key
 * opens to our application id.
 * Whatever else is wrong with the file is left for the opening's own checks to name.
 */
export function rollBackInterruptedEncryption(
  file: string,
  options: { applicationId: number; key: RegisterKey | undefined; nativeBinding: string | undefined },
): void {
  if (!hasHotJournal(file)) return;
  const fileHeader = readAt(file, 0, HEADER_BYTES);
  const plainHeader = fileHeader.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)
    ? fileHeader
    : journaledPlainHeader(`${file}-journal`);
  let key: RegisterKey | undefined;
  if (plainHeader !== null) {
    if (plainHeader.length < HEADER_BYTES) return;
    if (plainHeader.readUInt32BE(APPLICATION_ID_AT) !== options.applicationId) return;
  } else if (options.key && keyOpensPageOne(file, options.key, options.applicationId, options.nativeBinding)) {
    key = options.key;
  } else return;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    if (key) db.pragma(keyPragma(key));
    db.prepare('SELECT count(*) FROM sqlite_schema').get(); // the first read rolls the journal back
  } catch {
    // Not rolled back after all: the opening goes on and says what the file is.
  } finally {
    db?.close();
  }
}
