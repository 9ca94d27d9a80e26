import { Alert, Button, Group, Modal, SegmentedControl, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeToday } from '../../../api/office-today.ts';
import type { GeneratedLetter } from '../../../../../contract/letters.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { messageText } from '../../../components/error-text.ts';
import { fieldErrorsOf } from '../../../components/field-errors.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import {
  CorrespondenceFields,
  useCorrespondenceFields,
  type ValidCorrespondence,
} from '../documents/CorrespondenceFields.tsx';

type Files = 'pdf' | 'docx' | 'both';

/**
 * A generated letter went out: the day, the channel and what the log should say (proposed from
 * the template's name), and which file went. The correspondence log and the history keep it.
 */
export function MarkSentDialog({
  request,
  letter,
  onClose,
}: {
  request: RequestDetail;
  letter: GeneratedLetter;
  onClose(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const today = useOfficeToday();
  const form = useCorrespondenceFields(() => ({
    onDate: today,
    channel: null,
    summary: t('letters.sentSummary', { letter: t(`letters.template.${letter.code}`), reference: request.reference }),
  }));
  const [files, setFiles] = useState<Files>('pdf');

  const send = useMutation({
    mutationFn: (valid: ValidCorrespondence) => api.call('letters.markSent', { id: letter.id, ...valid, files }),
    onSuccess: () => {
      for (const key of ['letters.list', 'correspondence.list', 'requests.get']) {
        void queryClient.invalidateQueries({ queryKey: [key, request.id] });
      }
      notifications.show({ color: 'green', message: t('letters.markedSent', { reference: request.reference }) });
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

  const apiError = send.error instanceof ApiCallError ? send.error.error : null;
  return (
    <Modal opened onClose={onClose} title={t('letters.markSentTitle')} closeOnClickOutside={false}>
      <form onSubmit={form.onSubmit(t('letters.required'), (valid) => send.mutate(valid))} noValidate>
        <Stack>
          {apiError && (apiError.code !== 'invalid_input' || !apiError.fields) && (
            <Alert color="red" role="alert">
              {messageText(t, apiError)}
            </Alert>
          )}
          <CorrespondenceFields
            form={form}
            labels={{
              date: t('letters.sentDate'),
              channel: t('letters.channel'),
              summary: t('letters.logSummary'),
              summaryHint: t('letters.logSummaryHint'),
            }}
            summaryRows={2}
          />
          <Stack gap={4}>
            <span id={`files-${letter.id}`} style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}>
              {t('letters.filesSent')}
            </span>
            <SegmentedControl
              aria-labelledby={`files-${letter.id}`}
              value={files}
              onChange={(v) => setFiles(v as Files)}
              data={[
                { value: 'pdf', label: t('letters.files.pdf') },
                { value: 'docx', label: t('letters.files.docx') },
                { value: 'both', label: t('letters.files.both') },
              ]}
            />
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('letters.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('letters.recordSent')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
