import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../contract/requests.ts';
import { RegisterTable, ROW_HEIGHT } from '../../renderer/src/screens/register/RegisterTable.tsx';
import { summary } from './fixtures.ts';
import { withListLayout } from './list-layout.ts';
import { renderScreen } from './render.tsx';

const VIEW = 400;
const TOTAL = 100_000;
/** A body of 100,000 rows drawn 400,000 px tall: the scroll bar moves ten rows' worth per row height. */
const MAX_BODY = 400_000;
const reference = (index: number) => `MLA-IN-2026-${String(index + 1).padStart(6, '0')}`;
const rowAt = (index: number): RequestSummary => summary({ id: index + 1, reference: reference(index) });

function renderTable() {
  return renderScreen(
    <div style={{ height: VIEW }}>
      <RegisterTable
        address="scaled"
        total={TOTAL}
        rowAt={rowAt}
        onRange={() => undefined}
        columns={['reference', 'status']}
        sort={{ sort: 'updatedAt', order: 'desc' }}
        onSort={() => undefined}
        selected={new Set()}
        onSelect={() => undefined}
        selectAll={null}
        maxBodyPx={MAX_BODY}
      />
    </div>,
  );
}

const table = () => screen.getByRole('table', { name: 'Register' });
const scroller = () => table().parentElement as HTMLElement;
const body = () => table().querySelector('tbody') as HTMLElement;
const rows = () => [...table().querySelectorAll<HTMLElement>('tbody [role="row"]')];
const topOf = (row: HTMLElement) => Number(/translateY\((-?[\d.]+)px\)/.exec(row.style.transform)?.[1]);
const scrollBarTo = (top: number) => {
  scroller().scrollTop = top;
  fireEvent.scroll(scroller());
};
/** The rows drawn inside the view, by their place in the list. */
const inView = () => {
  const top = scroller().scrollTop;
  return rows()
    .filter((r) => topOf(r) + ROW_HEIGHT > top && topOf(r) < top + VIEW - ROW_HEIGHT)
    .map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
};

describe('the register list past Chromium’s tallest element', { timeout: 20_000 }, () => {
  withListLayout(VIEW);

  it('draws its body no taller than allowed, whatever the number of rows', async () => {
    renderTable();
    await screen.findByText(reference(0));
    expect(body().style.height).toBe(`${MAX_BODY}px`);
    expect(table()).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  });

  it('shows the last rows, drawn in view, with the scroll bar at its bottom', async () => {
    renderTable();
    await screen.findByText(reference(0));
    scrollBarTo(ROW_HEIGHT + MAX_BODY - VIEW);
    await screen.findByText(reference(TOTAL - 1));
    const shown = inView();
    expect(shown.at(-1)).toBe(TOTAL - 1);
    expect(shown.length).toBeGreaterThanOrEqual(8);
  });

  it('shows the middle of the list with the scroll bar in the middle, rows one under the other', async () => {
    renderTable();
    await screen.findByText(reference(0));
    scrollBarTo((ROW_HEIGHT + MAX_BODY - VIEW) / 2);
    await waitFor(() => expect(inView().length).toBeGreaterThanOrEqual(8));
    const shown = inView();
    expect(Math.abs((shown[0] ?? 0) - TOTAL / 2)).toBeLessThan(20);
    const drawn = rows().filter((r) => shown.includes(Number(r.getAttribute('aria-rowindex')) - 2));
    drawn.sort((a, b) => topOf(a) - topOf(b));
    for (let i = 1; i < drawn.length; i += 1) expect(topOf(drawn[i]!) - topOf(drawn[i - 1]!)).toBe(ROW_HEIGHT);
  });

  it('goes to the very last row with End and back to the first with Home', async () => {
    renderTable();
    await screen.findByText(reference(0));
    act(() => scroller().focus());
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', String(TOTAL + 1)));
    expect(inView()).toContain(TOTAL - 1);
    expect(scroller().scrollTop).toBeGreaterThan(MAX_BODY - VIEW);
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', String(TOTAL));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '2'));
    expect(scroller().scrollTop).toBe(0);
  });
});
