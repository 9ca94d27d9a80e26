import { Alert, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, type Direction } from '../../../../contract/codes.ts';
import { STATISTICS_KEEPERS } from '../../../../contract/roles.ts';
import { STATISTICS_KINDS, type StatisticsKind } from '../../../../contract/statistics.ts';
import { useApi } from '../../api/context.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { defaultYear, emptyGroup, groupOf, yearsOf } from './figures.ts';
import { GroupCharts } from './GroupCharts.tsx';
import { Headline } from './Headline.tsx';
import { Snapshots } from './Snapshots.tsx';
import { TrendChart } from './TrendChart.tsx';
import { errorText } from '../../components/error-text.ts';
import { useAppInfo } from '../../api/app-info.ts';

const isKind = (v: string | null): v is StatisticsKind => STATISTICS_KINDS.some((k) => k === v);

/** A manager's view of a year's figures: headline numbers, charts with their tables, exports, snapshots. */
export function StatisticsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useAppInfo();
  const years = useQuery({ queryKey: ['statistics.years'], queryFn: () => api.call('statistics.years', {}) });
  const [chosenYear, setYear] = useState<number | null>(null);
  const [direction, setDirection] = useState<Direction>('incoming');
  const [kind, setKind] = useState<StatisticsKind>('mla');

  // Until the person picks one, the last complete year (its figures no longer move).
  const year = chosenYear ?? (years.data && info.data ? defaultYear(years.data, info.data.today) : null);
  const figures = useQuery({
    queryKey: ['statistics.year', year],
    queryFn: () => api.call('statistics.year', { year: year ?? 0 }),
    enabled: year !== null,
  });

  if (years.isPending || info.isPending) return <Loader aria-label={t('app.loading')} />;
  if (years.isError || info.isError) {
    return (
      <Alert color="red" role="alert" title={t('errors.storage')}>
        {errorText(t, years.error ?? info.error)}
      </Alert>
    );
  }
  const range = years.data;
  if (year === null || range.from === null || range.to === null) {
    return (
      <Stack>
        <Title order={2}>{t('statistics.title')}</Title>
        <Text>{t('statistics.noYears')}</Text>
      </Stack>
    );
  }
  const canFreeze = info.data.actor.roles.some((r) => STATISTICS_KEEPERS.includes(r));
  const group = figures.data ? (groupOf(figures.data, direction, kind) ?? emptyGroup(direction, kind)) : null;
  const found = figures.data ? groupOf(figures.data, direction, kind) !== null : true;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('statistics.title')}</Title>
        <ExportButtons year={year} />
      </Group>
      <Group align="flex-end" gap="md">
        <Select
          label={t('statistics.year')}
          data={yearsOf(range).map(String)}
          value={String(year)}
          onChange={(v) => v !== null && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="statistics-direction">
            {t('statistics.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="statistics-direction"
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
            value={direction}
            onChange={(v) => setDirection(v === 'outgoing' ? 'outgoing' : 'incoming')}
          />
        </Stack>
        <Select
          label={t('statistics.kind')}
          data={STATISTICS_KINDS.map((k) => ({
            value: k,
            label: k === 'all' ? t('statistics.allKinds') : t(`kind.${k}`),
          }))}
          value={kind}
          onChange={(v) => isKind(v) && setKind(v)}
          allowDeselect={false}
          w={260}
        />
      </Group>
      {figures.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>{t('statistics.loading', { year })}</Text>
        </Group>
      )}
      {figures.isError && (
        <Alert color="red" role="alert" title={t('errors.storage')}>
          {errorText(t, figures.error)}
        </Alert>
      )}
      {group && (
        <>
          <Title order={3} size="h4">
            {t('statistics.groupTitle', {
              direction: t(`direction.${direction}`),
              kind: kind === 'all' ? t('statistics.allKinds') : t(`kind.${kind}`),
              year,
            })}
          </Title>
          <Headline group={group} />
          {found ? <GroupCharts group={group} year={year} /> : <Text>{t('statistics.emptyGroup', { year })}</Text>}
        </>
      )}
      <TrendChart fromYear={range.from} toYear={range.to} direction={direction} kind={kind} />
      <Snapshots year={year} live={figures.data ?? null} canFreeze={canFreeze} />
    </Stack>
  );
}
