import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CORRESPONDENCE_CHANNELS,
  type CorrespondenceChannel,
  DIRECTIONS,
  type Direction,
} from '../../../../../contract/codes.ts';
import { localIsoDate } from '../../../../../contract/dates.ts';
import type { CorrespondenceEntry, DocumentRecord } from '../../../../../contract/documents.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { type FieldErrors, fieldErrorsOf } from '../../../components/field-errors.ts';
import { useCodeOptions } from '../../../components/options.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../../i18n/format.ts';
import { messageText } from '../../../components/error-text.ts';

interface Props {
  request: RequestDetail;
  documents: DocumentRecord[];
  /** The entry to correct; a new entry when absent. */
  entry?: CorrespondenceEntry | undefined;
  onClose(): void;
}

/** One message to or from the counterpart: when, which way, how, what it said and carried. */
export function CorrespondenceDialog({ request, documents, entry, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const today = localIsoDate();
  const [onDate, setOnDate] = useState(entry?.onDate ?? today);
  const [direction, setDirection] = useState<Direction>(entry?.direction ?? 'incoming');
  const [channel, setChannel] = useState<CorrespondenceChannel | null>(entry?.channel ?? null);
  const [summary, setSummary] = useState(entry?.summary ?? '');
  const [documentIds, setDocumentIds] = useState<string[]>(entry?.documents.map((d) => String(d.id)) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const directionOptions = useCodeOptions('correspondenceDirection', DIRECTIONS);
  const channelOptions = useCodeOptions('correspondenceChannel', CORRESPONDENCE_CHANNELS);
  const documentOptions = documents.map((d) => ({
    value: String(d.id),
    label: `${d.originalName} — ${t(`documentType.${d.type}`)}, ${formatDate(d.documentDate, language)}`,
  }));

  const save = useMutation({
    mutationFn: (fields: { channel: CorrespondenceChannel }) => {
      const common = { onDate, direction, channel: fields.channel, summary, documentIds: documentIds.map(Number) };
      return entry
        ? api.call('correspondence.update', { id: entry.id, ...common })
        : api.call('correspondence.add', { requestId: request.id, ...common });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['correspondence.list', request.id] });
      const message = entry ? t('correspondence.updated') : t('correspondence.added', { reference: request.reference });
      notifications.show({ color: 'green', message });
      onClose();
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (onDate === '') missing['onDate'] = t('correspondence.required');
    if (channel === null) missing['channel'] = t('correspondence.required');
    if (summary.trim() === '') missing['summary'] = t('correspondence.required');
    setErrors(missing);
    if (channel !== null && Object.keys(missing).length === 0) save.mutate({ channel });
  };

  const apiError = save.error instanceof ApiCallError ? save.error.error : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        entry
          ? t('correspondence.editTitle', { date: formatDate(entry.onDate, language) })
          : t('correspondence.addTitle')
      }
      size="lg"
      closeOnClickOutside={false}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {apiError && apiError.code !== 'invalid_input' && (
            <Alert color="red" role="alert">
              {messageText(t, apiError)}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('correspondence.date')}
              value={onDate}
              max={today}
              onChange={(e) => setOnDate(e.currentTarget.value)}
              error={errors['onDate']}
              required
              data-autofocus
            />
            <Select
              label={t('correspondence.direction')}
              data={directionOptions}
              value={direction}
              onChange={(v) => v && setDirection(v as Direction)}
              error={errors['direction']}
              allowDeselect={false}
              required
            />
          </Group>
          <Select
            label={t('correspondence.channel')}
            data={channelOptions}
            value={channel}
            onChange={(v) => setChannel(v as CorrespondenceChannel | null)}
            error={errors['channel']}
            required
          />
          <Textarea
            label={t('correspondence.summary')}
            value={summary}
            dir={autoDir(summary)}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors['summary']}
            required
            autosize
            minRows={3}
          />
          {documents.length > 0 ? (
            <MultiSelect
              label={t('correspondence.documents')}
              description={t('correspondence.documentsHint')}
              data={documentOptions}
              value={documentIds}
              onChange={setDocumentIds}
              error={errors['documentIds']}
              searchable
              clearable
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('correspondence.noDocuments')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('correspondence.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('correspondence.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
