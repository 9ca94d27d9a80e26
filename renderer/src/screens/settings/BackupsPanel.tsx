import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BackupSummary } from '../../../../contract/backups.ts';
import type { Localised } from '../../../../contract/messages.ts';
import { formatNumber, languageOf } from '../../i18n/format.ts';
import { useApi } from '../../api/context.tsx';
import { formatMoment, formatSize } from '../request/documents/format.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import { RetentionForm } from './RetentionForm.tsx';
import { errorText, messageText } from '../../components/error-text.ts';
import { useAppInfo } from '../../api/app-info.ts';

const LIST_KEY = ['backups.list'];

/** The Backups part of the Settings screen: administrators only (the server refuses anyone else anyway). */
export function BackupsPanel() {
  const info = useAppInfo();
  if (!info.data?.actor.roles.includes('administrator')) return null;
  return <Backups />;
}

const firstProblem = (t: TFunction, problems: readonly Localised[]): string =>
  problems[0] ? messageText(t, problems[0]) : '';

function CheckCell({ backup }: { backup: BackupSummary }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatMoment(iso, i18n.language);
  if (backup.state === 'damaged') {
    return <Text c="red">{t('backups.state.damaged', { problem: firstProblem(t, backup.problems) })}</Text>;
  }
  if (backup.state === 'newer') return <Text c="orange">{t('backups.state.newer')}</Text>;
  const check = backup.lastCheck;
  return (
    <Stack gap={2}>
      {check === null ? (
        <Text>{t('backups.state.unverified')}</Text>
      ) : check.ok ? (
        <Text c="green">{t('backups.state.verified', { at: at(check.at) })}</Text>
      ) : (
        <Text c="red">{t('backups.state.failed', { at: at(check.at), problem: firstProblem(t, check.problems) })}</Text>
      )}
      {backup.missingDocuments > 0 && (
        <Text size="sm" c="orange">
          {t('backups.missingDocuments', { count: backup.missingDocuments })}
        </Text>
      )}
    </Stack>
  );
}

function Backups() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  const list = useQuery({ queryKey: LIST_KEY, queryFn: () => api.call('backups.list', {}) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const at = (iso: string) => formatMoment(iso, i18n.language);

  const create = useMutation({
    mutationFn: () => api.call('backups.create', {}),
    onSuccess: async (backup) => {
      notifications.show({
        color: 'green',
        message: t('backups.created', { requests: backup.requestCount, documents: backup.documentCount }),
      });
      await refresh();
    },
  });
  const verify = useMutation({
    mutationFn: (backup: BackupSummary) => api.call('backups.verify', { name: backup.name }),
    onSuccess: async (result, backup) => {
      notifications.show(
        result.ok
          ? { color: 'green', message: t('backups.verified', { at: at(backup.createdAt), files: result.files }) }
          : {
              color: 'red',
              message: t('backups.verifyFailed', {
                at: at(backup.createdAt),
                problems: result.problems.map((p) => messageText(t, p)).join('; '),
              }),
            },
      );
      // Worth knowing though no reason to refuse it: documents already missing when it was taken.
      for (const warning of result.warnings) notifications.show({ color: 'orange', message: messageText(t, warning) });
      await refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorText(t, e) }),
  });

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {t('backups.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('backups.intro')}
          </Text>
          {list.data && (
            <Text size="sm" c="dimmed">
              {t('backups.folder', { folder: list.data.folder })}
            </Text>
          )}
        </div>
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('backups.create')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" role="alert">
            {errorText(t, create.error)}
          </Alert>
        )}
        {list.isPending && <Loader size="sm" aria-label={t('backups.loading')} />}
        {list.isError && (
          <Alert color="red" role="alert">
            {errorText(t, list.error)}
          </Alert>
        )}
        {list.data && list.data.backups.length === 0 && <Text>{t('backups.none')}</Text>}
        {list.data && list.data.backups.length > 0 && (
          <Table aria-label={t('backups.table')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.column.taken')}</Table.Th>
                <Table.Th>{t('backups.column.reason')}</Table.Th>
                <Table.Th>{t('backups.column.requests')}</Table.Th>
                <Table.Th>{t('backups.column.documents')}</Table.Th>
                <Table.Th>{t('backups.column.size')}</Table.Th>
                <Table.Th>{t('backups.column.check')}</Table.Th>
                <Table.Th>{t('backups.column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.backups.map((backup) => (
                <Table.Tr key={backup.name}>
                  <Table.Td title={backup.name}>{at(backup.createdAt)}</Table.Td>
                  <Table.Td>{t(`backups.reason.${backup.reason}`)}</Table.Td>
                  <Table.Td>{formatNumber(backup.requestCount, languageOf(i18n.language))}</Table.Td>
                  <Table.Td>{formatNumber(backup.documentCount, languageOf(i18n.language))}</Table.Td>
                  <Table.Td>{formatSize(backup.bytes, i18n.language)}</Table.Td>
                  <Table.Td>
                    <CheckCell backup={backup} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('backups.verifyLabel', { at: at(backup.createdAt) })}
                        loading={verify.isPending && verify.variables.name === backup.name}
                        disabled={backup.state === 'newer'}
                        onClick={() => verify.mutate(backup)}
                      >
                        {t('backups.verify')}
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        aria-label={t('backups.restoreLabel', { at: at(backup.createdAt) })}
                        disabled={backup.state !== 'complete'}
                        onClick={() => setRestoring(backup)}
                      >
                        {t('backups.restore')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.data && list.data.incomplete > 0 && (
          <Text size="sm" c="dimmed">
            {t('backups.incomplete', { count: list.data.incomplete })}
          </Text>
        )}
        {list.data && <RetentionForm initial={list.data.retention} />}
      </Stack>
      {restoring && list.data && (
        <RestoreDialog
          backup={restoring}
          setAsideFolder={list.data.setAsideFolder}
          onClose={() => setRestoring(null)}
        />
      )}
    </Paper>
  );
}
