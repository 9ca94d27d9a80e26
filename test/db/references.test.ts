import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_PATTERN } from '../../contract/settings.ts';
import { openSqliteRegister } from '../../db/register.ts';
import { formatReference } from '../../db/references.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { insertRawRequest, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, tempDir, tempRegister } from '../helpers/temp-register.ts';

describe('formatReference', () => {
  it.each([
    ['mla', 'incoming', 1, 'MLA-IN-2026-00001'],
    ['preservation', 'outgoing', 42, 'PRE-OUT-2026-00042'],
    ['disclosure', 'incoming', 7, 'DIS-IN-2026-00007'],
    ['emergency_disclosure', 'outgoing', 12345, 'EDR-OUT-2026-12345'],
  ] as const)('fills the default pattern for %s %s number %i as %s', (kind, direction, seq, expected) => {
    expect(formatReference(DEFAULT_REFERENCE_PATTERN, { kind, direction, year: 2026, seq })).toBe(expected);
  });

  it('lets the running number grow past its padding instead of truncating it', () => {
    expect(
      formatReference(DEFAULT_REFERENCE_PATTERN, { kind: 'mla', direction: 'incoming', year: 2026, seq: 123456 }),
    ).toBe('MLA-IN-2026-123456');
  });

  it.each([
    ['{YYYY}/{DIR}/{KIND}/{SEQ:3}', '2027/OUT/MLA/009'],
    ['{KIND}{DIR}{YYYY}{SEQ}', 'MLAOUT20279'],
    ['CA {KIND}-{DIR} {SEQ:1}/{YYYY}', 'CA MLA-OUT 9/2027'],
    ['{KIND}-{DIR}-{YYYY}-{SEQ:9}', 'MLA-OUT-2027-000000009'],
  ])('fills the pattern %s as %s', (pattern, expected) => {
    expect(formatReference(pattern, { kind: 'mla', direction: 'outgoing', year: 2027, seq: 9 })).toBe(expected);
  });
});

describe('allocating references', () => {
  const register3 = async (register = tempRegister(), overrides = {}) => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++)
      refs.push((await register.requests.register(newRequest(overrides), ACTOR, CLOCK)).reference);
    return refs;
  };

  it('numbers 1, 2, 3 within a kind, direction and year', async () => {
    expect(await register3()).toEqual(['MLA-IN-2026-00001', 'MLA-IN-2026-00002', 'MLA-IN-2026-00003']);
  });

  it('counts incoming and outgoing separately', async () => {
    const register = tempRegister();
    await register3(register);
    expect(await register3(register, { direction: 'outgoing' })).toEqual([
      'MLA-OUT-2026-00001',
      'MLA-OUT-2026-00002',
      'MLA-OUT-2026-00003',
    ]);
  });

  it('restarts at 1 in a new year and goes on where it stopped in the old one', async () => {
    const register = tempRegister();
    await register3(register, { openedOn: '2025-12-31' });
    expect(await register3(register, { openedOn: '2026-01-01' })).toEqual([
      'MLA-IN-2026-00001',
      'MLA-IN-2026-00002',
      'MLA-IN-2026-00003',
    ]);
    const late = await register.requests.register(newRequest({ openedOn: '2025-06-01' }), ACTOR, CLOCK);
    expect(late.reference).toBe('MLA-IN-2025-00004');
  });

  it('never hands a number out twice, even after the register is closed and opened again', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const first = openSqliteRegister({ file, migrationsFolder: MIGRATIONS, create: true });
    await register3(first);
    first.close();
    const again = tempRegister(file);
    const next = await again.requests.register(newRequest(), ACTOR, CLOCK);
    expect(next.reference).toBe('MLA-IN-2026-00004');
  });

  it('keeps counting through a change of pattern, so no number is reused', async () => {
    const register = tempRegister();
    await register3(register);
    await register.updateSettings({ referencePattern: '{YYYY}/{DIR}/{KIND}/{SEQ:3}' }, ACTOR, CLOCK);
    const next = await register.requests.register(newRequest(), ACTOR, CLOCK);
    expect(next.reference).toBe('2026/IN/MLA/004');
  });

  it('skips a reference that is already in the register (e.g. brought in from an older one)', async () => {
    const register = tempRegister();
    withRaw(register.location, (db) => {
      insertRawRequest(db, 'MLA-IN-2026-00002');
      insertRawRequest(db, 'MLA-IN-2026-00003');
    });
    const refs = await register3(register);
    expect(refs).toEqual(['MLA-IN-2026-00001', 'MLA-IN-2026-00004', 'MLA-IN-2026-00005']);
    const last = withRaw(
      register.location,
      (db) => db.prepare('SELECT scope, last FROM reference_counters').all(),
      true,
    );
    expect(last).toEqual([{ scope: 'MLA-IN-2026', last: 5 }]);
  });

  it('gives unique references to two connections on the same file registering in turn', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const a = tempRegister(file);
    const b = tempRegister(file);
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) {
      refs.push((await a.requests.register(newRequest(), ACTOR, CLOCK)).reference);
      refs.push((await b.requests.register(newRequest(), ACTOR, CLOCK)).reference);
    }
    // Started together, not awaited one by one: each call still runs in its own transaction.
    const together = await Promise.all([a, b, a, b].map((r) => r.requests.register(newRequest(), ACTOR, CLOCK)));
    refs.push(...together.map((d) => d.reference));
    expect(new Set(refs).size).toBe(14);
    expect([...refs].sort()).toEqual(
      Array.from({ length: 14 }, (_, i) => `MLA-IN-2026-${String(i + 1).padStart(5, '0')}`),
    );
  });
});
