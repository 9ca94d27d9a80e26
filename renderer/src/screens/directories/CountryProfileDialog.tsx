import { Alert, Button, Fieldset, Group, Modal, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../contract/codes.ts';
import {
  type CountryProfile,
  DUAL_CRIMINALITY,
  type DualCriminality,
  type ValidCountryProfile,
} from '../../../../contract/profiles.ts';
import { ApiCallError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { type FieldErrors, fieldErrorsOf } from '../../components/field-errors.ts';
import { useCodeOptions, useCountryOptions } from '../../components/options.ts';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { countryName } from '../../i18n/index.ts';
import { useLanguageOptions } from './profile-format.ts';
import { checkProfile, emptyProfile, type ProfileValues, valuesOfProfile } from './profile-values.ts';
import { TreatiesEditor } from './TreatiesEditor.tsx';

/** Every query of the profiles starts with a channel name "profiles.…": a change refreshes them all. */
export const isProfileQuery = (q: { queryKey: readonly unknown[] }) => String(q.queryKey[0]).startsWith('profiles.');

interface Props {
  /** The profile to correct; absent to add one. */
  profile?: CountryProfile | undefined;
  /** The country a new profile is for (offered beside a request to that state). */
  country?: string | null | undefined;
  onClose(): void;
}

/** Adds or corrects a country profile; the contract's schema names mistakes before saving. */
export function CountryProfileDialog({ profile, country, onClose }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>(() =>
    profile ? valuesOfProfile(profile) : emptyProfile(country ?? null),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const countryOptions = useCountryOptions();
  const languageOptions = useLanguageOptions();
  const channelOptions = useCodeOptions('channel', CHANNELS);
  const dualOptions = useCodeOptions('profiles.dualCriminality', DUAL_CRIMINALITY);

  // The central authority is chosen among this country's counterpart authorities.
  const authorities = useQuery({
    queryKey: ['directories.counterpartAuthorities.list', { country: values.country }],
    queryFn: () => api.call('directories.counterpartAuthorities.list', { country: values.country ?? '' }),
    enabled: values.country !== null,
  });
  const authorityOptions = (authorities.data ?? []).map((a) => ({ value: String(a.id), label: a.name }));

  const mutation = useMutation({
    mutationFn: (input: ValidCountryProfile) => api.call('profiles.save', input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ predicate: isProfileQuery });
      notifications.show({ color: 'green', message: t('profiles.saved', { country: countryName(saved.country) }) });
      onClose();
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const change = (patch: Partial<ProfileValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    const edited = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !edited.includes(k.split('.')[0] ?? k))));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkProfile(t, values, profile?.id);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    mutation.mutate(checked.input);
  };

  const hasErrors = Object.keys(errors).length > 0;
  const apiError = mutation.error instanceof ApiCallError ? mutation.error.error : null;
  const noAuthority = values.country !== null && authorities.isSuccess && authorityOptions.length === 0;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeOnClickOutside={false}
      title={profile ? t('profiles.editTitle', { country: countryName(profile.country) }) : t('profiles.addTitle')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {hasErrors && (
            <Alert color="red" role="alert">
              {apiError?.code === 'invalid_input' ? errorText(t, mutation.error) : t('profiles.fixErrors')}
            </Alert>
          )}
          {mutation.isError && !hasErrors && (
            <Alert color="red" role="alert">
              {errorText(t, mutation.error)}
            </Alert>
          )}
          <Group grow align="start">
            <Select
              label={t('profiles.fields.country')}
              data={countryOptions}
              value={values.country}
              onChange={(v) => change({ country: v, centralAuthorityId: null })}
              searchable
              required
              error={errors.country}
              data-autofocus
            />
            <Select
              label={t('profiles.fields.centralAuthority')}
              description={
                values.country === null
                  ? t('profiles.fields.centralAuthorityPick')
                  : noAuthority
                    ? t('profiles.fields.centralAuthorityNone')
                    : t('profiles.fields.centralAuthorityHint')
              }
              data={authorityOptions}
              value={values.centralAuthorityId}
              onChange={(v) => change({ centralAuthorityId: v })}
              disabled={values.country === null || noAuthority}
              searchable
              clearable
              error={errors.centralAuthorityId}
            />
          </Group>
          <MultiSelect
            label={t('profiles.fields.languages')}
            description={t('profiles.fields.languagesHint')}
            data={languageOptions}
            value={values.languages}
            onChange={(languages) => change({ languages })}
            searchable
            error={errors.languages}
          />
          <MultiSelect
            label={t('profiles.fields.channels')}
            data={channelOptions}
            value={values.channels}
            onChange={(v) => change({ channels: v as Channel[] })}
            error={errors.channels}
          />
          <Group grow align="start">
            <Select
              label={t('profiles.fields.dualCriminality')}
              data={dualOptions}
              value={values.dualCriminality}
              onChange={(v) => v && change({ dualCriminality: v as DualCriminality })}
              allowDeselect={false}
              error={errors.dualCriminality}
            />
            <TextInput
              label={t('profiles.fields.dualCriminalityScope')}
              description={t('profiles.fields.dualCriminalityScopeHint')}
              value={values.dualCriminalityScope}
              dir={autoDir(values.dualCriminalityScope)}
              onChange={(e) => change({ dualCriminalityScope: e.currentTarget.value })}
              error={errors.dualCriminalityScope}
            />
          </Group>
          <Fieldset legend={t('profiles.fields.treaties')}>
            <TreatiesEditor treaties={values.treaties} onChange={(treaties) => change({ treaties })} errors={errors} />
          </Fieldset>
          <Textarea
            label={t('profiles.fields.notes')}
            value={values.notes}
            dir={autoDir(values.notes)}
            onChange={(e) => change({ notes: e.currentTarget.value })}
            error={errors.notes}
            autosize
            minRows={2}
            maxRows={8}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('profiles.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('profiles.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
