import { Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_FORMATS, type StatisticsFormat } from '../../../../contract/statistics.ts';
import { useApi } from '../../api/context.tsx';
import { messageOf } from '../../components/field-errors.ts';
import { produceFile } from '../register/produce.ts';

/** CSV, XLSX and PDF of the whole year's figures (every group), written by the register. */
export function ExportButtons({ year }: { year: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [running, setRunning] = useState<StatisticsFormat | null>(null);
  const exportAs = async (format: StatisticsFormat) => {
    setRunning(format);
    try {
      await produceFile({
        title: t('statistics.export.title', { year }),
        name: `statistics-${year}`,
        format,
        write: (target) => api.call('statistics.export', { year, format, target }),
        done: (written) => t('statistics.export.done', { name: written.name }),
      });
    } catch (e) {
      notifications.show({ color: 'red', message: t('statistics.export.failed', { message: messageOf(e) }) });
    } finally {
      setRunning(null);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={t('statistics.export.label', { year })}>
      {STATISTICS_FORMATS.map((f) => (
        <Button key={f} variant="default" disabled={running !== null} onClick={() => void exportAs(f)}>
          {t(`statistics.export.${f}`)}
        </Button>
      ))}
      {running && (
        <Group gap={6} role="status">
          <Loader size="xs" />
          <Text size="sm">{t('statistics.export.running', { format: t(`statistics.export.${running}`) })}</Text>
        </Group>
      )}
    </Group>
  );
}
