import { Alert, Button, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedQuery } from '../../../contract/views.ts';
import { useApi } from '../api/context.tsx';
import { AssignDialog } from './register/AssignDialog.tsx';
import { ColumnsMenu } from './register/ColumnsMenu.tsx';
import { useColumns } from './register/columns.ts';
import { ExportMenu } from './register/ExportMenu.tsx';
import { Filters } from './register/Filters.tsx';
import { RegisterTable } from './register/RegisterTable.tsx';
import { StatusReportDialog } from './register/StatusReportDialog.tsx';
import { pageOf, queryOf, showRegister } from './register/url.ts';
import { ViewsMenu } from './register/ViewsMenu.tsx';

const PAGE_SIZE = 50;

/** The register: every request, filtered, sorted and paged by the address, with bulk actions. */
export function RegisterScreen({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const api = useApi();
  const query = queryOf(params);
  const page = pageOf(params);
  const [columns, setColumns] = useColumns();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'assign' | 'statusReport' | null>(null);
  const list = useQuery({
    queryKey: ['requests.list', query, page],
    queryFn: () => api.call('requests.list', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  /**
   * A filter or the sort changed: back to the first page, in place of the current address. The
   * selection is dropped with the filter, so a bulk action never reaches requests out of sight.
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
  const select = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const filtered = [...params.keys()].some((k) => !['page', 'sort', 'order'].includes(k));
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('register.title')}</Title>
          {list.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
          <Text c="dimmed" aria-live="polite">
            {t('register.count', { count: total })}
          </Text>
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
            <Button onClick={() => setDialog('assign')}>{t('register.assign.button')}</Button>
            <Button variant="subtle" onClick={() => setSelected(new Set())}>
              {t('register.clearSelection')}
            </Button>
          </>
        )}
      </Group>
      {list.isError && (
        <Alert color="red" title={t('errors.storage')}>
          {list.error.message}
        </Alert>
      )}
      {list.data && list.data.rows.length === 0 && (
        <Text c="dimmed">{filtered ? t('register.empty') : t('register.emptyAll')}</Text>
      )}
      {list.data && list.data.rows.length > 0 && (
        <RegisterTable
          rows={list.data.rows}
          columns={columns}
          sort={query}
          onSort={(sort) => change(sort)}
          selected={selected}
          onSelect={select}
        />
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => showRegister(query, { replace: true, page: p })}
            getControlProps={(control) => ({ 'aria-label': control })}
          />
        </Group>
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
