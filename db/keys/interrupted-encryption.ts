import fs from 'node:fs';
import Database from 'better-sqlite3';

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
 * Undoes an encryption in place (db/open.ts encryptInPlace) that a crash cut short. A register
 * runs in WAL mode; only the encryption switches it to a rollback journal, which then holds
 * every page as it was, plain, until the rekey commits. After a crash that journal is "hot":
 * SQLite rolls it back on the first read of a read-write connection, but the read-only probe
 * that opening starts with cannot, and fails ("attempt to write a readonly database"), so the
 * register would never open again (found by the kill trials, test/crash/). A connection given
 * the key would read the journal's plain pages as encrypted ones. Rolled back without a key,
 * each page goes back byte for byte and the register is again as it was before the encryption
 * began, to be encrypted anew when it is opened with the key.
 *
 * Acts only when what the journal restores is a plain register of ours: the file's own header,
 * or the page 1 the journal holds, is a plain SQLite header with our application id. The
 * journal of an encrypted register holds encrypted pages, which only a connection with the key
 * may roll back; it is left as it is (opening then says the file cannot be read), as is
 * anything else wrong with the file, for the opening's own checks to name.
 */
export function rollBackInterruptedEncryption(
  file: string,
  options: { applicationId: number; nativeBinding: string | undefined },
): void {
  if (!hasHotJournal(file)) return;
  const fileHeader = readAt(file, 0, HEADER_BYTES);
  const header = fileHeader.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)
    ? fileHeader
    : journaledPlainHeader(`${file}-journal`);
  if (header === null || header.length < HEADER_BYTES) return;
  if (header.readUInt32BE(APPLICATION_ID_AT) !== options.applicationId) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    db.prepare('SELECT count(*) FROM sqlite_schema').get(); // the first read rolls the journal back
  } catch {
    // Not rolled back after all: the opening goes on and says what the file is.
  } finally {
    db?.close();
  }
}
