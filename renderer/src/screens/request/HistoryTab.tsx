import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../contract/requests.ts';

interface Item {
  key: string;
  effectiveOn: string;
  recordedAt: string;
  actor: string;
  what: string;
  note: string | null;
}

/** Status changes and events together, in the order they happened (then the order recorded). */
export function HistoryTab({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const items: Item[] = [
    ...request.history.map((h) => ({
      key: `s${h.id}`,
      effectiveOn: h.effectiveOn,
      recordedAt: h.recordedAt,
      actor: h.actor,
      what:
        h.fromStatus === null
          ? t('request.historyCreated', { status: t(`status.${h.toStatus}`) })
          : `${t(`status.${h.fromStatus}`)} → ${t(`status.${h.toStatus}`)}`,
      note: h.note,
    })),
    ...request.events.map((e) => {
      const until = typeof e.details.preservedUntil === 'string' ? e.details.preservedUntil : null;
      return {
        key: `e${e.id}`,
        effectiveOn: e.effectiveOn,
        recordedAt: e.recordedAt,
        actor: e.actor,
        what: until
          ? `${t(`eventType.${e.type}`)} — ${t('requestTabs.until', { date: until })}`
          : t(`eventType.${e.type}`),
        note: e.note,
      };
    }),
  ].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.recordedAt.localeCompare(b.recordedAt));

  return (
    <Table aria-label={t('request.history')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('request.historyWhen')}</Table.Th>
          <Table.Th>{t('request.historyMove')}</Table.Th>
          <Table.Th>{t('request.historyWho')}</Table.Th>
          <Table.Th>{t('request.historyNote')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.key}>
            <Table.Td title={t('request.historyRecorded', { at: new Date(item.recordedAt).toLocaleString() })}>
              {item.effectiveOn}
            </Table.Td>
            <Table.Td>{item.what}</Table.Td>
            <Table.Td>{item.actor}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{item.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
