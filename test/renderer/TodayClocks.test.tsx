import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DueClocks } from '../../contract/clock-results.ts';
import type { Today } from '../../contract/dashboard.ts';
import { TodayScreen } from '../../renderer/src/screens/TodayScreen.tsx';
import { computedClock, emergencyOverdue } from './clock-fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const today: Today = {
  today: '2026-03-29',
  me: 'Amina Clerk',
  total: 12,
  counts: { unreviewed: 0, waiting: 0, preservationExpiring: 0, urgent: 0, deadlineSoon: 0, overdue: 0, mine: 0 },
  days: { acknowledgementDays: 30, replyAbroadDays: 90, preservationWarningDays: 14, deadlineWarningDays: 14 },
};

function due(overrides: Partial<DueClocks> = {}): DueClocks {
  return {
    now: '2026-03-29T09:30:00.000Z',
    today: '2026-03-29',
    timeZone: 'Europe/Paris',
    overdue: 3,
    dueSoon: 1,
    shown: 3,
    requests: [
      {
        id: 41,
        reference: 'EDR-OUT-2026-00012',
        direction: 'outgoing',
        kind: 'emergency_disclosure',
        counterpartCountry: 'IE',
        clocks: [emergencyOverdue],
      },
      {
        id: 7,
        reference: 'MLA-OUT-2025-00301',
        direction: 'outgoing',
        kind: 'mla',
        counterpartCountry: 'FR',
        clocks: [
          computedClock({
            clock: 'acknowledgement',
            state: 'overdue',
            dueOn: '2026-03-20',
            daysLeft: -9,
            msLeft: -9 * 86_400_000,
          }),
          computedClock({
            clock: 'replyAbroad',
            state: 'dueSoon',
            dueOn: '2026-04-02',
            daysLeft: 4,
            msLeft: 4 * 86_400_000,
          }),
        ],
      },
    ],
    ...overrides,
  };
}

describe('the legal clocks on the Today dashboard', { timeout: 30_000 }, () => {
  it('counts the clocks overdue and due soon, and lists the most pressing, each opening its request', async () => {
    renderScreen(<TodayScreen />, { 'dashboard.today': () => ok(today), 'dashboard.clocks': () => ok(due()) });
    const section = await screen.findByRole('region', { name: 'Legal clocks' });
    expect(await within(section).findByText('3 overdue, 1 due soon')).toBeInTheDocument();
    const table = within(section).getByRole('table', { name: 'Legal clocks overdue or due soon, most pressing first' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      [
        'EDR-OUT-2026-00012Emergency disclosure · Ireland',
        'European Production Order, emergency',
        'Mar 29, 2026, 6:30 AM',
        'Overdue by 5 hours',
      ],
      [
        'MLA-OUT-2025-00301Mutual legal assistance · France',
        'Acknowledgement from abroad',
        'Mar 20, 2026',
        'Overdue by 9 days',
      ],
      // The request is named once for its clocks.
      ['News from abroad', 'Apr 2, 2026', '4 days left'],
    ]);
    expect(within(table).getByRole('link', { name: 'MLA-OUT-2025-00301' })).toHaveAttribute('href', '#/requests/7');
    expect(within(section).getByText('The 3 most pressing clocks are listed.')).toBeInTheDocument();
  });

  it('says when no clock is overdue or due soon', async () => {
    renderScreen(<TodayScreen />, {
      'dashboard.today': () => ok(today),
      'dashboard.clocks': () => ok(due({ overdue: 0, dueSoon: 0, shown: 0, requests: [] })),
    });
    const section = await screen.findByRole('region', { name: 'Legal clocks' });
    expect(await within(section).findByText('No legal clock is overdue or due soon.')).toBeInTheDocument();
    expect(within(section).getByText('0 overdue, 0 due soon')).toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows nothing of the clocks on an empty register', async () => {
    const { calls } = renderScreen(<TodayScreen />, { 'dashboard.today': () => ok({ ...today, total: 0 }) });
    expect(await screen.findByText(/The register is empty/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Legal clocks' })).not.toBeInTheDocument();
    expect(calls.map((c) => c.channel)).toEqual(['dashboard.today']);
  });
});
