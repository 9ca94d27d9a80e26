import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followsPreservationApplies } from '../../../../../contract/completeness.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { Field } from '../Field.tsx';
import { languageName } from './language-options.ts';

/** What the request states about its proceedings and purpose, and the language it is written in. */
export function DraftingSummary({ request: r }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Field label={t('drafting.field.proceedingsNature')} value={r.proceedingsNature} />
      <Field label={t('drafting.field.conductingAuthority')} value={r.conductingAuthority} />
      <Field label={t('drafting.field.purpose')} value={r.purpose} />
      <Field label={t('drafting.field.procedureToFollow')} value={r.procedureToFollow} />
      <Field
        label={t('drafting.field.requestLanguage')}
        value={r.requestLanguage && languageName(r.requestLanguage, i18n.language)}
      />
      {followsPreservationApplies(r.kind) && (
        <Field
          label={t('drafting.field.followsPreservation')}
          value={r.followsPreservation ? t('requestTabs.yes') : t('requestTabs.no')}
        />
      )}
    </SimpleGrid>
  );
}
