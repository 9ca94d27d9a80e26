import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, type Direction } from '../../../../../contract/codes.ts';
import type { CorrespondenceEntry, DocumentRecord } from '../../../../../contract/documents.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { fieldErrorsOf } from '../../../components/field-errors.ts';
import { useCodeOptions } from '../../../components/options.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { formatDate, languageOf } from '../../../i18n/format.ts';
import { messageText } from '../../../components/error-text.ts';
import { useOfficeToday } from '../../../api/office-today.ts';
import { CorrespondenceFields, useCorrespondenceFields, type ValidCorrespondence } from './CorrespondenceFields.tsx';

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
  const today = useOfficeToday();
  const form = useCorrespondenceFields(() => ({
    onDate: entry?.onDate ?? today,
    channel: entry?.channel ?? null,
    summary: entry?.summary ?? '',
  }));
  const [direction, setDirection] = useState<Direction>(entry?.direction ?? 'incoming');
  const [documentIds, setDocumentIds] = useState<string[]>(entry?.documents.map((d) => String(d.id)) ?? []);
  const directionOptions = useCodeOptions('correspondenceDirection', DIRECTIONS);
  const documentOptions = documents.map((d) => ({
    value: String(d.id),
    label: `${d.originalName} — ${t(`documentType.${d.type}`)}, ${formatDate(d.documentDate, language)}`,
  }));

  const save = useMutation({
    mutationFn: ({ onDate, channel, summary }: ValidCorrespondence) => {
      const common = { onDate, direction, channel, summary, documentIds: documentIds.map(Number) };
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
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });

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
      <form onSubmit={form.onSubmit(t('correspondence.required'), (valid) => save.mutate(valid))} noValidate>
        <Stack>
          {apiError && apiError.code !== 'invalid_input' && (
            <Alert color="red" role="alert">
              {messageText(t, apiError)}
            </Alert>
          )}
          <CorrespondenceFields
            form={form}
            labels={{
              date: t('correspondence.date'),
              channel: t('correspondence.channel'),
              summary: t('correspondence.summary'),
            }}
            besideDate={
              <Select
                label={t('correspondence.direction')}
                data={directionOptions}
                value={direction}
                onChange={(v) => v && setDirection(v as Direction)}
                error={form.errors['direction']}
                allowDeselect={false}
                required
              />
            }
            summaryRows={3}
          />
          {documents.length > 0 ? (
            <MultiSelect
              label={t('correspondence.documents')}
              description={t('correspondence.documentsHint')}
              data={documentOptions}
              value={documentIds}
              onChange={setDocumentIds}
              error={form.errors['documentIds']}
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
