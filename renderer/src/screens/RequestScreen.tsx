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
import { type CompletenessItem, checkCompleteness, isDrafting } from '../../../contract/completeness.ts';
import type { EventOption, Move } from '../../../contract/requests.ts';
import { ApiCallError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Ltr } from '../i18n/Bidi.tsx';
import { backArrow } from '../i18n/arrows.ts';
import { formatDate, formatNumber, languageOf } from '../i18n/format.ts';
import { countryName } from '../i18n/index.ts';
import { hrefOf } from '../routing/routes.ts';
import { useCan, useSession } from '../session/SessionContext.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { ClocksPanel } from './request/ClocksPanel.tsx';
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
import { CompletenessPanel } from './request/drafting/CompletenessPanel.tsx';
import { RequestLetterActions } from './request/letters/RequestLetterActions.tsx';
import { focusField } from './request/drafting/field-ids.ts';
import { errorText } from '../components/error-text.ts';

export function RequestScreen({ id, today }: { id: number; today?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const date = (day: string | null) => (day ? formatDate(day, language) : null);
  const api = useApi();
  const [move, setMove] = useState<Move | null>(null);
  const [event, setEvent] = useState<EventOption | null>(null);
  const [editing, setEditing] = useState(false);
  /** Where the form puts the keyboard when a completeness link opened it. */
  const [editFocus, setEditFocus] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('summary');
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => api.call('requests.get', { id }) });
  const can = useCan();
  const role = useSession()?.user.role;

  if (request.isPending) return <Loader aria-label={t('app.loading')} />;
  if (request.isError) {
    const notFound = request.error instanceof ApiCallError && request.error.error.code === 'not_found';
    return (
      <Alert color="red" role="alert" title={notFound ? t('request.notFound') : t('errors.storage')}>
        {!notFound && errorText(t, request.error)}
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
  // An outgoing request being drafted shows what it still lacks (contract/completeness.ts).
  const completeness = isDrafting(r.direction, r.status) ? checkCompleteness(r) : [];
  /** Takes the person to where a missing element is filled in: the form, or the Links tab. */
  const fix = (item: CompletenessItem) => {
    setMove(null);
    if (item.tab === 'links') {
      setEditing(false);
      setTab('links');
      requestAnimationFrame(() => focusField('links'));
    } else {
      setEditFocus(item.field);
      setEditing(true);
    }
  };
  const canFix = can('requests.update') ? fix : undefined;

  return (
    <Stack gap="md">
      <Anchor href={hrefOf({ screen: 'register', query: new URLSearchParams() })} size="sm">
        {backArrow(language)} {t('request.back')}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Group gap="sm" align="center">
            <Title order={2}>
              <Ltr>{r.reference}</Ltr>
            </Title>
            <StatusBadge status={r.status} />
            {r.urgency === 'urgent' && <Badge color="red">{t('urgency.urgent')}</Badge>}
          </Group>
          <Text c="dimmed">
            {t(`direction.${r.direction}`)} · {t(`kind.${r.kind}`)} · {countryName(r.counterpartCountry, language)}
          </Text>
        </div>
        <Group gap="xs">
          {!editing && <RequestLetterActions request={r} />}
          {!editing && can('requests.update') && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('requestForm.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Field label={t('request.opened')} value={date(r.openedOn) ?? t('request.notOpened')} />
        <Field label={t('request.closed')} value={date(r.closedOn)} />
        <Field label={t('requestTabs.deadline')} value={date(r.counterpartDeadline)} />
        {r.kind === 'preservation' && <Field label={t('requestTabs.preservedUntil')} value={date(r.preservedUntil)} />}
        <Field label={t('form.assignedTo')} value={r.assignedTo} />
      </SimpleGrid>
      <ClocksPanel requestId={r.id} version={r.version} />

      {editing ? (
        <RequestEditor
          request={r}
          focus={editFocus}
          onDone={() => {
            setEditing(false);
            setEditFocus(null);
          }}
        />
      ) : (
        <>
          {offersSteps && <NextSteps request={steps} onMove={setMove} onEvent={setEvent} />}
          {completeness.length > 0 && <CompletenessPanel kind={r.kind} items={completeness} onFix={canFix} saved />}
          <Paper withBorder p="md">
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="summary">{t('requestTabs.summary')}</Tabs.Tab>
                <Tabs.Tab value="parties">
                  {t('requestTabs.parties')} ({formatNumber(r.parties.length, language)})
                </Tabs.Tab>
                {isEEvidence(r.kind) && <Tabs.Tab value="eEvidence">{t('requestTabs.eEvidence')}</Tabs.Tab>}
                <Tabs.Tab value="documents">{t('requestTabs.documents')}</Tabs.Tab>
                <Tabs.Tab value="correspondence">{t('requestTabs.correspondence')}</Tabs.Tab>
                <Tabs.Tab value="history">{t('requestTabs.history')}</Tabs.Tab>
                <Tabs.Tab value="links">
                  {t('requestTabs.links')} ({formatNumber(r.links.length, language)})
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

      {move && (
        <MoveDialog request={r} move={move} today={today} onClose={() => setMove(null)} onCompleteFirst={canFix} />
      )}
      {event && <EventDialog request={r} option={event} today={today} onClose={() => setEvent(null)} />}
    </Stack>
  );
}
