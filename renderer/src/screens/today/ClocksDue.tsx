import { Alert, Anchor, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockAlert } from '../../../../contract/clock-results.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { Ltr } from '../../i18n/Bidi.tsx';
import { languageOf } from '../../i18n/format.ts';
import { countryName } from '../../i18n/index.ts';
import { hrefOf } from '../../routing/routes.ts';
import { dueText, leftText, stateColour } from '../request/clock-text.ts';

/** Read again every minute: an emergency's hours run out while the screen stays open. */
const REFRESH_MS = 60_000;

/**
 * The Today dashboard's legal clocks: how many are overdue or due soon among the requests the
 * person may see, and the most pressing of them, by time left, each opening its request.
 */
export function ClocksDue() {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const due = useQuery({
    queryKey: ['dashboard.clocks'],
    queryFn: () => api.call('dashboard.clocks', {}),
    refetchInterval: REFRESH_MS,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id={titleId}>
            {t('clocks.today.title')}
          </Title>
          {due.isSuccess && (
            <Text c={due.data.overdue > 0 ? 'red' : 'dimmed'} fw={due.data.overdue > 0 ? 600 : 400}>
              {t('clocks.today.summary', {
                overdue: t('clocks.today.overdue', { count: due.data.overdue }),
                dueSoon: t('clocks.today.dueSoon', { count: due.data.dueSoon }),
              })}
            </Text>
          )}
        </Group>
        {due.isPending && <Loader size="sm" aria-label={t('clocks.today.loading')} />}
        {due.isError && (
          <Alert color="red" role="alert">
            {errorText(t, due.error)}
          </Alert>
        )}
        {due.isSuccess && due.data.requests.length === 0 && <Text c="dimmed">{t('clocks.today.none')}</Text>}
        {due.isSuccess && due.data.requests.length > 0 && (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('clocks.today.listLabel')} verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('clocks.columns.request')}</Table.Th>
                    <Table.Th scope="col">{t('clocks.columns.clock')}</Table.Th>
                    <Table.Th scope="col">{t('clocks.columns.due')}</Table.Th>
                    <Table.Th scope="col">{t('clocks.columns.left')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                {due.data.requests.map((alert) => (
                  <AlertRows key={alert.id} alert={alert} zone={due.data.timeZone} />
                ))}
              </Table>
            </Table.ScrollContainer>
            {due.data.shown < due.data.overdue + due.data.dueSoon && (
              <Text size="sm" c="dimmed">
                {t('clocks.today.shown', { count: due.data.shown })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A request and its pressing clocks: a row group of its own, one row per clock, the request
 * named once beside them (its header cell covers the group).
 */
function AlertRows({ alert, zone }: { alert: ClockAlert; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const rows = alert.clocks.map((clock, i) => (
    <Table.Tr key={clock.clock} data-state={clock.state}>
      {i === 0 && (
        <Table.Th scope="rowgroup" rowSpan={alert.clocks.length} fw={400} style={{ verticalAlign: 'top' }}>
          <Anchor href={hrefOf({ screen: 'request', id: alert.id })} fw={500}>
            <Ltr>{alert.reference}</Ltr>
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`kind.${alert.kind}`)} · {countryName(alert.counterpartCountry, language)}
          </Text>
        </Table.Th>
      )}
      <Table.Td>{t(`clocks.names.${clock.clock}`)}</Table.Td>
      <Table.Td>{dueText(clock, language, zone)}</Table.Td>
      <Table.Td>
        <Text size="sm" c={stateColour(clock)} fw={clock.state === 'overdue' ? 600 : 400}>
          {leftText(t, clock, language)}
        </Text>
      </Table.Td>
    </Table.Tr>
  ));
  return <Table.Tbody>{rows}</Table.Tbody>;
}
