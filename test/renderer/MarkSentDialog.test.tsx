import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import type { GeneratedLetter } from '../../contract/letters.ts';
import { MarkSentDialog } from '../../renderer/src/screens/request/letters/MarkSentDialog.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const REQUEST = detail();
const LETTER: GeneratedLetter = {
  id: 12,
  requestId: REQUEST.id,
  code: 'acknowledgement',
  language: 'en',
  docxDocumentId: 30,
  pdfDocumentId: 31,
  docxName: 'acknowledgement.docx',
  pdfName: 'acknowledgement.pdf',
  generatedAt: '2026-03-02T10:00:00Z',
  generatedBy: 'Amina',
  sentCorrespondenceId: null,
  sentOn: null,
};

function renderDialog(fakes: Parameters<typeof renderScreen>[1] = {}) {
  const onClose = vi.fn();
  const rendered = renderScreen(<MarkSentDialog request={REQUEST} letter={LETTER} onClose={onClose} />, fakes);
  return { ...rendered, onClose, dialog: () => screen.getByRole('dialog', { name: 'Record the letter as sent' }) };
}

const summaryBox = (dialog: HTMLElement) =>
  within(dialog).getByLabelText(/^What the correspondence log and the history say/);

// Dialogs driven key by key: slow on a busy machine, so more time than the default.
describe('MarkSentDialog', { timeout: 20_000 }, () => {
  it('proposes today and a summary naming the letter, and records the channel and file chosen', async () => {
    const { calls, onClose, dialog } = renderDialog({ 'letters.markSent': () => ok(LETTER) });
    expect(within(dialog()).getByLabelText(/^Sent on/)).toHaveValue(localIsoDate());
    expect(summaryBox(dialog())).toHaveValue(`Acknowledgement of receipt sent (${REQUEST.reference})`);
    expect(within(dialog()).getByText('Proposed from the letter; correct it if needed.')).toBeInTheDocument();
    await userEvent.clear(within(dialog()).getByLabelText(/^Sent on/));
    await userEvent.type(within(dialog()).getByLabelText(/^Sent on/), '2026-03-04');
    await userEvent.click(within(dialog()).getByRole('combobox', { name: /^Channel/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Courier' }));
    await userEvent.click(within(dialog()).getByRole('radio', { name: 'Both' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record as sent' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.channel === 'letters.markSent')?.input).toEqual({
      id: LETTER.id,
      onDate: '2026-03-04',
      channel: 'courier',
      summary: `Acknowledgement of receipt sent (${REQUEST.reference})`,
      files: 'both',
    });
  });

  it('takes the latest date it accepts from the register’s today, the office’s day in its zone', async () => {
    const officeToday = '2026-03-09';
    const { dialog } = renderDialog({
      'app.info': () =>
        ok({
          name: 'MLA Desk',
          version: '0.1.0',
          schemaVersion: 21,
          databaseFile: '/data/register.sqlite',
          actor: { name: 'Amina', roles: ['clerk'] },
          today: officeToday,
        }),
    });
    await waitFor(() => expect(within(dialog()).getByLabelText(/^Sent on/)).toHaveAttribute('max', officeToday));
  });

  it('names what is missing and calls nothing', async () => {
    const { calls, dialog } = renderDialog();
    await userEvent.clear(summaryBox(dialog()));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record as sent' }));
    expect(within(dialog()).getAllByText('Required')).toHaveLength(2); // channel and summary
    expect(calls.some((c) => c.channel === 'letters.markSent')).toBe(false);
  });

  it('shows a field the register refuses beside it, with no alert above', async () => {
    const { dialog } = renderDialog({
      'letters.markSent': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Please check the entry.',
          fields: [{ field: 'onDate', message: 'cannot be after today' }],
        },
      }),
    });
    await userEvent.click(within(dialog()).getByRole('combobox', { name: /^Channel/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'E-mail' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record as sent' }));
    expect(await within(dialog()).findByText('cannot be after today')).toBeInTheDocument();
    expect(within(dialog()).queryByRole('alert')).not.toBeInTheDocument();
  });
});
