import { Alert, Badge, Button, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_CODES, type LetterCode, type TemplateInfo } from '../../../../contract/letters.ts';
import { endonym, isLanguage, type Language, LANGUAGES } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { Isolate } from '../../i18n/Bidi.tsx';
import { formatDateTime, languageOf } from '../../i18n/format.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { LetterheadForm } from './letters/LetterheadForm.tsx';
import { TemplateEditor } from './letters/TemplateEditor.tsx';
import { usePersonName } from '../../api/person-names.ts';

const SOURCE_COLOR: Record<TemplateInfo['source'], string> = {
  custom: 'blue',
  default: 'gray',
  englishDefault: 'yellow',
};

/**
 * Settings → Letters (administrators): the letterhead every letter carries, and the eight
 * templates in each of the six languages, each the office's own text or the default shipped
 * with the app (the English one where a language has none yet).
 */
export function LettersPanel() {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  const uiLanguage = languageOf(i18n.language);
  const api = useApi();
  const mayEdit = useCan()('letters.templates');
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [editing, setEditing] = useState<LetterCode | null>(null);
  const templates = useQuery({
    queryKey: ['letters.templates'],
    queryFn: () => api.call('letters.templates', {}),
    enabled: mayEdit,
  });
  if (!mayEdit) return null;
  const rows = (templates.data ?? []).filter((info) => info.language === language);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letters-settings-title">
      <Title order={3} size="h4" id="letters-settings-title">
        {t('letters.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('letters.settings.intro')}
      </Text>
      <Stack gap="lg">
        <LetterheadForm />
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('letters.settings.templates')}
          </Title>
          <Select
            label={t('letters.settings.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: endonym(l) }))}
            value={language}
            onChange={(v) => {
              if (isLanguage(v)) setLanguage(v);
              setEditing(null);
            }}
            allowDeselect={false}
            maw={260}
          />
          {templates.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {templates.isError && (
            <Alert color="red" role="alert">
              {errorText(t, templates.error)}
            </Alert>
          )}
          {templates.isSuccess && (
            <Table aria-label={t('letters.settings.tableLabel', { language: endonym(language) })} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('letters.settings.column.template')}</Table.Th>
                  <Table.Th>{t('letters.settings.column.source')}</Table.Th>
                  <Table.Th>{t('letters.settings.column.changed')}</Table.Th>
                  <Table.Th>{t('letters.settings.column.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {LETTER_CODES.map((code) => {
                  const info = rows.find((r) => r.code === code);
                  return (
                    <Table.Tr key={code}>
                      <Table.Td>{t(`letters.template.${code}`)}</Table.Td>
                      <Table.Td>
                        {info && (
                          <Badge variant="light" color={SOURCE_COLOR[info.source]}>
                            {t(`letters.settings.source.${info.source}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {info?.updatedAt && (
                          <Text size="sm">
                            {formatDateTime(info.updatedAt, uiLanguage)} ·{' '}
                            <Isolate>{info.updatedBy && nameOf(info.updatedBy)}</Isolate>
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant={editing === code ? 'filled' : 'default'}
                          onClick={() => setEditing(editing === code ? null : code)}
                          aria-expanded={editing === code}
                          aria-label={t('letters.settings.editNamed', {
                            template: t(`letters.template.${code}`),
                            language: endonym(language),
                          })}
                        >
                          {t('letters.settings.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {editing && (
            <TemplateEditor
              key={`${editing}-${language}`}
              code={editing}
              language={language}
              onClose={() => setEditing(null)}
            />
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
