import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, LegalBasis } from '../../../../contract/codes.ts';
import { countryWarnings } from '../../../../contract/country-warnings.ts';
import { localIsoDate } from '../../../../contract/dates.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { countryName } from '../../i18n/index.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { CountryProfileDialog } from '../directories/CountryProfileDialog.tsx';
import { ProfileFacts, useProfileText } from '../directories/ProfileFacts.tsx';
import { CountryWarningList } from './CountryWarningList.tsx';
import { usePersonName } from '../../api/person-names.ts';

interface Props {
  /** The counterpart state chosen in the form; nothing is shown until there is one. */
  country: string | null;
  /** The language the request is written in (ISO 639-1), when the form asks for it. */
  language?: string | null | undefined;
  channel: Channel | null;
  legalBasis: LegalBasis | null;
  /** The office's day, for treaties that enter into force later; today on this machine if not given. */
  today?: string | undefined;
}

/**
 * Beside a request being drafted or registered: what the office knows of the counterpart
 * state's requirements, and what in the request goes against them (contract/country-warnings.ts).
 * Self-contained: it reads the profile itself and offers to create one when there is none.
 */
export function CountryProfilePanel({ country, ...request }: Props) {
  if (!country) return null;
  return <PanelFor key={country} country={country} {...request} />;
}

/** Where the name goes in the translated sentence, so it can be isolated there (it is user data). */
const NAME_MARK = '\u2063';

function UpdatedBy({ at, name }: { at: string; name: string }) {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const [before, after] = t('profiles.updatedBy', { date: at, name: NAME_MARK }).split(NAME_MARK);
  return (
    <Text size="xs" c="dimmed">
      {before}
      <Isolate>{nameOf(name)}</Isolate>
      {after}
    </Text>
  );
}

function PanelFor({ country, language, channel, legalBasis, today }: Props & { country: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const text = useProfileText();
  const mayKeep = useCan()('profiles.save');
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const profile = useQuery({
    queryKey: ['profiles.ofCountry', country],
    queryFn: () => api.call('profiles.ofCountry', { country }),
  });
  const name = countryName(country, text.language);
  const warnings = profile.isSuccess
    ? countryWarnings({ profile: profile.data, language, channel, legalBasis, today: today ?? localIsoDate() })
    : [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('profiles.panel.title', { country: name })}
        </Title>
        {profile.isPending && <Loader size="xs" aria-label={t('profiles.panel.loading', { country: name })} />}
        {profile.isError && (
          <Alert color="red" role="alert">
            {errorText(t, profile.error)}
          </Alert>
        )}
        {profile.isSuccess && <CountryWarningList country={name} warnings={warnings} />}
        {profile.isSuccess && profile.data === null && mayKeep && (
          <Group>
            <Button variant="light" size="xs" onClick={() => setEditing(true)}>
              {t('profiles.panel.create')}
            </Button>
          </Group>
        )}
        {profile.data && (
          <>
            <ProfileFacts
              profile={profile.data}
              dualCriminality={!warnings.some((w) => w.code === 'dual_criminality')}
            />
            <UpdatedBy at={formatDateTime(profile.data.updatedAt, text.language)} name={profile.data.updatedBy} />
            {mayKeep && (
              <Group>
                <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                  {t('profiles.panel.editProfile')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {editing && profile.isSuccess && (
        <CountryProfileDialog profile={profile.data ?? undefined} country={country} onClose={() => setEditing(false)} />
      )}
    </Paper>
  );
}
