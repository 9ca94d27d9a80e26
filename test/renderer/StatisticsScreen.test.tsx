import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement, cloneElement } from 'react';
import type * as Recharts from 'recharts';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../contract/channels.ts';
import type { Role } from '../../contract/roles.ts';
import type { StatisticsSnapshot, YearFigures } from '../../contract/statistics.ts';
import { StatisticsScreen } from '../../renderer/src/screens/statistics/StatisticsScreen.tsx';
import sample from '../fixtures/register-sample.stats-2025.json';
import { ok, renderScreen } from './render.tsx';

// jsdom lays nothing out, so a ResponsiveContainer measures 0 × 0 and draws no bars: give the chart a size.
vi.mock('recharts', async (original) => ({
  ...(await original<typeof Recharts>()),
  ResponsiveContainer: ({ children }: { children: ReactElement<{ width?: number; height?: number }> }) =>
    cloneElement(children, { width: 800, height: 600 }),
}));

// The engine's expected figures for the sample register: real numbers, 34 countries in incoming MLA.
const figures = sample as YearFigures;
const incomingMla = figures.groups.find((g) => g.direction === 'incoming' && g.kind === 'mla');
if (!incomingMla) throw new Error('the fixture has no incoming MLA group');

function info(roles: Role[] = ['manager']): AppInfo {
  return {
    name: 'MLA Desk',
    version: '1.0.0',
    schemaVersion: 1,
    databaseFile: '/tmp/register.sqlite',
    actor: { name: 'Maria Manager', roles },
    today: '2026-03-10',
  };
}

function snapshot(over: Partial<StatisticsSnapshot> = {}): StatisticsSnapshot {
  return {
    id: 1,
    year: 2025,
    label: 'Sent to the ministry',
    definitions: 'annual-statistics.md (2026)',
    createdAt: '2026-01-15T09:30:00.000Z',
    createdBy: 'Maria Manager',
    figures,
    ...over,
  };
}

function fakes(options: { roles?: Role[]; snapshots?: () => StatisticsSnapshot[] } = {}) {
  return {
    'app.info': () => ok(info(options.roles)),
    'statistics.years': () => ok({ from: 2023, to: 2026 }),
    'statistics.year': () => ok(figures),
    'statistics.trend': () =>
      ok([
        { year: 2024, opened: 40, closed: 30, pendingEnd: 16 },
        { year: 2025, opened: 52, closed: 35, pendingEnd: 33 },
      ]),
    'statistics.snapshots': () => ok(options.snapshots?.() ?? []),
    'statistics.freeze': (input: unknown) => ok(snapshot({ label: (input as { label: string }).label })),
  };
}

/** The number shown under a headline figure's name. */
function headline(name: string): string | null {
  const term = within(screen.getByTestId('headline')).getByText(name);
  return term.nextElementSibling?.textContent ?? null;
}

describe('StatisticsScreen', () => {
  it('opens on the last complete year and shows the headline numbers of incoming MLA', async () => {
    const { calls } = renderScreen(<StatisticsScreen />, fakes());
    await screen.findByTestId('headline');
    expect(calls.find((c) => c.channel === 'statistics.year')?.input).toEqual({ year: 2025 });
    expect(headline('Opened')).toBe('52');
    expect(headline('Closed')).toBe('35');
    expect(headline('Pending on 1 January')).toBe('16');
    expect(headline('Pending on 31 December')).toBe('33');
    expect(headline('Median days to close')).toBe('101.0');
    expect(headline('Reopened')).toBe('0');
    const outcomes = screen.getByRole('table', { name: 'Requests closed in 2025 by outcome' });
    expect(within(outcomes).getByRole('row', { name: /Lapsed/ })).toHaveTextContent('8');
  });

  it('shows the 15 countries with most requests, then the others summed into one row', async () => {
    renderScreen(<StatisticsScreen />, fakes());
    const table = await screen.findByRole('table', { name: /Requests by counterpart country, 2025/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(16);
    // Most opened first; ties by closed, then pending, then code (so "Other" is always the same).
    const sorted = Object.entries(incomingMla.byCountry)
      .sort(
        ([ca, a], [cb, b]) =>
          b.opened - a.opened || b.closed - a.closed || b.pendingEnd - a.pendingEnd || ca.localeCompare(cb),
      )
      .map(([, f]) => f);
    const rest = sorted.slice(15);
    const sum = (k: 'opened' | 'closed' | 'pendingEnd') => rest.reduce((n, c) => n + c[k], 0);
    const other = rows[15];
    expect(other).toHaveTextContent(`Other countries (${rest.length})`);
    const cells = within(other as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([String(sum('opened')), String(sum('closed')), String(sum('pendingEnd'))]);
    // Every request opened in the year is in one of the rows.
    const opened = rows.map((r) => Number(within(r).getAllByRole('cell')[0]?.textContent));
    expect(opened.reduce((a, b) => a + b, 0)).toBe(
      Object.values(incomingMla.byCountry).reduce((n, c) => n + c.opened, 0),
    );
  });

  it('opens the register filtered on a country from its link', async () => {
    renderScreen(<StatisticsScreen />, fakes());
    const link = await screen.findByRole('link', { name: 'Spain: Show these requests in the register' });
    const href = '#/register?direction=incoming&kind=mla&country=ES&from=2025-01-01&to=2025-12-31';
    expect(link).toHaveAttribute('href', href);
    fireEvent.click(link);
    await waitFor(() => expect(window.location.hash).toBe(href));
    expect(screen.getByRole('link', { name: /^07 Acts involving fraud.*: Show these requests/ })).toHaveAttribute(
      'href',
      '#/register?direction=incoming&kind=mla&offence=07&from=2025-01-01&to=2025-12-31',
    );
  });

  it('opens the same register address from a bar of the chart', async () => {
    renderScreen(<StatisticsScreen />, fakes());
    const section = await screen.findByRole('region', { name: 'By counterpart country' });
    await waitFor(() => expect(section.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0));
    // The first bar of the first series ("opened") is the country at the top of the table.
    const first = within(section).getAllByRole('link')[0];
    const bar = section.querySelector('.recharts-bar-rectangle path');
    if (!bar) throw new Error('no bar drawn');
    fireEvent.click(bar);
    await waitFor(() => expect(window.location.hash).toBe(first?.getAttribute('href')));
  });

  it('exports the year as a file, saying so while it is written', async () => {
    const user = userEvent.setup();
    let finish: () => void = () => {};
    const written = new Promise<void>((resolve) => (finish = resolve));
    const { calls } = renderScreen(<StatisticsScreen />, {
      ...fakes(),
      'statistics.export': async () => {
        await written;
        return ok({ name: 'statistics-2025.xlsx', bytes: 1200, path: null, downloadId: null });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'XLSX' }));
    expect(await screen.findByText('Writing the XLSX file…')).toBeInTheDocument();
    expect(calls.find((c) => c.channel === 'statistics.export')?.input).toEqual({
      year: 2025,
      format: 'xlsx',
      language: 'en',
      target: { kind: 'download' },
    });
    finish();
    expect(await screen.findByText('Saved statistics-2025.xlsx.')).toBeInTheDocument();
    // The notice comes from the save itself; the status line goes once the button's own work settles.
    await waitFor(() => expect(screen.queryByText('Writing the XLSX file…')).not.toBeInTheDocument());
  });

  it('freezes the figures under a label the manager gives', async () => {
    const user = userEvent.setup();
    let frozen: StatisticsSnapshot[] = [];
    const { calls } = renderScreen(<StatisticsScreen />, fakes({ snapshots: () => frozen }));
    await screen.findByText('No figures of 2025 have been frozen yet.');
    await user.click(screen.getByRole('button', { name: 'Freeze figures…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Freeze the figures of 2025' });
    await user.click(within(dialog).getByRole('button', { name: 'Freeze' }));
    expect(within(dialog).getByText('is required')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'statistics.freeze')).toBe(false);
    frozen = [snapshot({ label: 'Annual report' })];
    await user.type(within(dialog).getByRole('textbox', { name: /Label/ }), 'Annual report');
    await user.click(within(dialog).getByRole('button', { name: 'Freeze' }));
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'statistics.freeze')?.input).toEqual({
        year: 2025,
        label: 'Annual report',
      }),
    );
    expect(await screen.findByText(/^Annual report, frozen on/)).toBeInTheDocument();
    expect(screen.getByText('The live figures are still the same.')).toBeInTheDocument();
  });

  it('does not offer freezing to a clerk', async () => {
    renderScreen(<StatisticsScreen />, fakes({ roles: ['clerk'] }));
    expect(await screen.findByText('Only managers can freeze figures.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Freeze figures…' })).not.toBeInTheDocument();
  });

  it('shows where the live figures differ from a frozen snapshot', async () => {
    const old: YearFigures = {
      year: 2025,
      groups: figures.groups.map((g) =>
        g === incomingMla
          ? { ...g, opened: 50, byCountry: { ...g.byCountry, ES: { opened: 3, closed: 5, pendingEnd: 0 } } }
          : g,
      ),
    };
    renderScreen(<StatisticsScreen />, fakes({ snapshots: () => [snapshot({ figures: old })] }));
    const table = await screen.findByRole('table', {
      name: 'Where the live figures differ from “Sent to the ministry”',
    });
    expect(screen.getByText('The live figures differ in 2 places:')).toBeInTheDocument();
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Incoming, Mutual legal assistance', 'Opened', '50', '52'],
      ['Incoming, Mutual legal assistance', 'Opened, country: Spain', '3', '4'],
    ]);
  });
});
