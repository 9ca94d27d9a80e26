import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryProfile, Treaty } from '../../../../contract/profiles.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { Contacts } from './contacts.tsx';
import { languageName, listOf } from './profile-format.ts';

/** "French and English", in the interface's language; "Not recorded" for an empty list. */
export function useProfileText() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const listed = (items: string[]) => (items.length === 0 ? t('profiles.notRecorded') : listOf(items, language));
  return {
    language,
    languages: (codes: readonly string[]) => listed(codes.map((c) => languageName(c, language))),
    channels: (codes: readonly string[]) => listed(codes.map((c) => t(`channel.${c}`))),
    treaty: (treaty: Treaty) =>
      [
        t(`legalBasis.${treaty.legalBasis}`),
        treaty.inForceSince ? t('profiles.treaty.since', { date: formatDate(treaty.inForceSince, language) }) : '',
      ]
        .filter((s) => s !== '')
        .join(' '),
  };
}

/** The central authority with its contacts, as the directory holds them now. */
export function CentralAuthority({ profile }: { profile: CountryProfile }) {
  const { t } = useTranslation();
  const authority = profile.centralAuthority;
  if (!authority) return <Text size="sm">{t('profiles.notRecorded')}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        <Isolate>{authority.name}</Isolate>
      </Text>
      <Contacts email={authority.email} phone={authority.phone} />
      {authority.address && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
          {authority.address}
        </Text>
      )}
    </Stack>
  );
}

/** The treaties, one a line, each with its name (user data, isolated) and since when. */
export function TreatyList({ treaties }: { treaties: Treaty[] }) {
  const { t } = useTranslation();
  const text = useProfileText();
  if (treaties.length === 0) return <Text size="sm">{t('profiles.notRecorded')}</Text>;
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {treaties.map((treaty, i) => (
        <Text key={i} size="sm" component="li">
          {text.treaty(treaty)}
          {treaty.name && (
            <>
              {' — '}
              <Isolate>{treaty.name}</Isolate>
            </>
          )}
        </Text>
      ))}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/**
 * A profile's essentials, as a list of what is recorded. Beside a request, a dual criminality
 * the state requires is already said by its note, so the panel leaves it out here.
 */
export function ProfileFacts({
  profile,
  dualCriminality = true,
}: {
  profile: CountryProfile;
  dualCriminality?: boolean;
}) {
  const { t } = useTranslation();
  const text = useProfileText();
  return (
    <Stack gap="xs" component="dl" m={0}>
      <Fact label={t('profiles.fields.centralAuthority')}>
        <CentralAuthority profile={profile} />
      </Fact>
      <Fact label={t('profiles.fields.languages')}>{text.languages(profile.languages)}</Fact>
      <Fact label={t('profiles.fields.channels')}>{text.channels(profile.channels)}</Fact>
      {dualCriminality && (
        <Fact label={t('profiles.fields.dualCriminality')}>
          {t(`profiles.dualCriminality.${profile.dualCriminality}`)}
          {profile.dualCriminalityScope && (
            <>
              {': '}
              <Isolate>{profile.dualCriminalityScope}</Isolate>
            </>
          )}
        </Fact>
      )}
      <Fact label={t('profiles.fields.treaties')}>
        <TreatyList treaties={profile.treaties} />
      </Fact>
      {profile.notes && (
        <Fact label={t('profiles.fields.notes')}>
          <span style={{ whiteSpace: 'pre-line' }} dir="auto">
            {profile.notes}
          </span>
        </Fact>
      )}
    </Stack>
  );
}
