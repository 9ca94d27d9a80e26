import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ClockSettings, DEFAULT_CLOCK_SETTINGS, DEFAULT_SETTINGS } from '../../contract/settings.ts';
import { ClockSettingsSection } from '../../renderer/src/screens/settings/ClocksForm.tsx';
import { SessionContext } from '../../renderer/src/session/SessionContext.tsx';
import { sessionAs } from './profile-fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const stored: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, holidays: ['2026-12-25'] };

function renderForm(extra: Parameters<typeof renderScreen>[1] = {}) {
  return renderScreen(<ClockSettingsSection />, {
    'clocks.settings': () => ok(stored),
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'clocks.saveSettings': (input) => ok({ ...stored, ...(input as Partial<ClockSettings>) }),
    ...extra,
  });
}

const form = () => screen.getByRole('form', { name: 'Legal clocks' });

describe('the legal clocks in Settings', { timeout: 60_000 }, () => {
  it('shows each clock’s length, the reminder times they reuse, and the office calendar', async () => {
    renderForm();
    expect(await screen.findByLabelText('EIO: execution: Length')).toHaveValue('90');
    expect(screen.getByLabelText('European Production Order, emergency: Length')).toHaveValue('8');
    expect(screen.getByRole('combobox', { name: 'EIO: execution: Counted in' })).toHaveValue('Calendar days');
    // A preservation is counted in calendar days only, and has an extension.
    expect(screen.queryByLabelText('Preservation: Counted in')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Preservation in the United States: One extension')).toHaveValue('90');
    expect(
      await screen.findByText('Acknowledgement from abroad: 30 days; news from abroad: 90 days (reminder times).'),
    ).toBeInTheDocument();
    const weekend = screen.getByRole('group', { name: /Weekend days/ });
    expect(within(weekend).getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
    expect(within(weekend).getByRole('checkbox', { name: 'Sunday' })).toBeChecked();
    expect(within(weekend).getByRole('checkbox', { name: 'Friday' })).not.toBeChecked();
    expect(screen.getByRole('listitem')).toHaveTextContent('Dec 25, 2026');
    expect((screen.getByRole('combobox', { name: /Time zone of the office/ }) as HTMLInputElement).value).toMatch(
      /^This computer’s zone \(.+\)$/,
    );
  });

  it('saves the lengths, the weekend and the holidays as chosen', async () => {
    const { calls } = renderForm();
    const length = await screen.findByLabelText('EIO: execution: Length');
    await userEvent.clear(length);
    await userEvent.type(length, '60');
    await userEvent.click(screen.getByRole('combobox', { name: 'EIO: execution: Counted in' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Working days' }));
    const weekend = screen.getByRole('group', { name: /Weekend days/ });
    await userEvent.click(within(weekend).getByRole('checkbox', { name: 'Sunday' }));
    await userEvent.click(within(weekend).getByRole('checkbox', { name: 'Friday' }));
    await userEvent.type(screen.getByLabelText('Holiday to add'), '2026-05-01');
    await userEvent.click(screen.getByRole('button', { name: 'Add the holiday' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Dec 25, 2026' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the clocks' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'clocks.saveSettings')).toBe(true));
    expect(calls.find((c) => c.channel === 'clocks.saveSettings')?.input).toEqual({
      ...stored,
      lengths: { ...stored.lengths, eioExecution: { length: 60, unit: 'working_days' } },
      weekendDays: [5, 6],
      holidays: ['2026-05-01'],
    });
  });

  it('names what is wrong beside the field, and saves nothing', async () => {
    const { calls } = renderForm();
    const length = await screen.findByLabelText('EIO: decision on recognition: Length');
    await userEvent.clear(length);
    const weekend = screen.getByRole('group', { name: /Weekend days/ });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await userEvent.click(within(weekend).getByRole('checkbox', { name: day }));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Save the clocks' }));
    expect(await within(form()).findByText('must leave at least one working day in the week')).toBeInTheDocument();
    expect(screen.getByLabelText('EIO: decision on recognition: Length')).toHaveAccessibleDescription(
      /must be a number of days/,
    );
    expect(calls.map((c) => c.channel)).not.toContain('clocks.saveSettings');
  });

  it('refuses a holiday listed twice before it is added', async () => {
    renderForm();
    await userEvent.type(await screen.findByLabelText('Holiday to add'), '2026-12-25');
    await userEvent.click(screen.getByRole('button', { name: 'Add the holiday' }));
    expect(screen.getByLabelText('Holiday to add')).toHaveAccessibleDescription('lists the same day twice');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows the register’s refusal beside its field', async () => {
    renderForm({
      'clocks.saveSettings': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Please check: timeZone.',
          fields: [{ field: 'timeZone', message: 'must be a time zone', key: 'clock.field.timeZone' }],
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save the clocks' }));
    expect(await screen.findByRole('combobox', { name: /Time zone of the office/ })).toHaveAccessibleDescription(
      /must be a time zone of the IANA database, e\.g\. Europe\/Paris/,
    );
  });

  it('lets the other roles read the settings but not change them', async () => {
    renderScreen(
      <SessionContext value={sessionAs('clerk')}>
        <ClockSettingsSection />
      </SessionContext>,
      { 'clocks.settings': () => ok(stored), 'settings.get': () => ok(DEFAULT_SETTINGS) },
    );
    expect(await screen.findByLabelText('EIO: execution: Length')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save the clocks' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeDisabled();
  });
});
