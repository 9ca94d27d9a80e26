import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../contract/requests.ts';
import { NewRequestScreen } from '../../renderer/src/screens/NewRequestScreen.tsx';
import { RequestScreen } from '../../renderer/src/screens/RequestScreen.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

/** An outgoing MLA draft holding every essential but its purpose. */
function draft(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return detail({
    reference: 'MLA-OUT-2026-00001',
    direction: 'outgoing',
    status: 'draft',
    openedOn: null,
    domesticAuthority: 'Parquet de Paris',
    proceedingsNature: 'Investigation into fraud',
    conductingAuthority: 'Juge d’instruction',
    summary: 'Funds moved abroad',
    assistance: ['records'],
    moves: [
      { to: 'under_review', needs: [], reopening: false },
      { to: 'withdrawn', needs: [], reopening: false },
    ],
    history: [
      {
        id: 1,
        recordedAt: '2026-03-02T10:00:00.000Z',
        effectiveOn: '2026-03-02',
        actor: 'Amina',
        fromStatus: null,
        toStatus: 'draft',
        note: null,
      },
    ],
    ...overrides,
  });
}

const panel = () => screen.getByRole('region', { name: 'Completeness' });

beforeEach(() => localStorage.clear());

describe('drafting an outgoing request', () => {
  it('shows the check live on a new outgoing request, and takes the keyboard to a missing field', async () => {
    renderScreen(<NewRequestScreen today="2026-03-10" />);
    expect(screen.queryByRole('region', { name: 'Completeness' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Outgoing' }));
    expect(within(panel()).getByRole('status')).toHaveTextContent('6 essential elements missing');

    await userEvent.click(within(panel()).getByRole('button', { name: 'Complete: Purpose of the evidence' }));
    const purpose = screen.getByRole('textbox', { name: /Purpose of the evidence/ });
    expect(purpose).toHaveFocus();
    await userEvent.type(purpose, 'To trace the funds');
    expect(within(panel()).getByRole('status')).toHaveTextContent('5 essential elements missing');
    expect(within(panel()).getByText('Purpose of the evidence').closest('li')).toHaveTextContent(/: present/);
  });

  it('lists what a draft lacks before it moves on, and moves it on only with a reason', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(draft()),
      'requests.transition': () =>
        ok(
          draft({
            status: 'under_review',
            version: 2,
            moves: [],
            history: [
              ...draft().history,
              {
                id: 2,
                recordedAt: '2026-03-10T10:00:00.000Z',
                effectiveOn: '2026-03-10',
                actor: 'Amina',
                fromStatus: 'draft',
                toStatus: 'under_review',
                note: null,
                override: { reason: 'Purpose in the covering letter', missing: ['purpose'] },
              },
            ],
          }),
        ),
    });
    expect(within(await screen.findByRole('region', { name: 'Completeness' })).getByRole('status')).toHaveTextContent(
      '1 essential element missing',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Under review' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('list', { name: /lacks what it must contain/ })).toHaveTextContent(
      'Purpose of the evidence',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move on anyway' }));
    expect(await within(dialog).findByText('Give a reason, or complete the request first.')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'requests.transition')).toBe(false);

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason to move it on anyway/ }),
      'Purpose in the covering letter',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move on anyway' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'requests.transition')).toBe(true));
    expect(calls.find((c) => c.channel === 'requests.transition')?.input).toMatchObject({
      to: 'under_review',
      overrideReason: 'Purpose in the covering letter',
    });

    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    expect(screen.getByText('Moved on without: Purpose of the evidence')).toBeInTheDocument();
    expect(screen.getByText('Purpose in the covering letter')).toBeInTheDocument();
  });

  it('asks no reason of a complete draft, and sends none', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(draft({ purpose: 'To trace the funds' })),
      'requests.transition': () => ok(draft({ purpose: 'To trace the funds', status: 'under_review', moves: [] })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Under review' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('textbox', { name: /Reason to move it on anyway/ })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'requests.transition')).toBe(true));
    expect(calls.find((c) => c.channel === 'requests.transition')?.input).toMatchObject({ overrideReason: null });
  });

  it('leaves the move to complete the request, with the keyboard in the missing field', async () => {
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, { 'requests.get': () => ok(draft()) });
    await userEvent.click(await screen.findByRole('button', { name: 'Under review' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Complete the request' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Purpose of the evidence/ })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeInTheDocument();
  });

  it('shows no check on an incoming request or an outgoing one already sent', async () => {
    const { unmount } = renderScreen(<RequestScreen id={1} />, { 'requests.get': () => ok(detail()) });
    expect(await screen.findByRole('heading', { name: 'MLA-IN-2026-00001' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Completeness' })).not.toBeInTheDocument();
    unmount();
    renderScreen(<RequestScreen id={1} />, { 'requests.get': () => ok(draft({ status: 'sent', moves: [] })) });
    expect(await screen.findByRole('heading', { name: 'MLA-OUT-2026-00001' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Completeness' })).not.toBeInTheDocument();
  });
});
