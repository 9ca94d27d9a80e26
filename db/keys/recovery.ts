import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { z } from 'zod';
import { reasonOf, StorageError } from '../errors.ts';
import { keyId, REGISTER_KEY_BYTES, type RegisterKey } from './register-key.ts';

/**
 * The administrator's recovery passphrase: shown once when the register is set up, it
 * unwraps a copy of the register key kept beside the register (the recovery file), for the
 * day the operating system's key store is lost (a new machine, a reinstalled system, a
 * restored backup). The copy is wrapped with AES-256-GCM under a key derived from the
 * passphrase by scrypt, memory-hard, so guessing passphrases from a stolen file is slow;
 * and the passphrase itself carries 150 random bits, so there is nothing to guess.
 */

/** Crockford's base 32: no I, L, O or U, so what is read aloud or copied by hand comes back right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 5;

export function generateRecoveryPassphrase(): string {
  const bytes = crypto.randomBytes(GROUPS * GROUP_LENGTH);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) groups.push(chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** What a person typed, as the passphrase was generated: case, spaces and hyphens ignored, look-alikes read as Crockford does. */
export function normalisePassphrase(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replaceAll('O', '0')
    .replace(/[IL]/g, '1');
}

export interface ScryptCost {
  /** CPU/memory cost (a power of two); memory used is 128 × N × r bytes. */
  N: number;
  r: number;
  p: number;
}

/** 2^17 × 8 × 128 bytes = 128 MiB and about half a second here: paid once per recovery. */
export const RECOVERY_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const recoveryRecordSchema = z.strictObject({
  format: z.literal('mla-desk-recovery'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: b64,
  tag: b64,
  wrapped: b64,
});
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

function deriveWrappingKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return scrypt(normalisePassphrase(passphrase), salt, 32, {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * cost.N * cost.r,
  });
}

/** Wraps the register key under the passphrase. */
export async function wrapRegisterKey(
  key: RegisterKey,
  passphrase: string,
  cost: ScryptCost = RECOVERY_SCRYPT,
): Promise<RecoveryRecord> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const wrappingKey = await deriveWrappingKey(passphrase, salt, cost);
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey, iv);
  // The key id is authenticated with the key: a record cannot be relabelled for another register.
  cipher.setAAD(Buffer.from(keyId(key)));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    format: 'mla-desk-recovery',
    version: 1,
    keyId: keyId(key),
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The register key the passphrase unwraps; a wrong passphrase is refused with a clear message. */
export async function unwrapRegisterKey(record: RecoveryRecord, passphrase: string): Promise<RegisterKey> {
  const { N, r, p } = record.kdf;
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(record.kdf.salt, 'base64'), { N, r, p });
  const decipher = crypto.createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(record.iv, 'base64'));
  decipher.setAAD(Buffer.from(record.keyId));
  decipher.setAuthTag(Buffer.from(record.tag, 'base64'));
  let key: Buffer;
  try {
    key = Buffer.concat([decipher.update(Buffer.from(record.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new StorageError('wrong_key', { key: 'key.wrongPassphrase' });
  }
  if (key.length !== REGISTER_KEY_BYTES || keyId(key) !== record.keyId) {
    throw new StorageError('wrong_key', { key: 'key.recoveryDamaged' });
  }
  return key;
}

/** The recovery file kept beside the register (not secret: it is useless without the passphrase). */
export function recoveryFileFor(databaseFile: string): string {
  return `${databaseFile}.recovery.json`;
}

export function writeRecoveryFile(file: string, record: RecoveryRecord): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

export function readRecoveryFile(file: string): RecoveryRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StorageError('wrong_key', { key: 'key.recoveryUnreadable', params: { file, reason: reasonOf(e) } });
  }
  const parsed = recoveryRecordSchema.safeParse(raw);
  if (!parsed.success) throw new StorageError('wrong_key', { key: 'key.notRecoveryFile', params: { file } });
  return parsed.data;
}
