import { Checkbox, Fieldset, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followsPreservationApplies } from '../../../../../contract/completeness.ts';
import type { FieldErrors } from '../../../components/field-errors.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';
import type { FormValues } from '../form-values.ts';
import { fieldId } from './field-ids.ts';
import { useLanguageOptions } from './language-options.ts';

type TextKey = 'proceedingsNature' | 'conductingAuthority' | 'purpose' | 'procedureToFollow' | 'emergencyJustification';

interface Props {
  values: FormValues;
  onChange(patch: Partial<FormValues>): void;
  errors: FieldErrors;
}

/**
 * What a formal request states about the proceedings and its purpose (contract/completeness.ts),
 * the language it is written in, and, for the kinds that can, whether it follows a preservation;
 * an emergency disclosure's justification.
 */
export function DraftingFields({ values, onChange, errors }: Props) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const text = (key: TextKey, minRows = 2) => (
    <Textarea
      id={fieldId(key)}
      label={t(`drafting.field.${key}`)}
      description={t(`drafting.field.${key}Hint`)}
      value={values[key]}
      error={errors[key]}
      onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      dir={autoDir(values[key])}
      autosize
      minRows={minRows}
    />
  );
  return (
    <Fieldset legend={t('drafting.field.legend')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('proceedingsNature')}
        {text('conductingAuthority', 1)}
        {text('purpose')}
        {text('procedureToFollow')}
        {values.kind === 'emergency_disclosure' && text('emergencyJustification')}
        <Select
          id={fieldId('requestLanguage')}
          label={t('drafting.field.requestLanguage')}
          description={t('drafting.field.requestLanguageHint')}
          data={languages}
          value={values.requestLanguage}
          onChange={(v) => onChange({ requestLanguage: v })}
          error={errors.requestLanguage}
          searchable
          clearable
        />
        {followsPreservationApplies(values.kind) && (
          <Checkbox
            id={fieldId('followsPreservation')}
            mt="xl"
            label={t('drafting.field.followsPreservation')}
            description={t('drafting.field.followsPreservationHint')}
            checked={values.followsPreservation}
            error={errors.followsPreservation}
            onChange={(e) => onChange({ followsPreservation: e.currentTarget.checked })}
          />
        )}
      </SimpleGrid>
    </Fieldset>
  );
}
