import fs from 'node:fs';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../types.ts';
import { keyId, type RegisterKey } from './register-key.ts';
import {
  generateRecoveryPassphrase,
  readRecoveryFile,
  recoveryFileFor,
  wrapRegisterKey,
  writeRecoveryFile,
} from './recovery.ts';

export interface EncryptionStatus {
  encrypted: boolean;
  /** A short, non-secret name of the key (db/keys/register-key.ts keyId). */
  keyId: string | null;
  /** A recovery file for this very key is beside the register. */
  recoveryReady: boolean;
  /** When that file was written (ISO), if there is one. */
  recoveryCreatedAt: string | null;
}

/** The register's encryption as opened (with `key`, or plain), and its recovery passphrase. */
export function registerEncryption(db: Db, databaseFile: string, key: RegisterKey | undefined) {
  const recoveryFile = recoveryFileFor(databaseFile);
  return {
    status(): EncryptionStatus {
      if (!key) return { encrypted: false, keyId: null, recoveryReady: false, recoveryCreatedAt: null };
      let ready = false;
      let createdAt: string | null = null;
      if (fs.existsSync(recoveryFile)) {
        try {
          ready = readRecoveryFile(recoveryFile).keyId === keyId(key);
          createdAt = fs.statSync(recoveryFile).mtime.toISOString();
        } catch {
          ready = false; // a damaged file recovers nothing: a new passphrase is needed
        }
      }
      return { encrypted: true, keyId: keyId(key), recoveryReady: ready, recoveryCreatedAt: ready ? createdAt : null };
    },
    /**
     * A new recovery passphrase: the key wrapped under it replaces the recovery file (the
     * previous passphrase then recovers nothing). The passphrase is returned to be shown
     * once and is kept nowhere; the audit log records that it was made, never what it is.
     */
    async createRecoveryPassphrase(actor: Actor, clock: Clock): Promise<{ passphrase: string }> {
      if (!key) throw new Error('An unencrypted register has no key to recover.');
      const passphrase = generateRecoveryPassphrase();
      writeRecoveryFile(recoveryFile, await wrapRegisterKey(key, passphrase));
      db.transaction((tx) =>
        recordAudit(tx, actor, clock.at, {
          action: 'security.recovery_passphrase',
          entity: 'register',
          entityId: null,
          details: { keyId: keyId(key) },
        }),
      );
      return { passphrase };
    },
  };
}
export type RegisterEncryption = ReturnType<typeof registerEncryption>;
