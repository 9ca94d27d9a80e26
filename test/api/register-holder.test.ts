import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { holdRegister, type RegisterHolder } from '../../api/register-holder.ts';
import { damageMiddlePage, fillRegister, registerState } from '../helpers/backups.ts';
import { auditRows } from '../helpers/documents.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { sha256 } from '../helpers/sqlite-files.ts';
import { callerAs, MIGRATIONS, tempDir, testContext } from '../helpers/temp-register.ts';

const ADMIN = callerAs('administrator', 'Ada Admin');
const NOW = new Date('2026-03-12T15:00:00.000Z');

const holders: RegisterHolder[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.close();
});

function hold(): RegisterHolder {
  const file = path.join(tempDir(), 'register.sqlite');
  const holder = holdRegister(
    { file, migrationsFolder: MIGRATIONS, create: true, appVersion: '1.0.0' },
    { now: () => NOW, log: () => {}, dailyBackups: false },
  );
  holders.push(holder);
  return holder;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('the condition never held');
}

/** A call through the holder as the host makes it: counted, held back while a restore runs. */
function call(holder: RegisterHolder, channel: string, input: unknown) {
  return holder.run(() =>
    dispatch(
      channel,
      input,
      testContext({ register: holder.register, registerSwap: holder.swap, caller: ADMIN, now: () => NOW }),
    ),
  );
}

describe('restoring while the API host runs', () => {
  it('replaces the open register without a restart: the calls made meanwhile wait, then see the restored one', async () => {
    const holder = hold();
    await fillRegister(holder.register, 2, 1);
    const backup = await call(holder, 'backups.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    const name = (backup.value as { name: string }).name;
    const backedUp = registerState(holder.register.location);
    await fillRegister(holder.register, 3, 1);

    // A call in flight when the restore is asked for: the restore waits for it before it swaps.
    let finishInFlight = () => {};
    const inFlight = holder.run(() => new Promise<void>((resolve) => (finishInFlight = resolve)));
    const restoring = call(holder, 'backups.restore', { name, confirm: name });
    // Once the backup is staged beside the register, the restore holds new calls back.
    await until(() => fs.existsSync(`${holder.register.location}.restoring`));
    // (Its documents are already in the data folder: placing them is one hash, well within this.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    let listed: unknown = null;
    const listing = call(holder, 'requests.list', {}).then((reply) => (listed = reply));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listed).toBeNull();
    expect(fs.existsSync(path.join(holder.register.backups.folder, '2026-03-12T15-00-00-000Z-before-restore'))).toBe(
      false,
    );

    finishInFlight();
    await inFlight;
    const restored = await restoring;
    expect(restored).toMatchObject({ ok: true, value: { restored: name, requestCount: 2, warnings: [] } });
    await listing;
    expect(listed).toMatchObject({ ok: true, value: { total: 2 } });

    expect(registerState(holder.register.location)).toEqual(backedUp);
    // The object the host handed out follows the swap: writes go to the restored register.
    await holder.register.requests.register(newRequest(), ACTOR, CLOCK);
    expect(registerState(holder.register.location).requests).toHaveLength(3);
    expect(auditRows(holder.register, 'register').at(-1)).toMatchObject({
      action: 'register.restore',
      details: { restored: name, beforeRestore: '2026-03-12T15-00-00-000Z-before-restore' },
    });
    const setAside = (restored as { value: { setAside: string } }).value.setAside;
    expect(fs.existsSync(setAside)).toBe(true);
  });

  it('answers a refused restore with what failed, and goes on serving the register as it was', async () => {
    const holder = hold();
    await fillRegister(holder.register, 2, 0);
    const backup = await holder.register.backups.create('on-demand', NOW);
    await fillRegister(holder.register, 1, 0);
    damageMiddlePage(path.join(holder.register.backups.folder, backup.name, 'register.sqlite'));
    const before = sha256(holder.register.location);

    const refused = await call(holder, 'backups.restore', { name: backup.name, confirm: backup.name });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        message: `The backup ${backup.name} cannot be restored: register.sqlite does not have the SHA-256 its manifest records (altered). Nothing was changed.`,
        key: 'backup.cannotRestore',
        // Each problem also travels with its own key, for the screens to say in any language.
        fields: [{ field: 'name', key: 'backup.problem.fileAltered', params: { file: 'register.sqlite' } }],
      },
    });
    expect(sha256(holder.register.location)).toBe(before);
    expect(await call(holder, 'requests.list', {})).toMatchObject({ ok: true, value: { total: 3 } });
  });

  it('names a backup that does not exist as not found', async () => {
    const holder = hold();
    const name = '2026-01-01T00-00-00-000Z-daily';
    expect(await call(holder, 'backups.restore', { name, confirm: name })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a restore where the host cannot swap its register', async () => {
    const ctx = testContext({ caller: ADMIN });
    const name = '2026-01-01T00-00-00-000Z-daily';
    expect(await dispatch('backups.restore', { name, confirm: name }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('use mla-desk restore') },
    });
  });
});
