import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { generateRegisterKey } from '../../db/keys/register-key.ts';
import { readRecoveryFile, recoveryFileFor, unwrapRegisterKey } from '../../db/keys/recovery.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { callerAs, MIGRATIONS, testContext, tempDir } from '../helpers/temp-register.ts';

const ADMIN = callerAs('administrator', 'Ada Admin');

function encryptedContext() {
  const key = generateRegisterKey();
  const file = path.join(tempDir(), 'register.sqlite');
  const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true, key });
  const ctx = testContext({ register, caller: ADMIN, app: { name: 'MLA Desk', version: 'test', keyStore: 'os' } });
  return { ctx, key, file, close: () => register.close() };
}

describe('security channels', () => {
  it('report an encrypted register with its key store and no recovery passphrase yet', async () => {
    const { ctx, close } = encryptedContext();
    try {
      expect(await dispatch('security.status', {}, ctx)).toMatchObject({
        ok: true,
        value: { encrypted: true, keyStore: 'os', recoveryReady: false, recoveryCreatedAt: null },
      });
    } finally {
      close();
    }
  });

  it('make a recovery passphrase that unwraps the register’s own key, audit it without the passphrase, and report it', async () => {
    const { ctx, key, file, close } = encryptedContext();
    try {
      const made = await dispatch('security.createRecoveryPassphrase', {}, ctx);
      expect(made.ok).toBe(true);
      const { passphrase } = (made as { value: { passphrase: string } }).value;
      const unwrapped = await unwrapRegisterKey(readRecoveryFile(recoveryFileFor(file)), passphrase);
      expect(unwrapped.equals(key)).toBe(true);
      const status = await dispatch('security.status', {}, ctx);
      expect(status).toMatchObject({ ok: true, value: { recoveryReady: true } });
      const opened = openDatabase({ file, migrationsFolder: MIGRATIONS, key, readonly: true });
      const entries = opened.sqlite
        .prepare<[], { actor: string; details: string }>(
          "SELECT actor, details FROM audit_log WHERE action = 'security.recovery_passphrase'",
        )
        .all();
      opened.close();
      expect(entries).toHaveLength(1);
      expect(entries[0]?.actor).toBe('Ada Admin');
      expect(entries[0]?.details).not.toContain(passphrase);
      expect(entries[0]?.details).not.toContain(passphrase.replaceAll('-', ''));
      const again = await dispatch('security.createRecoveryPassphrase', {}, ctx);
      const second = (again as { value: { passphrase: string } }).value.passphrase;
      expect(second).not.toBe(passphrase);
      // The first passphrase no longer recovers anything.
      await expect(unwrapRegisterKey(readRecoveryFile(recoveryFileFor(file)), passphrase)).rejects.toMatchObject({
        problem: 'wrong_key',
      });
    } finally {
      close();
    }
  });

  it('are for administrators only', async () => {
    const { ctx, close } = encryptedContext();
    try {
      for (const role of ['clerk', 'prosecutor', 'manager'] as const) {
        const as = { ...ctx, caller: callerAs(role, 'Someone') };
        expect(await dispatch('security.status', {}, as)).toMatchObject({ ok: false, error: { code: 'denied' } });
        expect(await dispatch('security.createRecoveryPassphrase', {}, as)).toMatchObject({
          ok: false,
          error: { code: 'denied' },
        });
      }
    } finally {
      close();
    }
  });

  it('refuse a recovery passphrase for a register that is not encrypted, and report it as such', async () => {
    const ctx = testContext({ caller: ADMIN });
    expect(await dispatch('security.status', {}, ctx)).toMatchObject({
      ok: true,
      value: { encrypted: false, keyStore: 'none', keyId: null },
    });
    expect(await dispatch('security.createRecoveryPassphrase', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/not encrypted/) },
    });
  });
});
