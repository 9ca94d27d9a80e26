import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Call } from './render.tsx';
import { RegisterScreen } from '../../renderer/src/screens/RegisterScreen.tsx';
import { summary } from './fixtures.ts';
import { withListLayout } from './list-layout.ts';
import { ok, renderScreen } from './render.tsx';

const TWO = {
  rows: [
    summary(),
    summary({
      id: 2,
      reference: 'PRE-OUT-2026-00001',
      direction: 'outgoing',
      kind: 'preservation',
      status: 'draft',
      counterpartCountry: 'US',
      openedOn: null,
      assignedTo: 'Paul Officer',
    }),
  ],
  total: 2,
};

const FAKES = {
  'requests.list': () => ok(TWO),
  'requests.facets': () =>
    ok({ officers: ['Nadia Officer', 'Paul Officer'], domesticAuthorities: ['Parquet de Paris'] }),
  'views.list': () => ok([]),
};

const render = (address = '', fakes = {}) =>
  renderScreen(<RegisterScreen query={new URLSearchParams(address)} />, { ...FAKES, ...fakes });
const callsTo = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);

describe('RegisterScreen', () => {
  withListLayout();

  it('lists the requests with their status, country and a link to each', async () => {
    render();
    const link = await screen.findByRole('link', { name: 'MLA-IN-2026-00001' });
    expect(link).toHaveAttribute('href', '#/requests/1');
    const row = screen.getByRole('row', { name: /PRE-OUT-2026-00001/ });
    expect(within(row).getByText('Draft')).toBeInTheDocument();
    expect(within(row).getByText('United States of America')).toBeInTheDocument();
    expect(within(row).getByText('Not yet sent')).toBeInTheDocument();
    expect(within(row).getByText('Paul Officer')).toBeInTheDocument();
    expect(screen.getByText('2 requests')).toBeInTheDocument();
  });

  it('passes every filter of the address to the query from its first block, and ignores one that is not valid', async () => {
    const { calls } = render(
      'state=open&kind=mla&country=FR&offence=07&due=waiting&officer=Paul%20Officer&from=2026-01-01&to=2026-02-30&page=2',
      { 'requests.list': () => ok({ rows: [], total: 0 }) },
    );
    expect(await screen.findByText('No request matches these filters.')).toBeInTheDocument();
    const [query] = callsTo(calls, 'requests.list');
    expect(query).toEqual({
      state: 'open',
      kind: 'mla',
      counterpartCountry: 'FR',
      offence: '07',
      due: 'waiting',
      assignedTo: 'Paul Officer',
      openedFrom: '2026-01-01',
      sort: 'updatedAt',
      order: 'desc',
      // The list is one scrolling table fetched in blocks: an old link's page number means nothing.
      limit: 100,
      offset: 0,
    });
  });

  it('puts a chosen filter into the address', async () => {
    render('', { 'requests.list': () => ok({ rows: [], total: 0 }) });
    await screen.findByText(/The register is empty/);
    await userEvent.click(screen.getByRole('combobox', { name: 'Needs attention' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Their deadline has passed' }));
    await waitFor(() => expect(window.location.hash).toBe('#/register?due=overdue'));
  });

  it('searches as the person types, after a pause', async () => {
    render();
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Search the register' }), 'Dupont');
    await waitFor(() => expect(window.location.hash).toBe('#/register?text=Dupont'));
  });

  it('sorts by a column header, announcing the order with aria-sort', async () => {
    render('sort=reference&order=asc');
    const reference = await screen.findByRole('columnheader', { name: /^Reference/ });
    expect(reference).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /^Updated/ })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: /^Their reference/ })).not.toHaveAttribute('aria-sort');
    await userEvent.click(within(reference).getByRole('button'));
    // Newest first is the default order, so the address leaves it out.
    expect(window.location.hash).toBe('#/register?sort=reference');
    await userEvent.click(within(screen.getByRole('columnheader', { name: /^Opened/ })).getByRole('button'));
    expect(window.location.hash).toBe('#/register?sort=openedOn');
  });

  it('shows the columns chosen, and remembers them', async () => {
    const first = render();
    await screen.findByRole('columnheader', { name: 'Their reference' });
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Their reference' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Their deadline' }));
    expect(screen.queryByRole('columnheader', { name: 'Their reference' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Their deadline' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Reference' })).toBeDisabled();
    first.unmount();
    render();
    await screen.findByRole('columnheader', { name: 'Their deadline' });
    expect(screen.queryByRole('columnheader', { name: 'Their reference' })).not.toBeInTheDocument();
  });

  it('assigns the selected requests to one officer', async () => {
    const { calls } = render('', { 'requests.assign': () => ok({ changed: 2 }) });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select MLA-IN-2026-00001' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select PRE-OUT-2026-00001' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all 2 requests' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Assign to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign 2 requests' });
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Officer in charge' }), 'Nadia Officer');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('2 requests assigned to Nadia Officer.')).toBeInTheDocument();
    expect(callsTo(calls, 'requests.assign')).toEqual([{ ids: [1, 2], assignedTo: 'Nadia Officer' }]);
    await waitFor(() => expect(screen.queryByText('2 selected')).not.toBeInTheDocument());
  });

  it('selects every request of the result from the header, and clears them again', async () => {
    const { calls } = render();
    const all = await screen.findByRole('checkbox', { name: 'Select all 2 requests' });
    await userEvent.click(all);
    expect(await screen.findByText('2 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select PRE-OUT-2026-00001' })).toBeChecked();
    // The ids of the whole result, in one call at the list's limit.
    expect(callsTo(calls, 'requests.list').at(-1)).toMatchObject({ limit: 500, offset: 0 });
    await userEvent.click(all);
    expect(screen.queryByText('2 selected')).not.toBeInTheDocument();
  });

  it('offers no select-all beyond 500 requests, saying to narrow the filters', async () => {
    render('', { 'requests.list': () => ok({ ...TWO, total: 501 }) });
    const all = await screen.findByRole('checkbox', {
      name: 'Narrow the filters to 500 requests or fewer to select them all',
    });
    expect(all).toBeDisabled();
  });

  it('drops the selection when the filters change, so a bulk action reaches only what is shown', async () => {
    render();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select MLA-IN-2026-00001' }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'State' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    expect(screen.queryByText('1 selected')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select MLA-IN-2026-00001' })).not.toBeChecked();
  });

  it('shows why an assignment was refused', async () => {
    render('', {
      'requests.assign': () => ({ ok: false, error: { code: 'denied', message: 'Your role may not do this.' } }),
    });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select MLA-IN-2026-00001' }));
    await userEvent.click(screen.getByRole('button', { name: 'Assign to…' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('Your role may not do this.')).toBeInTheDocument();
    expect(screen.getByText('1 selected')).toBeInTheDocument();
  });

  it('applies, saves and deletes saved views', async () => {
    const view = {
      id: 7,
      name: 'Urgent incoming',
      query: { urgency: 'urgent', direction: 'incoming', state: 'open', sort: 'updatedAt', order: 'desc' },
      createdAt: '',
    };
    const { calls } = render('kind=mla', {
      'views.list': () => ok([view]),
      'views.save': (input: unknown) => ok({ ...view, id: 8, ...(input as object) }),
      'views.delete': () => ok({ deleted: 1 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Save the current filters as' }), 'MLA only');
    await userEvent.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await screen.findByText('View “MLA only” saved.')).toBeInTheDocument();
    expect(callsTo(calls, 'views.save')).toEqual([
      { name: 'MLA only', query: { kind: 'mla', state: 'all', sort: 'updatedAt', order: 'desc' } },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete the view Urgent incoming' }));
    await waitFor(() => expect(callsTo(calls, 'views.delete')).toEqual([{ id: 7 }]));
    await userEvent.click(screen.getByRole('button', { name: 'Show Urgent incoming' }));
    expect(window.location.hash).toBe('#/register?direction=incoming&state=open&urgency=urgent');
  });

  it('exports what is shown: the filters and the columns chosen', async () => {
    const { calls } = render('kind=mla&sort=reference&order=asc', {
      'reports.list': () => ok({ name: 'register.csv', bytes: 10, path: '/tmp/register.csv', downloadId: null }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Export' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'CSV file' }));
    expect(await screen.findByText('Exported to register.csv.')).toBeInTheDocument();
    expect(callsTo(calls, 'reports.list')).toEqual([
      {
        query: { kind: 'mla', state: 'all', sort: 'reference', order: 'asc' },
        columns: [
          'reference',
          'direction',
          'kind',
          'status',
          'counterpartCountry',
          'counterpartReference',
          'openedOn',
          'assignedTo',
          'updatedAt',
        ],
        format: 'csv',
        language: 'en',
        target: { kind: 'download' },
      },
    ]);
  });

  it('produces a status report for an authority chosen from those in the register', async () => {
    const { calls } = render('', {
      'reports.status': () => ok({ name: 'status.xlsx', bytes: 10, path: '/tmp/status.xlsx', downloadId: null }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Status report…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Status report' });
    const produce = within(dialog).getByRole('button', { name: 'Produce report' });
    expect(produce).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Domestic authority/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Parquet de Paris' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Excel workbook (XLSX)' }));
    await userEvent.click(produce);
    expect(await screen.findByText('Status report saved as status.xlsx.')).toBeInTheDocument();
    expect(callsTo(calls, 'reports.status')).toEqual([
      {
        by: 'domesticAuthority',
        value: 'Parquet de Paris',
        includeClosed: false,
        format: 'xlsx',
        language: 'en',
        target: { kind: 'download' },
      },
    ]);
  });
});
