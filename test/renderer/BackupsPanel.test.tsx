import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupList, BackupSummary, RestoreResult } from '../../contract/backups.ts';
import type { AppInfo } from '../../contract/channels.ts';
import { apiError, type Envelope } from '../../contract/errors.ts';
import { localised } from '../../contract/messages.ts';
import type { Role } from '../../contract/roles.ts';
import { DEFAULT_BACKUP_RETENTION } from '../../contract/settings.ts';
import i18n from '../../renderer/src/i18n/index.ts';
import { BackupsPanel } from '../../renderer/src/screens/settings/BackupsPanel.tsx';
import { ok, renderScreen } from './render.tsx';

function info(roles: Role[]): AppInfo {
  return {
    name: 'MLA Desk',
    version: '0.1.0',
    schemaVersion: 15,
    databaseFile: '/data/register.sqlite',
    actor: { name: 'Ada Admin', roles },
    today: '2026-03-12',
  };
}

function backup(overrides: Partial<BackupSummary>): BackupSummary {
  return {
    name: '2026-03-11T08-00-00-000Z-daily',
    createdAt: '2026-03-11T08:00:00.000Z',
    reason: 'daily',
    appVersion: '0.1.0',
    schemaVersion: 15,
    requestCount: 120,
    documentCount: 14,
    missingDocuments: 0,
    bytes: 5 * 1024 * 1024,
    state: 'complete',
    problems: [],
    lastCheck: null,
    ...overrides,
  };
}

const DAILY = backup({ lastCheck: { at: '2026-03-11T09:00:00.000Z', ok: true, problems: [] } });
const DAMAGED = backup({
  name: '2026-03-09T08-00-00-000Z-on-demand',
  createdAt: '2026-03-09T08:00:00.000Z',
  reason: 'on-demand',
  state: 'damaged',
  problems: [localised('backup.problem.fileMissing', { file: 'documents/ab/ab12' })],
});

const LIST: BackupList = {
  folder: '/data/backups',
  setAsideFolder: '/data/set-aside',
  backups: [DAILY, DAMAGED],
  incomplete: 1,
  retention: DEFAULT_BACKUP_RETENTION,
};

const RESTORED: RestoreResult = {
  restored: DAILY.name,
  setAside: '/data/set-aside/register-replaced-2026-03-12T15-00-00-000Z.sqlite',
  beforeRestore: '2026-03-12T15-00-00-000Z-before-restore',
  schemaVersion: 15,
  requestCount: 120,
  documentCount: 14,
  warnings: [],
};

function renderPanel(restore: () => Envelope<unknown> = () => ok(RESTORED), roles: Role[] = ['administrator']) {
  return renderScreen(<BackupsPanel />, {
    'app.info': () => ok(info(roles)),
    'backups.list': () => ok(LIST),
    'backups.restore': restore,
    'backups.create': () => ok(backup({ name: '2026-03-12T10-00-00-000Z-on-demand', reason: 'on-demand' })),
    'backups.retention': (input) => ok({ ...DEFAULT_BACKUP_RETENTION, ...(input as object) }),
  });
}

const table = () => screen.findByRole('table', { name: 'Backups of the register' });

describe('BackupsPanel', () => {
  it('lists the backups: when, why, requests, size and whether each is sound', async () => {
    renderPanel();
    const rows = within(await table()).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const daily = rows[1];
    const damaged = rows[2];
    if (!daily || !damaged) throw new Error('rows missing');
    expect(daily).toHaveTextContent('Daily');
    expect(daily).toHaveTextContent('120');
    expect(daily).toHaveTextContent('5 MB');
    expect(daily).toHaveTextContent(/^.*Verified/);
    expect(damaged).toHaveTextContent('On demand');
    expect(damaged).toHaveTextContent('Damaged: documents/ab/ab12 is missing');
    // A damaged backup is never offered for restore.
    expect(within(damaged).getByRole('button', { name: /^Restore the backup of/ })).toBeDisabled();
    expect(within(daily).getByRole('button', { name: /^Restore the backup of/ })).toBeEnabled();
    expect(screen.getByText(/One backup was never finished/)).toBeInTheDocument();
    expect(screen.getByText('Kept in /data/backups')).toBeInTheDocument();
  });

  it('says what a restore will do before doing it, then restores and reloads every screen’s data', async () => {
    const { calls } = renderPanel();
    const daily = within(await table()).getAllByRole('row')[1];
    if (!daily) throw new Error('row missing');
    await userEvent.click(within(daily).getByRole('button', { name: /^Restore the backup of/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Restore the register from a backup' });
    expect(dialog).toHaveTextContent('holds 120 requests and 14 documents');
    expect(dialog).toHaveTextContent('back up the register as it is now');
    expect(dialog).toHaveTextContent('set the current register aside, kept whole, in /data/set-aside (never deleted)');
    expect(dialog).toHaveTextContent('will not be in the restored register');
    expect(calls.some((c) => c.channel === 'backups.restore')).toBe(false);

    const listsBefore = calls.filter((c) => c.channel === 'backups.list').length;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    expect(
      await screen.findByText(/The register is restored from the backup of .*register-replaced-2026-03-12/),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.channel === 'backups.restore')?.input).toEqual({
      name: DAILY.name,
      confirm: DAILY.name,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Everything is read again from the restored register.
    await waitFor(() => expect(calls.filter((c) => c.channel === 'backups.list').length).toBeGreaterThan(listsBefore));
  });

  it('keeps the dialog open with what failed when the restore is refused', async () => {
    renderPanel(() => ({
      ok: false,
      error: {
        code: 'storage',
        message: `The backup ${DAILY.name} cannot be restored: register.sqlite is missing. Nothing was changed.`,
      },
    }));
    const daily = within(await table()).getAllByRole('row')[1];
    if (!daily) throw new Error('row missing');
    await userEvent.click(within(daily).getByRole('button', { name: /^Restore the backup of/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    expect(
      await within(dialog).findByText(
        'Nothing was restored: The backup 2026-03-11T08-00-00-000Z-daily cannot be restored: register.sqlite is missing. Nothing was changed.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Restore this backup' })).toBeEnabled();
  });

  it('saves the retention on its own, refusing a count below one beside its field', async () => {
    const { calls } = renderPanel();
    await table();
    const daily = screen.getByLabelText(/Daily backups kept/);
    await userEvent.clear(daily);
    await userEvent.type(daily, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('must be at least 1')).toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'backups.retention')).toBe(false);
    await userEvent.clear(daily);
    await userEvent.type(daily, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Retention saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.channel === 'backups.retention')?.input).toEqual({
      ...DEFAULT_BACKUP_RETENTION,
      keepDaily: 30,
    });
  });

  it('takes a backup on demand', async () => {
    const { calls } = renderPanel();
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backup taken: 120 requests, 14 documents.')).toBeInTheDocument();
    expect(calls.filter((c) => c.channel === 'backups.create')).toHaveLength(1);
  });

  it('shows nothing to someone who is not an administrator', async () => {
    const { calls } = renderPanel(undefined, ['clerk']);
    await waitFor(() => expect(calls.some((c) => c.channel === 'app.info')).toBe(true));
    expect(screen.queryByText('Backups')).not.toBeInTheDocument();
    expect(calls.some((c) => c.channel === 'backups.list')).toBe(false);
  });
});

/*
 * Issue 7: a backup's problems and warnings are messages, said in the reader's language. A
 * stand-in language holds only the texts these tests read (in French); the rest reads in English.
 */
describe('BackupsPanel in another language', () => {
  const STAND_IN = 'qy';
  const french = {
    messages: {
      backup: {
        cannotRestore: 'La sauvegarde {{name}} ne peut pas être restaurée : {{problems}}. Rien n’a été modifié.',
        problem: {
          fileMissing: '{{file}} est absent',
          fileAltered: '{{file}} n’a pas l’empreinte SHA-256 inscrite dans son manifeste (altéré)',
        },
        warning: {
          documentsMissing_one: '{{count}} document manquait déjà dans le dossier de données',
          documentsMissing_many: '{{count}} de documents manquaient déjà dans le dossier de données',
          documentsMissing_other: '{{count}} documents manquaient déjà dans le dossier de données',
        },
      },
    },
    backups: {
      state: { damaged: 'Endommagée : {{problem}}' },
      verifyFailed: 'La sauvegarde du {{at}} n’est pas saine : {{problems}}',
      restoreFailed: 'Rien n’a été restauré : {{message}}',
    },
  };

  beforeEach(async () => {
    i18n.addResourceBundle(STAND_IN, 'translation', french, true, true);
    await i18n.changeLanguage(STAND_IN);
  });
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says a damaged backup’s problem, a failed verification and a refused restore in that language', async () => {
    const altered = localised('backup.problem.fileAltered', { file: 'register.sqlite' });
    const missing = localised('backup.problem.fileMissing', { file: 'documents/ab/ab12' });
    renderScreen(<BackupsPanel />, {
      'app.info': () => ok(info(['administrator'])),
      'backups.list': () => ok(LIST),
      'backups.verify': () =>
        ok({
          name: DAILY.name,
          ok: false,
          problems: [altered, missing],
          warnings: [localised('backup.warning.documentsMissing', { count: 1 })],
          files: 3,
          bytes: 100,
          checkedAt: '2026-03-12T10:00:00.000Z',
        }),
      'backups.restore': () => ({
        ok: false,
        error: apiError('storage', 'backup.cannotRestore', { name: DAILY.name, problems: altered.message }, [
          { ...altered, field: 'name' },
        ]),
      }),
    });
    const rows = within(await table()).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('Endommagée : documents/ab/ab12 est absent');
    expect(rows[2]).not.toHaveTextContent('is missing');

    const daily = rows[1];
    if (!daily) throw new Error('row missing');
    await userEvent.click(within(daily).getByRole('button', { name: /^Verify/ }));
    expect(
      await screen.findByText(
        /n’est pas saine : register\.sqlite n’a pas l’empreinte SHA-256 inscrite dans son manifeste \(altéré\); documents\/ab\/ab12 est absent$/,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('1 document manquait déjà dans le dossier de données')).toBeInTheDocument();

    await userEvent.click(within(daily).getByRole('button', { name: /^Restore the backup of/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    expect(
      await within(dialog).findByText(
        `Rien n’a été restauré : La sauvegarde ${DAILY.name} ne peut pas être restaurée : register.sqlite n’a pas l’empreinte SHA-256 inscrite dans son manifeste (altéré). Rien n’a été modifié.`,
      ),
    ).toBeInTheDocument();
  });
});
