import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { CorrespondenceTab } from '../../renderer/src/screens/request/CorrespondenceTab.tsx';
import { correspondenceEntry, documentRecord } from './documents-fixtures.ts';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const REQUEST = detail();
const DOCUMENTS = [
  documentRecord(),
  documentRecord({ id: 8, originalName: 'Acknowledgement.pdf', type: 'acknowledgement', documentDate: '2026-03-03' }),
];

function renderTab(fakes: Parameters<typeof renderScreen>[1] = {}) {
  return renderScreen(<CorrespondenceTab request={REQUEST} />, {
    'correspondence.list': () => ok([correspondenceEntry()]),
    'documents.list': () => ok(DOCUMENTS),
    ...fakes,
  });
}

async function choose(dialog: HTMLElement, label: RegExp, option: string) {
  await userEvent.click(within(dialog).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

// Dialogs driven key by key: slow on a busy machine, so more time than the default.
describe('CorrespondenceTab', { timeout: 20_000 }, () => {
  it('shows the log: date, direction, channel, summary, the documents carried, who recorded it', async () => {
    renderTab();
    const table = await screen.findByRole('table', { name: `Correspondence of ${REQUEST.reference}` });
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no row');
    for (const text of ['Mar 3, 2026', 'Sent', 'E-mail', 'Acknowledgement.pdf', 'Amina']) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(within(row).getByText(/asked for the account holder’s date of birth/)).toBeInTheDocument();
  });

  it('says so when nothing is recorded yet', async () => {
    renderTab({ 'correspondence.list': () => ok([]) });
    expect(await screen.findByText('No correspondence recorded yet.')).toBeInTheDocument();
  });

  it('adds an entry linking documents of the request', async () => {
    const { calls } = renderTab({ 'correspondence.add': () => ok(correspondenceEntry({ id: 4 })) });
    await userEvent.click(await screen.findByRole('button', { name: 'Add entry…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to the correspondence log' });
    expect(within(dialog).getByLabelText(/^Date/)).toHaveValue(localIsoDate());
    await userEvent.clear(within(dialog).getByLabelText(/^Date/));
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '2026-03-09');
    await choose(dialog, /^Direction/, 'Received');
    await choose(dialog, /^Channel/, 'Diplomatic bag');
    await userEvent.type(within(dialog).getByLabelText(/^Summary/), 'Execution results with cover letter');
    await choose(dialog, /^Documents/, 'Acknowledgement.pdf — Acknowledgement, Mar 3, 2026');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.channel === 'correspondence.add')?.input).toEqual({
      requestId: REQUEST.id,
      onDate: '2026-03-09',
      direction: 'incoming',
      channel: 'diplomatic_bag',
      summary: 'Execution results with cover letter',
      documentIds: [8],
    });
    expect(calls.filter((c) => c.channel === 'correspondence.list')).toHaveLength(2);
  });

  it('names what is missing and calls nothing', async () => {
    const { calls } = renderTab();
    await userEvent.click(await screen.findByRole('button', { name: 'Add entry…' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(2); // channel and summary
    expect(calls.some((c) => c.channel === 'correspondence.add')).toBe(false);
  });

  it('shows a field the register refuses beside it', async () => {
    renderTab({
      'correspondence.add': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Please check the entry.',
          fields: [{ field: 'onDate', message: 'cannot be after today' }],
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add entry…' }));
    const dialog = await screen.findByRole('dialog');
    await choose(dialog, /^Channel/, 'Post');
    await userEvent.type(within(dialog).getByLabelText(/^Summary/), 'Reply');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('cannot be after today')).toBeInTheDocument();
  });

  it('corrects an entry with its values filled in', async () => {
    const { calls } = renderTab({ 'correspondence.update': () => ok(correspondenceEntry()) });
    await userEvent.click(await screen.findByRole('button', { name: 'Correct the entry of Mar 3, 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correct the entry of Mar 3, 2026' });
    expect(within(dialog).getByLabelText(/^Summary/)).toHaveValue(correspondenceEntry().summary);
    await choose(dialog, /^Channel/, 'Secure platform (e.g. e-CODEX, e-EDES)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'correspondence.update')).toBe(true));
    expect(calls.find((c) => c.channel === 'correspondence.update')?.input).toEqual({
      id: 3,
      onDate: '2026-03-03',
      direction: 'outgoing',
      channel: 'secure_platform',
      summary: correspondenceEntry().summary,
      documentIds: [7],
    });
  });
});
