import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffFigures } from '../../../../contract/statistics-diff.ts';
import type { StatisticsSnapshot, YearFigures } from '../../../../contract/statistics.ts';
import { useApi } from '../../api/context.tsx';
import { usePersonName } from '../../api/person-names.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDateTime, formatNumber, languageOf } from '../../i18n/format.ts';
import { figureLabel, groupLabel } from './figure-labels.ts';
import { FreezeDialog } from './FreezeDialog.tsx';
import { errorText } from '../../components/error-text.ts';

interface Props {
  year: number;
  /** The live figures; null while they load (no comparison yet). */
  live: YearFigures | null;
  canFreeze: boolean;
}

function SnapshotItem({ snapshot, live }: { snapshot: StatisticsSnapshot; live: YearFigures | null }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const nameOf = usePersonName();
  const date = formatDateTime(snapshot.createdAt, language);
  const differences = live ? diffFigures(snapshot.figures, live) : null;
  const value = (v: number | null) => (v === null ? t('statistics.snapshots.missing') : formatNumber(v, language));
  return (
    <Paper component="li" withBorder p="sm">
      <Text fw={600}>{t('statistics.snapshots.frozenOn', { label: snapshot.label, date })}</Text>
      <Text size="sm" c="dimmed">
        <Isolate>{nameOf(snapshot.createdBy)}</Isolate> · <Isolate>{snapshot.definitions}</Isolate>
      </Text>
      {differences !== null && differences.length === 0 && <Text size="sm">{t('statistics.snapshots.same')}</Text>}
      {differences !== null && differences.length > 0 && (
        <>
          <Text size="sm" c="orange" fw={600}>
            {t('statistics.snapshots.differs', { count: differences.length })}
          </Text>
          <Table withTableBorder striped captionSide="top" fz="sm">
            <Table.Caption>{t('statistics.snapshots.diffCaption', { label: snapshot.label })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statistics.snapshots.group')}</Table.Th>
                <Table.Th scope="col">{t('statistics.snapshots.figure')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('statistics.snapshots.frozenValue')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('statistics.snapshots.liveValue')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differences.map((d) => (
                <Table.Tr key={`${d.direction}/${d.kind}/${d.breakdown}/${d.key}`}>
                  <Table.Td>{groupLabel(t, d)}</Table.Td>
                  <Table.Td>{figureLabel(t, i18n.language, d)}</Table.Td>
                  <Table.Td ta="end">{value(d.snapshot)}</Table.Td>
                  <Table.Td ta="end">{value(d.live)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

/** The year's frozen snapshots, each compared with the live figures, and freezing a new one. */
export function Snapshots({ year, live, canFreeze }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [freezing, setFreezing] = useState(false);
  const snapshots = useQuery({
    queryKey: ['statistics.snapshots', year],
    queryFn: () => api.call('statistics.snapshots', { year }),
  });
  const title = t('statistics.snapshots.title');
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {title}
        </Title>
        {canFreeze ? (
          <Button variant="default" onClick={() => setFreezing(true)}>
            {t('statistics.snapshots.freeze')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('statistics.snapshots.managersOnly')}
          </Text>
        )}
      </Group>
      {snapshots.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {snapshots.isError && (
        <Text c="red" role="alert">
          {errorText(t, snapshots.error)}
        </Text>
      )}
      {snapshots.data?.length === 0 && <Text size="sm">{t('statistics.snapshots.none', { year })}</Text>}
      {snapshots.data && snapshots.data.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('statistics.snapshots.listLabel', { year })}
        >
          {snapshots.data.map((s) => (
            <SnapshotItem key={s.id} snapshot={s} live={live} />
          ))}
        </Stack>
      )}
      <FreezeDialog year={year} opened={freezing} onClose={() => setFreezing(false)} />
    </Stack>
  );
}
