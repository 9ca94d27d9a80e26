import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, KINDS, type Direction, type Kind } from '../../../contract/codes.ts';
import { checkCompleteness } from '../../../contract/completeness.ts';
import { type NewRequest, newRequestSchema } from '../../../contract/requests.ts';
import { fieldProblems } from '../../../contract/validate.ts';
import { useApi } from '../api/context.tsx';
import { type FieldErrors, fieldErrorsFrom, fieldErrorsOf } from '../components/field-errors.ts';
import { useCodeOptions } from '../components/options.ts';
import { navigate } from '../routing/routes.ts';
import { useSaveShortcut } from '../routing/shortcuts.ts';
import { EMPTY_FORM, type FormValues, toNewRequest } from './request/form-values.ts';
import { CountryProfilePanel } from './request/CountryProfilePanel.tsx';
import { FormWithAside } from './request/FormWithAside.tsx';
import { RequestFieldsForm } from './request/RequestFieldsForm.tsx';
import { CompletenessPanel } from './request/drafting/CompletenessPanel.tsx';
import { focusField } from './request/drafting/field-ids.ts';
import { errorText } from '../components/error-text.ts';

/** Typed text survives leaving the screen (or a crash) until the request is registered. */
const DRAFT_KEY = 'mla-desk:new-request-draft';

function loadDraft(): FormValues {
  try {
    const saved = localStorage.getItem(DRAFT_KEY);
    return saved ? { ...EMPTY_FORM, ...(JSON.parse(saved) as Partial<FormValues>) } : EMPTY_FORM;
  } catch {
    return EMPTY_FORM;
  }
}

export function NewRequestScreen({ today }: { today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(loadDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const directionOptions = useCodeOptions('direction', DIRECTIONS);
  const kindOptions = useCodeOptions('kind', KINDS);

  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(values));
  }, [values]);

  const register = useMutation({
    mutationFn: (input: NewRequest) => api.call('requests.register', input),
    onSuccess: (detail) => {
      localStorage.removeItem(DRAFT_KEY);
      void queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      void queryClient.invalidateQueries({ queryKey: ['directories.suggest'] });
      notifications.show({ color: 'green', message: t('form.saved', { reference: detail.reference }) });
      navigate({ screen: 'request', id: detail.id });
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const change = (patch: Partial<FormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    // A field's message goes once the field is edited; the others stay until the next save.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !((k.split('.')[0] ?? k) in patch))));
  };

  const submit = () => {
    const input = toNewRequest(values);
    // The same schema the handler applies, so the user hears about mistakes before saving.
    const parsed = newRequestSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(t, fieldProblems(parsed.error)));
      return;
    }
    register.mutate(input);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  useSaveShortcut(submit, !register.isPending);

  const incoming = values.direction === 'incoming';
  // An outgoing request starts as a draft: what it must contain before it leaves shows as it is written.
  const completeness = incoming ? [] : checkCompleteness(toNewRequest(values));
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-request-title">
      <Stack gap="md" maw={1400}>
        <Title order={2} id="new-request-title">
          {t('form.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('form.intro')}
        </Text>
        {hasErrors && (
          <Alert color="red" role="alert">
            {t('form.fixErrors')}
          </Alert>
        )}
        {register.isError && !hasErrors && (
          <Alert color="red" role="alert">
            {errorText(t, register.error)}
          </Alert>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Input.Wrapper label={t('form.direction')} required labelElement="div" id="direction">
              <SegmentedControl
                fullWidth
                aria-labelledby="direction-label"
                data={directionOptions}
                value={values.direction}
                onChange={(v) => change({ direction: v as Direction })}
              />
            </Input.Wrapper>
            <Select
              label={t('form.kind')}
              data={kindOptions}
              value={values.kind}
              onChange={(v) => v && change({ kind: v as Kind })}
              allowDeselect={false}
              required
              error={errors.kind}
            />
            {incoming ? (
              <TextInput
                type="date"
                label={t('form.openedOnIncoming')}
                required
                max={today}
                value={values.openedOn}
                error={errors.openedOn}
                onChange={(e) => change({ openedOn: e.currentTarget.value })}
              />
            ) : (
              <Text size="sm" c="dimmed" mt="lg">
                {t('form.outgoingDraftNote')}
              </Text>
            )}
          </SimpleGrid>
        </Paper>
        <FormWithAside
          aside={
            <>
              {completeness.length > 0 && (
                <CompletenessPanel
                  kind={values.kind}
                  items={completeness}
                  onFix={(item) => focusField(item.field)}
                  saved={false}
                />
              )}
              <CountryProfilePanel
                country={values.counterpartCountry}
                language={values.requestLanguage}
                channel={values.channel}
                legalBasis={values.legalBasis}
                today={today}
              />
            </>
          }
        >
          <RequestFieldsForm values={values} onChange={change} errors={errors} />
        </FormWithAside>
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('form.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              localStorage.removeItem(DRAFT_KEY);
              navigate({ screen: 'register', query: new URLSearchParams() });
            }}
          >
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
