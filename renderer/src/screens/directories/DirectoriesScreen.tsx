import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CounterpartAuthoritiesTab } from './CounterpartAuthoritiesTab.tsx';
import { CountryProfilesTab } from './CountryProfilesTab.tsx';
import { DomesticAuthoritiesTab } from './DomesticAuthoritiesTab.tsx';
import { ServiceProvidersTab } from './ServiceProvidersTab.tsx';

/** The office's contacts, one tab per directory; only the open tab loads its list. */
export function DirectoriesScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2}>{t('directories.title')}</Title>
      <Text c="dimmed" size="sm" maw={900}>
        {t('directories.intro')}
      </Text>
      <Tabs defaultValue="counterpart" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="counterpart">{t('directories.tabs.counterpart')}</Tabs.Tab>
          <Tabs.Tab value="domestic">{t('directories.tabs.domestic')}</Tabs.Tab>
          <Tabs.Tab value="provider">{t('directories.tabs.provider')}</Tabs.Tab>
          <Tabs.Tab value="profiles">{t('profiles.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="counterpart">
          <CounterpartAuthoritiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="domestic">
          <DomesticAuthoritiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="provider">
          <ServiceProvidersTab />
        </Tabs.Panel>
        <Tabs.Panel value="profiles">
          <CountryProfilesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
