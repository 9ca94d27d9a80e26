import { Alert, Button, Checkbox, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../contract/dates.ts';
import { type StatusReportBy, fileSlug } from '../../../../contract/reports.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { useFacets } from './facets.ts';
import { produceFile } from './produce.ts';
import { errorText } from '../../components/error-text.ts';

/**
 * The status report for prosecutors who ask where their requests stand: one domestic
 * authority's or one officer's requests, each with its status, last event and what is awaited.
 */
export function StatusReportDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // The report is written in the language the person reads the app in.
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const api = useApi();
  const facets = useFacets();
  const [by, setBy] = useState<StatusReportBy>('domesticAuthority');
  const [value, setValue] = useState<string | null>(null);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const values = (by === 'domesticAuthority' ? facets.data?.domesticAuthorities : facets.data?.officers) ?? [];
  const produce = useMutation({
    mutationFn: () =>
      produceFile({
        title: t('reports.status.dialogTitle'),
        name: t('reports.status.fileName', { value: fileSlug(value ?? ''), today: localIsoDate() }),
        format,
        write: (target) =>
          api.call('reports.status', { by, value: value ?? '', includeClosed, format, language, target }),
        done: (written) => t('reports.status.done', { name: written.name }),
      }),
    onSuccess: (produced) => {
      if (produced) onClose();
    },
  });
  const valueError = produce.isError ? (fieldErrorsOf(t, produce.error)['value'] ?? null) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.status.dialogTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          produce.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('reports.status.intro')}
          </Text>
          <Radio.Group
            label={t('reports.status.by')}
            value={by}
            onChange={(v) => {
              setBy(v === 'assignedTo' ? 'assignedTo' : 'domesticAuthority');
              setValue(null);
            }}
          >
            <Group mt={4}>
              <Radio value="domesticAuthority" label={t('reports.status.byDomesticAuthority')} />
              <Radio value="assignedTo" label={t('reports.status.byAssignedTo')} />
            </Group>
          </Radio.Group>
          <Select
            label={t(`reports.status.${by}`)}
            data={values}
            value={value}
            onChange={setValue}
            searchable
            required
            error={valueError}
            nothingFoundMessage={t('reports.status.noValues')}
            {...(values.length === 0 ? { placeholder: t('reports.status.noValues') } : {})}
          />
          <Checkbox
            label={t('reports.status.includeClosed')}
            checked={includeClosed}
            onChange={(e) => setIncludeClosed(e.currentTarget.checked)}
          />
          <Radio.Group
            label={t('reports.status.format')}
            value={format}
            onChange={(v) => setFormat(v === 'xlsx' ? 'xlsx' : 'pdf')}
          >
            <Group mt={4}>
              <Radio value="pdf" label={t('reports.status.pdf')} />
              <Radio value="xlsx" label={t('reports.status.xlsx')} />
            </Group>
          </Radio.Group>
          {produce.isError && !valueError && (
            <Alert color="red" role="alert">
              {errorText(t, produce.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reports.status.cancel')}
            </Button>
            <Button type="submit" loading={produce.isPending} disabled={value === null}>
              {t('reports.status.produce')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
