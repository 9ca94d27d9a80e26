import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../contract/channels/interchange.ts';

/**
 * How far a check or an import has got. The row count comes from the inspection; the bytes
 * read are the fallback (an XLSX row count can shift slightly from blank rows).
 */
export function JobProgress({ job, total, kind }: { job: ImportJob | null; total: number; kind: 'check' | 'import' }) {
  const { t } = useTranslation();
  const rows = job?.rowsRead ?? 0;
  const share = total > 0 ? rows / total : job && job.bytesTotal > 0 ? job.bytesRead / job.bytesTotal : 0;
  const value = Math.min(100, Math.round(share * 100));
  return (
    <Stack gap={4}>
      <Progress value={value} animated size="lg" aria-label={t('interchange.import.progress')} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {kind === 'check'
          ? t('interchange.check.running', { rows, total })
          : t('interchange.import.running', { rows, total })}
      </Text>
    </Stack>
  );
}
