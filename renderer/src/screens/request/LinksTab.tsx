import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINK_KINDS, type LinkKind } from '../../../../contract/codes.ts';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { useCodeOptions } from '../../components/options.ts';
import { Ltr } from '../../i18n/Bidi.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useRequestChange } from './useRequestChange.ts';
import { hrefOf } from '../../routing/routes.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { fieldId } from './drafting/field-ids.ts';
import { errorText } from '../../components/error-text.ts';

/** Linked requests, from both ends, with a form to add a link by reference. */
export function LinksTab({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const kindOptions = useCodeOptions('linkKind', LINK_KINDS);
  const mayLink = useCan()('requests.link');
  const [kind, setKind] = useState<LinkKind>(request.kind === 'preservation' ? 'related' : 'follow_up');
  const [other, setOther] = useState('');
  const link = useRequestChange(
    request.id,
    () => api.call('requests.link', { id: request.id, otherReference: other, kind }),
    {
      saved: () => null,
      onDone: () => setOther(''),
    },
  );
  const unlink = useRequestChange(
    request.id,
    (linkId: number) => api.call('requests.unlink', { id: request.id, linkId }),
    { saved: () => null },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    link.mutate();
  };
  const otherError = link.isError
    ? (fieldErrorsOf(t, link.error).otherReference ?? errorText(t, link.error))
    : undefined;

  return (
    <Stack gap="md">
      {request.links.length === 0 ? (
        <Text c="dimmed">{t('links.none')}</Text>
      ) : (
        <Table aria-label={t('links.title')}>
          {/* Headers for screen readers; the rows read as a list to the eye. */}
          <Table.Thead>
            <Table.Tr>
              {[
                'links.kind',
                'register.columns.reference',
                'form.kind',
                'register.columns.status',
                'documents.actions',
              ].map((key) => (
                <Table.Th key={key} p={0}>
                  <VisuallyHidden>{t(key)}</VisuallyHidden>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {request.links.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{t(`links.${l.side}.${l.kind}`)}</Table.Td>
                <Table.Td>
                  <Anchor href={hrefOf({ screen: 'request', id: l.other.id })} fw={500}>
                    <Ltr>{l.other.reference}</Ltr>
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`kind.${l.other.kind}`)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={l.other.status} />
                </Table.Td>
                <Table.Td ta="end">
                  {mayLink && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => unlink.mutate(l.id)}>
                      {t('links.remove', { reference: l.other.reference })}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {unlink.isError && <Alert color="red">{errorText(t, unlink.error)}</Alert>}
      {mayLink && (
        <form onSubmit={onSubmit} aria-label={t('links.add')}>
          <Group align="end">
            <Select
              label={t('links.kind')}
              data={kindOptions}
              value={kind}
              onChange={(v) => v && setKind(v as LinkKind)}
              allowDeselect={false}
              w={180}
            />
            <TextInput
              id={fieldId('links')}
              label={t('links.otherReference')}
              placeholder="PRE-IN-2026-00001"
              value={other}
              onChange={(e) => setOther(e.currentTarget.value)}
              error={otherError}
              dir="ltr"
              w={260}
            />
            <Button type="submit" loading={link.isPending} disabled={other.trim() === ''}>
              {t('links.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
