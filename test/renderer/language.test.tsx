import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountStatus, SignedIn, SignedInUser } from '../../contract/accounts.ts';
import { DEFAULT_SETTINGS } from '../../contract/settings.ts';
import type { Language } from '../../i18n/languages.ts';
import i18n from '../../renderer/src/i18n/index.ts';
import { SessionGate } from '../../renderer/src/session/SessionGate.tsx';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen.tsx';
import { type Call, ok, renderScreen } from './render.tsx';

/*
 * Issue 7: the language is switched in Settings without a reload and kept per person; before
 * anyone signs in, the sign-in screen offers it by each language's own name.
 */

const AMINA: SignedInUser = {
  id: 2,
  username: 'amina',
  displayName: 'Amina Clerk',
  role: 'clerk',
  authority: null,
  language: null,
};
const signedIn = (user: SignedInUser): SignedIn => ({ outcome: 'signedIn', token: 't', user, idleMinutes: 15 });
const status = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  firstRun: false,
  user: null,
  idleMinutes: 15,
  ...over,
});
const callsTo = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);
const html = () => document.documentElement;

/** What the French interface says for a key (the real translation files). */
const fr = i18n.getFixedT('fr');

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
  localStorage.clear();
});

async function chooseLanguage(label: string, name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name }));
}

describe('the language in Settings', () => {
  it('switches the whole interface at once, right to left for Arabic, and keeps the choice on the account', async () => {
    const { calls } = renderScreen(<SettingsScreen today="2026-03-10" />, {
      'settings.get': () => ok(DEFAULT_SETTINGS),
      'accounts.setLanguage': (input) => ok(input),
    });
    expect(await screen.findByRole('heading', { name: 'Settings', level: 2 })).toBeInTheDocument();
    expect(html()).toHaveAttribute('lang', 'en');
    expect(html()).toHaveAttribute('dir', 'ltr');
    // Each language by its own name.
    await userEvent.click(screen.getByRole('combobox', { name: 'The language you work in' }));
    const names = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(names).toEqual(['العربية', 'English', 'Español', 'Français', 'Русский', '中文']);
    await userEvent.click(screen.getByRole('option', { name: 'Français' }));

    // No reload: the same screen now reads in French, and the choice is saved for the person.
    expect(fr('settings.title')).not.toBe('Settings');
    expect(await screen.findByRole('heading', { name: fr('settings.title'), level: 2 })).toBeInTheDocument();
    expect(html()).toHaveAttribute('lang', 'fr');
    await waitFor(() => expect(callsTo(calls, 'accounts.setLanguage')).toEqual([{ language: 'fr' }]));

    await chooseLanguage(fr('language.yours'), 'العربية');
    await waitFor(() => expect(html()).toHaveAttribute('dir', 'rtl'));
    expect(html()).toHaveAttribute('lang', 'ar');
    expect(callsTo(calls, 'accounts.setLanguage')).toEqual([{ language: 'fr' }, { language: 'ar' }]);
    // This computer remembers it for its next sign-in screen.
    expect(localStorage.getItem('mla-desk-language')).toBe('ar');
  });
});

describe('the language around signing in', () => {
  const gate = (fakes: Parameters<typeof renderScreen>[1]) =>
    renderScreen(
      <SessionGate>
        <p>the register</p>
      </SessionGate>,
      fakes,
    );
  /** Signs in on the sign-in screen in whatever language it shows. */
  const signInAs = async (user = 'amina') => {
    const starting = (key: string) => new RegExp(`^${i18n.t(key)}`);
    await userEvent.type(screen.getByLabelText(starting('signIn.username')), user);
    await userEvent.type(screen.getByLabelText(starting('signIn.password')), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: i18n.t('signIn.submit') }));
    await screen.findByText('the register');
  };

  it('offers the languages before sign-in, then applies the person’s own', async () => {
    const { calls } = gate({
      'accounts.status': () => ok(status()),
      'accounts.signIn': () => ok(signedIn({ ...AMINA, language: 'ar' })),
    });
    await screen.findByRole('heading', { name: 'Sign in' });
    await chooseLanguage('Language', 'Français');
    expect(await screen.findByRole('heading', { name: fr('signIn.title') })).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en'));
    await signInAs();
    await waitFor(() => expect(html()).toHaveAttribute('lang', 'ar'));
    expect(html()).toHaveAttribute('dir', 'rtl');
    // Their saved language is applied, not saved again.
    expect(callsTo(calls, 'accounts.setLanguage')).toEqual([]);
  });

  it('saves the language on screen for a person who has not chosen one yet', async () => {
    const { calls } = gate({
      'accounts.status': () => ok(status()),
      'accounts.signIn': () => ok(signedIn(AMINA)),
      'accounts.setLanguage': (input) => ok(input),
    });
    await screen.findByRole('heading', { name: 'Sign in' });
    await chooseLanguage('Language', 'Français');
    await signInAs();
    expect(html()).toHaveAttribute('lang', 'fr');
    await waitFor(() => expect(callsTo(calls, 'accounts.setLanguage')).toEqual([{ language: 'fr' }]));
  });

  it.each<[string, Language]>([
    ['the last language used on this computer', 'ru'],
    ['else the first of the six the browser asks for', 'en'],
  ])('starts the sign-in screen in %s', async (_case, expected) => {
    if (expected === 'ru') localStorage.setItem('mla-desk-language', 'ru');
    // The same rule the app starts with (renderer/src/i18n/remembered.ts).
    const { startingLanguage } = await import('../../renderer/src/i18n/remembered.ts');
    expect(startingLanguage()).toBe(expected);
  });

  it('takes the signed-in person’s language when the window opens on their session', async () => {
    gate({ 'accounts.status': () => ok(status({ user: { ...AMINA, language: 'zh' } })) });
    await screen.findByText('the register');
    await waitFor(() => expect(html()).toHaveAttribute('lang', 'zh'));
    expect(html()).toHaveAttribute('dir', 'ltr');
  });
});
