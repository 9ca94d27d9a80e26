import { Anchor, Box, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartDirection } from './chart-direction.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { PatternDefs, fillOf, strokeOf } from './patterns.tsx';

export interface Series {
  key: string;
  label: string;
}

export interface ChartRow {
  key: string;
  /** The full name, in the table. */
  label: string;
  /** What fits on the chart's axis (a code, a shortened name). */
  short: string;
  values: Record<string, number>;
  /** The register filtered for this row, when the register can filter for it. */
  href: string | null;
  /** What the link says to screen readers. */
  linkLabel?: string;
}

interface Props {
  title: string;
  caption: string;
  columnLabel: string;
  series: readonly Series[];
  rows: readonly ChartRow[];
  note?: string;
}

const AXIS_WIDTH = 150;

/**
 * A horizontal bar chart with its table beside it. The table is the accessible form of the
 * chart (a real <table> with a caption) and its links are the keyboard's way to each bar's
 * requests; the chart's bars open the same addresses with the mouse.
 */
export function ChartWithTable({ title, caption, columnLabel, series, rows, note }: Props) {
  const prefix = `pattern-${useId().replace(/:/g, '')}`;
  const chart = useChartDirection();
  const data = rows.map((r) => ({ name: r.short, ...r.values }));
  const height = Math.max(120, rows.length * (series.length * 14 + 10) + 70);
  const open = (index: number) => {
    const href = rows[index]?.href;
    if (href) window.location.hash = href;
  };
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {/* The chart draws in its own left-to-right coordinates; in Arabic it is mirrored by its
            props (chart-direction.ts), not by the page's direction, which would misplace its text. */}
        <Box style={{ minWidth: 0 }} data-testid="chart" dir="ltr">
          <PatternDefs prefix={prefix} />
          <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
            <BarChart data={data} layout="vertical" margin={chart.margin(4, 36)}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} reversed={chart.rtl} tickFormatter={chart.number} />
              <YAxis
                type="category"
                dataKey="name"
                width={AXIS_WIDTH}
                interval={0}
                tick={{ fontSize: 12 }}
                orientation={chart.rtl ? 'right' : 'left'}
                tickFormatter={chart.label}
              />
              <Tooltip formatter={chart.number} wrapperStyle={chart.htmlStyle} />
              {/* In the table's column order, not alphabetical. */}
              {series.length > 1 && <Legend itemSorter={null} content={<ChartLegend dir={chart.dir} />} />}
              {series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  fill={fillOf(prefix, i)}
                  stroke={strokeOf(i)}
                  isAnimationActive={false}
                  cursor={rows.some((r) => r.href) ? 'pointer' : 'default'}
                  onClick={(_bar, index) => open(index)}
                >
                  <LabelList
                    dataKey={s.key}
                    // Past the bar's end: recharts turns "right" round itself when the axis is reversed.
                    position="right"
                    fontSize={11}
                    fill="#000000"
                    formatter={chart.number}
                  />
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
        </Box>
        <Table striped withTableBorder highlightOnHover captionSide="top" fz="sm">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{columnLabel}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.key} scope="col" ta="end">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {r.href ? (
                    <Anchor href={r.href} aria-label={r.linkLabel ?? r.label}>
                      {r.label}
                    </Anchor>
                  ) : (
                    r.label
                  )}
                </Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.key} ta="end">
                    {chart.number(r.values[s.key] ?? 0)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Stack>
  );
}
