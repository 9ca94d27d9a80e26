import { Box, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Direction } from '../../../../contract/codes.ts';
import type { StatisticsKind } from '../../../../contract/statistics.ts';
import { useApi } from '../../api/context.tsx';
import { useChartDirection } from './chart-direction.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { strokeOf } from './patterns.tsx';
import { errorText } from '../../components/error-text.ts';

const SERIES = ['opened', 'closed', 'pendingEnd'] as const;
/** Each line has its own dashes and markers, so the lines stay apart without colour. */
const DASHES = ['', '8 4', '2 3'] as const;
const DOTS = [
  { r: 4, strokeWidth: 2 },
  { r: 4, strokeWidth: 2, fill: '#ffffff' },
  { r: 2, strokeWidth: 4 },
] as const;

interface Props {
  fromYear: number;
  toYear: number;
  direction: Direction;
  kind: StatisticsKind;
}

/** Opened, closed and pending at the end of each year with data, for the chosen group. */
export function TrendChart({ fromYear, toYear, direction, kind }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const chart = useChartDirection();
  const input = { fromYear, toYear, direction, kind };
  const trend = useQuery({ queryKey: ['statistics.trend', input], queryFn: () => api.call('statistics.trend', input) });
  const title = t('statistics.trend.title');
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {trend.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {trend.isError && (
        <Text c="red" role="alert">
          {errorText(t, trend.error)}
        </Text>
      )}
      {trend.data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {/* Drawn left to right and mirrored by its props in Arabic (chart-direction.ts). */}
          <Box style={{ minWidth: 0 }} dir="ltr">
            <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 520, height: 280 }}>
              <LineChart data={trend.data} margin={chart.margin(4, 24)}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" reversed={chart.rtl} />
                <YAxis allowDecimals={false} orientation={chart.rtl ? 'right' : 'left'} tickFormatter={chart.number} />
                <Tooltip formatter={chart.number} wrapperStyle={chart.htmlStyle} />
                <Legend itemSorter={null} content={<ChartLegend dir={chart.dir} />} />
                {SERIES.map((s, i) => (
                  <Line
                    key={s}
                    dataKey={s}
                    name={t(`statistics.series.${s}`)}
                    stroke={strokeOf(i)}
                    strokeWidth={2}
                    strokeDasharray={DASHES[i] ?? ''}
                    dot={{ ...(DOTS[i] ?? DOTS[0]), stroke: strokeOf(i) }}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Box>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>{t('statistics.trend.caption', { from: fromYear, to: toYear })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statistics.trend.column')}</Table.Th>
                {SERIES.map((s) => (
                  <Table.Th key={s} scope="col" ta="end">
                    {t(`statistics.series.${s}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.data.map((p) => (
                <Table.Tr key={p.year}>
                  <Table.Th scope="row" fw={400}>
                    {p.year}
                  </Table.Th>
                  {SERIES.map((s) => (
                    <Table.Td key={s} ta="end">
                      {chart.number(p[s])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Stack>
  );
}
