import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { forwardArrow } from '../../i18n/arrows.ts';
import { formatDate, formatDateTime, languageOf } from '../../i18n/format.ts';
import { usePersonName } from '../../api/person-names.ts';

interface Item {
  key: string;
  effectiveOn: string;
  recordedAt: string;
  actor: string;
  what: string;
  note: string | null;
  /** A move past the completeness check: what the request lacked, and the officer's reason. */
  override?: { missing: string; reason: string } | undefined;
}

/** Status changes and events together, in the order they happened (then the order recorded). */
export function HistoryTab({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const nameOf = usePersonName();
  const items: Item[] = [
    ...request.history.map((h) => ({
      key: `s${h.id}`,
      effectiveOn: h.effectiveOn,
      recordedAt: h.recordedAt,
      actor: h.actor,
      what:
        h.fromStatus === null
          ? t('request.historyCreated', { status: t(`status.${h.toStatus}`) })
          : `${t(`status.${h.fromStatus}`)} ${forwardArrow(language)} ${t(`status.${h.toStatus}`)}`,
      note: h.note,
      override: h.override && {
        // A code this version does not know (a later one's) is shown as it is.
        missing: h.override.missing.map((code) => t(`drafting.element.${code}`, { defaultValue: code })).join('; '),
        reason: h.override.reason,
      },
    })),
    ...request.events.map((e) => {
      const until = typeof e.details.preservedUntil === 'string' ? e.details.preservedUntil : null;
      return {
        key: `e${e.id}`,
        effectiveOn: e.effectiveOn,
        recordedAt: e.recordedAt,
        actor: e.actor,
        what: until
          ? `${t(`eventType.${e.type}`)} — ${t('requestTabs.until', { date: formatDate(until, language) })}`
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
            <Table.Td
              title={t('request.historyRecorded', { at: formatDateTime(item.recordedAt, language) })}
              style={{ whiteSpace: 'nowrap' }}
            >
              {formatDate(item.effectiveOn, language)}
            </Table.Td>
            <Table.Td>
              {item.what}
              {item.override && (
                <Text size="xs" c="orange">
                  {t('drafting.history.override', { elements: item.override.missing })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Isolate>{nameOf(item.actor)}</Isolate>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
              {item.note && <Isolate>{item.note}</Isolate>}
              {item.override && (
                <Text size="xs">
                  <Text span size="xs" fw={500}>
                    {t('drafting.history.reason')}
                  </Text>{' '}
                  <Isolate>{item.override.reason}</Isolate>
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
