import {
  Autocomplete,
  Checkbox,
  Fieldset,
  MultiSelect,
  SegmentedControl,
  Input,
  Select,
  SimpleGrid,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ASSISTANCE,
  CHANNELS,
  ICCS_SECTIONS,
  LEGAL_BASES,
  URGENCIES,
  type Assistance,
  type Channel,
  type IccsSection,
  type LegalBasis,
  type Urgency,
} from '../../../../contract/codes.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions, useCountryOptions } from '../../components/options.ts';
import { useSuggestions } from '../../components/useSuggestions.ts';
import { type FormValues, isEEvidence } from './form-values.ts';
import { IdentifiersEditor } from './IdentifiersEditor.tsx';
import { PartiesEditor } from './PartiesEditor.tsx';
import { DraftingFields } from './drafting/DraftingFields.tsx';
import { fieldId } from './drafting/field-ids.ts';
import { autoDir } from '../../i18n/Bidi.tsx';

interface Props {
  values: FormValues;
  onChange(patch: Partial<FormValues>): void;
  errors: FieldErrors;
}

/**
 * Everything a clerk writes about a request, grouped as the office thinks of it. Asks only
 * what the kind needs: e-evidence fields for e-evidence kinds, preservation dates for preservations.
 */
export function RequestFieldsForm({ values, onChange, errors }: Props) {
  const { t } = useTranslation();
  const legalBasisOptions = useCodeOptions('legalBasis', LEGAL_BASES);
  const channelOptions = useCodeOptions('channel', CHANNELS);
  const urgencyOptions = useCodeOptions('urgency', URGENCIES);
  const iccsOptions = useCodeOptions('iccs', ICCS_SECTIONS).map((o) => ({ ...o, label: `${o.value} ${o.label}` }));
  const assistanceOptions = useCodeOptions('assistance', ASSISTANCE);
  const countryOptions = useCountryOptions();
  const text = (key: keyof FormValues) => ({
    value: String(values[key] ?? ''),
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ [key]: e.currentTarget.value }),
  });
  const incoming = values.direction === 'incoming';
  // Names from the directories and from earlier requests, offered as the clerk types.
  const suggested = {
    counterpartAuthority: useSuggestions('counterpartAuthority', values.counterpartCountry),
    domesticAuthority: useSuggestions('domesticAuthority'),
    serviceProvider: useSuggestions('serviceProvider'),
  };
  const named = (key: keyof typeof suggested) => ({
    data: suggested[key],
    value: values[key],
    error: errors[key],
    onChange: (value: string) => onChange({ [key]: value }),
  });

  return (
    <>
      <Fieldset legend={t('requestForm.counterpart')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('form.counterpartCountry')}
            description={incoming ? t('requestForm.requestingState') : t('requestForm.requestedState')}
            data={countryOptions}
            value={values.counterpartCountry}
            onChange={(v) => onChange({ counterpartCountry: v })}
            searchable
            clearable
            required
            error={errors.counterpartCountry}
          />
          <Autocomplete
            label={t('form.counterpartAuthority')}
            {...named('counterpartAuthority')}
            dir={autoDir(values.counterpartAuthority)}
          />
          <TextInput label={t('form.counterpartReference')} {...text('counterpartReference')} dir="ltr" />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('requestForm.domestic')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Autocomplete
            id={fieldId('domesticAuthority')}
            label={t('form.domesticAuthority')}
            description={incoming ? t('requestForm.executingAuthority') : t('requestForm.askingAuthority')}
            {...named('domesticAuthority')}
            dir={autoDir(values.domesticAuthority)}
          />
          <TextInput label={t('form.domesticReference')} {...text('domesticReference')} dir="ltr" />
          <TextInput label={t('form.assignedTo')} {...text('assignedTo')} dir={autoDir(values.assignedTo)} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('requestForm.basisAndUrgency')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('form.legalBasis')}
            data={legalBasisOptions}
            value={values.legalBasis}
            onChange={(v) => onChange({ legalBasis: v as LegalBasis | null })}
            clearable
            searchable
            error={errors.legalBasis}
          />
          <TextInput
            label={t('requestForm.legalBasisDetail')}
            {...text('legalBasisDetail')}
            dir={autoDir(values.legalBasisDetail)}
          />
          <Select
            label={t('form.channel')}
            data={channelOptions}
            value={values.channel}
            onChange={(v) => onChange({ channel: v as Channel | null })}
            clearable
            error={errors.channel}
          />
          <Input.Wrapper label={t('form.urgency')} labelElement="div" id="urgency">
            <SegmentedControl
              fullWidth
              aria-labelledby="urgency-label"
              data={urgencyOptions}
              value={values.urgency}
              onChange={(v) => onChange({ urgency: v as Urgency })}
            />
          </Input.Wrapper>
          <TextInput type="date" label={t('requestForm.counterpartDeadline')} {...text('counterpartDeadline')} />
          <TextInput
            label={t('requestForm.deadlineNote')}
            {...text('deadlineNote')}
            dir={autoDir(values.deadlineNote)}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('requestForm.offencesAndAssistance')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('requestForm.offences')}
            description={t('requestForm.offencesHint')}
            data={iccsOptions}
            value={values.offences}
            onChange={(v) => onChange({ offences: v as IccsSection[] })}
            error={errors.offences}
            searchable
          />
          <TextInput
            label={t('requestForm.offenceDescription')}
            {...text('offenceDescription')}
            dir={autoDir(values.offenceDescription)}
          />
          <MultiSelect
            id={fieldId('assistance')}
            label={t('requestForm.assistance')}
            data={assistanceOptions}
            value={values.assistance}
            onChange={(v) => onChange({ assistance: v as Assistance[] })}
            error={errors.assistance}
            searchable
          />
          <Checkbox
            mt="xl"
            label={t('requestForm.cyberRelated')}
            checked={values.cyberRelated}
            onChange={(e) => onChange({ cyberRelated: e.currentTarget.checked })}
          />
        </SimpleGrid>
      </Fieldset>

      <DraftingFields values={values} onChange={onChange} errors={errors} />

      {isEEvidence(values.kind) && (
        <Fieldset legend={t('requestForm.eEvidence')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
            <Autocomplete
              id={fieldId('serviceProvider')}
              label={t('form.serviceProvider')}
              {...named('serviceProvider')}
              dir={autoDir(values.serviceProvider)}
            />
            {values.kind === 'preservation' && (
              <TextInput type="date" label={t('requestForm.preservedUntil')} {...text('preservedUntil')} />
            )}
          </SimpleGrid>
          <IdentifiersEditor
            identifiers={values.identifiers}
            onChange={(identifiers) => onChange({ identifiers })}
            errors={errors}
          />
        </Fieldset>
      )}

      <Fieldset legend={t('requestForm.parties')}>
        <PartiesEditor parties={values.parties} onChange={(parties) => onChange({ parties })} errors={errors} />
      </Fieldset>

      <Textarea
        id={fieldId('summary')}
        label={t('form.summary')}
        autosize
        minRows={3}
        {...text('summary')}
        dir={autoDir(values.summary)}
      />
    </>
  );
}
