import { Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../../contract/codes.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions } from '../../components/options.ts';
import { EMPTY_IDENTIFIER, type IdentifierValues, withOffset } from './form-values.ts';
import { ListEditor } from './ListEditor.tsx';
import { fieldId } from './drafting/field-ids.ts';
import { autoDir } from '../../i18n/Bidi.tsx';

interface Props {
  identifiers: IdentifierValues[];
  onChange(identifiers: IdentifierValues[]): void;
  errors: FieldErrors;
}

function useTimeZones(): string[] {
  return useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')], []);
}

/**
 * E-evidence identifiers with the exact period they concern. Times are typed as the
 * counterpart gave them, in their zone; the form shows the UTC offset that will be stored.
 */
export function IdentifiersEditor({ identifiers, onChange, errors }: Props) {
  const { t } = useTranslation();
  const typeOptions = useCodeOptions('identifierType', IDENTIFIER_TYPES);
  const zones = useTimeZones();
  return (
    <ListEditor
      items={identifiers}
      onChange={onChange}
      newItem={EMPTY_IDENTIFIER}
      empty={t('requestForm.noIdentifiers')}
      addLabel={t('requestForm.addIdentifier')}
      addId={fieldId('identifiers')}
      itemLabel={(n) => t('requestForm.identifierN', { n })}
      removeLabel={(n) => t('requestForm.removeIdentifier', { n })}
      renderItem={(item, i, set) => {
        const error = (field: string) => errors[`identifiers.${i}.${field}`];
        const stored = (local: string) => (local === '' ? undefined : withOffset(local, item.timeZone));
        return (
          <>
            <Select
              label={t('requestForm.identifierType')}
              data={typeOptions}
              value={item.type}
              onChange={(v) => v && set({ type: v as IdentifierType })}
              allowDeselect={false}
            />
            <TextInput
              label={t('requestForm.identifierValue')}
              required
              value={item.value}
              dir="ltr"
              error={error('value')}
              onChange={(e) => set({ value: e.currentTarget.value })}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <Select
              id={fieldId(`identifiers.${i}.timeZone`)}
              label={t('requestForm.timeZone')}
              data={zones}
              value={item.timeZone}
              onChange={(v) => v && set({ timeZone: v })}
              searchable
              allowDeselect={false}
            />
            <TextInput
              id={fieldId(`identifiers.${i}.fromAt`)}
              type="datetime-local"
              step={1}
              label={t('requestForm.from')}
              description={stored(item.from)}
              value={item.from}
              error={error('fromAt')}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
            <TextInput
              id={fieldId(`identifiers.${i}.toAt`)}
              type="datetime-local"
              step={1}
              label={t('requestForm.to')}
              description={stored(item.to)}
              value={item.to}
              error={error('toAt')}
              onChange={(e) => set({ to: e.currentTarget.value })}
            />
            <TextInput
              label={t('requestForm.note')}
              value={item.note}
              dir={autoDir(item.note)}
              error={error('note')}
              onChange={(e) => set({ note: e.currentTarget.value })}
            />
          </>
        );
      }}
    />
  );
}
