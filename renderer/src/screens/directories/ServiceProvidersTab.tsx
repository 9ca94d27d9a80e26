import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ServiceProvider, saveServiceProviderSchema } from '../../../../contract/directories.ts';
import { useApi } from '../../api/context.tsx';
import { Country, LongText, Name } from './contacts.tsx';
import { type Column, DirectoryTab } from './DirectoryTab.tsx';
import type { FieldSpec } from './entry-form.ts';

const FIELDS: readonly FieldSpec[] = [
  { key: 'name', kind: 'text', required: true },
  { key: 'country', kind: 'country' },
  { key: 'lawEnforcementContact', kind: 'textarea', hint: 'directories.fields.lawEnforcementContactHint' },
  { key: 'notes', kind: 'textarea' },
];

export function ServiceProvidersTab() {
  const { t } = useTranslation();
  const api = useApi();
  const list = useQuery({
    queryKey: ['directories.serviceProviders.list'],
    queryFn: () => api.call('directories.serviceProviders.list', {}),
  });
  const columns: Column<ServiceProvider>[] = [
    {
      header: t('directories.fields.name'),
      render: (e) => <Name text={e.name} />,
    },
    { header: t('directories.fields.country'), render: (e) => <Country code={e.country} /> },
    {
      header: t('directories.fields.lawEnforcementContact'),
      render: (e) => <LongText text={e.lawEnforcementContact} />,
    },
    { header: t('directories.fields.notes'), render: (e) => <LongText text={e.notes} /> },
  ];
  return (
    <DirectoryTab
      part="provider"
      entries={list.data}
      loading={list.isFetching}
      error={list.error}
      columns={columns}
      fields={FIELDS}
      schema={saveServiceProviderSchema}
      save={(input) => api.call('directories.serviceProviders.save', input)}
      remove={(id) => api.call('directories.serviceProviders.delete', { id })}
      emptyText={t('directories.provider.empty')}
    />
  );
}
