import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DueClocks } from '../../contract/clock-results.ts';
import type { Today } from '../../contract/dashboard.ts';
import { DEFAULT_CLOCK_SETTINGS, DEFAULT_SETTINGS } from '../../contract/settings.ts';
import type { Language } from '../../i18n/languages.ts';
import i18n from '../../renderer/src/i18n/index.ts';
import { TodayScreen } from '../../renderer/src/screens/TodayScreen.tsx';
import { ClockSettingsSection } from '../../renderer/src/screens/settings/ClocksForm.tsx';
import { ok, renderScreen } from './render.tsx';

/*
 * Issue 8 follow-up: a string that carries a number takes the plural form the number asks for
 * in the language on screen ("1 day", "2 days"; Russian "1 дня", "2 дней", "5 дней" after
 * "более"), and the number is written the language's way.
 */

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

async function inLanguage(language: Language) {
  await act(() => i18n.changeLanguage(language));
}

function today(days: Today['days']): Today {
  return {
    today: '2026-03-10',
    me: 'Amina Clerk',
    total: 12,
    counts: { unreviewed: 0, waiting: 0, preservationExpiring: 0, urgent: 0, deadlineSoon: 0, overdue: 0, mine: 0 },
    days,
  };
}

const noClocks = (overdue: number, dueSoon: number): DueClocks => ({
  now: '2026-03-10T09:30:00.000Z',
  today: '2026-03-10',
  timeZone: 'Europe/Paris',
  overdue,
  dueSoon,
  shown: 0,
  requests: [],
});

function renderToday(days: Today['days'], clocks: DueClocks = noClocks(0, 0)) {
  return renderScreen(<TodayScreen />, {
    'dashboard.today': () => ok(today(days)),
    'dashboard.clocks': () => ok(clocks),
  });
}

/** The settings form draws its whole table before the line below it: slow on a loaded machine. */
const SLOW = 10_000;

function renderClockSettings(acknowledgementDays: number, replyAbroadDays: number) {
  return renderScreen(<ClockSettingsSection />, {
    'clocks.settings': () => ok(DEFAULT_CLOCK_SETTINGS),
    'settings.get': () => ok({ ...DEFAULT_SETTINGS, acknowledgementDays, replyAbroadDays }),
  });
}

describe('the hints of the Today cards', { timeout: 30_000 }, () => {
  it('say "1 day" and "2 days" in English', async () => {
    renderToday({ acknowledgementDays: 1, replyAbroadDays: 2, preservationWarningDays: 1, deadlineWarningDays: 2 });
    expect(
      await screen.findByText(
        'Sent and not acknowledged for more than 1 day, or no news from abroad for more than 2 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Preserved data released within 1 day, and no follow-up request linked'),
    ).toBeInTheDocument();
    expect(screen.getByText('A deadline the counterpart set falls within 2 days')).toBeInTheDocument();
  });

  it('take the Russian forms for 1, 2 and 5 days', async () => {
    await inLanguage('ru');
    renderToday({ acknowledgementDays: 1, replyAbroadDays: 5, preservationWarningDays: 2, deadlineWarningDays: 21 });
    expect(
      await screen.findByText(
        'Направлены, но получение не подтверждено в течение более 1 дня или нет известий из-за рубежа в течение более 5 дней',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Срок сохранности данных истекает в течение 2 дней, а связанной последующей просьбы нет'),
    ).toBeInTheDocument();
    // 21 takes the "one" form in Russian.
    expect(
      screen.getByText('Срок, установленный иностранной стороной, наступает в течение 21 дня'),
    ).toBeInTheDocument();
  });

  it('write the number the language’s way (French groups thousands)', async () => {
    await inLanguage('fr');
    renderToday({ acknowledgementDays: 30, replyAbroadDays: 1000, preservationWarningDays: 1, deadlineWarningDays: 1 });
    // French groups 1 000 (with a narrow no-break space, which the text matcher reads as a
    // space), and says "1 jour" in the singular.
    expect(
      await screen.findByText(
        'Transmises sans accusé de réception depuis plus de 30 jours, ou sans nouvelles de l’étranger depuis plus de 1 000 jours',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Un délai fixé par la partie étrangère expire d’ici 1 jour')).toBeInTheDocument();
  });
});

describe('the count of legal clocks on Today', { timeout: 30_000 }, () => {
  it.each([
    [1, 2, '1 срок просрочен; 2 срока скоро истекают'],
    [5, 1, '5 сроков просрочено; 1 срок скоро истекает'],
    [22, 0, '22 срока просрочены; 0 сроков скоро истекают'],
  ])('agrees with %i overdue and %i due soon in Russian', async (overdue, dueSoon, text) => {
    await inLanguage('ru');
    renderToday(
      { acknowledgementDays: 30, replyAbroadDays: 90, preservationWarningDays: 14, deadlineWarningDays: 14 },
      noClocks(overdue, dueSoon),
    );
    const section = await screen.findByRole('region', { name: 'Установленные сроки' });
    expect(await within(section).findByText(text)).toBeInTheDocument();
  });

  it('uses the dual and the zero forms in Arabic', async () => {
    await inLanguage('ar');
    renderToday(
      { acknowledgementDays: 30, replyAbroadDays: 90, preservationWarningDays: 14, deadlineWarningDays: 14 },
      noClocks(2, 0),
    );
    const section = await screen.findByRole('region', { name: 'المُهل القانونية' });
    expect(await within(section).findByText('مهلتان فات موعدهما، لا توجد مهلة تحل قريباً')).toBeInTheDocument();
  });
});

describe('the reminder times in the clock settings', { timeout: 30_000 }, () => {
  it('say "1 day" and "2 days" in English', async () => {
    renderClockSettings(1, 2);
    expect(
      await screen.findByText(
        'Acknowledgement from abroad: 1 day; news from abroad: 2 days (reminder times).',
        {},
        { timeout: SLOW },
      ),
    ).toBeInTheDocument();
  });

  it('take the Russian forms for 2 and 5 days', async () => {
    await inLanguage('ru');
    renderClockSettings(2, 5);
    expect(
      await screen.findByText(
        'Подтверждение получения из-за рубежа: 2 дня; ответ из-за рубежа: 5 дней (сроки напоминаний).',
        {},
        { timeout: SLOW },
      ),
    ).toBeInTheDocument();
  });
});
