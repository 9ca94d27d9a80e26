import { Select } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CounterpartAuthority, saveCounterpartAuthoritySchema } from '../../../../contract/directories.ts';
import { useApi } from '../../api/context.tsx';
import { useCountryOptions } from '../../components/options.ts';
import { authorityColumns, Country } from './contacts.tsx';
import { type Column, DirectoryTab } from './DirectoryTab.tsx';
import type { FieldSpec } from './entry-form.ts';

const FIELDS: readonly FieldSpec[] = [
  { key: 'country', kind: 'country', required: true },
  { key: 'name', kind: 'text', required: true },
  { key: 'email', kind: 'email' },
  { key: 'phone', kind: 'text' },
  { key: 'address', kind: 'textarea' },
  { key: 'notes', kind: 'textarea' },
];

export function CounterpartAuthoritiesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const countryOptions = useCountryOptions();
  const [country, setCountry] = useState<string | null>(null);
  const query = country ? { country } : {};
  const list = useQuery({
    queryKey: ['directories.counterpartAuthorities.list', query],
    queryFn: () => api.call('directories.counterpartAuthorities.list', query),
    placeholderData: keepPreviousData,
  });
  const columns: Column<CounterpartAuthority>[] = [
    { header: t('directories.fields.country'), render: (e) => <Country code={e.country} /> },
    ...authorityColumns<CounterpartAuthority>(t),
  ];
  return (
    <DirectoryTab
      part="counterpart"
      entries={list.data}
      loading={list.isFetching}
      error={list.error}
      columns={columns}
      fields={FIELDS}
      schema={saveCounterpartAuthoritySchema}
      {...(country ? { defaults: { country } } : {})}
      save={(input) => api.call('directories.counterpartAuthorities.save', input)}
      remove={(id) => api.call('directories.counterpartAuthorities.delete', { id })}
      emptyText={country ? t('directories.counterpart.emptyCountry') : t('directories.counterpart.empty')}
      toolbar={
        <Select
          label={t('directories.counterpart.filter')}
          placeholder={t('directories.counterpart.anyCountry')}
          data={countryOptions}
          value={country}
          onChange={setCountry}
          searchable
          clearable
          w={260}
        />
      }
    />
  );
}
