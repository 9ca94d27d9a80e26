import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { RequestClocks } from '../../contract/clock-results.ts';
import { ClocksPanel } from '../../renderer/src/screens/request/ClocksPanel.tsx';
import { computedClock, emergencyOverdue } from './clock-fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const reading = (clocks: RequestClocks['clocks']): RequestClocks => ({
  now: '2026-03-29T09:30:00.000Z',
  today: '2026-03-29',
  timeZone: 'Europe/Paris',
  clocks,
});

/** Each row of the panel's table as [clock, due, time left], and its state. */
async function rows() {
  const table = await screen.findByRole('table', { name: 'Clocks' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => ({
      cells: [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
      state: row.getAttribute('data-state'),
    }));
}

describe('the Clocks panel of a request', { timeout: 30_000 }, () => {
  it('names each clock, when it falls due in the office’s zone, and the time left', async () => {
    const { calls } = renderScreen(<ClocksPanel requestId={7} version={3} />, {
      'clocks.ofRequest': () =>
        ok(
          reading([
            computedClock({
              clock: 'counterpartDeadline',
              unit: 'date',
              length: null,
              dueOn: '2026-03-29',
              daysLeft: 0,
              state: 'dueSoon',
            }),
            emergencyOverdue,
            computedClock({ clock: 'eioDecision', daysLeft: 3, dueOn: '2026-04-01', state: 'dueSoon' }),
            computedClock({ clock: 'eioExecution', daysLeft: 1, dueOn: '2026-03-30' }),
          ]),
        ),
    });
    expect(await rows()).toEqual([
      { cells: ['Their deadline', 'Mar 29, 2026', 'Due today'], state: 'dueSoon' },
      // 8 real hours after 21:30 on the night the clocks go forward: 06:30 in Paris.
      {
        cells: ['European Production Order, emergency', 'Mar 29, 2026, 6:30 AM', 'Overdue by 5 hours'],
        state: 'overdue',
      },
      { cells: ['EIO: decision on recognition', 'Apr 1, 2026', '3 days left'], state: 'dueSoon' },
      { cells: ['EIO: execution', 'Mar 30, 2026', '1 day left'], state: 'running' },
    ]);
    expect(screen.getByText(/office’s calendar \(Europe\/Paris\)/)).toBeInTheDocument();
    expect(calls).toEqual([{ channel: 'clocks.ofRequest', input: { id: 7 } }]);
  });

  it('shows in red what is overdue, and greys the clocks that have stopped or not started', async () => {
    renderScreen(<ClocksPanel requestId={7} version={3} />, {
      'clocks.ofRequest': () =>
        ok(
          reading([
            emergencyOverdue,
            computedClock({
              clock: 'acknowledgement',
              state: 'stopped',
              stoppedOn: '2026-02-20',
              stopReason: 'status',
              msLeft: null,
              daysLeft: null,
            }),
            computedClock({
              clock: 'preservation',
              state: 'stopped',
              stopReason: 'followUp',
              unit: 'date',
              msLeft: null,
              daysLeft: null,
            }),
            computedClock({
              clock: 'replyAbroad',
              state: 'pending',
              dueOn: null,
              dueAt: null,
              msLeft: null,
              daysLeft: null,
            }),
          ]),
        ),
    });
    const found = await rows();
    expect(found.map((r) => r.cells[2])).toEqual([
      'Overdue by 5 hours',
      'Stopped on Feb 20, 2026',
      'Stopped: a follow-up request is linked',
      'Starts when it is sent',
    ]);
    expect(screen.getByText('Overdue by 5 hours')).toHaveStyle({ color: 'var(--mantine-color-red-text)' });
    for (const text of ['Acknowledgement from abroad', 'Stopped on Feb 20, 2026', 'Starts when it is sent']) {
      expect(screen.getByText(text)).toHaveStyle({ color: 'var(--mantine-color-dimmed)' });
    }
  });

  it('says when a preservation’s end is an estimate, and how it can still be extended', async () => {
    renderScreen(<ClocksPanel requestId={7} version={3} />, {
      'clocks.ofRequest': () =>
        ok(
          reading([
            computedClock({
              clock: 'preservationUs',
              estimated: true,
              length: 90,
              dueOn: '2026-05-02',
              daysLeft: 34,
              extension: { days: 90, left: 1 },
            }),
            computedClock({
              clock: 'preservationEu',
              unit: 'date',
              length: null,
              dueOn: '2026-04-30',
              daysLeft: 32,
              extension: { days: 30, left: 0 },
            }),
          ]),
        ),
    });
    const [us, eu] = await rows();
    expect(us?.cells[0]).toBe(
      'Preservation in the United StatesestimatedNo preserved-until date is recorded: counted from the day the request was sent or receivedEach extension adds 90 days · 1 extension left',
    );
    expect(eu?.cells[0]).toBe('European Preservation OrderEach extension adds 30 days · No extension left');
  });

  it('reads the clocks again when the request changes (a new version)', async () => {
    function Changing() {
      const [version, setVersion] = useState(3);
      return (
        <>
          <button type="button" onClick={() => setVersion((v) => v + 1)}>
            change
          </button>
          <ClocksPanel requestId={7} version={version} />
        </>
      );
    }
    let reads = 0;
    renderScreen(<Changing />, {
      'clocks.ofRequest': () => {
        reads += 1;
        return ok(reading([computedClock({ clock: 'eioDecision', daysLeft: reads === 1 ? 3 : 40 })]));
      },
    });
    expect(await screen.findByText('3 days left')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'change' }));
    expect(await screen.findByText('40 days left')).toBeInTheDocument();
    expect(reads).toBe(2);
  });

  it('says when no legal clock applies', async () => {
    renderScreen(<ClocksPanel requestId={7} version={3} />, { 'clocks.ofRequest': () => ok(reading([])) });
    expect(await screen.findByText('No legal clock applies to this request.')).toBeInTheDocument();
  });

  it('shows why the clocks could not be read', async () => {
    renderScreen(<ClocksPanel requestId={7} version={3} />, {
      'clocks.ofRequest': () => ({ ok: false, error: { code: 'denied', message: 'This request is not yours.' } }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('This request is not yours.');
  });
});
