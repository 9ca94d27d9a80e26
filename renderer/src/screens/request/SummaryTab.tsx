import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { Field } from './Field.tsx';
import { DraftingSummary } from './drafting/DraftingSummary.tsx';

export function SummaryTab({ request: r }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const list = (ns: string, codes: readonly string[]) => codes.map((c) => t(`${ns}.${c}`)).join('; ');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('form.counterpartAuthority')} value={r.counterpartAuthority} />
        <Field label={t('form.counterpartReference')} value={r.counterpartReference} ltr />
        <Field label={t('form.assignedTo')} value={r.assignedTo} />
        <Field label={t('form.domesticAuthority')} value={r.domesticAuthority} />
        <Field label={t('form.domesticReference')} value={r.domesticReference} ltr />
        <Field label={t('form.channel')} value={r.channel && t(`channel.${r.channel}`)} />
        <Field label={t('form.legalBasis')} value={r.legalBasis && t(`legalBasis.${r.legalBasis}`)} />
        <Field label={t('requestForm.legalBasisDetail')} value={r.legalBasisDetail} />
        <Field
          label={t('requestForm.counterpartDeadline')}
          value={
            r.counterpartDeadline &&
            [formatDate(r.counterpartDeadline, language), r.deadlineNote].filter(Boolean).join(' — ')
          }
        />
        <Field label={t('requestForm.offences')} value={r.offences.map((o) => `${o} ${t(`iccs.${o}`)}`).join('\n')} />
        <Field label={t('requestForm.offenceDescription')} value={r.offenceDescription} />
        <Field
          label={t('requestForm.cyberRelated')}
          value={r.cyberRelated ? t('requestTabs.yes') : t('requestTabs.no')}
        />
        <Field label={t('requestForm.assistance')} value={list('assistance', r.assistance)} />
        {r.refusalGrounds.length > 0 && (
          <Field label={t('request.refusalGrounds')} value={list('refusalGround', r.refusalGrounds)} />
        )}
      </SimpleGrid>
      <DraftingSummary request={r} />
      <Field label={t('form.summary')} value={r.summary} />
    </Stack>
  );
}
