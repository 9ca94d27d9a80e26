import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCompleteness, isDrafting } from '../../../../contract/completeness.ts';
import { type RequestDetail, requestFieldsSchema } from '../../../../contract/requests.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { type FieldErrors, fieldErrorsFrom } from '../../components/field-errors.ts';
import { useSaveShortcut } from '../../routing/shortcuts.ts';
import { type FormValues, fromDetail, toFieldsInput } from './form-values.ts';
import { CountryProfilePanel } from './CountryProfilePanel.tsx';
import { FormWithAside } from './FormWithAside.tsx';
import { RequestFieldsForm } from './RequestFieldsForm.tsx';
import { useRequestChange } from './useRequestChange.ts';
import { CompletenessPanel } from './drafting/CompletenessPanel.tsx';
import { focusField } from './drafting/field-ids.ts';
import { messageText } from '../../components/error-text.ts';

interface Props {
  request: RequestDetail;
  onDone(): void;
  /** The field to put the keyboard in once the form is shown (a completeness link's target). */
  focus?: string | null | undefined;
}

/** Corrects a request's fields, on the version the clerk opened (a stale save is refused). */
export function RequestEditor({ request, onDone, focus }: Props) {
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
      setErrors(fieldErrorsFrom(t, fieldProblems(parsed.error)));
      return;
    }
    save.mutate();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  useSaveShortcut(submit, !save.isPending);
  useEffect(() => {
    if (focus) focusField(focus);
  }, [focus]);
  // While an outgoing request is drafted, the check follows what is typed (its links are as saved).
  const completeness = isDrafting(request.direction, request.status)
    ? checkCompleteness({
        ...toFieldsInput(values),
        direction: request.direction,
        kind: request.kind,
        links: request.links,
      })
    : [];
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
            {apiError.code === 'stale' ? t('move.stale') : messageText(t, apiError)}
          </Alert>
        )}
        <FormWithAside
          aside={
            <>
              {completeness.length > 0 && (
                <CompletenessPanel
                  kind={request.kind}
                  items={completeness}
                  onFix={(item) => focusField(item.field)}
                  saved
                />
              )}
              <CountryProfilePanel
                country={values.counterpartCountry}
                language={values.requestLanguage}
                channel={values.channel}
                legalBasis={values.legalBasis}
              />
            </>
          }
        >
          <RequestFieldsForm
            values={values}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            errors={errors}
          />
        </FormWithAside>
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
