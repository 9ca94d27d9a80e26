import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../contract/errors.ts';
import type { ListResult } from '../../contract/requests.ts';
import { useRoute } from '../../renderer/src/routing/routes.ts';
import { RegisterScreen } from '../../renderer/src/screens/RegisterScreen.tsx';
import { summary } from './fixtures.ts';
import { withListLayout } from './list-layout.ts';
import { type Call, ok, renderScreen } from './render.tsx';

const ROW = 40; // the table's row (and header) height
const TOTAL = 100_000;
const reference = (id: number) => `MLA-IN-2026-${String(id).padStart(6, '0')}`;

/** A register of `total()` requests; request i+1 is at position i. */
const listOf =
  (total: () => number) =>
  (input: unknown): Envelope<ListResult> => {
    const { offset, limit } = input as { offset: number; limit: number };
    const rows = [];
    for (let i = offset; i < Math.min(total(), offset + limit); i += 1) {
      rows.push(summary({ id: i + 1, reference: reference(i + 1) }));
    }
    return ok({ rows, total: total() });
  };

/** The register as the app shows it: following the address, as a filter or sort changes it. */
function Routed() {
  const route = useRoute();
  return route.screen === 'register' ? <RegisterScreen query={route.query} /> : null;
}

const render = (address = '', fakes = {}) => {
  window.location.hash = `#/register?${address}`;
  return renderScreen(<Routed />, {
    'requests.list': listOf(() => TOTAL),
    'requests.facets': () => ok({ officers: [], domesticAuthorities: [] }),
    ...fakes,
  });
};
const offsets = (calls: Call[]) =>
  calls.filter((c) => c.channel === 'requests.list').map((c) => (c.input as { offset: number }).offset);
const table = () => screen.getByRole('table', { name: 'Register' });
const scroller = () => table().parentElement as HTMLElement;
// Plain selectors where roles are not the point: role queries are slow on a table this size.
const dataRows = () => [...table().querySelectorAll<HTMLElement>('tbody [role="row"]')];
/** Scrolls so that row `index` is the first in sight, just under the sticky header. */
const scrollToRow = (index: number) => {
  scroller().scrollTop = index * ROW;
  fireEvent.scroll(scroller());
};

// jsdom is slow with a screen this size on a busy machine: room beyond the default 5 s.
describe('the register list, virtualised', { timeout: 20_000 }, () => {
  withListLayout(400);

  it('renders only the rows in view of 100,000, each with its place in aria-rowindex', async () => {
    const { calls } = render();
    await screen.findByText(reference(1));
    expect(table()).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(screen.getByText(`${TOTAL.toLocaleString('en')} requests`)).toBeInTheDocument();
    const rows = dataRows();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThan(40);
    rows.forEach((row, i) => {
      expect(row).toHaveAttribute('aria-rowindex', String(i + 2));
      expect(within(row).getByRole('link')).toHaveTextContent(reference(i + 1));
    });
    // The first block, and the next one ahead of the scroll.
    await waitFor(() => expect(offsets(calls)).toEqual([0, 100]));
  });

  it('fetches the block at the scroll position and its neighbours, not the rows scrolled past', async () => {
    const { calls } = render();
    await screen.findByText(reference(1));
    scrollToRow(50_000);
    const link = await screen.findByText(reference(50_001));
    expect(link.closest('[role="row"]')).toHaveAttribute('aria-rowindex', String(50_002));
    await waitFor(() => expect(offsets(calls)).toEqual(expect.arrayContaining([49_900, 50_000, 49_800, 50_100])));
    expect(offsets(calls).every((offset) => offset <= 100 || (offset >= 49_800 && offset <= 50_100))).toBe(true);
    expect(dataRows().length).toBeLessThan(40);
  });

  it('shows skeleton rows of the same height while their block is on its way, then the rows', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const list = listOf(() => TOTAL);
    render('', {
      'requests.list': async (input: unknown) => {
        if ((input as { offset: number }).offset >= 1000) await held;
        return list(input);
      },
    });
    await screen.findByText(reference(1));
    scrollToRow(70_000);
    await waitFor(() => expect(table().querySelectorAll('[aria-busy="true"]').length).toBeGreaterThan(5));
    const skeleton = table().querySelector('[aria-rowindex="70002"]') as HTMLElement;
    expect(skeleton).toHaveAttribute('aria-busy', 'true');
    expect(skeleton.style.transform).toBe(`translateY(${70_000 * ROW}px)`);
    await act(async () => release());
    const link = await screen.findByText(reference(70_001));
    expect(link.closest('[role="row"]')).toBe(table().querySelector('[aria-rowindex="70002"]'));
    expect(table().querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
  });

  it('moves through the rows with the keyboard, opens one with Enter and selects one with Space', async () => {
    const { calls } = render();
    await screen.findByText(reference(1));
    act(() => scroller().focus());
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', String(TOTAL + 1)));
    await screen.findByText(reference(TOTAL));
    expect(offsets(calls)).toContain(99_900);
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '2'));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '3');
    // A page is the rows the 400-pixel area shows under its header, less one for context.
    await userEvent.keyboard('{PageDown}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', String(3 + 8));
    await userEvent.keyboard('{PageUp}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '2');
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '2');
    await userEvent.keyboard(' ');
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `Select ${reference(1)}` })).toBeChecked();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(window.location.hash).toBe('#/requests/2');
  });

  it('keeps its place when the same list is refreshed, and the count comes with the blocks in view', async () => {
    let total = TOTAL;
    const { calls } = render('', {
      'requests.list': listOf(() => total),
      'requests.assign': () => {
        total -= 1;
        return ok({ changed: 1 });
      },
    });
    await screen.findByText(reference(1));
    scrollToRow(50_000);
    await userEvent.click(await screen.findByRole('checkbox', { name: `Select ${reference(50_001)}` }));
    const before = calls.length;
    await userEvent.click(screen.getByRole('button', { name: 'Assign to…' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Officer in charge' }), 'Nadia');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText(`${(TOTAL - 1).toLocaleString('en')} requests`)).toBeInTheDocument();
    // Only the blocks on screen were asked again, not the 500 blocks above them.
    expect(offsets(calls.slice(before)).sort()).toEqual([49_900, 50_000]);
    expect(scroller().scrollTop).toBe(50_000 * ROW);
    expect(screen.getByText(reference(50_001))).toBeInTheDocument();
  });

  it('starts a new filter or sort at the top', async () => {
    const { calls } = render();
    await screen.findByText(reference(1));
    scrollToRow(50_000);
    await screen.findByText(reference(50_001));
    await userEvent.click(screen.getByRole('combobox', { name: 'State' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await waitFor(() => expect(scroller().scrollTop).toBe(0));
    await screen.findByText(reference(1));
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2');
    // The new result's first block and the next, nothing from where the old one was.
    const open = calls.filter((c) => (c.input as { state?: string }).state === 'open');
    expect(offsets(open)).toEqual([0, 100]);
    scrollToRow(30_000);
    await screen.findByText(reference(30_001));
    await userEvent.click(within(screen.getByRole('columnheader', { name: /^Reference/ })).getByRole('button'));
    await waitFor(() => expect(scroller().scrollTop).toBe(0));
  });

  it('comes back to where it was when the same address is shown again (Back from a request)', async () => {
    const first = render('kind=mla');
    await screen.findByText(reference(1));
    scrollToRow(50_000);
    await screen.findByText(reference(50_001));
    first.unmount();
    const { calls } = render('kind=mla');
    await screen.findByText(reference(50_001));
    expect(scroller().scrollTop).toBe(50_000 * ROW);
    // It asked for the rows where it was, not for the top of the list.
    expect(offsets(calls)).not.toContain(0);
  });
});
