import { TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../contract/dates.ts';
import type { EventOption, RequestDetail } from '../../../../contract/requests.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { type FieldErrors } from '../../components/field-errors.ts';
import { ChangeDialog } from './ChangeDialog.tsx';
import { useRequestChange } from './useRequestChange.ts';
import { autoDir } from '../../i18n/Bidi.tsx';

interface Props {
  request: RequestDetail;
  option: EventOption;
  today?: string | undefined;
  onClose(): void;
}

/** Records an event (returned, consulted, information asked or received, extended, ...). */
export function EventDialog({ request, option, today, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [on, setOn] = useState(today ?? localIsoDate());
  const [note, setNote] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const needsNote = option.needs.includes('note');
  const needsUntil = option.needs.includes('preservedUntil');
  const label = t(`eventType.${option.type}`);

  const record = useRequestChange(
    request.id,
    () =>
      api.call('requests.recordEvent', {
        id: request.id,
        type: option.type,
        on,
        note,
        preservedUntil: needsUntil ? until : null,
        expectedVersion: request.version,
      }),
    {
      saved: (detail) => t('eventDialog.done', { reference: detail.reference, event: label }),
      onDone: onClose,
      onFieldErrors: setErrors,
    },
  );

  const onSubmit = () => {
    const missing: FieldErrors = {};
    if (on === '') missing.on = t('form.required');
    if (needsNote && note.trim() === '') missing.note = t('form.required');
    if (needsUntil && until === '') missing.preservedUntil = t('form.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) record.mutate();
  };
  const apiError = record.error instanceof ApiCallError ? record.error.error : null;

  return (
    <ChangeDialog
      title={t('eventDialog.title', { event: label, reference: request.reference })}
      onClose={onClose}
      onSubmit={onSubmit}
      refusal={apiError}
      on={on}
      onOnChange={setOn}
      onError={errors.on}
      today={today}
      pending={record.isPending}
    >
      {needsUntil && (
        <TextInput
          type="date"
          label={t('eventDialog.newPreservedUntil')}
          description={
            request.preservedUntil ? t('eventDialog.currentlyUntil', { date: request.preservedUntil }) : undefined
          }
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={errors.preservedUntil}
          required
        />
      )}
      <Textarea
        label={option.type === 'returned_deficient' ? t('eventDialog.whatIsMissing') : t('move.note')}
        value={note}
        dir={autoDir(note)}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        required={needsNote}
        autosize
        minRows={2}
      />
    </ChangeDialog>
  );
}
