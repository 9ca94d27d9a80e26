import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequestScreen } from '../../renderer/src/screens/RequestScreen.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

describe('RequestScreen', () => {
  it('shows the request, its history and only the moves its workflow allows', async () => {
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, { 'requests.get': () => ok(detail()) });
    expect(await screen.findByRole('heading', { name: 'MLA-IN-2026-00001' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Under review' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refused' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Executed' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByText('Entered as “Registered”')).toBeInTheDocument();
  });

  it('names who recorded the history as the People screen names them, and keeps a name no account has', async () => {
    const base = detail();
    const request = detail({
      history: [{ ...base.history[0]!, actor: 'amina' }],
      events: [
        {
          id: 1,
          recordedAt: '2026-03-03T10:00:00.000Z',
          effectiveOn: '2026-03-03',
          actor: 'former.clerk',
          type: 'note',
          note: 'Called the prosecutor',
          details: {},
        },
      ],
    });
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(request),
      'accounts.names': () => ok([{ username: 'amina', displayName: 'Amina Benali' }]),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const history = screen.getByRole('table', { name: 'History' });
    expect(await within(history).findByText('Amina Benali')).toBeInTheDocument();
    expect(within(history).getByText('former.clerk')).toBeInTheDocument();
    expect(within(history).queryByText('amina')).not.toBeInTheDocument();
  });

  it('will not refuse without grounds, and sends the grounds chosen', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail()),
      'requests.transition': () =>
        ok(detail({ status: 'refused', version: 2, refusalGrounds: ['dual_criminality'], moves: [] })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Refused' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'requests.transition')).toBe(false);

    await userEvent.click(screen.getByRole('combobox', { name: /Grounds for refusal/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Dual criminality' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'requests.transition')).toBe(true));
    expect(calls.find((c) => c.channel === 'requests.transition')?.input).toMatchObject({
      id: 1,
      to: 'refused',
      on: '2026-03-10',
      refusalGrounds: ['dual_criminality'],
      expectedVersion: 1,
    });
    expect(await screen.findByText('Dual criminality')).toBeInTheDocument();
  });

  it('shows why the register refused a move', async () => {
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail()),
      'requests.transition': () => ({
        ok: false,
        error: { code: 'forbidden_move', message: 'MLA-IN-2026-00001 cannot go from executed to under review.' },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Under review' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/cannot go from executed to under review/)).toBeInTheDocument();
  });

  it('says so when the request does not exist', async () => {
    renderScreen(<RequestScreen id={99} />, {
      'requests.get': () => ({ ok: false, error: { code: 'not_found', message: 'There is no request with id 99.' } }),
    });
    expect(await screen.findByText('This request does not exist.')).toBeInTheDocument();
  });

  it('corrects the fields on the version it opened, and shows what the register saved', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail()),
      'requests.update': () => ok(detail({ version: 2, counterpartReference: 'FR/2026/13' })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const reference = screen.getByLabelText('Their reference');
    await userEvent.clear(reference);
    await userEvent.type(reference, 'FR/2026/13');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'requests.update')).toBe(true));
    expect(calls.find((c) => c.channel === 'requests.update')?.input).toMatchObject({
      id: 1,
      expectedVersion: 1,
      fields: { counterpartReference: 'FR/2026/13', counterpartCountry: 'FR', offences: ['07'] },
    });
    expect(await screen.findByText('FR/2026/13')).toBeInTheDocument();
  });

  it('names a missing party name before saving a correction', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, { 'requests.get': () => ok(detail()) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a person or entity' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'requests.update')).toBe(false);
  });

  it('records an event that needs a note only with one', async () => {
    const { calls } = renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail()),
      'requests.recordEvent': () => ok(detail({ version: 2 })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Record an event' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Note' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /^Note/ }), 'Called the liaison magistrate');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'requests.recordEvent')).toBe(true));
    expect(calls.find((c) => c.channel === 'requests.recordEvent')?.input).toMatchObject({
      type: 'note',
      note: 'Called the liaison magistrate',
      expectedVersion: 1,
    });
  });

  it('links another request by its reference and shows the register’s reason when it cannot', async () => {
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail()),
      'requests.link': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The link is refused.',
          fields: [{ field: 'otherReference', message: 'There is no request PRE-IN-2026-00009.' }],
        },
      }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: /Links/ }));
    await userEvent.type(screen.getByLabelText('Our reference of the other request'), 'PRE-IN-2026-00009');
    await userEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect(await screen.findByText('There is no request PRE-IN-2026-00009.')).toBeInTheDocument();
  });
});
