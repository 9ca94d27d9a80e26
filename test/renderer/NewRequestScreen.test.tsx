import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NewRequestScreen } from '../../renderer/src/screens/NewRequestScreen.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

async function chooseCountry(name: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('combobox', { name: /Counterpart country/ }));
  await user.type(screen.getByRole('combobox', { name: /Counterpart country/ }), name.slice(0, 5));
  await user.click(await screen.findByRole('option', { name: new RegExp(name) }));
}

describe('NewRequestScreen', () => {
  it('names the missing fields and calls nothing when saved empty', async () => {
    const { calls } = renderScreen(<NewRequestScreen today="2026-03-10" />);
    await userEvent.click(screen.getByRole('button', { name: 'Register request' }));
    expect(await screen.findByText('Please correct the fields marked in red.')).toBeInTheDocument();
    expect(screen.getByText('must be an ISO 3166-1 alpha-2 country code')).toBeInTheDocument();
    expect(screen.getByText('is required for an incoming request (the day it was received)')).toBeInTheDocument();
    expect(calls.filter((c) => c.channel === 'requests.register')).toHaveLength(0);
  });

  it('registers with the values typed, and opens the new request', async () => {
    const { calls } = renderScreen(<NewRequestScreen today="2026-03-10" />, {
      'requests.register': () => ok(detail({ id: 7, reference: 'MLA-IN-2026-00007' })),
    });
    await chooseCountry('Lebanon');
    await userEvent.type(screen.getByLabelText(/Received on/), '2026-03-09');
    await userEvent.type(screen.getByLabelText('Their reference'), '  LB/77  ');
    await userEvent.click(screen.getByRole('button', { name: 'Register request' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/7'));
    const call = calls.find((c) => c.channel === 'requests.register');
    expect(call?.input).toMatchObject({
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'LB',
      openedOn: '2026-03-09',
      counterpartReference: '  LB/77  ',
      serviceProvider: '',
    });
  });

  it('shows the field problems the register reports, beside their fields', async () => {
    renderScreen(<NewRequestScreen today="2026-03-10" />, {
      'requests.register': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Please check: counterpartReference.',
          fields: [{ field: 'counterpartReference', message: 'must be at most 120 characters' }],
        },
      }),
    });
    await chooseCountry('France');
    await userEvent.type(screen.getByLabelText(/Received on/), '2026-03-09');
    await userEvent.click(screen.getByRole('button', { name: 'Register request' }));
    expect(await screen.findByText('must be at most 120 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Their reference')).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks an outgoing request for no receipt date and an e-evidence request for its provider', async () => {
    renderScreen(<NewRequestScreen />);
    expect(screen.queryByRole('combobox', { name: 'Service provider' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Outgoing' }));
    expect(screen.queryByLabelText(/Received on/)).not.toBeInTheDocument();
    expect(screen.getByText(/starts as a draft/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: /Kind/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Preservation of data' }));
    expect(screen.getByRole('combobox', { name: 'Service provider' })).toBeInTheDocument();
  });

  it('keeps typed text when the screen is left and opened again', async () => {
    const first = renderScreen(<NewRequestScreen />);
    await userEvent.type(screen.getByLabelText('Summary of facts'), 'Seized phone, chat logs');
    first.unmount();
    renderScreen(<NewRequestScreen />);
    expect(screen.getByLabelText('Summary of facts')).toHaveValue('Seized phone, chat logs');
  });
});
