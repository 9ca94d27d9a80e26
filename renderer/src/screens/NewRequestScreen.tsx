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
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  DIRECTIONS,
  KINDS,
  LEGAL_BASES,
  URGENCIES,
  type Channel,
  type Direction,
  type Kind,
  type LegalBasis,
  type Urgency,
} from '../../../contract/codes.ts';
import { type NewRequest, newRequestSchema } from '../../../contract/requests.ts';
import { fieldProblems } from '../../../contract/validate.ts';
import { useApi } from '../api/context.tsx';
import { type FieldErrors, fieldErrorsOf } from '../components/field-errors.ts';
import { useCodeOptions, useCountryOptions } from '../components/options.ts';
import { navigate } from '../routing/routes.ts';

interface FormValues {
  direction: Direction;
  kind: Kind;
  counterpartCountry: string | null;
  counterpartAuthority: string;
  counterpartReference: string;
  domesticAuthority: string;
  domesticReference: string;
  serviceProvider: string;
  legalBasis: LegalBasis | null;
  channel: Channel | null;
  urgency: Urgency;
  openedOn: string;
  assignedTo: string;
  summary: string;
}

const EMPTY: FormValues = {
  direction: 'incoming',
  kind: 'mla',
  counterpartCountry: null,
  counterpartAuthority: '',
  counterpartReference: '',
  domesticAuthority: '',
  domesticReference: '',
  serviceProvider: '',
  legalBasis: null,
  channel: null,
  urgency: 'normal',
  openedOn: '',
  assignedTo: '',
  summary: '',
};

/** Typed text survives leaving the screen (or a crash) until the request is registered. */
const DRAFT_KEY = 'mla-desk:new-request-draft';

function loadDraft(): FormValues {
  try {
    const saved = localStorage.getItem(DRAFT_KEY);
    return saved ? { ...EMPTY, ...(JSON.parse(saved) as Partial<FormValues>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

/** The form's values as the contract expects them: what this kind and direction do not use is left out. */
function toInput(v: FormValues): NewRequest {
  const eEvidence = v.kind !== 'mla';
  return {
    direction: v.direction,
    kind: v.kind,
    counterpartCountry: v.counterpartCountry ?? '',
    counterpartAuthority: v.counterpartAuthority,
    counterpartReference: v.counterpartReference,
    domesticAuthority: v.domesticAuthority,
    domesticReference: v.domesticReference,
    serviceProvider: eEvidence ? v.serviceProvider : '',
    legalBasis: v.legalBasis,
    channel: v.channel,
    urgency: v.urgency,
    openedOn: v.direction === 'incoming' && v.openedOn !== '' ? v.openedOn : null,
    assignedTo: v.assignedTo,
    summary: v.summary,
  };
}

export function NewRequestScreen({ today }: { today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(loadDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const directionOptions = useCodeOptions('direction', DIRECTIONS);
  const kindOptions = useCodeOptions('kind', KINDS);
  const legalBasisOptions = useCodeOptions('legalBasis', LEGAL_BASES);
  const channelOptions = useCodeOptions('channel', CHANNELS);
  const urgencyOptions = useCodeOptions('urgency', URGENCIES);
  const countryOptions = useCountryOptions();

  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(values));
  }, [values]);

  const register = useMutation({
    mutationFn: (input: NewRequest) => api.call('requests.register', input),
    onSuccess: (detail) => {
      localStorage.removeItem(DRAFT_KEY);
      void queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      notifications.show({ color: 'green', message: t('form.saved', { reference: detail.reference }) });
      navigate({ screen: 'request', id: detail.id });
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };
  const text = (key: keyof FormValues) => ({
    value: String(values[key] ?? ''),
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as never),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(values);
    // The same schema the handler applies, so the user hears about mistakes before saving.
    const parsed = newRequestSchema.safeParse(input);
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const p of fieldProblems(parsed.error)) found[p.field] ??= p.message;
      setErrors(found);
      return;
    }
    register.mutate(input);
  };

  const incoming = values.direction === 'incoming';
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-request-title">
      <Stack gap="md" maw={900}>
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
            {register.error.message}
          </Alert>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Input.Wrapper label={t('form.direction')} required labelElement="div" id="direction">
              <SegmentedControl
                fullWidth
                aria-labelledby="direction-label"
                data={directionOptions}
                value={values.direction}
                onChange={(v) => set('direction', v as Direction)}
              />
            </Input.Wrapper>
            <Select
              label={t('form.kind')}
              data={kindOptions}
              value={values.kind}
              onChange={(v) => v && set('kind', v as Kind)}
              allowDeselect={false}
              required
              error={errors.kind}
            />
            <Select
              label={t('form.counterpartCountry')}
              description={t('form.counterpartCountryHint')}
              data={countryOptions}
              value={values.counterpartCountry}
              onChange={(v) => set('counterpartCountry', v)}
              searchable
              clearable
              required
              error={errors.counterpartCountry}
            />
            {incoming ? (
              <TextInput type="date" label={t('form.openedOnIncoming')} required max={today} {...text('openedOn')} />
            ) : (
              <Text size="sm" c="dimmed" mt="lg">
                {t('form.outgoingDraftNote')}
              </Text>
            )}
            <TextInput label={t('form.counterpartAuthority')} {...text('counterpartAuthority')} />
            <TextInput label={t('form.counterpartReference')} {...text('counterpartReference')} />
            <TextInput label={t('form.domesticAuthority')} {...text('domesticAuthority')} />
            <TextInput label={t('form.domesticReference')} {...text('domesticReference')} />
            {values.kind !== 'mla' && <TextInput label={t('form.serviceProvider')} {...text('serviceProvider')} />}
            <Select
              label={t('form.legalBasis')}
              data={legalBasisOptions}
              value={values.legalBasis}
              onChange={(v) => set('legalBasis', v as LegalBasis | null)}
              clearable
              searchable
              error={errors.legalBasis}
            />
            <Select
              label={t('form.channel')}
              data={channelOptions}
              value={values.channel}
              onChange={(v) => set('channel', v as Channel | null)}
              clearable
              error={errors.channel}
            />
            <Input.Wrapper label={t('form.urgency')} labelElement="div" id="urgency">
              <SegmentedControl
                fullWidth
                aria-labelledby="urgency-label"
                data={urgencyOptions}
                value={values.urgency}
                onChange={(v) => set('urgency', v as Urgency)}
              />
            </Input.Wrapper>
            <TextInput label={t('form.assignedTo')} {...text('assignedTo')} />
          </SimpleGrid>
          <Textarea label={t('form.summary')} autosize minRows={3} mt="md" {...text('summary')} />
        </Paper>
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
