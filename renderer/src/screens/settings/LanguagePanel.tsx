import { Paper, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { endonym, type Language } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { LanguagePicker } from '../../i18n/LanguagePicker.tsx';
import { errorText } from '../../components/error-text.ts';

/**
 * Each person's own language, whatever their role: the interface switches at once, without a
 * reload, and the choice is saved on their account for their next sign-in, on any computer.
 */
export function LanguagePanel() {
  const { t } = useTranslation();
  const api = useApi();
  const keep = (language: Language) => {
    api.call('accounts.setLanguage', { language }).then(
      () => notifications.show({ color: 'green', message: t('language.saved', { language: endonym(language) }) }),
      (e: unknown) =>
        notifications.show({
          color: 'red',
          message: t('language.notSaved', { message: errorText(t, e) }),
        }),
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-language">
      <Title order={3} size="h4" mb="sm" id="settings-language">
        {t('language.title')}
      </Title>
      <LanguagePicker label={t('language.yours')} description={t('language.hint')} onChange={keep} />
    </Paper>
  );
}
