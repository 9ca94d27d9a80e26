import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_SETTINGS } from '../../contract/settings.ts';
import { auditRows } from '../helpers/documents.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/** Writes the stored value of the clock settings as a hand-edited file might hold it. */
function storeRaw(file: string, value: string) {
  const sqlite = new Database(file);
  try {
    sqlite
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('clocks', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(value);
  } finally {
    sqlite.close();
  }
}

describe('the legal clocks’ settings in the register', () => {
  it('are the defaults until an administrator changes them', async () => {
    expect(await tempRegister().clocks.settings()).toEqual(DEFAULT_CLOCK_SETTINGS);
  });

  it('keep a change of one part and of one clock, leave the rest, and write it to the audit log', async () => {
    const register = tempRegister();
    const saved = await register.clocks.updateSettings(
      {
        lengths: { eioExecution: { length: 60, unit: 'working_days' } },
        extensions: { preservation: 120 },
        weekendDays: [6, 5],
        holidays: ['2026-12-25', '2026-01-01'],
        timeZone: 'Asia/Riyadh',
      },
      ACTOR,
      CLOCK,
    );
    const want = {
      ...DEFAULT_CLOCK_SETTINGS,
      lengths: { ...DEFAULT_CLOCK_SETTINGS.lengths, eioExecution: { length: 60, unit: 'working_days' } },
      extensions: { ...DEFAULT_CLOCK_SETTINGS.extensions, preservation: 120 },
      // Kept in order, whatever order they were chosen in.
      weekendDays: [5, 6],
      holidays: ['2026-01-01', '2026-12-25'],
      timeZone: 'Asia/Riyadh',
    };
    expect(saved).toEqual(want);
    expect(await register.clocks.settings()).toEqual(want);
    // The office's other settings are not touched, and the reminder times stay where they are.
    expect(await register.settings()).toMatchObject({ acknowledgementDays: 30, replyAbroadDays: 90 });
    expect(auditRows(register, 'settings').at(-1)).toEqual({
      action: 'settings.update',
      details: { before: { clocks: DEFAULT_CLOCK_SETTINGS }, after: { clocks: want } },
    });

    const again = await register.clocks.updateSettings({ warningHours: 4 }, ACTOR, CLOCK);
    expect(again).toEqual({ ...want, warningHours: 4 });
  });

  it('fall back to the default of each piece that a hand-edited file spoils, keeping the others', async () => {
    const register = tempRegister();
    storeRaw(
      register.location,
      JSON.stringify({
        lengths: { eioDecision: { length: 20, unit: 'working_days' }, epoEmergency: { length: 8, unit: 'days' } },
        weekendDays: [1, 2, 3, 4, 5, 6, 7],
        holidays: ['2026-05-01'],
        timeZone: 'Nowhere/Land',
        warningDays: 'soon',
      }),
    );
    expect(await register.clocks.settings()).toEqual({
      ...DEFAULT_CLOCK_SETTINGS,
      lengths: { ...DEFAULT_CLOCK_SETTINGS.lengths, eioDecision: { length: 20, unit: 'working_days' } },
      holidays: ['2026-05-01'],
    });
    storeRaw(register.location, 'not json');
    expect(await register.clocks.settings()).toEqual(DEFAULT_CLOCK_SETTINGS);
  });
});
