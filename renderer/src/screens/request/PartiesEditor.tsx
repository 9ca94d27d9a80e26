import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES, type PartyRole } from '../../../../contract/codes.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions, useCountryOptions } from '../../components/options.ts';
import { EMPTY_PARTY, type PartyValues } from './form-values.ts';
import { ListEditor } from './ListEditor.tsx';
import { fieldId } from './drafting/field-ids.ts';
import { autoDir } from '../../i18n/Bidi.tsx';

interface Props {
  parties: PartyValues[];
  onChange(parties: PartyValues[]): void;
  errors: FieldErrors;
}

/** The persons and entities concerned. */
export function PartiesEditor({ parties, onChange, errors }: Props) {
  const { t } = useTranslation();
  const roleOptions = useCodeOptions('partyRole', PARTY_ROLES);
  const countryOptions = useCountryOptions();
  return (
    <ListEditor
      items={parties}
      onChange={onChange}
      newItem={EMPTY_PARTY}
      empty={t('requestForm.noParties')}
      addLabel={t('requestForm.addParty')}
      addId={fieldId('parties')}
      itemLabel={(n) => t('requestForm.partyN', { n })}
      removeLabel={(n) => t('requestForm.removeParty', { n })}
      renderItem={(party, i, set) => {
        const error = (field: string) => errors[`parties.${i}.${field}`];
        return (
          <>
            <Select
              label={t('requestForm.partyRole')}
              data={roleOptions}
              value={party.role}
              onChange={(v) => v && set({ role: v as PartyRole })}
              allowDeselect={false}
            />
            <TextInput
              label={t('requestForm.partyName')}
              required
              value={party.name}
              dir={autoDir(party.name)}
              error={error('name')}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('requestForm.birthDate')}
              value={party.birthDate}
              error={error('birthDate')}
              onChange={(e) => set({ birthDate: e.currentTarget.value })}
            />
            <Select
              id={fieldId(`parties.${i}.nationality`)}
              label={t('requestForm.nationality')}
              data={countryOptions}
              value={party.nationality}
              onChange={(v) => set({ nationality: v })}
              searchable
              clearable
              error={error('nationality')}
            />
            <TextInput
              id={fieldId(`parties.${i}.location`)}
              label={t('drafting.field.location')}
              description={t('drafting.field.locationHint')}
              value={party.location}
              dir={autoDir(party.location)}
              error={error('location')}
              onChange={(e) => set({ location: e.currentTarget.value })}
            />
            <TextInput
              label={t('requestForm.partyIdentifiers')}
              description={t('requestForm.partyIdentifiersHint')}
              value={party.identifiers}
              dir="ltr"
              error={error('identifiers')}
              onChange={(e) => set({ identifiers: e.currentTarget.value })}
            />
            <TextInput
              label={t('requestForm.note')}
              value={party.note}
              dir={autoDir(party.note)}
              error={error('note')}
              onChange={(e) => set({ note: e.currentTarget.value })}
            />
          </>
        );
      }}
    />
  );
}
