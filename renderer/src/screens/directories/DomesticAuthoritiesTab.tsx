import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type DomesticAuthority, saveDomesticAuthoritySchema } from '../../../../contract/directories.ts';
import { useApi } from '../../api/context.tsx';
import { Contacts, LongText, Name } from './contacts.tsx';
import { type Column, DirectoryTab } from './DirectoryTab.tsx';
import type { FieldSpec } from './entry-form.ts';

const FIELDS: readonly FieldSpec[] = [
  { key: 'name', kind: 'text', required: true },
  { key: 'email', kind: 'email' },
  { key: 'phone', kind: 'text' },
  { key: 'address', kind: 'textarea' },
  { key: 'notes', kind: 'textarea' },
];

export function DomesticAuthoritiesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const list = useQuery({
    queryKey: ['directories.domesticAuthorities.list'],
    queryFn: () => api.call('directories.domesticAuthorities.list', {}),
  });
  const columns: Column<DomesticAuthority>[] = [
    {
      header: t('directories.fields.name'),
      render: (e) => <Name text={e.name} />,
    },
    { header: t('directories.fields.contact'), render: (e) => <Contacts email={e.email} phone={e.phone} /> },
    { header: t('directories.fields.address'), render: (e) => <LongText text={e.address} /> },
    { header: t('directories.fields.notes'), render: (e) => <LongText text={e.notes} /> },
  ];
  return (
    <DirectoryTab
      part="domestic"
      entries={list.data}
      loading={list.isFetching}
      error={list.error}
      columns={columns}
      fields={FIELDS}
      schema={saveDomesticAuthoritySchema}
      save={(input) => api.call('directories.domesticAuthorities.save', input)}
      remove={(id) => api.call('directories.domesticAuthorities.delete', { id })}
      emptyText={t('directories.domestic.empty')}
    />
  );
}
