import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EncryptionStatus } from '../../contract/security.ts';
import { RecoveryReminder } from '../../renderer/src/components/RecoveryReminder.tsx';
import { SecurityPanel } from '../../renderer/src/screens/settings/SecurityPanel.tsx';
import { ok, renderScreen } from './render.tsx';

const ENCRYPTED: EncryptionStatus = {
  encrypted: true,
  keyStore: 'os',
  keyId: '0123456789abcdef',
  recoveryReady: false,
  recoveryCreatedAt: null,
};
const PASSPHRASE = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567';

describe('SecurityPanel', () => {
  it('says the register is encrypted, where the key is kept, and that there is no recovery passphrase yet', async () => {
    renderScreen(<SecurityPanel />, { 'security.status': () => ok(ENCRYPTED) });
    expect(await screen.findByText(/are encrypted on disk/)).toBeInTheDocument();
    expect(screen.getByText(/kept by this system’s key store/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/no recovery passphrase yet/);
  });

  it('makes a passphrase, shows it once, and closes only once it is written down', async () => {
    let status = ENCRYPTED;
    const { calls } = renderScreen(<SecurityPanel />, {
      'security.status': () => ok(status),
      'security.createRecoveryPassphrase': () => {
        status = { ...ENCRYPTED, recoveryReady: true, recoveryCreatedAt: '2026-11-25T10:00:00.000Z' };
        return ok({ passphrase: PASSPHRASE });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Make a recovery passphrase' }));
    const confirm = await screen.findByRole('dialog', { name: 'Make a new recovery passphrase?' });
    expect(within(confirm).getByText(/shown once/)).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Make it' }));
    const shown = await screen.findByRole('dialog', { name: 'The recovery passphrase' });
    expect(within(shown).getByTestId('recovery-passphrase')).toHaveTextContent(PASSPHRASE);
    const close = within(shown).getByRole('button', { name: 'Close' });
    expect(close).toBeDisabled();
    await userEvent.click(within(shown).getByRole('checkbox', { name: /written it down/ }));
    await userEvent.click(close);
    await waitFor(() => expect(screen.queryByText(PASSPHRASE)).not.toBeInTheDocument());
    expect(await screen.findByText(/A recovery passphrase was made on/)).toBeInTheDocument();
    expect(calls.filter((c) => c.channel === 'security.createRecoveryPassphrase')).toHaveLength(1);
  });

  it('warns before replacing a passphrase that exists', async () => {
    renderScreen(<SecurityPanel />, {
      'security.status': () => ok({ ...ENCRYPTED, recoveryReady: true, recoveryCreatedAt: '2026-11-01T10:00:00.000Z' }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Make a new recovery passphrase' }));
    expect(await screen.findByText(/stops working the moment the new one is made/)).toBeInTheDocument();
  });

  it('shows nothing to someone the channel refuses', async () => {
    const { calls } = renderScreen(<SecurityPanel />, {
      'security.status': () => ({ ok: false, error: { code: 'denied', message: 'no' } }),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText('Encryption and recovery')).not.toBeInTheDocument();
  });
});

describe('RecoveryReminder', () => {
  it('reminds an administrator while an encrypted register has no recovery passphrase', async () => {
    renderScreen(<RecoveryReminder />, { 'security.status': () => ok(ENCRYPTED) });
    expect(await screen.findByText('The register has no recovery passphrase yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Make it in Settings' })).toHaveAttribute('href', '#/settings');
  });

  it('is silent once a passphrase exists, or when the register is not encrypted', async () => {
    const ready = renderScreen(<RecoveryReminder />, {
      'security.status': () => ok({ ...ENCRYPTED, recoveryReady: true }),
    });
    await waitFor(() => expect(ready.calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText(/no recovery passphrase/)).not.toBeInTheDocument();
    ready.unmount();
    const plain = renderScreen(<RecoveryReminder />, {
      'security.status': () => ok({ ...ENCRYPTED, encrypted: false, keyStore: 'none' as const }),
    });
    await waitFor(() => expect(plain.calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText(/no recovery passphrase/)).not.toBeInTheDocument();
  });
});
