import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, problem } from '../../contract/errors.ts';
import type { ImportReport } from '../../contract/interchange.ts';
import i18n from '../../renderer/src/i18n/index.ts';
import { ProblemsTable } from '../../renderer/src/screens/import/ProblemsTable.tsx';
import { RequestScreen } from '../../renderer/src/screens/RequestScreen.tsx';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

/*
 * Issue 7: what the register says (a refused move, an import's problems) reads in the language
 * on screen, not in the English the register wrote it in. A stand-in language holds only the few
 * texts these tests read (in French), so everything else on screen reads in English whatever
 * the translators' files hold.
 */
const STAND_IN = 'qx';
const french = {
  messages: {
    move: { forbidden: '{{reference}} ne peut pas passer de {{from}} à {{to}} : son circuit ne le permet pas.' },
    import: { row: { closedBeforeOpened: 'ne peut pas précéder opened_on ({{date}})' } },
  },
  status: { executed: 'Exécutée', under_review: 'En cours d’examen' },
};

beforeEach(async () => {
  i18n.addResourceBundle(STAND_IN, 'translation', french, true, true);
  await i18n.changeLanguage(STAND_IN);
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the register’s messages on screen', () => {
  it('show a refused move in the reader’s language, its statuses by their labels', async () => {
    renderScreen(<RequestScreen id={1} today="2026-03-10" />, {
      'requests.get': () => ok(detail({ status: 'executed' })),
      'requests.transition': () => ({
        ok: false,
        error: apiError('forbidden_move', 'move.forbidden', {
          reference: 'MLA-IN-2026-00001',
          from: 'executed',
          to: 'under_review',
        }),
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'En cours d’examen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(
      await screen.findByText(
        'MLA-IN-2026-00001 ne peut pas passer de exécutée à en cours d’examen : son circuit ne le permet pas.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/cannot go from/)).not.toBeInTheDocument();
  });

  it('show an import’s problems in the reader’s language', () => {
    const said = problem('closed_on', 'import.row.closedBeforeOpened', { date: '2024-02-01' });
    const report: ImportReport = {
      ok: false,
      dryRun: true,
      imported: 0,
      rows: 4,
      problems: [{ row: 3, column: 'closed_on', message: said.message, key: said.key, params: said.params }],
      moreProblems: 0,
    };
    renderScreen(<ProblemsTable report={report} />);
    expect(screen.getByText('ne peut pas précéder opened_on (2024-02-01)')).toBeInTheDocument();
    expect(screen.queryByText(said.message)).not.toBeInTheDocument();
  });
});
