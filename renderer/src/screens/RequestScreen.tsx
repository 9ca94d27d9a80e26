import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Move, RequestDetail } from '../../../contract/requests.ts';
import { ApiCallError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { countryName } from '../i18n/index.ts';
import { hrefOf } from '../routing/routes.ts';
import { MoveDialog } from './MoveDialog.tsx';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value && value !== '' ? value : '—'}</Text>
    </div>
  );
}

function History({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('request.history')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('request.historyWhen')}</Table.Th>
          <Table.Th>{t('request.historyMove')}</Table.Th>
          <Table.Th>{t('request.historyWho')}</Table.Th>
          <Table.Th>{t('request.historyNote')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {request.history.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td title={t('request.historyRecorded', { at: new Date(h.recordedAt).toLocaleString() })}>
              {h.effectiveOn}
            </Table.Td>
            <Table.Td>
              {h.fromStatus === null
                ? t('request.historyCreated', { status: t(`status.${h.toStatus}`) })
                : `${t(`status.${h.fromStatus}`)} → ${t(`status.${h.toStatus}`)}`}
            </Table.Td>
            <Table.Td>{h.actor}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{h.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RequestScreen({ id, today }: { id: number; today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const [move, setMove] = useState<Move | null>(null);
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => api.call('requests.get', { id }) });

  if (request.isPending) return <Loader aria-label={t('app.loading')} />;
  if (request.isError) {
    const notFound = request.error instanceof ApiCallError && request.error.error.code === 'not_found';
    return (
      <Alert color="red" role="alert" title={notFound ? t('request.notFound') : t('errors.storage')}>
        {!notFound && request.error.message}
        <Anchor href={hrefOf({ screen: 'register', query: new URLSearchParams() })} display="block" mt="sm">
          {t('request.back')}
        </Anchor>
      </Alert>
    );
  }
  const r = request.data;
  const forward = r.moves.filter((m) => !m.reopening);
  const reopen = r.moves.filter((m) => m.reopening);

  return (
    <Stack gap="md">
      <Anchor href={hrefOf({ screen: 'register', query: new URLSearchParams() })} size="sm">
        ← {t('request.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>{r.reference}</Title>
        <StatusBadge status={r.status} />
        {r.urgency === 'urgent' && <Badge color="red">{t('urgency.urgent')}</Badge>}
      </Group>
      <Text c="dimmed">
        {t(`direction.${r.direction}`)} · {t(`kind.${r.kind}`)} · {countryName(r.counterpartCountry)}
      </Text>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('request.nextSteps')}
        </Title>
        {r.moves.length === 0 && <Text c="dimmed">{t('request.noNextSteps')}</Text>}
        <Group gap="xs">
          {forward.map((m) => (
            <Button
              key={m.to}
              variant={m.to === 'refused' ? 'outline' : 'light'}
              color={m.to === 'refused' ? 'red' : 'indigo'}
              onClick={() => setMove(m)}
            >
              {t(`status.${m.to}`)}
            </Button>
          ))}
          {reopen.map((m) => (
            <Button key={m.to} variant="default" onClick={() => setMove(m)}>
              {t('request.reopen', { status: t(`status.${m.to}`) })}
            </Button>
          ))}
        </Group>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('request.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('request.opened')} value={r.openedOn ?? t('request.notOpened')} />
          <Field label={t('request.closed')} value={r.closedOn} />
          <Field label={t('form.assignedTo')} value={r.assignedTo} />
          <Field label={t('form.counterpartAuthority')} value={r.counterpartAuthority} />
          <Field label={t('form.counterpartReference')} value={r.counterpartReference} />
          <Field label={t('form.domesticAuthority')} value={r.domesticAuthority} />
          <Field label={t('form.domesticReference')} value={r.domesticReference} />
          <Field label={t('form.legalBasis')} value={r.legalBasis && t(`legalBasis.${r.legalBasis}`)} />
          <Field label={t('form.channel')} value={r.channel && t(`channel.${r.channel}`)} />
          {r.kind !== 'mla' && <Field label={t('form.serviceProvider')} value={r.serviceProvider} />}
          {r.refusalGrounds.length > 0 && (
            <Field
              label={t('request.refusalGrounds')}
              value={r.refusalGrounds.map((g) => t(`refusalGround.${g}`)).join(', ')}
            />
          )}
        </SimpleGrid>
        <Field label={t('form.summary')} value={r.summary} />
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('request.history')}
        </Title>
        <History request={r} />
      </Paper>

      {move && <MoveDialog request={r} move={move} today={today} onClose={() => setMove(null)} />}
    </Stack>
  );
}
