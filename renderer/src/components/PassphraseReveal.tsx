import { Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A recovery passphrase on screen, the one time it is shown: large, with what to do with it,
 * and no way on until the person says it is written down (it is kept nowhere in MLA Desk).
 */
export function PassphraseReveal({
  passphrase,
  doneLabel,
  onDone,
}: {
  passphrase: string;
  doneLabel: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [writtenDown, setWrittenDown] = useState(false);
  return (
    <Stack gap="md">
      <Code block fz="lg" ta="center" data-testid="recovery-passphrase">
        {passphrase}
      </Code>
      <Text size="sm">{t('security.shownOnce')}</Text>
      <Checkbox
        label={t('security.writtenDown')}
        checked={writtenDown}
        onChange={(e) => setWrittenDown(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button disabled={!writtenDown} onClick={onDone}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
