import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text.ts';
import { useReturnFocus } from './useReturnFocus.ts';

interface Props {
  title: string;
  /** What deleting it does, and what it leaves alone. */
  body: string;
  cancelLabel: string;
  deleteLabel: string;
  remove(): Promise<unknown>;
  /** After the register has deleted it: refresh what showed it, say so. The dialog then closes. */
  onDeleted(): void;
  onClose(): void;
}

/**
 * Asks before something is deleted; Cancel has the focus, so Enter never deletes by accident.
 * A refusal stays in the dialog, beside the buttons, until it is closed or tried again.
 */
export function ConfirmDeleteDialog({ title, body, cancelLabel, deleteLabel, remove, onDeleted, onClose }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      onDeleted();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text>{body}</Text>
        {mutation.isError && (
          <Alert color="red" role="alert">
            {errorText(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {cancelLabel}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {deleteLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
