import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../contract/errors.ts';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { messageText } from '../../components/error-text.ts';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(): void;
  /** The register's refusal, shown above the fields unless it names fields (they show it). */
  refusal: ApiError | null;
  /** The day the change happened: every change of a request asks for it. */
  on: string;
  onOnChange(value: string): void;
  onError?: string | undefined;
  today?: string | undefined;
  pending: boolean;
  danger?: boolean;
  /** The confirm button's words, when "Confirm" says too little (e.g. "Send anyway"). */
  confirmLabel?: string | undefined;
  /** The fields this change needs besides its date. */
  children: ReactNode;
}

/** The frame of a dated change to a request (a move, an event): date, its own fields, confirm. */
export function ChangeDialog(props: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg" closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.refusal && props.refusal.code !== 'invalid_input' && (
            <Alert color="red" role="alert">
              {props.refusal.code === 'stale' ? t('move.stale') : messageText(t, props.refusal)}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t('move.on')}
            value={props.on}
            max={props.today}
            onChange={(e) => props.onOnChange(e.currentTarget.value)}
            error={props.onError}
            required
            data-autofocus
          />
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('move.cancel')}
            </Button>
            <Button type="submit" loading={props.pending} color={props.danger ? 'red' : 'indigo'}>
              {props.confirmLabel ?? t('move.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
