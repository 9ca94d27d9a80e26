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
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventOption, Move } from '../../../contract/requests.ts';
import { ApiCallError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { countryName } from '../i18n/index.ts';
import { hrefOf } from '../routing/routes.ts';
import { useCan, useSession } from '../session/SessionContext.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { CorrespondenceTab } from './request/CorrespondenceTab.tsx';
import { DocumentsTab } from './request/DocumentsTab.tsx';
import { EEvidenceTab } from './request/EEvidenceTab.tsx';
import { EventDialog } from './request/EventDialog.tsx';
import { Field } from './request/Field.tsx';
import { isEEvidence } from './request/form-values.ts';
import { HistoryTab } from './request/HistoryTab.tsx';
import { LinksTab } from './request/LinksTab.tsx';
import { NextSteps } from './request/NextSteps.tsx';
import { PartiesTab } from './request/PartiesTab.tsx';
import { RequestEditor } from './request/RequestEditor.tsx';
import { SummaryTab } from './request/SummaryTab.tsx';

export function RequestScreen({ id, today }: { id: number; today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const [move, setMove] = useState<Move | null>(null);
  const [event, setEvent] = useState<EventOption | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string | null>('summary');
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => api.call('requests.get', { id }) });
  const can = useCan();
  const role = useSession()?.user.role;

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
  // Only what the person's role may do is offered: a prosecutor records notes, not the other events.
  const steps = {
    ...r,
    moves: can('requests.transition') ? r.moves : [],
    eventOptions: can('requests.recordEvent')
      ? r.eventOptions.filter((o) => o.type === 'note' || role !== 'prosecutor')
      : [],
  };
  const offersSteps = can('requests.transition') || steps.eventOptions.length > 0;

  return (
    <Stack gap="md">
      <Anchor href={hrefOf({ screen: 'register', query: new URLSearchParams() })} size="sm">
        ← {t('request.back')}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Group gap="sm" align="center">
            <Title order={2}>{r.reference}</Title>
            <StatusBadge status={r.status} />
            {r.urgency === 'urgent' && <Badge color="red">{t('urgency.urgent')}</Badge>}
          </Group>
          <Text c="dimmed">
            {t(`direction.${r.direction}`)} · {t(`kind.${r.kind}`)} · {countryName(r.counterpartCountry)}
          </Text>
        </div>
        {!editing && can('requests.update') && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('requestForm.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Field label={t('request.opened')} value={r.openedOn ?? t('request.notOpened')} />
        <Field label={t('request.closed')} value={r.closedOn} />
        <Field label={t('requestTabs.deadline')} value={r.counterpartDeadline} />
        {r.kind === 'preservation' && <Field label={t('requestTabs.preservedUntil')} value={r.preservedUntil} />}
        <Field label={t('form.assignedTo')} value={r.assignedTo} />
      </SimpleGrid>

      {editing ? (
        <RequestEditor request={r} onDone={() => setEditing(false)} />
      ) : (
        <>
          {offersSteps && <NextSteps request={steps} onMove={setMove} onEvent={setEvent} />}
          <Paper withBorder p="md">
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="summary">{t('requestTabs.summary')}</Tabs.Tab>
                <Tabs.Tab value="parties">
                  {t('requestTabs.parties')} ({r.parties.length})
                </Tabs.Tab>
                {isEEvidence(r.kind) && <Tabs.Tab value="eEvidence">{t('requestTabs.eEvidence')}</Tabs.Tab>}
                <Tabs.Tab value="documents">{t('requestTabs.documents')}</Tabs.Tab>
                <Tabs.Tab value="correspondence">{t('requestTabs.correspondence')}</Tabs.Tab>
                <Tabs.Tab value="history">{t('requestTabs.history')}</Tabs.Tab>
                <Tabs.Tab value="links">
                  {t('requestTabs.links')} ({r.links.length})
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="summary">
                <SummaryTab request={r} />
              </Tabs.Panel>
              <Tabs.Panel value="parties">
                <PartiesTab request={r} />
              </Tabs.Panel>
              {isEEvidence(r.kind) && (
                <Tabs.Panel value="eEvidence">
                  <EEvidenceTab request={r} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="documents">
                <DocumentsTab request={r} />
              </Tabs.Panel>
              <Tabs.Panel value="correspondence">
                <CorrespondenceTab request={r} />
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <HistoryTab request={r} />
              </Tabs.Panel>
              <Tabs.Panel value="links">
                <LinksTab request={r} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </>
      )}

      {move && <MoveDialog request={r} move={move} today={today} onClose={() => setMove(null)} />}
      {event && <EventDialog request={r} option={event} today={today} onClose={() => setEvent(null)} />}
    </Stack>
  );
}
