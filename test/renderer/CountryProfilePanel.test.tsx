import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NewRequestScreen } from '../../renderer/src/screens/NewRequestScreen.tsx';
import { CountryProfilePanel } from '../../renderer/src/screens/request/CountryProfilePanel.tsx';
import { SessionContext } from '../../renderer/src/session/SessionContext.tsx';
import { countryProfile, sessionAs } from './profile-fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const france = { 'profiles.ofCountry': () => ok(countryProfile()) };
const nowhere = { 'profiles.ofCountry': () => ok(null) };

const warnings = () =>
  within(screen.getByRole('list', { name: 'Warnings' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

describe('the country profile beside a request', { timeout: 60_000 }, () => {
  it('shows nothing and asks nothing until a country is chosen', () => {
    const { calls } = renderScreen(
      <div data-testid="aside">
        <CountryProfilePanel country={null} channel={null} legalBasis={null} />
      </div>,
    );
    expect(screen.getByTestId('aside')).toBeEmptyDOMElement();
    expect(calls).toEqual([]);
  });

  it('shows the state’s essentials, and warns about the language and channel it does not accept', async () => {
    const { calls } = renderScreen(
      <CountryProfilePanel country="FR" language="en" channel="diplomatic" legalBasis="uncac" today="2026-03-10" />,
      france,
    );
    const panel = await screen.findByRole('region', { name: 'Requirements of France' });
    await within(panel).findByText('Bureau de l’entraide pénale internationale');
    expect(calls.filter((c) => c.channel === 'profiles.ofCountry')).toEqual([
      { channel: 'profiles.ofCountry', input: { country: 'FR' } },
    ]);
    expect(warnings()).toEqual([
      'France does not accept requests in English. It accepts: French.',
      'France does not accept requests through “Diplomatic channel”. It accepts: Central authority to central authority.',
      '“UN Convention against Corruption” is not recorded as in force with France. In force: UN Convention against Transnational Organized Crime.',
      'France requires dual criminality for coercive measures (search, seizure, interception…).Required for: Searches and seizures',
    ]);
    expect(within(panel).getByRole('link', { name: 'beppi@justice.example' })).toBeInTheDocument();
    // Said by its note, the dual criminality is not repeated among the essentials.
    expect(within(panel).queryByText('Required for coercive measures only', { exact: false })).not.toBeInTheDocument();
    expect(within(panel).getByText('French')).toBeInTheDocument();
    expect(within(panel).getByText('Last changed', { exact: false })).toHaveTextContent('by Amina Clerk');
  });

  it('drops a warning once the request is corrected', async () => {
    /** The form around the panel, reduced to one correction. */
    function Corrected() {
      const [fixed, setFixed] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setFixed(true)}>
            Correct
          </button>
          <CountryProfilePanel
            country="FR"
            language={fixed ? 'fr' : 'en'}
            channel={fixed ? 'central_authority' : 'diplomatic'}
            legalBasis={fixed ? 'untoc' : null}
          />
        </>
      );
    }
    renderScreen(<Corrected />, france);
    await screen.findByText(/does not accept requests in English/);
    expect(warnings()).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Correct' }));
    await waitFor(() => expect(warnings()).toHaveLength(1));
    expect(warnings()[0]).toMatch(/dual criminality/);
  });

  it('words the treaty warnings and a dual criminality required for every request', async () => {
    const later = {
      'profiles.ofCountry': () =>
        ok(
          countryProfile({
            treaties: [{ legalBasis: 'bilateral_treaty', name: 'Treaty of 2026', inForceSince: '2027-01-01' }],
            dualCriminality: 'required_all',
            dualCriminalityScope: null,
          }),
        ),
    };
    const first = renderScreen(
      <CountryProfilePanel country="FR" channel={null} legalBasis="bilateral_treaty" today="2026-03-10" />,
      later,
    );
    await screen.findByText(/only from/);
    expect(warnings()).toEqual([
      '“Bilateral treaty” is in force with France only from Jan 1, 2027.',
      'France requires dual criminality for every request: the conduct must be an offence there too.',
    ]);
    first.unmount();
    renderScreen(<CountryProfilePanel country="FR" channel={null} legalBasis="uncac" today="2026-03-10" />, later);
    expect(
      await screen.findByText(
        '“UN Convention against Corruption” is not recorded as in force with France, and no treaty is in force yet.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the state has no profile yet, and offers a clerk to create it for that state', async () => {
    renderScreen(
      <SessionContext.Provider value={sessionAs('clerk')}>
        <CountryProfilePanel country="LB" language="en" channel="diplomatic" legalBasis={null} />
      </SessionContext.Provider>,
      { ...nowhere, 'directories.counterpartAuthorities.list': () => ok([]) },
    );
    expect(
      await screen.findByText(
        'The office has no profile of Lebanon yet, so its languages, channels and treaties cannot be checked.',
      ),
    ).toBeInTheDocument();
    expect(warnings()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Create its profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'New country profile' });
    expect(within(dialog).getByRole('combobox', { name: /^Country/ })).toHaveValue('Lebanon (LB)');
  });

  it('offers no profile to create to a role that only reads', async () => {
    renderScreen(
      <SessionContext.Provider value={sessionAs('prosecutor')}>
        <CountryProfilePanel country="LB" channel={null} legalBasis={null} />
      </SessionContext.Provider>,
      nowhere,
    );
    await screen.findByText(/no profile of Lebanon yet/);
    expect(screen.queryByRole('button', { name: 'Create its profile' })).not.toBeInTheDocument();
  });

  it('stands beside the new request form and follows the country and channel chosen there', async () => {
    const user = userEvent.setup();
    renderScreen(<NewRequestScreen today="2026-03-10" />, {
      ...france,
      'directories.suggest': () => ok([]),
    });
    expect(screen.queryByRole('region', { name: /Requirements of/ })).not.toBeInTheDocument();
    const country = screen.getByRole('combobox', { name: /Counterpart country/ });
    await user.type(country, 'Fran');
    await user.click(await screen.findByRole('option', { name: 'France (FR)' }));
    const panel = await screen.findByRole('region', { name: 'Requirements of France' });
    expect(within(panel).getByRole('list', { name: 'Warnings' })).not.toHaveTextContent('does not accept');
    await user.click(screen.getByRole('combobox', { name: 'Channel of transmission' }));
    await user.click(await screen.findByRole('option', { name: 'INTERPOL' }));
    expect(await within(panel).findByText(/does not accept requests through “INTERPOL”/)).toBeInTheDocument();
  });
});
