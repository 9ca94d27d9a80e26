import { MultiSelect, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUSAL_GROUNDS } from '../../../contract/codes.ts';
import {
  type CompletenessItem,
  checkCompleteness,
  isCheckedMove,
  missingEssentials,
} from '../../../contract/completeness.ts';
import { localIsoDate } from '../../../contract/dates.ts';
import type { Move, RequestDetail } from '../../../contract/requests.ts';
import { ApiCallError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { type FieldErrors } from '../components/field-errors.ts';
import { useCodeOptions } from '../components/options.ts';
import { ChangeDialog } from './request/ChangeDialog.tsx';
import { useRequestChange } from './request/useRequestChange.ts';
import { GateSection } from './request/drafting/GateSection.tsx';
import { autoDir } from '../i18n/Bidi.tsx';

interface Props {
  request: RequestDetail;
  move: Move;
  today?: string | undefined;
  onClose(): void;
  /** Leaves the move to fill in what the request lacks (the completeness check's first missing element). */
  onCompleteFirst?: ((item: CompletenessItem) => void) | undefined;
}

/** Asks only what the move needs (a date always; grounds to refuse; a reason to suspend or reopen). */
export function MoveDialog({ request, move, today, onClose, onCompleteFirst }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(today ?? localIsoDate());
  const [note, setNote] = useState('');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const groundOptions = useCodeOptions('refusalGround', REFUSAL_GROUNDS);
  const needsNote = move.needs.includes('note');
  const needsGrounds = move.needs.includes('refusalGrounds');
  const needsUntil = move.needs.includes('preservedUntil');
  const status = t(`status.${move.to}`);
  // Out of drafting, an outgoing request must be complete, or moved on with a reason (contract/completeness.ts).
  const lacking = isCheckedMove(request.direction, request.status, move.to)
    ? missingEssentials(checkCompleteness(request))
    : [];
  const firstLacking = lacking[0];
  const [overrideReason, setOverrideReason] = useState('');

  const transition = useRequestChange(
    request.id,
    () =>
      api.call('requests.transition', {
        id: request.id,
        to: move.to,
        on,
        note,
        refusalGrounds: grounds as (typeof REFUSAL_GROUNDS)[number][],
        preservedUntil: needsUntil ? until : null,
        overrideReason: lacking.length > 0 ? overrideReason : null,
        expectedVersion: request.version,
      }),
    {
      saved: (detail) => t('move.done', { reference: detail.reference, status }),
      onDone: onClose,
      onFieldErrors: (problems) => {
        setErrors(problems);
        // The register found the request incomplete where this screen did not (it changed
        // meanwhile): reload it, so the dialog shows what it lacks and asks for the reason.
        if (Object.keys(problems).some((field) => field.startsWith('completeness'))) {
          void queryClient.invalidateQueries({ queryKey: ['requests.get', request.id] });
        }
      },
    },
  );

  const onSubmit = () => {
    const missing: FieldErrors = {};
    if (needsNote && note.trim() === '') missing.note = t('form.required');
    if (needsGrounds && grounds.length === 0) missing.refusalGrounds = t('form.required');
    if (on === '') missing.on = t('form.required');
    if (needsUntil && until === '') missing.preservedUntil = t('form.required');
    if (lacking.length > 0 && overrideReason.trim() === '') missing.overrideReason = t('drafting.gate.reasonRequired');
    setErrors(missing);
    if (Object.keys(missing).length === 0) transition.mutate();
  };

  const title = move.reopening
    ? t('move.reopenTitle', { reference: request.reference, status })
    : t('move.title', { reference: request.reference, status });
  const apiError = transition.error instanceof ApiCallError ? transition.error.error : null;

  return (
    <ChangeDialog
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      refusal={apiError}
      on={on}
      onOnChange={setOn}
      onError={errors.on}
      today={today}
      pending={transition.isPending}
      danger={move.to === 'refused'}
      confirmLabel={
        lacking.length === 0
          ? undefined
          : move.to === 'sent'
            ? t('drafting.gate.sendAnyway')
            : t('drafting.gate.moveAnyway')
      }
    >
      {lacking.length > 0 && (
        <GateSection
          missing={lacking}
          reason={overrideReason}
          onReasonChange={setOverrideReason}
          // The register's own words are English; the reason it asks for is said here in the reader's language.
          error={errors.overrideReason ? t('drafting.gate.reasonRequired') : undefined}
          onCompleteFirst={onCompleteFirst && firstLacking ? () => onCompleteFirst(firstLacking) : undefined}
        />
      )}
      {needsUntil && (
        <TextInput
          type="date"
          label={t('requestForm.preservedUntil')}
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={errors.preservedUntil}
          required
        />
      )}
      {needsGrounds && (
        <MultiSelect
          label={t('move.grounds')}
          data={groundOptions}
          value={grounds}
          onChange={setGrounds}
          error={errors.refusalGrounds}
          required
          searchable
        />
      )}
      <Textarea
        label={needsNote ? t('move.reason') : t('move.note')}
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
