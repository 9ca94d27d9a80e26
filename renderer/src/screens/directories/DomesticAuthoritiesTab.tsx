import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type DomesticAuthority, saveDomesticAuthoritySchema } from '../../../../contract/directories.ts';
import { useApi } from '../../api/context.tsx';
import { authorityColumns } from './contacts.tsx';
import { DirectoryTab } from './DirectoryTab.tsx';
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
  const columns = authorityColumns<DomesticAuthority>(t);
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
