import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '../../../../contract/statistics.ts';
import { formatNumber, languageOf } from '../../i18n/format.ts';

/** The group's single numbers, as a description list so each number keeps its name for screen readers. */
export function Headline({ group }: { group: GroupFigures }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const count = (n: number) => formatNumber(n, language);
  const median = group.daysToClose.median;
  const items: [string, string][] = [
    ['opened', count(group.opened)],
    ['closed', count(group.closed)],
    ['pendingStart', count(group.pendingStart)],
    ['pendingEnd', count(group.pendingEnd)],
    ['medianDays', median === null ? t('statistics.headline.none') : formatNumber(median, language, 1)],
    ['reopened', count(group.reopened)],
  ];
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 2, sm: 3, lg: 6 }}
      aria-label={t('statistics.headline.label')}
      m={0}
      data-testid="headline"
    >
      {items.map(([key, value]) => (
        <Paper key={key} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {t(`statistics.headline.${key}`)}
          </Text>
          <Text component="dd" fz={28} fw={700} lh={1.2} m={0} data-figure={key}>
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
