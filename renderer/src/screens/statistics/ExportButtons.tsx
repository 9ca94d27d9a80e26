import { Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_FORMATS, type StatisticsFormat } from '../../../../contract/statistics.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { produceFile } from '../register/produce.ts';
import { errorText } from '../../components/error-text.ts';

/** CSV, XLSX and PDF of the whole year's figures (every group), written by the register. */
export function ExportButtons({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  // The XLSX and PDF in the language the person reads the app in.
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const api = useApi();
  const [running, setRunning] = useState<StatisticsFormat | null>(null);
  const exportAs = async (format: StatisticsFormat) => {
    setRunning(format);
    try {
      await produceFile({
        title: t('statistics.export.title', { year }),
        name: `statistics-${year}`,
        format,
        write: (target) => api.call('statistics.export', { year, format, language, target }),
        done: (written) => t('statistics.export.done', { name: written.name }),
      });
    } catch (e) {
      notifications.show({ color: 'red', message: t('statistics.export.failed', { message: errorText(t, e) }) });
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
