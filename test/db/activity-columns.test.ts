import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../contract/codes.ts';
import { recordEventSchema } from '../../contract/requests.ts';
import { countActivityDrift } from '../../db/consistency.ts';
import { checkDatabase } from '../../db/maintenance.ts';
import type { Register } from '../../db/register.ts';
import { importFile, SAMPLE_CSV } from '../helpers/interchange.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir, tempRegister } from '../helpers/temp-register.ts';

async function record(register: Register, id: number, type: EventType, on: string) {
  const current = await register.requests.get(id);
  return register.requests.recordEvent(
    recordEventSchema.parse({ id, type, on, note: 'noted', expectedVersion: current.version }),
    ACTOR,
    CLOCK,
  );
}

const drift = (file: string) => withRaw(file, countActivityDrift, true);

describe('the last-activity days kept on each request', () => {
  it('agree with the history after registering, moving and recording events, backdated ones included', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const register = tempRegister(file);
    const sent = await seedRequest(register, { direction: 'outgoing' }, [
      ['under_review', '2026-03-03'],
      ['sent', '2026-03-04'],
    ]);
    await record(register, sent.id, 'reminder_sent', '2026-03-08');
    await record(register, sent.id, 'reminder_sent', '2026-03-05'); // backdated: the later day stays
    await record(register, sent.id, 'note', '2026-03-09'); // an internal note is not news
    await seedRequest(register, {}, [['under_review', '2026-03-05']]);
    await seedRequest(register);
    const row = withRaw(
      file,
      (db) =>
        db.prepare('SELECT last_status_on AS s, last_event_on AS e FROM requests WHERE id = ?').get(sent.id) as {
          s: string;
          e: string;
        },
      true,
    );
    expect(row).toEqual({ s: '2026-03-04', e: '2026-03-08' });
    expect(drift(file)).toBe(0);
  });

  it('agree with the history an import writes', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const register = tempRegister(file);
    const report = await importFile(register, SAMPLE_CSV);
    expect(report.ok).toBe(true);
    expect(drift(file)).toBe(0);
  });

  it('are reported by the register check when they disagree with the history', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const register = tempRegister(file);
    await seedRequest(register, {}, [['under_review', '2026-03-05']]);
    register.close();
    expect(checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION).ok).toBe(true);
    withRaw(file, (db) => db.prepare("UPDATE requests SET last_status_on = '2020-01-01'").run());
    const report = checkDatabase({ file, migrationsFolder: MIGRATIONS }, SCHEMA_VERSION);
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual([
      '1 request(s) whose summary of their history (last-activity days, packed statuses) disagrees with it',
    ]);
  });
});
