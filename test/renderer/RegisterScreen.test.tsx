import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RegisterScreen } from '../../renderer/src/screens/RegisterScreen.tsx';
import { summary } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

describe('RegisterScreen', () => {
  it('lists the requests with their status, country and a link to each', async () => {
    renderScreen(<RegisterScreen query={new URLSearchParams()} />, {
      'requests.list': () =>
        ok({
          rows: [
            summary(),
            summary({
              id: 2,
              reference: 'PRE-OUT-2026-00001',
              direction: 'outgoing',
              kind: 'preservation',
              status: 'draft',
              counterpartCountry: 'US',
              openedOn: null,
            }),
          ],
          total: 2,
        }),
    });
    const link = await screen.findByRole('link', { name: 'MLA-IN-2026-00001' });
    expect(link).toHaveAttribute('href', '#/requests/1');
    const row = screen.getByRole('row', { name: /PRE-OUT-2026-00001/ });
    expect(within(row).getByText('Draft')).toBeInTheDocument();
    expect(within(row).getByText('United States of America')).toBeInTheDocument();
    expect(within(row).getByText('Not yet sent')).toBeInTheDocument();
    expect(screen.getByText('2 requests')).toBeInTheDocument();
  });

  it('says the register is empty, and passes the filters of the address to the query', async () => {
    const { calls } = renderScreen(<RegisterScreen query={new URLSearchParams('state=open&kind=mla&country=FR')} />, {
      'requests.list': () => ok({ rows: [], total: 0 }),
    });
    expect(await screen.findByText('No request matches these filters.')).toBeInTheDocument();
    expect(calls[0]?.input).toMatchObject({ state: 'open', kind: 'mla', counterpartCountry: 'FR', offset: 0 });
  });

  it('puts a chosen filter into the address', async () => {
    renderScreen(<RegisterScreen query={new URLSearchParams()} />, {
      'requests.list': () => ok({ rows: [], total: 0 }),
    });
    await screen.findByText(/The register is empty/);
    await userEvent.click(screen.getByRole('combobox', { name: 'State' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?state=open'));
  });
});
