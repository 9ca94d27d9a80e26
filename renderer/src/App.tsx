import { AppShell, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IntegrityWarning } from './components/IntegrityWarning.tsx';
import { RecoveryReminder } from './components/RecoveryReminder.tsx';
import { ShortcutsHelp } from './components/ShortcutsHelp.tsx';
import { MAIN_ID, SkipLink } from './components/SkipLink.tsx';
import { useMenuCommands } from './routing/menu-commands.ts';
import { hrefOf, navigate, useRoute } from './routing/routes.ts';
import { emitSave, showShortcuts } from './routing/shortcuts.ts';
import { RegisterScreen } from './screens/RegisterScreen.tsx';
import { TodayScreen } from './screens/TodayScreen.tsx';
import { GlobalSearch } from './search/GlobalSearch.tsx';
import { useCan } from './session/SessionContext.tsx';
import { SessionMenu } from './session/SessionMenu.tsx';
import { useAppInfo } from './api/app-info.ts';

/*
 * Today and the register are what people open first and all day; the other screens (charts,
 * the import wizard, the document preview) load on first use, so the first rows of the
 * register appear without parsing code nobody asked for yet (scripts/bench ui_first_rows_ms).
 */
const NewRequestScreen = lazy(() =>
  import('./screens/NewRequestScreen.tsx').then((m) => ({ default: m.NewRequestScreen })),
);
const RequestScreen = lazy(() => import('./screens/RequestScreen.tsx').then((m) => ({ default: m.RequestScreen })));
const ImportScreen = lazy(() => import('./screens/import/ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })));
const DirectoriesScreen = lazy(() =>
  import('./screens/directories/DirectoriesScreen.tsx').then((m) => ({ default: m.DirectoriesScreen })),
);
const SettingsScreen = lazy(() =>
  import('./screens/settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);
const StatisticsScreen = lazy(() =>
  import('./screens/statistics/StatisticsScreen.tsx').then((m) => ({ default: m.StatisticsScreen })),
);

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const searchRef = useRef<HTMLInputElement>(null);
  const info = useAppInfo();
  // What the person's role cannot use is not offered (the main process refuses it anyway).
  const can = useCan();

  useMenuCommands({
    'new-request': () => can('requests.register') && navigate({ screen: 'new' }),
    'open-register': () => navigate({ screen: 'register', query: new URLSearchParams() }),
    'focus-search': () => searchRef.current?.focus(),
    today: () => navigate({ screen: 'today' }),
    save: () => void emitSave(),
    'show-shortcuts': () => showShortcuts(),
  });

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch inputRef={searchRef} />
            <SessionMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <NavLink href={hrefOf({ screen: 'today' })} label={t('today.nav')} active={route.screen === 'today'} />
        <NavLink
          href={hrefOf({ screen: 'register', query: new URLSearchParams() })}
          label={t('nav.register')}
          active={route.screen === 'register' || route.screen === 'request'}
        />
        {can('requests.register') && (
          <NavLink href={hrefOf({ screen: 'new' })} label={t('nav.newRequest')} active={route.screen === 'new'} />
        )}
        {(can('interchange.import') || can('interchange.export')) && (
          <NavLink
            href={hrefOf({ screen: 'import' })}
            label={t('interchange.nav')}
            active={route.screen === 'import'}
          />
        )}
        <NavLink
          href={hrefOf({ screen: 'directories' })}
          label={t('directories.nav')}
          active={route.screen === 'directories'}
        />
        {can('statistics.year') && (
          <NavLink
            href={hrefOf({ screen: 'statistics' })}
            label={t('statistics.nav')}
            active={route.screen === 'statistics'}
          />
        )}
        <NavLink href={hrefOf({ screen: 'settings' })} label={t('settings.nav')} active={route.screen === 'settings'} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <IntegrityWarning />
        <RecoveryReminder />
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label={t('app.loading')} />
            </Center>
          }
        >
          {route.screen === 'today' && <TodayScreen />}
          {route.screen === 'register' && <RegisterScreen query={route.query} />}
          {route.screen === 'new' && <NewRequestScreen today={info.data?.today} />}
          {route.screen === 'request' && <RequestScreen id={route.id} today={info.data?.today} />}
          {route.screen === 'import' && <ImportScreen today={info.data?.today} />}
          {route.screen === 'directories' && <DirectoriesScreen />}
          {route.screen === 'settings' && <SettingsScreen today={info.data?.today} />}
          {route.screen === 'statistics' && <StatisticsScreen />}
        </Suspense>
      </AppShell.Main>
      <ShortcutsHelp />
    </AppShell>
  );
}
