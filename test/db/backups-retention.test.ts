import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupReason } from '../../contract/backups.ts';
import { DEFAULT_BACKUP_RETENTION } from '../../contract/settings.ts';
import { timeForFileName } from '../../db/backups/paths.ts';
import { type BackupFolder, backupsToPrune } from '../../db/backups/retention.ts';
import { auditRows } from '../helpers/documents.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - (days * 24 + hours) * 3_600_000);

function folder(at: Date, reason: BackupReason, complete = true): BackupFolder {
  return { name: `${timeForFileName(at)}-${reason}`, createdAt: at.toISOString(), reason, complete };
}

const names = (folders: BackupFolder[]) => folders.map((f) => f.name);

describe('which backups retention prunes', () => {
  it('keeps the newest daily ones up to the setting and prunes the older ones', () => {
    const daily = Array.from({ length: 20 }, (_, i) => folder(daysAgo(i), 'daily'));
    const pruned = backupsToPrune(daily, { ...DEFAULT_BACKUP_RETENTION, keepDaily: 14 }, NOW);
    expect(pruned.sort()).toEqual(names(daily.slice(14)).sort());
  });

  it('counts each kind on its own: on-demand backups do not push daily ones out', () => {
    const daily = Array.from({ length: 3 }, (_, i) => folder(daysAgo(i), 'daily'));
    const onDemand = Array.from({ length: 4 }, (_, i) => folder(daysAgo(i, 2), 'on-demand'));
    const pruned = backupsToPrune([...daily, ...onDemand], { keepDaily: 3, keepOnDemand: 2, keepEventDays: 90 }, NOW);
    expect(pruned.sort()).toEqual(names(onDemand.slice(2)).sort());
  });

  it('keeps before-migration and before-restore backups for the set days, and always the newest of each', () => {
    const migrations = [
      folder(daysAgo(200), 'before-migration'),
      folder(daysAgo(120), 'before-migration'),
      folder(daysAgo(10), 'before-migration'),
    ];
    const restores = [folder(daysAgo(400), 'before-restore'), folder(daysAgo(300), 'before-restore')];
    const pruned = backupsToPrune([...migrations, ...restores], DEFAULT_BACKUP_RETENTION, NOW);
    // The 10-day-old migration one is within 90 days; the 300-day-old restore one is the newest of its kind.
    expect(pruned.sort()).toEqual([migrations[0]?.name, migrations[1]?.name, restores[0]?.name].sort());
  });

  it('prunes half-written folders a day old, never younger ones (a backup may be being written)', () => {
    const stale = folder(daysAgo(2), 'daily', false);
    const writing = folder(daysAgo(0, 1), 'daily', false);
    expect(backupsToPrune([stale, writing], DEFAULT_BACKUP_RETENTION, NOW)).toEqual([stale.name]);
  });

  it('never prunes a protected backup, even beyond the count', () => {
    const daily = Array.from({ length: 3 }, (_, i) => folder(daysAgo(i), 'daily'));
    const oldest = daily[2];
    if (!oldest) throw new Error('no folder');
    expect(backupsToPrune(daily, { ...DEFAULT_BACKUP_RETENTION, keepDaily: 1 }, NOW, [oldest.name]).sort()).toEqual(
      [daily[1]?.name].sort(),
    );
  });
});

describe('retention after each backup', () => {
  it('removes the daily backups beyond the setting once a new one is written, leaving the others whole', async () => {
    const register = tempRegister();
    await register.backups.updateRetention({ keepDaily: 2 }, ACTOR, CLOCK);
    const taken: string[] = [];
    for (let day = 0; day < 4; day++) {
      taken.push((await register.backups.create('daily', new Date(Date.UTC(2026, 2, 10 + day, 9)))).name);
    }
    const special = await register.backups.create('on-demand', new Date(Date.UTC(2026, 2, 14, 10)));
    const left = fs.readdirSync(register.backups.folder).sort();
    expect(left).toEqual([taken[2], taken[3], special.name]);
    for (const name of left) {
      expect(fs.existsSync(path.join(register.backups.folder, name, 'manifest.json'))).toBe(true);
    }
  });

  it('is a setting the administrator changes, kept apart from the office settings and recorded in the audit log', async () => {
    const register = tempRegister();
    expect((await register.backups.list()).retention).toEqual(DEFAULT_BACKUP_RETENTION);
    const saved = await register.backups.updateRetention({ keepOnDemand: 3 }, ACTOR, CLOCK);
    expect(saved).toEqual({ ...DEFAULT_BACKUP_RETENTION, keepOnDemand: 3 });
    expect((await register.backups.list()).retention).toEqual(saved);
    // The office's other settings are not touched by it.
    expect(await register.settings()).toMatchObject({ referencePattern: '{KIND}-{DIR}-{YYYY}-{SEQ:5}' });
    expect(auditRows(register, 'settings').at(-1)).toEqual({
      action: 'settings.update',
      details: {
        before: { backupRetention: DEFAULT_BACKUP_RETENTION },
        after: { backupRetention: { ...DEFAULT_BACKUP_RETENTION, keepOnDemand: 3 } },
      },
    });
  });
});
