import { Center, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';

/** The app's name over a screen's title: the head of the cards shown before the app itself. */
export function CardHeading({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text c="dimmed" size="sm">
        {t('app.name')}
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
    </div>
  );
}

/** A card alone in the middle of the window (the page's main landmark): set-up, sign-in, the recovery passphrase. */
export function SessionCard({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={width}>
        {/* Before anyone signs in: whoever sits down may read no English. */}
        <Group justify="flex-end" mb="xs">
          <LanguagePicker />
        </Group>
        {children}
      </Paper>
    </Center>
  );
}
