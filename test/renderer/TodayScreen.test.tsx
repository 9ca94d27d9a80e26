import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Today } from '../../contract/dashboard.ts';
import { TodayScreen } from '../../renderer/src/screens/TodayScreen.tsx';
import { ok, renderScreen } from './render.tsx';

function today(overrides: Partial<Today> = {}): Today {
  return {
    today: '2026-03-10',
    me: 'Amina Clerk',
    total: 12,
    counts: { unreviewed: 3, waiting: 2, preservationExpiring: 1, urgent: 4, deadlineSoon: 0, overdue: 1, mine: 5 },
    days: { acknowledgementDays: 30, replyAbroadDays: 90, preservationWarningDays: 14, deadlineWarningDays: 21 },
    ...overrides,
  };
}

describe('TodayScreen', () => {
  it('shows each count as a link to the register filtered the same way', async () => {
    renderScreen(<TodayScreen />, { 'dashboard.today': () => ok(today()) });
    const links = {
      'New, not yet reviewed: 3': '#/register?due=unreviewed',
      'Waiting too long for the other side: 2': '#/register?due=waiting',
      'Preservations expiring: 1': '#/register?due=preservationExpiring',
      'Urgent: 4': '#/register?state=open&urgency=urgent',
      'Their deadlines close: 0': '#/register?due=deadlineSoon',
      'Their deadlines passed: 1': '#/register?due=overdue',
      'Assigned to me: 5': '#/register?state=open&officer=Amina+Clerk',
    };
    for (const [name, href] of Object.entries(links)) {
      expect(await screen.findByRole('link', { name })).toHaveAttribute('href', href);
    }
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
  });

  it('says what the office\'s reminder settings make "too long" and "soon"', async () => {
    renderScreen(<TodayScreen />, { 'dashboard.today': () => ok(today()) });
    expect(
      await screen.findByText(
        'Sent and not acknowledged for more than 30 days, or no news from abroad for more than 90 days',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('A deadline the counterpart set falls within 21 days')).toBeInTheDocument();
    // The name is isolated (U+2068 … U+2069) so that it reads whole inside a sentence in any script.
    expect(screen.getByText('Open requests with \u2068Amina Clerk\u2069 as officer in charge')).toBeInTheDocument();
  });

  it('invites to register the first request when the register is empty', async () => {
    renderScreen(<TodayScreen />, { 'dashboard.today': () => ok(today({ total: 0 })) });
    expect(await screen.findByText(/The register is empty/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register a request' })).toHaveAttribute('href', '#/new');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows why the counts could not be read', async () => {
    renderScreen(<TodayScreen />, {
      'dashboard.today': () => ({ ok: false, error: { code: 'storage', message: 'The disk is full.' } }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
  });
});
