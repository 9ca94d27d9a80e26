import { Alert, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CountryWarning } from '../../../../contract/country-warnings.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDate } from '../../i18n/format.ts';
import { languageName, listOf } from '../directories/profile-format.ts';
import { useProfileText } from '../directories/ProfileFacts.tsx';

/** One warning in the reader's language: codes become their labels, lists read as lists. */
function sentence(w: CountryWarning, country: string, t: TFunction, text: ReturnType<typeof useProfileText>): string {
  const { language } = text;
  switch (w.code) {
    case 'no_profile':
      return t('profiles.panel.noProfile', { country });
    case 'language_not_accepted':
      return t('profiles.warning.language_not_accepted', {
        country,
        language: languageName(w.language, language),
        accepted: text.languages(w.accepted),
      });
    case 'channel_not_accepted':
      return t('profiles.warning.channel_not_accepted', {
        country,
        channel: t(`channel.${w.channel}`),
        accepted: text.channels(w.accepted),
      });
    case 'legal_basis_not_in_force':
      return w.inForce.length === 0
        ? t('profiles.warning.legal_basis_none_in_force', { country, basis: t(`legalBasis.${w.legalBasis}`) })
        : t('profiles.warning.legal_basis_not_in_force', {
            country,
            basis: t(`legalBasis.${w.legalBasis}`),
            inForce: listOf(
              w.inForce.map((b) => t(`legalBasis.${b}`)),
              language,
            ),
          });
    case 'treaty_not_yet_in_force':
      return t('profiles.warning.treaty_not_yet_in_force', {
        country,
        basis: t(`legalBasis.${w.legalBasis}`),
        date: formatDate(w.since, language),
      });
    case 'dual_criminality':
      return t(`profiles.warning.dual_criminality_${w.rule}`, { country });
  }
}

/**
 * The warnings (what to change before the request leaves) and notes (what to bear in mind),
 * announced politely as they change while the clerk fills the form.
 */
export function CountryWarningList({ country, warnings }: { country: string; warnings: CountryWarning[] }) {
  const { t } = useTranslation();
  const text = useProfileText();
  return (
    <Stack gap="xs" aria-live="polite" aria-label={t('profiles.panel.warnings')} role="list">
      {warnings.map((w) => (
        <Alert
          key={w.code}
          role="listitem"
          color={w.severity === 'warning' ? 'orange' : 'blue'}
          variant="light"
          p="xs"
          data-warning={w.code}
        >
          <Text size="sm">{sentence(w, country, t, text)}</Text>
          {w.code === 'dual_criminality' && w.scope && (
            <Text size="sm">
              {t('profiles.warning.dualCriminalityScope')} <Isolate>{w.scope}</Isolate>
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
