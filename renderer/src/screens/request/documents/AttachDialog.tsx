import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_DIRECTIONS,
  DOCUMENT_TYPES,
  type DocumentDirection,
  type DocumentType,
} from '../../../../../contract/codes.ts';
import { useOfficeToday } from '../../../api/office-today.ts';
import type { FileSource } from '../../../../../contract/files.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { useApi } from '../../../api/context.tsx';
import { type FieldErrors, fieldErrorsOf } from '../../../components/field-errors.ts';
import { useCodeOptions } from '../../../components/options.ts';
import { formatSize } from './format.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';
import { errorText } from '../../../components/error-text.ts';

/** A file waiting to be attached; its source is made only on submit (a drop in the browser uploads then). */
export interface PendingFile {
  name: string;
  size: number | null;
  source(): Promise<FileSource>;
}

interface Props {
  request: RequestDetail;
  files: PendingFile[];
  defaultType: DocumentType;
  onClose(): void;
}

/** Asks what the files are (type, date, direction, note) and attaches them one by one. */
export function AttachDialog({ request, files, defaultType, onClose }: Props) {
  const { t, i18n } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const today = useOfficeToday();
  const [type, setType] = useState<DocumentType>(defaultType);
  const [direction, setDirection] = useState<DocumentDirection>(request.direction);
  const [documentDate, setDocumentDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number } | null>(null);
  const typeOptions = useCodeOptions('documentType', DOCUMENT_TYPES);
  const directionOptions = useCodeOptions('documentDirection', DOCUMENT_DIRECTIONS);

  const attachAll = async () => {
    let done = 0;
    setProgress({ done });
    try {
      for (const file of files) {
        try {
          const source = await file.source();
          await api.call('documents.attach', {
            requestId: request.id,
            source,
            name: file.name,
            type,
            direction,
            documentDate,
            note,
          });
        } catch (e) {
          const fields = fieldErrorsOf(t, e);
          setErrors(fields);
          const onForm = ['type', 'direction', 'documentDate', 'note'].some((f) => f in fields);
          const message = onForm ? t('errors.invalid_input') : errorText(t, e);
          const lines = [t('documents.fileFailed', { name: file.name, message })];
          if (done > 0) lines.push(t('documents.partlyAttached', { done, total: files.length }));
          setProblem(lines.join(' '));
          return;
        }
        setProgress({ done: ++done });
      }
      notifications.show({
        color: 'green',
        message: t('documents.attached', { count: done, reference: request.reference }),
      });
      onClose();
    } finally {
      setProgress(null);
      if (done > 0) void queryClient.invalidateQueries({ queryKey: ['documents.list', request.id] });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (documentDate === '') {
      setErrors({ documentDate: t('correspondence.required') });
      return;
    }
    setErrors({});
    void attachAll();
  };

  const busy = progress !== null;
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={t('documents.attachTitle')}
      size="lg"
      closeOnClickOutside={false}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} id="attach-files-label">
              {t('documents.files')}
            </Text>
            <List size="sm" aria-labelledby="attach-files-label" mah={160} style={{ overflowY: 'auto' }}>
              {files.map((f, i) => (
                <List.Item key={`${i}:${f.name}`}>
                  {f.name}
                  {f.size !== null && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({formatSize(f.size, i18n.language)})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
          <Select
            label={t('documents.type')}
            data={typeOptions}
            value={type}
            onChange={(v) => v && setType(v as DocumentType)}
            error={errors['type']}
            allowDeselect={false}
            required
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('documents.documentDate')}
              value={documentDate}
              max={today}
              onChange={(e) => setDocumentDate(e.currentTarget.value)}
              error={errors['documentDate']}
              required
            />
            <Select
              label={t('documents.direction')}
              data={directionOptions}
              value={direction}
              onChange={(v) => v && setDirection(v as DocumentDirection)}
              error={errors['direction']}
              allowDeselect={false}
              required
            />
          </Group>
          <Textarea
            label={t('documents.note')}
            placeholder={t('documents.notePlaceholder')}
            value={note}
            dir={autoDir(note)}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors['note']}
            autosize
            minRows={2}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {progress && t('documents.progress', { done: progress.done + 1, total: files.length })}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose} disabled={busy}>
                {t('documents.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('documents.confirm', { count: files.length })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
