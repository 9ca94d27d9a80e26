import { Alert, Anchor, Button, Group, Loader, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, KINDS, type Direction, type Kind } from '../../../contract/codes.ts';
import type { ListQuery } from '../../../contract/requests.ts';
import { useApi } from '../api/context.tsx';
import { useCodeOptions, useCountryOptions } from '../components/options.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { countryName } from '../i18n/index.ts';
import { hrefOf, navigate } from '../routing/routes.ts';

const PAGE_SIZE = 50;
const STATES = ['all', 'open', 'closed'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The filters live in the address, so a filtered register can be linked to and gone back to. */
function queryOf(params: URLSearchParams): ListQuery & { page: number } {
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const direction = pick<Direction>(params.get('direction'), DIRECTIONS);
  const kind = pick<Kind>(params.get('kind'), KINDS);
  const country = params.get('country');
  const text = params.get('text');
  return {
    ...(direction ? { direction } : {}),
    ...(kind ? { kind } : {}),
    ...(country ? { counterpartCountry: country } : {}),
    ...(text ? { text } : {}),
    state: pick(params.get('state'), STATES) ?? 'all',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    page,
  };
}

export function RegisterScreen({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const api = useApi();
  const { page, ...query } = queryOf(params);
  const list = useQuery({
    queryKey: ['requests.list', query],
    queryFn: () => api.call('requests.list', query),
    placeholderData: keepPreviousData,
  });
  const directionOptions = useCodeOptions('direction', DIRECTIONS);
  const kindOptions = useCodeOptions('kind', KINDS);
  const countryOptions = useCountryOptions();

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '' || (key === 'state' && value === 'all')) next.delete(key);
    else next.set(key, value);
    if (key !== 'page') next.delete('page');
    navigate({ screen: 'register', query: next }, { replace: true });
  };
  const filtered = [...params.keys()].some((k) => k !== 'page');
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('register.title')}</Title>
        <Group gap="sm">
          {list.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
          <Text c="dimmed" aria-live="polite">
            {t('register.count', { count: total })}
          </Text>
        </Group>
      </Group>
      <Group gap="sm" align="end" role="group" aria-label={t('register.filters')}>
        <Select
          label={t('form.direction')}
          placeholder={t('register.anyDirection')}
          data={directionOptions}
          value={query.direction ?? null}
          onChange={(v) => setParam('direction', v)}
          clearable
          w={150}
        />
        <Select
          label={t('form.kind')}
          placeholder={t('register.anyKind')}
          data={kindOptions}
          value={query.kind ?? null}
          onChange={(v) => setParam('kind', v)}
          clearable
          w={220}
        />
        <Select
          label={t('register.state')}
          data={[
            { value: 'all', label: t('register.stateAll') },
            { value: 'open', label: t('register.stateOpen') },
            { value: 'closed', label: t('register.stateClosed') },
          ]}
          value={query.state ?? 'all'}
          onChange={(v) => setParam('state', v)}
          allowDeselect={false}
          w={120}
        />
        <Select
          label={t('register.country')}
          placeholder={t('register.anyCountry')}
          data={countryOptions}
          value={query.counterpartCountry ?? null}
          onChange={(v) => setParam('country', v)}
          searchable
          clearable
          w={240}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => navigate({ screen: 'register', query: new URLSearchParams() })}>
            {t('register.clearFilters')}
          </Button>
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
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.columns.reference')}</Table.Th>
              <Table.Th>{t('register.columns.kind')}</Table.Th>
              <Table.Th>{t('register.columns.status')}</Table.Th>
              <Table.Th>{t('register.columns.country')}</Table.Th>
              <Table.Th>{t('register.columns.counterpartReference')}</Table.Th>
              <Table.Th>{t('register.columns.openedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor href={hrefOf({ screen: 'request', id: row.id })} fw={500}>
                    {row.reference}
                  </Anchor>
                  {row.urgency === 'urgent' && (
                    <Text span c="red" size="xs" ms={6}>
                      {t('urgency.urgent')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {t(`direction.${row.direction}`)} · {t(`kind.${row.kind}`)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={row.status} />
                </Table.Td>
                <Table.Td>{countryName(row.counterpartCountry)}</Table.Td>
                <Table.Td>{row.counterpartReference ?? ''}</Table.Td>
                <Table.Td>{row.openedOn ?? t('request.notOpened')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => setParam('page', String(p))}
            getControlProps={(control) => ({ 'aria-label': control })}
          />
        </Group>
      )}
    </Stack>
  );
}
