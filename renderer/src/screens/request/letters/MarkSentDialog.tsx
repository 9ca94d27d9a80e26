import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRESPONDENCE_CHANNELS, type CorrespondenceChannel } from '../../../../../contract/codes.ts';
import { localIsoDate } from '../../../../../contract/dates.ts';
import type { GeneratedLetter } from '../../../../../contract/letters.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { messageText } from '../../../components/error-text.ts';
import { type FieldErrors, fieldErrorsOf } from '../../../components/field-errors.ts';
import { useCodeOptions } from '../../../components/options.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';

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
  const today = localIsoDate();
  const [onDate, setOnDate] = useState(today);
  const [channel, setChannel] = useState<CorrespondenceChannel | null>(null);
  const [summary, setSummary] = useState(
    t('letters.sentSummary', { letter: t(`letters.template.${letter.code}`), reference: request.reference }),
  );
  const [files, setFiles] = useState<Files>('pdf');
  const [errors, setErrors] = useState<FieldErrors>({});
  const channelOptions = useCodeOptions('correspondenceChannel', CORRESPONDENCE_CHANNELS);

  const send = useMutation({
    mutationFn: (chosen: CorrespondenceChannel) =>
      api.call('letters.markSent', { id: letter.id, onDate, channel: chosen, summary, files }),
    onSuccess: () => {
      for (const key of ['letters.list', 'correspondence.list', 'requests.get']) {
        void queryClient.invalidateQueries({ queryKey: [key, request.id] });
      }
      notifications.show({ color: 'green', message: t('letters.markedSent', { reference: request.reference }) });
      onClose();
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (onDate === '') missing['onDate'] = t('letters.required');
    if (channel === null) missing['channel'] = t('letters.required');
    if (summary.trim() === '') missing['summary'] = t('letters.required');
    setErrors(missing);
    if (channel !== null && Object.keys(missing).length === 0) send.mutate(channel);
  };

  const apiError = send.error instanceof ApiCallError ? send.error.error : null;
  return (
    <Modal opened onClose={onClose} title={t('letters.markSentTitle')} closeOnClickOutside={false}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {apiError && (apiError.code !== 'invalid_input' || !apiError.fields) && (
            <Alert color="red" role="alert">
              {messageText(t, apiError)}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t('letters.sentDate')}
            value={onDate}
            max={today}
            onChange={(e) => setOnDate(e.currentTarget.value)}
            error={errors['onDate']}
            required
            data-autofocus
          />
          <Select
            label={t('letters.channel')}
            data={channelOptions}
            value={channel}
            onChange={(v) => setChannel(v as CorrespondenceChannel | null)}
            error={errors['channel']}
            required
          />
          <Textarea
            label={t('letters.logSummary')}
            description={t('letters.logSummaryHint')}
            value={summary}
            dir={autoDir(summary)}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors['summary']}
            required
            autosize
            minRows={2}
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
