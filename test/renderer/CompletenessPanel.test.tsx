import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { checkCompleteness, type CompletenessInput } from '../../contract/completeness.ts';
import { CompletenessPanel } from '../../renderer/src/screens/request/drafting/CompletenessPanel.tsx';
import { renderScreen } from './render.tsx';

/** An outgoing MLA draft lacking its purpose and its conducting authority, following a preservation not yet linked. */
const DRAFT: CompletenessInput = {
  direction: 'outgoing',
  kind: 'mla',
  domesticAuthority: 'Parquet de Paris',
  proceedingsNature: 'Investigation into fraud',
  summary: 'Funds moved abroad',
  assistance: ['records'],
  followsPreservation: true,
  parties: [
    { location: 'Lyon', nationality: 'FR' },
    { location: '', nationality: 'BE' },
  ],
};

const rowOf = (name: string) => {
  const row = screen.getByText(name).closest('li');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('CompletenessPanel', () => {
  it('ticks what is there, warns about what is missing, and counts the essentials', () => {
    renderScreen(<CompletenessPanel kind="mla" items={checkCompleteness(DRAFT)} onFix={() => {}} saved />);
    expect(screen.getByRole('heading', { name: 'Completeness' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '3 essential elements missing · 2 recommended elements missing',
    );
    expect(rowOf('Requesting authority')).toHaveTextContent(/Requesting authority: present/);
    expect(rowOf('Purpose of the evidence')).toHaveTextContent(/Purpose of the evidence: missing/);
    expect(rowOf('Purpose of the evidence')).toHaveTextContent('What the evidence or assistance is for.');
    // Recommended elements say so; the one that lacks an item says which.
    expect(within(rowOf('Location of the persons concerned')).getByText('Where possible')).toBeInTheDocument();
    expect(rowOf('Location of the persons concerned')).toHaveTextContent('(Persons or entities 2)');
    expect(within(rowOf('Requesting authority')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('takes the person to the field of a missing element', async () => {
    const onFix = vi.fn();
    renderScreen(<CompletenessPanel kind="mla" items={checkCompleteness(DRAFT)} onFix={onFix} saved />);
    await userEvent.click(screen.getByRole('button', { name: 'Complete: Purpose of the evidence' }));
    expect(onFix).toHaveBeenCalledWith(expect.objectContaining({ code: 'purpose', field: 'purpose', tab: 'summary' }));
    await userEvent.click(screen.getByRole('button', { name: 'Complete: Location of the persons concerned' }));
    expect(onFix).toHaveBeenLastCalledWith(expect.objectContaining({ field: 'parties.1.location', items: [1] }));
    await userEvent.click(screen.getByRole('button', { name: 'Complete: Link to the preservation it follows' }));
    expect(onFix).toHaveBeenLastCalledWith(expect.objectContaining({ tab: 'links' }));
  });

  it('says a draft not yet saved links its preservation later, and offers no links to those who cannot edit', () => {
    const { unmount } = renderScreen(
      <CompletenessPanel kind="mla" items={checkCompleteness(DRAFT)} onFix={() => {}} saved={false} />,
    );
    expect(rowOf('Link to the preservation it follows')).toHaveTextContent(
      'Save the draft first, then link the preservation in the Links tab.',
    );
    expect(within(rowOf('Link to the preservation it follows')).queryByRole('button')).not.toBeInTheDocument();
    unmount();
    renderScreen(<CompletenessPanel kind="mla" items={checkCompleteness(DRAFT)} saved />);
    expect(screen.queryByRole('button', { name: /^Complete:/ })).not.toBeInTheDocument();
  });

  it('says so when every essential element is there', () => {
    const complete = { ...DRAFT, conductingAuthority: 'Juge', purpose: 'To trace', followsPreservation: false };
    renderScreen(<CompletenessPanel kind="mla" items={checkCompleteness(complete)} onFix={() => {}} saved />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Every essential element is there. · 2 recommended elements missing',
    );
  });
});
