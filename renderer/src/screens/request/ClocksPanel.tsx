import { Alert, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputedClock } from '../../../../contract/clock-results.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { languageOf } from '../../i18n/format.ts';
import { dueText, leftText, stateColour } from './clock-text.ts';

/** Read again every minute, so a clock counted in hours does not show time it no longer has. */
const REFRESH_MS = 60_000;

/**
 * A request's legal clocks (contract/clocks.ts): each one's name, when it falls due and how much
 * time is left; a clock not running (still to start, or stopped) greyed. Self-contained: it reads
 * the clocks itself, under the request's own query key and version, so every change to the
 * request (a move, an event, an edit, a follow-up linked to it) brings them up to date.
 */
export function ClocksPanel({ requestId, version }: { requestId: number; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const clocks = useQuery({
    // Under the request's own key, with its version: any change to it reads the clocks again.
    queryKey: ['requests.get', requestId, 'clocks', version],
    queryFn: () => api.call('clocks.ofRequest', { id: requestId }),
    refetchInterval: REFRESH_MS,
    // The clocks as they were stay on screen while the new ones are read.
    placeholderData: keepPreviousData,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {t('clocks.panel.title')}
        </Title>
        {clocks.isPending && <Loader size="xs" aria-label={t('clocks.panel.loading')} />}
        {clocks.isError && (
          <Alert color="red" role="alert">
            {errorText(t, clocks.error)}
          </Alert>
        )}
        {clocks.isSuccess && clocks.data.clocks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('clocks.panel.none')}
          </Text>
        )}
        {clocks.isSuccess && clocks.data.clocks.length > 0 && (
          <>
            <Table.ScrollContainer minWidth={420}>
              <Table aria-labelledby={titleId} verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('clocks.columns.clock')}</Table.Th>
                    <Table.Th scope="col">{t('clocks.columns.due')}</Table.Th>
                    <Table.Th scope="col">{t('clocks.columns.left')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clocks.data.clocks.map((clock) => (
                    <ClockRow key={clock.clock} clock={clock} zone={clocks.data.timeZone} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('clocks.panel.zone', { zone: clocks.data.timeZone })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** One clock: its name (with how a preservation can still be extended), its due date and its time left. */
function ClockRow({ clock, zone }: { clock: ComputedClock; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const running = clock.state !== 'pending' && clock.state !== 'stopped';
  const dim = running ? 'inherit' : 'dimmed';
  const colour = stateColour(clock);
  return (
    <Table.Tr data-state={clock.state}>
      <Table.Th scope="row" fw={running ? 600 : 400}>
        <Text span inherit c={dim}>
          {t(`clocks.names.${clock.clock}`)}
        </Text>
        {clock.estimated && (
          <>
            <Badge variant="light" color="gray" ms="xs" size="sm">
              {t('clocks.estimated')}
            </Badge>
            <Text size="xs" c="dimmed" fw={400}>
              {t('clocks.estimatedHint')}
            </Text>
          </>
        )}
        {running && clock.extension && <ExtensionNote extension={clock.extension} />}
      </Table.Th>
      <Table.Td>
        <Text size="sm" c={dim}>
          {clock.dueOn ? dueText(clock, language, zone) : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={colour} fw={clock.state === 'overdue' ? 600 : 400}>
          {leftText(t, clock, language)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** How much one extension adds, and how many the law still allows. */
function ExtensionNote({ extension }: { extension: NonNullable<ComputedClock['extension']> }) {
  const { t } = useTranslation();
  const left =
    extension.left === null
      ? ''
      : extension.left === 0
        ? t('clocks.noExtensionLeft')
        : t('clocks.extensionsLeft', { count: extension.left });
  return (
    <Text size="xs" c="dimmed" fw={400}>
      {t('clocks.extension', { count: extension.days })}
      {left && ` · ${left}`}
    </Text>
  );
}
