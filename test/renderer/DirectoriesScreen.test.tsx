import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CounterpartAuthority, ServiceProvider } from '../../contract/directories.ts';
import { DirectoriesScreen } from '../../renderer/src/screens/directories/DirectoriesScreen.tsx';
import { ok, renderScreen } from './render.tsx';

const AT = '2026-03-10T09:30:00.000Z';

const authorities: CounterpartAuthority[] = [
  {
    id: 1,
    country: 'DE',
    name: 'Bundesamt für Justiz',
    email: 'bfj@justiz.example',
    phone: null,
    address: null,
    notes: null,
    updatedAt: AT,
  },
  {
    id: 2,
    country: 'FR',
    name: 'BEPPI',
    email: null,
    phone: '+33 1 44 77 61 15',
    address: null,
    notes: 'Answers in French only',
    updatedAt: AT,
  },
];

const meta: ServiceProvider = {
  id: 5,
  name: 'Meta Platforms',
  country: 'US',
  lawEnforcementContact: 'Law Enforcement Online Request System',
  notes: null,
  updatedAt: AT,
};

const counterpartFakes = {
  'directories.counterpartAuthorities.list': (input: unknown) => {
    const country = (input as { country?: string }).country;
    return ok(authorities.filter((a) => country === undefined || a.country === country));
  },
};

async function openTab(name: string) {
  await userEvent.click(screen.getByRole('tab', { name }));
}

describe('DirectoriesScreen', () => {
  it('lists the counterpart authorities and narrows them to the chosen country', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, counterpartFakes);
    const table = await screen.findByRole('table', { name: 'Counterpart authorities' });
    expect(within(table).getByText('Bundesamt für Justiz')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /BEPPI/ })).toHaveTextContent('France');
    expect(within(table).getByRole('link', { name: 'bfj@justiz.example' })).toHaveAttribute(
      'href',
      'mailto:bfj@justiz.example',
    );

    const filter = screen.getByRole('combobox', { name: 'Country' });
    await userEvent.type(filter, 'Fran');
    await userEvent.click(await screen.findByRole('option', { name: 'France (FR)' }));
    await waitFor(() => expect(screen.queryByText('Bundesamt für Justiz')).not.toBeInTheDocument());
    expect(screen.getByText('BEPPI')).toBeInTheDocument();
    expect(calls.at(-1)).toEqual({ channel: 'directories.counterpartAuthorities.list', input: { country: 'FR' } });
  });

  it('adds a counterpart authority for the country the list is filtered by', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...counterpartFakes,
      'directories.counterpartAuthorities.save': (input) => ok({ ...authorities[1], ...(input as object), id: 3 }),
    });
    await userEvent.type(await screen.findByRole('combobox', { name: 'Country' }), 'Fran');
    await userEvent.click(await screen.findByRole('option', { name: 'France (FR)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add counterpart authority' }));
    const dialog = await screen.findByRole('dialog', { name: 'New counterpart authority' });
    expect(within(dialog).getByRole('combobox', { name: /Country/ })).toHaveValue('France (FR)');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Parquet de Paris');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.channel === 'directories.counterpartAuthorities.save')?.input).toMatchObject({
      country: 'FR',
      name: 'Parquet de Paris',
      email: null,
    });
  });

  it('names a bad e-mail address beside its field and sends nothing', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...counterpartFakes,
      'directories.domesticAuthorities.list': () => ok([]),
    });
    await openTab('Domestic authorities');
    expect(await screen.findByText('No domestic authority yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add domestic authority' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Cyber Unit');
    await userEvent.type(within(dialog).getByLabelText('E-mail'), 'cyber@');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('must be an e-mail address, e.g. mla@justice.example')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.channel === 'directories.domesticAuthorities.save')).toBe(false);
  });

  it('shows the register’s refusal of a duplicate under the name', async () => {
    renderScreen(<DirectoriesScreen />, {
      ...counterpartFakes,
      'directories.serviceProviders.list': () => ok([meta]),
      'directories.serviceProviders.save': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The service provider “Meta Platforms” is already in the directory.',
          fields: [{ field: 'name', message: 'is already in the directory' }],
        },
      }),
    });
    await openTab('Service providers');
    await userEvent.click(await screen.findByRole('button', { name: 'Add service provider' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'META PLATFORMS');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('is already in the directory')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('“Meta Platforms” is already in the directory');
  });

  it('corrects an entry with its id and its stored values filled in', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...counterpartFakes,
      'directories.serviceProviders.list': () => ok([meta]),
      'directories.serviceProviders.save': (input) => ok({ ...meta, ...(input as object) }),
    });
    await openTab('Service providers');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Meta Platforms' }));
    const dialog = await screen.findByRole('dialog', { name: 'Service provider' });
    const contact = within(dialog).getByLabelText(/How law enforcement reaches them/);
    expect(contact).toHaveValue('Law Enforcement Online Request System');
    await userEvent.type(contact, '; emergency: records@meta.example');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.channel === 'directories.serviceProviders.save')?.input).toEqual({
      id: 5,
      name: 'Meta Platforms',
      country: 'US',
      lawEnforcementContact: 'Law Enforcement Online Request System; emergency: records@meta.example',
      notes: null,
    });
  });

  it('deletes an entry only once the deletion is confirmed', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...counterpartFakes,
      'directories.counterpartAuthorities.delete': (input) => ok(input),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete BEPPI' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete “BEPPI”?' });
    expect(dialog).toHaveTextContent('Requests that name it keep the name.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.channel === 'directories.counterpartAuthorities.delete')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete BEPPI' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete “BEPPI”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.channel === 'directories.counterpartAuthorities.delete')?.input).toEqual({ id: 2 });
  });
});
