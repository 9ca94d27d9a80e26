import { Group, Select, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { CORRESPONDENCE_CHANNELS, type CorrespondenceChannel } from '../../../../../contract/codes.ts';
import { useOfficeToday } from '../../../api/office-today.ts';
import type { FieldErrors } from '../../../components/field-errors.ts';
import { useCodeOptions } from '../../../components/options.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';

/** What every entry of the correspondence log says: the day, how it went, and what it said. */
export interface CorrespondenceValues {
  onDate: string;
  channel: CorrespondenceChannel | null;
  summary: string;
}

/** The values once every one is filled in. */
export type ValidCorrespondence = CorrespondenceValues & { channel: CorrespondenceChannel };

/**
 * The fields left empty, each named `required` (the dialog's own word); `valid` holds the values
 * with their channel once nothing is missing. The register checks the rest (a day after today…).
 */
function checkCorrespondence(
  values: CorrespondenceValues,
  required: string,
): { errors: FieldErrors; valid: ValidCorrespondence | null } {
  const errors: FieldErrors = {};
  if (values.onDate === '') errors['onDate'] = required;
  if (values.channel === null) errors['channel'] = required;
  if (values.summary.trim() === '') errors['summary'] = required;
  const { channel } = values;
  return { errors, valid: channel !== null && Object.keys(errors).length === 0 ? { ...values, channel } : null };
}

/** The fields' values and errors, held by the dialog that shows them (its other fields' errors too). */
export function useCorrespondenceFields(initial: () => CorrespondenceValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    values,
    errors,
    /** Puts the register's refusal beside each field named. */
    setErrors,
    onChange: (patch: Partial<CorrespondenceValues>) => setValues((old) => ({ ...old, ...patch })),
    /** The form's submit handler: names what is empty (as `required`), else sends the values. */
    onSubmit: (required: string, send: (valid: ValidCorrespondence) => void) => (e: FormEvent) => {
      e.preventDefault();
      const checked = checkCorrespondence(values, required);
      setErrors(checked.errors);
      if (checked.valid) send(checked.valid);
    },
  };
}

interface Props {
  form: Pick<ReturnType<typeof useCorrespondenceFields>, 'values' | 'errors' | 'onChange'>;
  /** Each dialog words its fields for what it records (a letter sent, any message). */
  labels: { date: string; channel: string; summary: string; summaryHint?: string };
  /** A field set beside the date, sharing its row (the correspondence's direction). */
  besideDate?: ReactNode;
  summaryRows: number;
}

/**
 * The date, channel and summary of a correspondence entry, as the correspondence dialog and the
 * letters' "record as sent" dialog both ask for them. The date, first, takes the focus.
 */
export function CorrespondenceFields({ form, labels, besideDate, summaryRows }: Props) {
  const { values, errors, onChange } = form;
  const today = useOfficeToday();
  const channelOptions = useCodeOptions('correspondenceChannel', CORRESPONDENCE_CHANNELS);
  const date = (
    <TextInput
      type="date"
      label={labels.date}
      value={values.onDate}
      max={today}
      onChange={(e) => onChange({ onDate: e.currentTarget.value })}
      error={errors['onDate']}
      required
      data-autofocus
    />
  );
  return (
    <>
      {besideDate ? (
        <Group grow align="flex-start">
          {date}
          {besideDate}
        </Group>
      ) : (
        date
      )}
      <Select
        label={labels.channel}
        data={channelOptions}
        value={values.channel}
        onChange={(v) => onChange({ channel: v as CorrespondenceChannel | null })}
        error={errors['channel']}
        required
      />
      <Textarea
        label={labels.summary}
        description={labels.summaryHint}
        value={values.summary}
        dir={autoDir(values.summary)}
        onChange={(e) => onChange({ summary: e.currentTarget.value })}
        error={errors['summary']}
        required
        autosize
        minRows={summaryRows}
      />
    </>
  );
}
