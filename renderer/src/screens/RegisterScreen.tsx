import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedQuery } from '../../../contract/views.ts';
import { AssignDialog } from './register/AssignDialog.tsx';
import { ColumnsMenu } from './register/ColumnsMenu.tsx';
import { useColumns } from './register/columns.ts';
import { ExportMenu } from './register/ExportMenu.tsx';
import { Filters } from './register/Filters.tsx';
import { RegisterTable } from './register/RegisterTable.tsx';
import { SelectAll } from './register/SelectAll.tsx';
import { useCan } from '../session/SessionContext.tsx';
import { StatusReportDialog } from './register/StatusReportDialog.tsx';
import { paramsOf, queryOf, showRegister } from './register/url.ts';
import { useRegisterRows } from './register/useRegisterRows.ts';
import { ViewsMenu } from './register/ViewsMenu.tsx';
import { errorText } from '../components/error-text.ts';

/** The screen fills the window below the header; the list takes what the filters leave. */
const FULL_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - var(--app-shell-footer-offset, 0rem) - 2 * var(--app-shell-padding, 0rem))';

/** The register: every request, filtered and sorted by the address, in one scrolling list, with bulk actions. */
export function RegisterScreen({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const query = queryOf(params);
  const address = paramsOf(query).toString();
  const rows = useRegisterRows(query, address);
  const [columns, setColumns] = useColumns();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const can = useCan();
  const [dialog, setDialog] = useState<'assign' | 'statusReport' | null>(null);

  /**
   * A filter or the sort changed, in place of the current address. The selection is dropped
   * with the filter, so a bulk action never reaches requests out of sight.
   */
  const change = (patch: Partial<Record<keyof SavedQuery, string | null>>) => {
    setSelected(new Set());
    const next: Record<string, unknown> = { ...query };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === '') delete next[key];
      else next[key] = value;
    }
    showRegister(next, { replace: true });
  };
  // Stable, so that rows scrolling by are not all drawn again.
  const select = useCallback(
    (ids: number[], on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const filtered = [...new URLSearchParams(address).keys()].some((k) => k !== 'sort' && k !== 'order');
  const total = rows.total;

  return (
    <Stack gap="md" h={FULL_HEIGHT}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('register.title')}</Title>
          {(rows.fetching || total === null) && <Loader size="xs" aria-label={t('app.loading')} />}
          {total !== null && (
            <Text c="dimmed" aria-live="polite">
              {t('register.count', { count: total })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <ViewsMenu query={query} />
          <ColumnsMenu columns={columns} onChange={setColumns} />
          <ExportMenu query={query} columns={columns} />
          <Button variant="default" onClick={() => setDialog('statusReport')}>
            {t('reports.status.button')}
          </Button>
        </Group>
      </Group>
      <Filters query={query} onChange={change} />
      <Group gap="sm" mih={36}>
        {filtered && (
          <Button variant="subtle" onClick={() => showRegister({})}>
            {t('register.clearFilters')}
          </Button>
        )}
        {selected.size > 0 && (
          <>
            <Text fw={500}>{t('register.selected', { count: selected.size })}</Text>
            {can('requests.assign') && (
              <Button onClick={() => setDialog('assign')}>{t('register.assign.button')}</Button>
            )}
            <Button variant="subtle" onClick={() => setSelected(new Set())}>
              {t('register.clearSelection')}
            </Button>
          </>
        )}
      </Group>
      {rows.error && (
        <Alert color="red" title={t('errors.storage')}>
          {errorText(t, rows.error)}
        </Alert>
      )}
      {total === 0 && <Text c="dimmed">{filtered ? t('register.empty') : t('register.emptyAll')}</Text>}
      {total !== null && total > 0 && (
        <RegisterTable
          address={address}
          total={total}
          rowAt={rows.rowAt}
          onRange={rows.show}
          columns={columns}
          sort={query}
          onSort={(sort) => change(sort)}
          selected={selected}
          onSelect={select}
          selectAll={
            <SelectAll
              total={total}
              selected={selected}
              allIds={rows.allIds}
              onSelect={select}
              onClear={() => setSelected(new Set())}
            />
          }
        />
      )}
      <AssignDialog
        ids={[...selected]}
        opened={dialog === 'assign'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          setSelected(new Set());
        }}
      />
      <StatusReportDialog opened={dialog === 'statusReport'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
