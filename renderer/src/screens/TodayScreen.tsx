import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TODAY_CARDS, type Today, type TodayCard, todayQuery } from '../../../contract/dashboard.ts';
import { useApi } from '../api/context.tsx';
import { isolated } from '../i18n/Bidi.tsx';
import { formatLongDate, formatNumber, languageOf } from '../i18n/format.ts';
import { hrefOf } from '../routing/routes.ts';
import { paramsOf } from './register/url.ts';
import classes from './TodayScreen.module.css';
import { ClocksDue } from './today/ClocksDue.tsx';
import { errorText } from '../components/error-text.ts';

/**
 * What each card's hint says of the office's reminder settings. A number of days is a `count`
 * (the hint's plural form follows it); the waiting card's two numbers are each their own
 * plural phrase, put into the hint.
 */
function hintValues(card: TodayCard, data: Today, t: TFunction): Record<string, string | number> {
  switch (card) {
    case 'waiting':
      return {
        ack: t('today.moreThanDays', { count: data.days.acknowledgementDays }),
        reply: t('today.moreThanDays', { count: data.days.replyAbroadDays }),
      };
    case 'preservationExpiring':
      return { count: data.days.preservationWarningDays };
    case 'deadlineSoon':
      return { count: data.days.deadlineWarningDays };
    case 'mine':
      return { name: isolated(data.me) };
    default:
      return {};
  }
}

/** Cards that turn red when not zero: something is already late. */
const LATE: readonly TodayCard[] = ['waiting', 'overdue'];

/**
 * One count, opening its requests. The link holds the title and the count (its name says just
 * that, and all it shows); the hint describes it. The link covers the whole card for the mouse.
 */
function CountCard({ card, data }: { card: TodayCard; data: Today }) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const count = data.counts[card];
  const shown = formatNumber(count, languageOf(i18n.language));
  const title = t(`today.cards.${card}.title`);
  const late = count > 0 && LATE.includes(card);
  return (
    <Card withBorder padding="md" className={classes.card} h="100%">
      <a
        href={hrefOf({ screen: 'register', query: paramsOf(todayQuery(card, data.me)) })}
        aria-label={`${title}: ${shown}`}
        aria-describedby={hintId}
        className={classes.link}
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{title}</Text>{' '}
          <Text fz={32} fw={700} lh={1} c={late ? 'red' : count === 0 ? 'dimmed' : 'inherit'}>
            {shown}
          </Text>
        </Group>
      </a>
      <Text id={hintId} size="sm" c="dimmed" mt="xs">
        {t(`today.cards.${card}.hint`, hintValues(card, data, t))}
      </Text>
    </Card>
  );
}

/** The morning view: what needs attention today, each count opening the requests it counts. */
export function TodayScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const today = useQuery({ queryKey: ['dashboard.today'], queryFn: () => api.call('dashboard.today', {}) });

  if (today.isPending) return <Loader aria-label={t('app.loading')} />;
  if (today.isError) {
    return (
      <Alert color="red" role="alert" title={t('errors.storage')}>
        {errorText(t, today.error)}
      </Alert>
    );
  }
  const data = today.data;
  const date = formatLongDate(data.today, languageOf(i18n.language));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('today.title')}</Title>
        <Text c="dimmed">{t('today.date', { date })}</Text>
      </Group>
      {data.total === 0 ? (
        <Stack align="flex-start">
          <Text>{t('today.emptyAll')}</Text>
          <Button component="a" href={hrefOf({ screen: 'new' })}>
            {t('today.newRequest')}
          </Button>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="list" aria-label={t('today.cardsLabel')}>
          {TODAY_CARDS.map((card) => (
            <div role="listitem" key={card}>
              <CountCard card={card} data={data} />
            </div>
          ))}
        </SimpleGrid>
      )}
      {data.total > 0 && <ClocksDue />}
    </Stack>
  );
}
