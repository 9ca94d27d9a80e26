import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLOSED_STATUSES, ICCS_SECTIONS } from '../../../../contract/codes.ts';
import type { GroupFigures } from '../../../../contract/statistics.ts';
import { countryName } from '../../i18n/index.ts';
import { ChartWithTable, type ChartRow } from './ChartWithTable.tsx';
import { DaysToCloseChart } from './DaysToCloseChart.tsx';
import { registerHref, topCountries } from './figures.ts';

const COUNTRY_SERIES = ['opened', 'closed', 'pendingEnd'] as const;

/** The charts of one group and year, each with its table, bars opening the register where it can filter. */
export function GroupCharts({ group, year }: { group: GroupFigures; year: number }) {
  const { t, i18n } = useTranslation();
  const show = t('statistics.showRequests');
  const countrySeries = COUNTRY_SERIES.map((key) => ({ key, label: t(`statistics.series.${key}`) }));
  const countSeries = [{ key: 'count', label: t('statistics.series.count') }];

  const countries: ChartRow[] = topCountries(group.byCountry).map((row) => {
    const name =
      row.code === null
        ? t('statistics.country.other', { count: row.countries })
        : countryName(row.code, i18n.language);
    return {
      key: row.code ?? 'other',
      label: name,
      short: row.code === null ? name : `${name.slice(0, 18)}${name.length > 18 ? '…' : ''}`,
      values: { ...row.figures },
      // "Other" stands for many countries; the register filters on one at a time.
      href:
        row.code === null ? null : registerHref(year, group.direction, group.kind, { counterpartCountry: row.code }),
      linkLabel: `${name}: ${show}`,
    };
  });

  const offences: ChartRow[] = ICCS_SECTIONS.filter((s) => (group.byOffence[s] ?? 0) > 0).map((s) => {
    const label = `${s} ${t(`iccs.${s}`)}`;
    return {
      key: s,
      label,
      short: `${label.slice(0, 17)}${label.length > 17 ? '…' : ''}`,
      values: { count: group.byOffence[s] ?? 0 },
      href: registerHref(year, group.direction, group.kind, { offence: s }),
      linkLabel: `${label}: ${show}`,
    };
  });

  // Outcomes count closures in the year; the register cannot filter on the closing day, so no links.
  const outcomes: ChartRow[] = CLOSED_STATUSES.map((s) => ({
    key: s,
    label: t(`status.${s}`),
    short: t(`status.${s}`),
    values: { count: group.closedByOutcome[s] ?? 0 },
    href: null,
  }));

  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        {t('statistics.chartHint', { year })}
      </Text>
      {countries.length === 0 ? (
        <Text>{t('statistics.country.none')}</Text>
      ) : (
        <ChartWithTable
          title={t('statistics.country.title')}
          caption={t('statistics.country.caption', { year })}
          columnLabel={t('statistics.country.column')}
          series={countrySeries}
          rows={countries}
        />
      )}
      {offences.length === 0 ? (
        <Text>{t('statistics.offence.none')}</Text>
      ) : (
        <ChartWithTable
          title={t('statistics.offence.title')}
          caption={t('statistics.offence.caption', { year })}
          columnLabel={t('statistics.offence.column')}
          series={countSeries}
          rows={offences}
        />
      )}
      <ChartWithTable
        title={t('statistics.outcomes.title')}
        caption={t('statistics.outcomes.caption', { year })}
        columnLabel={t('statistics.outcomes.column')}
        series={countSeries}
        rows={outcomes}
        note={t('statistics.outcomes.note')}
      />
      <DaysToCloseChart days={group.daysToClose} year={year} />
    </Stack>
  );
}
