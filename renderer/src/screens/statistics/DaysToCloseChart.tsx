import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DaysToClose } from '../../../../contract/statistics.ts';
import { ChartWithTable, type ChartRow } from './ChartWithTable.tsx';

const MEASURES = ['mean', 'median', 'p90'] as const;

/**
 * Processing time. The spec's figures carry no distribution of days to close, only n, mean,
 * median and 90th percentile, so the chart shows those three as labelled bars (n in the
 * caption) rather than a histogram the data cannot support.
 */
export function DaysToCloseChart({ days, year }: { days: DaysToClose; year: number }) {
  const { t } = useTranslation();
  if (days.n === 0) {
    return (
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('statistics.days.title')}
        </Title>
        <Text>{t('statistics.days.none', { year })}</Text>
      </Stack>
    );
  }
  const rows: ChartRow[] = MEASURES.map((m) => ({
    key: m,
    label: t(`statistics.days.${m}`),
    short: t(`statistics.days.${m}`),
    values: { days: days[m] ?? 0 },
    href: null,
  }));
  return (
    <ChartWithTable
      title={t('statistics.days.title')}
      caption={t('statistics.days.caption', { year, count: days.n })}
      columnLabel={t('statistics.days.column')}
      series={[{ key: 'days', label: t('statistics.days.value') }]}
      rows={rows}
    />
  );
}
