import { Alert, Badge, Button, Group, List, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrespondenceEntry } from '../../../../contract/documents.ts';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { useApi } from '../../api/context.tsx';
import { CorrespondenceDialog } from './documents/CorrespondenceDialog.tsx';
import { formatMoment } from './documents/format.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { errorText } from '../../components/error-text.ts';
import { usePersonName } from '../../api/person-names.ts';

/** The log of messages to and from the counterpart, each with the documents it carried. */
export function CorrespondenceTab({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  const language = languageOf(i18n.language);
  const api = useApi();
  // null: closed; 'new': adding; an entry: correcting it.
  const [editing, setEditing] = useState<CorrespondenceEntry | 'new' | null>(null);
  const mayWrite = useCan()('correspondence.add');
  const log = useQuery({
    queryKey: ['correspondence.list', request.id],
    queryFn: () => api.call('correspondence.list', { requestId: request.id }),
  });
  const documents = useQuery({
    queryKey: ['documents.list', request.id],
    queryFn: () => api.call('documents.list', { requestId: request.id }),
  });
  const entries = log.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-label={t('correspondence.region', { reference: request.reference })}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('correspondence.title')}
        </Title>
        {mayWrite && (
          <Button size="xs" onClick={() => setEditing('new')}>
            {t('correspondence.add')}
          </Button>
        )}
      </Group>
      {log.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {log.isError && (
        <Alert color="red" role="alert">
          {t('correspondence.loadFailed', { message: errorText(t, log.error) })}
        </Alert>
      )}
      {log.isSuccess && entries.length === 0 && <Text c="dimmed">{t('correspondence.none')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('correspondence.table', { reference: request.reference })} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('correspondence.date')}</Table.Th>
                <Table.Th>{t('correspondence.direction')}</Table.Th>
                <Table.Th>{t('correspondence.channel')}</Table.Th>
                <Table.Th>{t('correspondence.summary')}</Table.Th>
                <Table.Th>{t('correspondence.documents')}</Table.Th>
                <Table.Th>{t('correspondence.recorded')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('documents.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.onDate, language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.direction === 'incoming' ? 'blue' : 'grape'}>
                      {t(`correspondenceDirection.${e.direction}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`correspondenceChannel.${e.channel}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }} maw={420}>
                    <Isolate>{e.summary}</Isolate>
                  </Table.Td>
                  <Table.Td>
                    {e.documents.length > 0 && (
                      <List size="sm" listStyleType="none" spacing={2}>
                        {e.documents.map((d) => (
                          <List.Item key={d.id}>
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              <Isolate>{d.originalName}</Isolate>
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Isolate>{nameOf(e.recordedBy)}</Isolate>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatMoment(e.recordedAt, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {mayWrite && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(e)}
                        aria-label={t('correspondence.editLabel', { date: formatDate(e.onDate, language) })}
                      >
                        {t('correspondence.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CorrespondenceDialog
          request={request}
          documents={documents.data ?? []}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
