import { Alert, Anchor, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, Inspection } from '../../../../contract/interchange.ts';
import { useApi } from '../../api/context.tsx';
import { chooseFiles, type PickedFile } from '../../api/files.ts';
import { hrefOf } from '../../routing/routes.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { JobProgress } from './JobProgress.tsx';
import { MappingStep, mappingGaps } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { useImportJob } from './useImportJob.ts';
import { errorText } from '../../components/error-text.ts';

const STEPS = { file: 0, mapping: 1, preview: 2, check: 3, import: 4, done: 5 } as const;

interface Chosen {
  file: PickedFile;
  inspection: Inspection;
}

/**
 * The import wizard: file, column mapping, preview, dry run, import, summary; and the export
 * of the whole register. Nothing is written before the last step, and that step is all or
 * nothing.
 */
export function ImportScreen({ today }: { today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<number>(STEPS.file);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = useImportJob();
  const load = useImportJob();

  const choose = async () => {
    setFileError(null);
    try {
      const [file] = await chooseFiles({
        title: t('interchange.file.dialogTitle'),
        multiple: false,
        filters: [{ name: t('interchange.file.filterName'), extensions: ['csv', 'xlsx'] }],
      });
      if (!file) return;
      setReading(true);
      const inspection = await api.call('interchange.inspect', { source: file.source });
      setChosen({ file, inspection });
      setMapping(inspection.suggestedMapping);
      check.reset();
      load.reset();
      setStep(STEPS.mapping);
    } catch (e) {
      setFileError(errorText(t, e));
    } finally {
      setReading(false);
    }
  };

  const input = (dryRun: boolean) =>
    chosen && { source: chosen.file.source, fileName: chosen.file.name, mapping, dryRun, ignoreUnknownColumns: false };

  const runCheck = () => {
    const call = input(true);
    if (!call) return;
    setStep(STEPS.check);
    void check.run(call);
  };

  const runImport = async () => {
    const call = input(false);
    if (!call) return;
    setStep(STEPS.import);
    const job = await load.run(call);
    if (job?.report?.ok) {
      await queryClient.invalidateQueries();
      setStep(STEPS.done);
    }
  };

  const { missing, twice } = mappingGaps(mapping);
  const total = chosen?.inspection.rowCount ?? 0;
  const checked = check.job?.report ?? null;
  const loaded = load.job?.report ?? null;
  const back = (to: number) => (
    <Button variant="default" onClick={() => setStep(to)}>
      {t('interchange.back')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Title order={2}>{t('interchange.title')}</Title>
      <Text c="dimmed">{t('interchange.intro')}</Text>
      <Stepper
        active={step}
        size="sm"
        allowNextStepsSelect={false}
        // Back to an earlier step while preparing; once the import has started there is no going back.
        onStepClick={(s) => step < STEPS.import && setStep(s)}
      >
        <Stepper.Step label={t('interchange.steps.file')} description={t('interchange.steps.fileDescription')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('interchange.file.hint')}</Text>
            <Button onClick={() => void choose()} loading={reading}>
              {t('interchange.file.choose')}
            </Button>
            {reading && <Text size="sm">{t('interchange.file.reading')}</Text>}
            {fileError && (
              <Alert color="red" role="alert">
                {fileError}
              </Alert>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('interchange.steps.mapping')} description={t('interchange.steps.mappingDescription')}>
          {chosen && (
            <Stack gap="sm">
              <Text fw={500}>
                {t('interchange.file.chosen', {
                  name: chosen.file.name,
                  format: chosen.inspection.format.toUpperCase(),
                  rows: chosen.inspection.rowCount,
                  columns: chosen.inspection.headers.length,
                })}
              </Text>
              <MappingStep inspection={chosen.inspection} mapping={mapping} onChange={setMapping} />
              <Group>
                {back(STEPS.file)}
                <Button disabled={missing.length > 0 || twice.size > 0} onClick={() => setStep(STEPS.preview)}>
                  {t('interchange.next')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('interchange.steps.preview')} description={t('interchange.steps.previewDescription')}>
          {chosen && (
            <Stack gap="sm">
              <PreviewStep inspection={chosen.inspection} mapping={mapping} />
              <Group>
                {back(STEPS.mapping)}
                <Button onClick={runCheck}>{t('interchange.check.run')}</Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('interchange.steps.check')} description={t('interchange.steps.checkDescription')}>
          <Stack gap="sm">
            {check.running && <JobProgress job={check.job} total={total} kind="check" />}
            {check.error && (
              <Alert color="red" role="alert">
                {check.error}
              </Alert>
            )}
            {checked && !checked.ok && (
              <>
                <Alert
                  color="red"
                  role="alert"
                  title={t('interchange.check.problems', { count: checked.problems.length + checked.moreProblems })}
                >
                  {t('interchange.check.fixHint')}
                </Alert>
                <ProblemsTable report={checked} />
              </>
            )}
            {checked?.ok && (
              <Alert color="green" role="status">
                {t('interchange.check.ok', { count: checked.imported })}
              </Alert>
            )}
            {!check.running && (
              <Group>
                {back(STEPS.preview)}
                {checked?.ok && (
                  <Button onClick={() => void runImport()}>
                    {t('interchange.import.start', { count: checked.imported })}
                  </Button>
                )}
              </Group>
            )}
            <Text size="xs" c="dimmed">
              {t('interchange.import.allOrNothing')}
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('interchange.steps.import')} description={t('interchange.steps.importDescription')}>
          <Stack gap="sm">
            {load.running && <JobProgress job={load.job} total={total} kind="import" />}
            {(load.error || (loaded && !loaded.ok)) && (
              <Alert color="red" role="alert" title={t('interchange.import.failed')}>
                {load.error ?? t('interchange.check.fixHint')}
              </Alert>
            )}
            {loaded && !loaded.ok && <ProblemsTable report={loaded} />}
            {!load.running && !loaded?.ok && back(STEPS.preview)}
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="sm" align="flex-start">
            <Alert color="green" role="status" title={t('interchange.done.title')}>
              {t('interchange.done.summary', { count: loaded?.imported ?? 0, name: chosen?.file.name ?? '' })}
            </Alert>
            <Group>
              <Anchor href={hrefOf({ screen: 'register', query: new URLSearchParams() })}>
                {t('interchange.done.openRegister')}
              </Anchor>
              <Button variant="default" onClick={() => setStep(STEPS.file)}>
                {t('interchange.done.again')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
      <ExportPanel today={today} />
    </Stack>
  );
}
