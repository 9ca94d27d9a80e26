import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../contract/settings.ts';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen.tsx';
import { ok, renderScreen } from './render.tsx';

const stored: Settings = { ...DEFAULT_SETTINGS, officeName: 'Central Authority' };

function renderSettings(extra: Parameters<typeof renderScreen>[1] = {}) {
  return renderScreen(<SettingsScreen today="2026-03-10" />, {
    'settings.get': () => ok(stored),
    'settings.update': (input) => ok({ ...stored, ...(input as Partial<Settings>) }),
    ...extra,
  });
}

const preview = () => screen.getByRole('table', { name: 'Preview' });

async function retype(label: RegExp | string, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  // user-event reads { and [ as key descriptors; doubling them types them as text.
  if (text !== '') await userEvent.type(input, text.replaceAll('{', '{{').replaceAll('[', '[['));
}

describe('SettingsScreen', () => {
  it('shows the stored settings and previews the references their pattern gives', async () => {
    renderSettings();
    expect(await screen.findByLabelText('Office name')).toHaveValue('Central Authority');
    expect(screen.getByLabelText(/Reference pattern/)).toHaveValue('{KIND}-{DIR}-{YYYY}-{SEQ:5}');
    expect(within(preview()).getByRole('row', { name: /Incoming · Mutual legal assistance/ })).toHaveTextContent(
      'MLA-IN-2026-00001',
    );
    expect(within(preview()).getByText('PRE-OUT-2026-00001')).toBeInTheDocument();
    expect(screen.getByLabelText(/Acknowledgement from abroad expected within/)).toHaveValue('30');
  });

  it('updates the preview as the pattern is typed', async () => {
    renderSettings();
    await screen.findByLabelText(/Reference pattern/);
    await retype(/Reference pattern/, 'CA/{YYYY}/{KIND}-{DIR}/{SEQ:3}');
    expect(within(preview()).getByText('CA/2026/MLA-IN/001')).toBeInTheDocument();
    expect(within(preview()).getByText('CA/2026/EDR-IN/001')).toBeInTheDocument();
    expect(screen.queryByText('MLA-IN-2026-00001')).not.toBeInTheDocument();
  });

  it('names what a bad pattern lacks while it is typed, and saves nothing', async () => {
    const { calls } = renderSettings();
    await screen.findByLabelText(/Reference pattern/);
    await retype(/Reference pattern/, '{KIND}-{YYYY}-{SEQ}');
    expect(
      screen.getByText('must contain {KIND}, {DIR} and {YYYY}, so that references stay unique'),
    ).toBeInTheDocument();
    expect(screen.getByText('The preview appears once the pattern is valid.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Preview' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Please correct the fields marked in red.')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'settings.update')).toBe(false);
  });

  it('refuses a reminder time below one day, beside its field', async () => {
    const { calls } = renderSettings();
    await screen.findByLabelText(/Reply from abroad expected within/);
    await retype(/Reply from abroad expected within/, '0');
    await retype(/Warn before a preservation ends/, '');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('must be at least 1 day')).toBeInTheDocument();
    expect(screen.getByText('must be a number of days')).toBeInTheDocument();
    expect(screen.getByLabelText(/Reply from abroad expected within/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.channel === 'settings.update')).toBe(false);
  });

  it('saves every setting as typed', async () => {
    const { calls } = renderSettings();
    await screen.findByLabelText('Office name');
    await retype('Office name', 'Ministry of Justice — International Cooperation');
    await retype(/Reference pattern/, '{YYYY}-{KIND}{DIR}-{SEQ:4}');
    await retype(/Warn before a counterpart’s deadline/, '21');
    await retype(/Lock the screen after/, '10');
    await retype(/Wrong passwords before an account locks/, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'settings.update')?.input).toEqual({
        officeName: 'Ministry of Justice — International Cooperation',
        referencePattern: '{YYYY}-{KIND}{DIR}-{SEQ:4}',
        acknowledgementDays: 30,
        replyAbroadDays: 90,
        preservationWarningDays: 14,
        deadlineWarningDays: 21,
        lockoutAttempts: 4,
        lockoutMinutes: 15,
        idleMinutes: 10,
      }),
    );
  });

  it('shows the register’s refusal of a setting beside its field', async () => {
    renderSettings({
      'settings.update': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Please check: officeName.',
          fields: [{ field: 'officeName', message: 'must be at most 200 characters' }],
        },
      }),
    });
    await screen.findByLabelText('Office name');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('must be at most 200 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Office name')).toHaveAttribute('aria-invalid', 'true');
  });
});
