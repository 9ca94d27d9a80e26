import crypto from 'node:crypto';
import fs from 'node:fs';
import { reasonOf, StorageError } from '../errors.ts';

/**
 * The register's encryption key: 32 random bytes, given to SQLite as a raw key (SQLite3
 * Multiple Ciphers, its default ChaCha20-Poly1305 scheme). Raw, because the key is already
 * random: a passphrase-derived key would cost a key derivation at every connection, and the
 * import and the search open connections of their own. People never type this key; the
 * operating system's key store keeps it (electron/register-key-store.ts), and a recovery
 * passphrase can unwrap a copy of it (recovery.ts).
 */
export const REGISTER_KEY_BYTES = 32;

export type RegisterKey = Buffer;

export function generateRegisterKey(): RegisterKey {
  return crypto.randomBytes(REGISTER_KEY_BYTES);
}

/** The key as its key file holds it: 64 hexadecimal digits. */
export function formatKeyText(key: RegisterKey): string {
  return key.toString('hex');
}

const KEY_TEXT = /^[0-9a-fA-F]{64}$/;

/** Reads a key from its text (white space around it ignored); a clear message for anything else. */
export function parseKeyText(text: string, source = 'The key'): RegisterKey {
  const trimmed = text.trim();
  if (!KEY_TEXT.test(trimmed)) {
    throw new StorageError('wrong_key', { key: 'key.notAKey', params: { source } });
  }
  return Buffer.from(trimmed, 'hex');
}

/** Reads a key file (`--key-file`, the web server's key). */
export function readKeyFile(file: string): RegisterKey {
  let text: string;
  try {
    const stat = fs.statSync(file);
    // A key file is 64 characters and a line end; anything much larger is the wrong file.
    if (stat.size > 1024) throw new StorageError('wrong_key', { key: 'key.keyFileTooLarge', params: { file } });
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof StorageError) throw e;
    throw new StorageError('wrong_key', { key: 'key.keyFileUnreadable', params: { file, reason: reasonOf(e) } });
  }
  return parseKeyText(text, `The key file ${file}`);
}

/** Writes a key file readable by its owner only. Refuses to replace an existing file. */
export function writeKeyFile(file: string, key: RegisterKey): void {
  fs.writeFileSync(file, `${formatKeyText(key)}\n`, { mode: 0o600, flag: 'wx' });
}

/** The PRAGMA that keys a connection; the key is hex digits only, so nothing else reaches SQL. */
export function keyPragma(key: RegisterKey): string {
  if (key.length !== REGISTER_KEY_BYTES) throw new Error(`A register key is ${REGISTER_KEY_BYTES} bytes`);
  return `key = "x'${formatKeyText(key)}'"`;
}

/**
 * A short, non-secret name for a key (the first bytes of its SHA-256): a recovery file says
 * which key it recovers, and the settings screen can show which key a register uses.
 */
export function keyId(key: RegisterKey): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether a file is a plain (unencrypted) SQLite database: its first 16 bytes are SQLite's
 * header. An encrypted file begins with its cipher salt instead.
 */
export function isPlainSqliteFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
