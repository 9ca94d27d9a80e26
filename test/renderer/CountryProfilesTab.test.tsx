import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CounterpartAuthority } from '../../contract/directories.ts';
import type { CountryProfile } from '../../contract/profiles.ts';
import { DirectoriesScreen } from '../../renderer/src/screens/directories/DirectoriesScreen.tsx';
import { SessionContext } from '../../renderer/src/session/SessionContext.tsx';
import { countryProfile, sessionAs } from './profile-fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const PROFILES: CountryProfile[] = [
  countryProfile(),
  countryProfile({
    id: 2,
    country: 'DE',
    centralAuthorityId: null,
    centralAuthority: null,
    languages: ['de', 'en'],
    channels: ['central_authority', 'judicial_network'],
    dualCriminality: 'not_required',
    dualCriminalityScope: null,
    treaties: [],
  }),
  countryProfile({ id: 3, country: 'MX', centralAuthority: null, languages: ['es'], treaties: [] }),
];

const BEPPI: CounterpartAuthority = {
  id: 4,
  country: 'FR',
  name: 'BEPPI',
  email: null,
  phone: null,
  address: null,
  notes: null,
  updatedAt: '2026-03-10T09:30:00.000Z',
};

async function openProfiles() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Country profiles' }));
  return screen.findByRole('table', { name: 'Country profiles' });
}

const listFakes = {
  'directories.counterpartAuthorities.list': () => ok([]),
  'profiles.list': () => ok(PROFILES),
};

/** Picks an option of a Mantine select or multi-select by typing part of its name. */
async function pick(label: RegExp | string, typed: string, option: RegExp | string) {
  const box = screen.queryByRole('combobox', { name: label }) ?? screen.getByRole('textbox', { name: label });
  await userEvent.type(box, typed);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the country profiles tab of the directories', { timeout: 60_000 }, () => {
  it('lists the profiles by country name with what each state accepts, and finds one by name or code', async () => {
    renderScreen(<DirectoriesScreen />, listFakes);
    const table = await openProfiles();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['France', 'Germany', 'Mexico']);
    const germany = within(table).getByRole('row', { name: /Germany/ });
    expect(germany).toHaveTextContent('German and English');
    expect(germany).toHaveTextContent('Central authority to central authority and Judicial network');
    expect(germany).toHaveTextContent('Not required');
    const france = within(table).getByRole('row', { name: /France/ });
    expect(within(france).getByText('Bureau de l’entraide pénale internationale')).toBeInTheDocument();
    expect(within(france).getByRole('link', { name: 'beppi@justice.example' })).toBeInTheDocument();
    expect(france).toHaveTextContent('UN Convention against Transnational Organized Crime since Oct 29, 2002');

    // The table goes while nothing matches a partly typed word, so each check finds it anew.
    const shown = () =>
      within(screen.getByRole('table', { name: 'Country profiles' }))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    const search = screen.getByRole('searchbox', { name: 'Search by country' });
    await userEvent.type(search, 'mexi');
    await waitFor(() => expect(shown()).toEqual(['Mexico']));
    await userEvent.clear(search);
    await userEvent.type(search, 'DE');
    await waitFor(() => expect(shown()).toEqual(['Germany']));
    await userEvent.clear(search);
    await userEvent.type(search, 'ance');
    await waitFor(() => expect(shown()).toEqual(['France']));
    await userEvent.clear(search);
    await userEvent.type(search, 'Narnia');
    expect(await screen.findByText('No country profile matches this search.')).toBeInTheDocument();
  });

  it('says so when there is no profile yet', async () => {
    renderScreen(<DirectoriesScreen />, { ...listFakes, 'profiles.list': () => ok([]) });
    await userEvent.click(await screen.findByRole('tab', { name: 'Country profiles' }));
    expect(
      await screen.findByText('No country profile yet. Add one for each state the office works with.'),
    ).toBeInTheDocument();
  });

  it('adds a profile with its central authority, languages, channels and treaties', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...listFakes,
      'profiles.list': () => ok([]),
      'directories.counterpartAuthorities.list': (input) =>
        ok((input as { country?: string }).country === 'FR' ? [BEPPI] : []),
      'profiles.save': (input) => ok(countryProfile(input as Partial<CountryProfile>)),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Country profiles' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add country profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'New country profile' });
    await pick(/^Country/, 'Fran', 'France (FR)');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Central authority' }));
    await userEvent.click(await screen.findByRole('option', { name: 'BEPPI' }));
    await pick(/Accepted languages/, 'Fren', 'French (fr)');
    await pick(/Accepted languages/, 'Engl', 'English (en)');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Accepted channels' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Central authority to central authority' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Dual criminality' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Required for coercive measures only' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Required for what/ }), 'Searches');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add treaty' }));
    const treaty = within(dialog).getByRole('group', { name: 'Treaty 1' });
    await userEvent.type(within(treaty).getByRole('combobox', { name: /Treaty or convention/ }), 'Budap');
    await userEvent.click(await screen.findByRole('option', { name: 'Budapest Convention on Cybercrime' }));
    await userEvent.type(within(treaty).getByLabelText('In force since'), '2006-05-01');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.some((c) => c.channel === 'profiles.save')).toBe(true));
    expect(calls.find((c) => c.channel === 'profiles.save')?.input).toEqual({
      country: 'FR',
      centralAuthorityId: 4,
      languages: ['fr', 'en'],
      channels: ['central_authority'],
      dualCriminality: 'required_coercive',
      dualCriminalityScope: 'Searches',
      treaties: [{ legalBasis: 'budapest', name: null, inForceSince: '2006-05-01' }],
      notes: null,
    });
    expect(await screen.findByText('Profile of France saved.')).toBeInTheDocument();
  });

  it('names a treaty left without its basis, and a country already profiled, beside their fields', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...listFakes,
      'profiles.save': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'There is already a profile for FR; correct that one instead.',
          fields: [{ field: 'country', message: 'already has a profile' }],
        },
      }),
    });
    await openProfiles();
    await userEvent.click(screen.getByRole('button', { name: 'Add country profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'New country profile' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add treaty' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Please correct the fields marked in red.')).toBeInTheDocument();
    const treaty = within(dialog).getByRole('group', { name: 'Treaty 1' });
    expect(within(treaty).getByRole('combobox', { name: /Treaty or convention/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(calls.filter((c) => c.channel === 'profiles.save')).toHaveLength(0);

    await userEvent.click(within(treaty).getByRole('button', { name: 'Remove treaty 1' }));
    await pick(/^Country/, 'Fran', 'France (FR)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('already has a profile')).toBeInTheDocument();
    expect(
      within(dialog).getByText('There is already a profile for FR; correct that one instead.'),
    ).toBeInTheDocument();
  });

  it('corrects a profile with its stored values, and deletes one only once confirmed', async () => {
    const { calls } = renderScreen(<DirectoriesScreen />, {
      ...listFakes,
      'directories.counterpartAuthorities.list': () =>
        ok([{ ...BEPPI, name: 'Bureau de l’entraide pénale internationale' }]),
      'profiles.save': (input) => ok(countryProfile(input as Partial<CountryProfile>)),
      'profiles.delete': (input) => ok(input),
    });
    await openProfiles();
    await userEvent.click(screen.getByRole('button', { name: 'Edit the profile of France' }));
    const dialog = await screen.findByRole('dialog', { name: 'Country profile: France' });
    expect(within(dialog).getByRole('textbox', { name: /^Required for what/ })).toHaveValue('Searches and seizures');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'profiles.save')).toBe(true));
    expect(calls.find((c) => c.channel === 'profiles.save')?.input).toMatchObject({
      id: 1,
      country: 'FR',
      centralAuthorityId: 4,
      languages: ['fr'],
      treaties: [{ legalBasis: 'untoc', name: null, inForceSince: '2002-10-29' }],
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Delete the profile of Mexico' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete the profile of Mexico?' });
    expect(calls.filter((c) => c.channel === 'profiles.delete')).toHaveLength(0);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'profiles.delete')).toEqual({
        channel: 'profiles.delete',
        input: { id: 3 },
      }),
    );
  });

  it('offers no change to a role that only reads the directories', async () => {
    renderScreen(
      <SessionContext.Provider value={sessionAs('prosecutor')}>
        <DirectoriesScreen />
      </SessionContext.Provider>,
      listFakes,
    );
    await openProfiles();
    expect(screen.queryByRole('button', { name: 'Add country profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit the profile/ })).not.toBeInTheDocument();
  });
});
