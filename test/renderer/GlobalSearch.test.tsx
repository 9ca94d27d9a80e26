import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../contract/search.ts';
import { GlobalSearch } from '../../renderer/src/search/GlobalSearch.tsx';
import { ok, renderScreen } from './render.tsx';

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 7,
    reference: 'MLA-IN-2026-00007',
    direction: 'incoming',
    kind: 'mla',
    status: 'under_review',
    counterpartCountry: 'DE',
    field: 'partyName',
    snippet: [
      { text: 'Hans ', hit: false },
      { text: 'Müller', hit: true },
    ],
    ...overrides,
  };
}

const HITS: SearchHit[] = [
  hit(),
  hit({
    id: 9,
    reference: 'MLA-OUT-2025-00002',
    status: 'sent',
    field: 'summary',
    snippet: [
      { text: 'Fraud by Anna ', hit: false },
      { text: 'Müller', hit: true },
    ],
  }),
];

function render(answer: (text: string) => SearchResult = () => ({ hits: HITS })) {
  const inputRef = createRef<HTMLInputElement>();
  const rendered = renderScreen(<GlobalSearch inputRef={inputRef} />, {
    'search.requests': (input) => ok(answer((input as { text: string }).text)),
  });
  const box = screen.getByRole('textbox', { name: 'Find by reference' });
  return { ...rendered, box, inputRef };
}

const searches = (calls: { channel: string; input: unknown }[]) =>
  calls.filter((c) => c.channel === 'search.requests').map((c) => (c.input as { text: string }).text);

describe('GlobalSearch', () => {
  it('shows results as the person types, once typing pauses: reference, status, field and the match', async () => {
    const { box, calls } = render();
    await userEvent.type(box, 'müller');
    const list = await screen.findByRole('listbox', { name: 'Requests found' });
    const [first, second] = within(list).getAllByRole('option');
    expect(first).toHaveTextContent('MLA-IN-2026-00007');
    expect(first).toHaveTextContent('Under review');
    expect(first).toHaveTextContent('in persons and entities');
    expect(first?.querySelector('mark')).toHaveTextContent('Müller');
    expect(second).toHaveTextContent('in summary');
    // One call for the whole word, not one per key.
    expect(searches(calls)).toEqual(['müller']);
    expect(screen.getByText('2 requests found; arrow keys to choose, Enter to open')).toBeInTheDocument();
  });

  it('opens the request chosen with the arrow keys on Enter, and clears the box', async () => {
    const { box } = render();
    await userEvent.type(box, 'müller');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getAllByRole('option')[1];
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second?.id);
    await userEvent.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/requests/9');
    expect(box).toHaveValue('');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('shows every match in the register on Enter when nothing is chosen', async () => {
    const { box } = render();
    await userEvent.type(box, 'Hans Müller{Enter}');
    expect(window.location.hash).toBe('#/register?text=Hans+M%C3%BCller');
  });

  it('reaches "show every match" with the keyboard, and wraps back to the text', async () => {
    const { box } = render();
    await userEvent.type(box, 'müller');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { name: 'Show every match in the register' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.keyboard('{ArrowDown}');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(window.location.hash).toBe('#/register?text=m%C3%BCller');
  });

  it('opens a result on click', async () => {
    const { box } = render();
    await userEvent.type(box, 'müller');
    await userEvent.click(await screen.findByRole('option', { name: /MLA-IN-2026-00007/ }));
    expect(window.location.hash).toBe('#/requests/7');
  });

  it('closes on Escape, then clears the text on a second Escape', async () => {
    const { box } = render();
    await userEvent.type(box, 'müller');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(box).toHaveValue('müller');
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  it('says when nothing matches, and does not search a single character', async () => {
    const { box, calls } = render(() => ({ hits: [] }));
    await userEvent.type(box, 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(searches(calls)).toEqual([]);
    await userEvent.type(box, 'yz');
    expect(await screen.findByText('No request matches “xyz”', { selector: 'p' })).toBeInTheDocument();
  });

  it('is focused through its ref, as Find (Ctrl/Cmd+F) does', () => {
    const { box, inputRef } = render();
    inputRef.current?.focus();
    expect(box).toHaveFocus();
  });
});
