import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TREATY_BASES, type TreatyBasis } from '../../../../contract/profiles.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions } from '../../components/options.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { ListEditor } from '../request/ListEditor.tsx';
import { EMPTY_TREATY, type TreatyValues } from './profile-values.ts';

interface Props {
  treaties: TreatyValues[];
  onChange(treaties: TreatyValues[]): void;
  errors: FieldErrors;
}

/** The treaties and conventions in force with the state, one card each. */
export function TreatiesEditor({ treaties, onChange, errors }: Props) {
  const { t } = useTranslation();
  const basisOptions = useCodeOptions('legalBasis', TREATY_BASES);
  return (
    <ListEditor
      items={treaties}
      onChange={onChange}
      newItem={EMPTY_TREATY}
      empty={t('profiles.treaty.none')}
      addLabel={t('profiles.treaty.add')}
      itemLabel={(number) => t('profiles.treaty.row', { number })}
      removeLabel={(number) => t('profiles.treaty.removeLabel', { number })}
      renderItem={(treaty, i, set) => {
        const error = (field: string) => errors[`treaties.${i}.${field}`];
        return (
          <>
            <Select
              label={t('profiles.treaty.legalBasis')}
              data={basisOptions}
              value={treaty.legalBasis}
              onChange={(v) => set({ legalBasis: v as TreatyBasis | null })}
              searchable
              required
              error={error('legalBasis')}
            />
            <TextInput
              label={t('profiles.treaty.name')}
              description={t('profiles.treaty.nameHint')}
              value={treaty.name}
              dir={autoDir(treaty.name)}
              error={error('name')}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('profiles.treaty.inForceSince')}
              value={treaty.inForceSince}
              error={error('inForceSince')}
              onChange={(e) => set({ inForceSince: e.currentTarget.value })}
            />
          </>
        );
      }}
    />
  );
}
