import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShellFiles } from '../../contract/bridge.ts';
import type { ImportJob } from '../../contract/channels/interchange.ts';
import type { ImportReport, Inspection } from '../../contract/interchange.ts';
import { ImportScreen } from '../../renderer/src/screens/import/ImportScreen.tsx';
import { ok, renderScreen } from './render.tsx';

/** A spreadsheet whose headers are not ours: most are guessed, "Type" is not, "Notes" is extra. */
const inspection: Inspection = {
  format: 'csv',
  headers: ['Our ref', 'In/Out', 'Type', 'Status', 'Received', 'Closed', 'Country', 'Notes'],
  sampleRows: [
    ['X-1', 'incoming', 'mla', 'registered', '2024-01-10', '', 'FR', 'call back'],
    ['X-2', 'outgoing', 'mla', 'executed', '2024-02-01', '2024-03-01', 'LB', ''],
  ],
  rowCount: 2,
  suggestedMapping: {
    'Our ref': 'reference',
    'In/Out': 'direction',
    Type: null,
    Status: 'status',
    Received: 'opened_on',
    Closed: 'closed_on',
    Country: 'counterpart_country',
    Notes: null,
  },
};

const report = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  ok: true,
  dryRun: true,
  imported: 2,
  rows: 2,
  problems: [],
  moreProblems: 0,
  ...overrides,
});

const done = (r: ImportReport): ImportJob => ({
  state: 'done',
  rowsRead: r.rows,
  bytesRead: 100,
  bytesTotal: 100,
  report: r,
  error: null,
});

beforeEach(() => {
  // The desktop bridge's dialogs: the file chosen, and where the export goes.
  window.mlaDesk = {
    channels: {} as never,
    onMenuCommand: () => () => {},
    setLanguage: () => undefined,
    // Only the dialogs this screen uses; the rest of the bridge is not reached.
    files: {
      choose: async () => ['/office/registers/register.csv'],
      saveAs: async () => '/office/exports/register.xlsx',
      pathFor: () => '',
    } satisfies Partial<ShellFiles> as unknown as ShellFiles,
  };
});
afterEach(() => {
  delete window.mlaDesk;
});

async function chooseAndMap(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Choose a CSV or XLSX file…' }));
  await screen.findByText('register.csv: CSV, 2 rows, 8 columns');
  expect(screen.getByText(/These required columns are not matched yet: kind/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  await user.click(screen.getByRole('combobox', { name: 'Column of the register for “Type”' }));
  await user.click(await screen.findByRole('option', { name: /^Kind \(kind\)/ }));
  expect(screen.queryByText(/These required columns are not matched yet/)).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('ImportScreen', () => {
  it('maps the columns, previews the rows under ours, and shows the dry run’s problems without offering to import', async () => {
    const user = userEvent.setup();
    const problems = report({
      ok: false,
      imported: 0,
      problems: [{ row: 3, column: 'closed_on', message: 'cannot be before opened_on (2024-02-01)' }],
      moreProblems: 4,
    });
    const { calls } = renderScreen(<ImportScreen today="2026-11-20" />, {
      'interchange.inspect': () => ok(inspection),
      'interchange.import': () => ok({ jobId: 'a'.repeat(32) }),
      'interchange.progress': () => ok(done(problems)),
    });
    await chooseAndMap(user);

    const preview = screen.getByRole('table', { name: /The first 2 rows/ });
    expect(
      within(preview)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Reference', 'Direction', 'Kind', 'Status', 'Opened on', 'Closed on', 'Counterpart country']);
    expect(within(preview).getByText('X-2')).toBeInTheDocument();
    expect(within(preview).queryByText('call back')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const table = await screen.findByRole('table', { name: 'Problems found in the file' });
    expect(within(table).getByText('cannot be before opened_on (2024-02-01)')).toBeInTheDocument();
    expect(screen.getByText('5 problems: nothing can be imported until they are fixed.')).toBeInTheDocument();
    expect(screen.getByText('… and 4 more.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import/ })).not.toBeInTheDocument();

    const started = calls.find((c) => c.channel === 'interchange.import');
    expect(started?.input).toEqual({
      source: { kind: 'path', path: '/office/registers/register.csv' },
      fileName: 'register.csv',
      mapping: { ...inspection.suggestedMapping, Type: 'kind' },
      dryRun: true,
      ignoreUnknownColumns: false,
    });
  });

  it('imports after a clean dry run and ends on a summary with the way to the register', async () => {
    const user = userEvent.setup();
    let importing = false;
    renderScreen(<ImportScreen today="2026-11-20" />, {
      'interchange.inspect': () => ok(inspection),
      'interchange.import': (input) => {
        importing = !(input as { dryRun: boolean }).dryRun;
        return ok({ jobId: 'b'.repeat(32) });
      },
      'interchange.progress': () => ok(done(report({ dryRun: !importing }))),
    });
    await chooseAndMap(user);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Every row is valid: 2 requests can be imported.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import 2 requests' }));
    expect(await screen.findByText('Import complete')).toBeInTheDocument();
    expect(
      screen.getByText('2 requests were imported from register.csv, with the history their dates imply.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the register' })).toHaveAttribute('href', '#/register');
  });

  it('shows progress while the import runs', async () => {
    const user = userEvent.setup();
    const running: ImportJob = {
      state: 'running',
      rowsRead: 1,
      bytesRead: 50,
      bytesTotal: 100,
      report: null,
      error: null,
    };
    let dryRun = true;
    renderScreen(<ImportScreen today="2026-11-20" />, {
      'interchange.inspect': () => ok(inspection),
      'interchange.import': (input) => {
        dryRun = (input as { dryRun: boolean }).dryRun;
        return ok({ jobId: 'c'.repeat(32) });
      },
      // The dry run finishes; the import stays at half way.
      'interchange.progress': () => ok(dryRun ? done(report()) : running),
    });
    await chooseAndMap(user);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Import 2 requests' }));
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    expect(screen.getByText('Importing… 1 of 2 rows')).toBeInTheDocument();
  });

  it('says why a file cannot be read, and stays on the first step', async () => {
    const user = userEvent.setup();
    renderScreen(<ImportScreen today="2026-11-20" />, {
      'interchange.inspect': () => ({
        ok: false,
        error: { code: 'invalid_input', message: 'Row 2: The file is not UTF-8 text.' },
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Choose a CSV or XLSX file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Row 2: The file is not UTF-8 text.');
    expect(screen.getByRole('button', { name: 'Choose a CSV or XLSX file…' })).toBeInTheDocument();
  });

  it('exports the register where the person chose, and says how many requests went', async () => {
    const user = userEvent.setup();
    const { calls } = renderScreen(<ImportScreen today="2026-11-20" />, {
      'interchange.export': () =>
        ok({ name: 'register.xlsx', bytes: 1200, path: '/office/exports/register.xlsx', downloadId: null, rows: 400 }),
    });
    await user.click(screen.getByRole('button', { name: 'Export as XLSX' }));
    expect(await screen.findByText('400 requests exported to register.xlsx.')).toBeInTheDocument();
    expect(calls.find((c) => c.channel === 'interchange.export')?.input).toEqual({
      format: 'xlsx',
      target: { kind: 'path', path: '/office/exports/register.xlsx' },
    });
  });
});
