import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SignedIn } from '../../contract/accounts.ts';
import type { EncryptionStatus } from '../../contract/security.ts';
import { FirstRunScreen } from '../../renderer/src/session/FirstRunScreen.tsx';
import { ok, renderScreen } from './render.tsx';

const PASSPHRASE = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567';
const SIGNED_IN = {
  token: 't',
  user: { id: 1, username: 'ada', displayName: 'Ada Admin', role: 'administrator', authority: null },
  idleMinutes: 15,
} as unknown as SignedIn;
const status = (over: Partial<EncryptionStatus> = {}): EncryptionStatus => ({
  encrypted: true,
  keyStore: 'os',
  keyId: '0123456789abcdef',
  recoveryReady: false,
  recoveryCreatedAt: null,
  ...over,
});

async function createAdministrator() {
  await userEvent.type(screen.getByRole('textbox', { name: /Sign-in name/ }), 'ada');
  await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), 'Ada Admin');
  await userEvent.type(screen.getByLabelText(/^Password \*/), 'correct horse battery');
  await userEvent.type(screen.getByLabelText(/^Password again/), 'correct horse battery');
  await userEvent.click(screen.getByRole('button', { name: 'Create the administrator' }));
}

describe('set-up of an encrypted register', () => {
  it('makes the recovery passphrase right after the administrator, shows it once, and goes on only when it is written down', async () => {
    const onCreated = vi.fn();
    const { calls } = renderScreen(<FirstRunScreen onCreated={onCreated} />, {
      'accounts.createFirstAdministrator': () => ok(SIGNED_IN),
      'security.status': () => ok(status()),
      'security.createRecoveryPassphrase': () => ok({ passphrase: PASSPHRASE }),
    });
    await createAdministrator();
    await userEvent.click(await screen.findByRole('button', { name: 'Make a recovery passphrase' }));
    expect(await screen.findByTestId('recovery-passphrase')).toHaveTextContent(PASSPHRASE);
    const go = screen.getByRole('button', { name: 'Continue to MLA Desk' });
    expect(go).toBeDisabled();
    expect(onCreated).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('checkbox', { name: /written it down/ }));
    await userEvent.click(go);
    expect(onCreated).toHaveBeenCalledWith(SIGNED_IN);
    expect(calls.filter((c) => c.channel === 'security.createRecoveryPassphrase')).toHaveLength(1);
  });

  it('goes straight on for a register that is not encrypted, or already has a passphrase', async () => {
    for (const answer of [status({ encrypted: false, keyStore: 'none' }), status({ recoveryReady: true })]) {
      const onCreated = vi.fn();
      const view = renderScreen(<FirstRunScreen onCreated={onCreated} />, {
        'accounts.createFirstAdministrator': () => ok(SIGNED_IN),
        'security.status': () => ok(answer),
      });
      await createAdministrator();
      await waitFor(() => expect(onCreated).toHaveBeenCalledWith(SIGNED_IN));
      expect(screen.queryByRole('button', { name: 'Make a recovery passphrase' })).not.toBeInTheDocument();
      view.unmount();
    }
  });
});
