import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InterchangeFormat } from '../../../../contract/interchange.ts';
import { useApi } from '../../api/context.tsx';
import { chooseTarget, deliver } from '../../api/files.ts';
import { errorText } from '../../components/error-text.ts';

/** The whole register out, as CSV or XLSX: a save dialog on the desktop, a download in the browser. */
export function ExportPanel({ today }: { today: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const exportAs = useMutation({
    mutationFn: async (format: InterchangeFormat) => {
      const target = await chooseTarget({
        title: t('interchange.export.dialogTitle'),
        defaultName: `register-${today ?? 'export'}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (target === null) return null;
      const written = await api.call('interchange.export', { format, target });
      await deliver(written);
      return written;
    },
    onSuccess: (written) => {
      if (written) {
        notifications.show({
          color: 'green',
          message: t('interchange.export.done', { count: written.rows, name: written.name }),
        });
      }
    },
  });
  const busy = exportAs.isPending ? exportAs.variables : null;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('interchange.export.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('interchange.export.description')}
        </Text>
        <Group gap="sm">
          <Button
            variant="light"
            loading={busy === 'csv'}
            disabled={busy !== null}
            onClick={() => exportAs.mutate('csv')}
          >
            {t('interchange.export.csv')}
          </Button>
          <Button
            variant="light"
            loading={busy === 'xlsx'}
            disabled={busy !== null}
            onClick={() => exportAs.mutate('xlsx')}
          >
            {t('interchange.export.xlsx')}
          </Button>
        </Group>
        {exportAs.isError && (
          <Alert color="red" role="alert">
            {errorText(t, exportAs.error)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
