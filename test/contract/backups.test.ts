import { describe, expect, it } from 'vitest';
import { parseBackupName } from '../../contract/backups.ts';
import { channels } from '../../contract/channels.ts';

describe('backup names', () => {
  it('carry the time and the reason a backup was taken', () => {
    expect(parseBackupName('2026-03-10T09-30-00-000Z-daily')).toEqual({
      createdAt: '2026-03-10T09:30:00.000Z',
      reason: 'daily',
    });
    expect(parseBackupName('2026-03-10T09-30-00-000Z-before-migration-2')).toEqual({
      createdAt: '2026-03-10T09:30:00.000Z',
      reason: 'before-migration',
    });
  });

  it.each([
    '../2026-03-10T09-30-00-000Z-daily',
    '2026-03-10T09-30-00-000Z-daily/../../etc',
    '2026-03-10T09-30-00-000Z-weekly',
    '2026-13-45T09-30-00-000Z-daily',
    'register.sqlite',
    '',
  ])('refuses %j, so a name never reaches outside the backups folder', (name) => {
    expect(parseBackupName(name)).toBeNull();
    expect(channels['backups.verify'].input.safeParse({ name }).success).toBe(false);
  });
});

describe('the backup channels', () => {
  it('are for administrators only', () => {
    for (const name of [
      'backups.list',
      'backups.create',
      'backups.verify',
      'backups.restore',
      'backups.retention',
    ] as const) {
      expect(channels[name].roles).toEqual(['administrator']);
    }
  });

  it('restore only when the confirmation repeats the backup’s name', () => {
    const name = '2026-03-10T09-30-00-000Z-daily';
    expect(channels['backups.restore'].input.safeParse({ name, confirm: name }).success).toBe(true);
    const refused = channels['backups.restore'].input.safeParse({ name, confirm: 'yes' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['confirm']);
  });

  it.each([{ keepDaily: 0 }, { keepDaily: 1.5 }, { keepOnDemand: '3' }, { keepEventDays: 4000 }, { keepWeekly: 2 }])(
    'refuse the retention %j',
    (input) => {
      expect(channels['backups.retention'].input.safeParse(input).success).toBe(false);
    },
  );
});
