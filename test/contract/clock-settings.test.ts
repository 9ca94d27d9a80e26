import { describe, expect, it } from 'vitest';
import { validateInput } from '../../contract/validate.ts';
import { clockSettingsSchema, DEFAULT_CLOCK_SETTINGS } from '../../contract/settings.ts';

/** The problems the channel answers with for `input`, as field → message key. */
function problems(input: unknown): Record<string, string | undefined> {
  const checked = validateInput('clocks.saveSettings', input);
  if (checked.ok) return {};
  return Object.fromEntries((checked.error.fields ?? []).map((p) => [p.field, p.key]));
}

describe('the legal clocks’ settings', () => {
  it('start from the domain notes’ periods, a Saturday–Sunday weekend and the machine’s zone', () => {
    expect(clockSettingsSchema.parse(DEFAULT_CLOCK_SETTINGS)).toEqual(DEFAULT_CLOCK_SETTINGS);
    expect(DEFAULT_CLOCK_SETTINGS.lengths).toMatchObject({
      epoEmergency: { length: 8, unit: 'hours' },
      epoProduction: { length: 10, unit: 'calendar_days' },
      eioDecision: { length: 30, unit: 'calendar_days' },
      eioExecution: { length: 90, unit: 'calendar_days' },
      preservationEu: { length: 60, unit: 'calendar_days' },
      preservationUs: { length: 90, unit: 'calendar_days' },
      preservation: { length: 60, unit: 'calendar_days' },
    });
    expect(DEFAULT_CLOCK_SETTINGS).toMatchObject({ weekendDays: [6, 7], holidays: [], timeZone: '' });
  });

  it('accept a change of one part, or of one clock', () => {
    expect(validateInput('clocks.saveSettings', { weekendDays: [5, 6] }).ok).toBe(true);
    expect(
      validateInput('clocks.saveSettings', { lengths: { eioExecution: { length: 60, unit: 'working_days' } } }).ok,
    ).toBe(true);
    expect(validateInput('clocks.saveSettings', { timeZone: 'Asia/Riyadh', holidays: ['2026-12-25'] }).ok).toBe(true);
    expect(validateInput('clocks.saveSettings', { timeZone: '' }).ok).toBe(true);
  });

  it('count each clock only in the units that make sense for it', () => {
    expect(problems({ lengths: { epoEmergency: { length: 8, unit: 'calendar_days' } } })).toHaveProperty(
      'lengths.epoEmergency.unit',
    );
    expect(problems({ lengths: { preservation: { length: 60, unit: 'working_days' } } })).toHaveProperty(
      'lengths.preservation.unit',
    );
    expect(problems({ lengths: { eioDecision: { length: 30, unit: 'fortnights' } } })).toHaveProperty(
      'lengths.eioDecision.unit',
    );
  });

  it('bound the lengths: whole numbers, at least 1, at most 720 hours or 3650 days', () => {
    expect(problems({ lengths: { epoEmergency: { length: 721, unit: 'hours' } } })).toEqual({
      'lengths.epoEmergency.length': 'field.atMost',
    });
    expect(problems({ lengths: { eioDecision: { length: 0, unit: 'calendar_days' } } })).toEqual({
      'lengths.eioDecision.length': 'field.atLeastDays',
    });
    expect(problems({ lengths: { eioDecision: { length: 3651, unit: 'calendar_days' } } })).toEqual({
      'lengths.eioDecision.length': 'field.atMostTenYears',
    });
    expect(problems({ lengths: { eioDecision: { length: 2.5, unit: 'calendar_days' } } })).toEqual({
      'lengths.eioDecision.length': 'field.wholeNumberOf.days',
    });
    expect(problems({ extensions: { preservationUs: -1 } })).toEqual({
      'extensions.preservationUs': 'field.atLeastDays',
    });
  });

  it('refuse a week without working days, a day named twice, or a weekday that does not exist', () => {
    expect(problems({ weekendDays: [1, 2, 3, 4, 5, 6, 7] })).toEqual({ weekendDays: 'clock.field.weekendWholeWeek' });
    expect(problems({ weekendDays: [6, 6] })).toEqual({ weekendDays: 'clock.field.repeated' });
    expect(problems({ weekendDays: [0] })).toEqual({ 'weekendDays.0': 'field.atLeast' });
    expect(problems({ holidays: ['2026-12-25', '2026-12-25'] })).toEqual({ holidays: 'clock.field.repeated' });
    expect(problems({ holidays: ['2026-02-30'] })).toEqual({ 'holidays.0': 'field.isoDate' });
  });

  it('refuse a zone that is not in the IANA database', () => {
    expect(problems({ timeZone: 'Europe/Atlantis' })).toEqual({ timeZone: 'clock.field.timeZone' });
    expect(problems({ timeZone: 'Paris' })).toEqual({ timeZone: 'clock.field.timeZone' });
  });

  it('refuse what they do not know: a clock without a setting, or another key', () => {
    expect(problems({ lengths: { acknowledgement: { length: 30, unit: 'calendar_days' } } })).toHaveProperty('lengths');
    expect(problems({ officeName: 'x' })).toHaveProperty('(input)');
    expect(problems({ warningHours: 169 })).toEqual({ warningHours: 'field.atMost' });
  });
});
