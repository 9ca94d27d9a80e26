import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestDetail, requestFieldsSchema } from '../../../../contract/requests.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { type FieldErrors, fieldErrorsFrom } from '../../components/field-errors.ts';
import { useSaveShortcut } from '../../routing/shortcuts.ts';
import { type FormValues, fromDetail, toFieldsInput } from './form-values.ts';
import { RequestFieldsForm } from './RequestFieldsForm.tsx';
import { useRequestChange } from './useRequestChange.ts';

/** Corrects a request's fields, on the version the clerk opened (a stale save is refused). */
export function RequestEditor({ request, onDone }: { request: RequestDetail; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [values, setValues] = useState<FormValues>(() => fromDetail(request));
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useRequestChange(
    request.id,
    () =>
      api.call('requests.update', { id: request.id, expectedVersion: request.version, fields: toFieldsInput(values) }),
    {
      saved: (detail) =>
        detail.version !== request.version
          ? t('requestForm.saved', { reference: detail.reference })
          : t('requestForm.nothingChanged'),
      onDone,
      onFieldErrors: setErrors,
    },
  );

  const submit = () => {
    const parsed = requestFieldsSchema.safeParse(toFieldsInput(values));
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(fieldProblems(parsed.error)));
      return;
    }
    save.mutate();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  useSaveShortcut(submit, !save.isPending);
  const apiError = save.error instanceof ApiCallError ? save.error.error : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('requestForm.edit')}>
      <Stack gap="md">
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            {t('form.fixErrors')}
          </Alert>
        )}
        {apiError && apiError.code !== 'invalid_input' && (
          <Alert color="red" role="alert">
            {apiError.code === 'stale' ? t('move.stale') : apiError.message}
          </Alert>
        )}
        <RequestFieldsForm
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={errors}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('requestForm.saveChanges')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('requestForm.cancelEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
