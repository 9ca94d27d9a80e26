import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GeneratedLetter, type LetterCode, lettersFor } from '../../../../../contract/letters.ts';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { endonym, isLanguage, type Language, LANGUAGES } from '../../../../../i18n/languages.ts';
import { useApi } from '../../../api/context.tsx';
import { errorText } from '../../../components/error-text.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { Isolate } from '../../../i18n/Bidi.tsx';
import { formatDate, formatDateTime, languageOf } from '../../../i18n/format.ts';
import { useCan } from '../../../session/SessionContext.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { MarkSentDialog } from './MarkSentDialog.tsx';
import { usePersonName } from '../../../api/person-names.ts';

/** The letter's language to start with: the request's own if it is one of the six, else the screen's. */
export function defaultLetterLanguage(request: Pick<RequestDetail, 'requestLanguage'>, uiLanguage: Language): Language {
  return isLanguage(request.requestLanguage) ? request.requestLanguage : uiLanguage;
}

/**
 * The request's letters: a clerk picks a template written for this kind of request and a
 * language, sees the letter as it will be, and generates it (a DOCX and a PDF kept among the
 * request's documents); the letters generated so far, each marked as sent once it went.
 */
export function LettersDialog({ request, onClose }: { request: RequestDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  const uiLanguage = languageOf(i18n.language);
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const can = useCan();
  const mayGenerate = can('letters.generate');
  const codes = lettersFor(request.direction, request.kind);
  const [code, setCode] = useState<LetterCode | null>(codes[0] ?? null);
  const [language, setLanguage] = useState<Language>(defaultLetterLanguage(request, uiLanguage));
  const [sending, setSending] = useState<GeneratedLetter | null>(null);

  const preview = useQuery({
    queryKey: ['letters.preview', request.id, request.version, code, language],
    queryFn: () => api.call('letters.preview', { requestId: request.id, code: code as LetterCode, language }),
    enabled: mayGenerate && code !== null,
    retry: false,
  });
  const generated = useQuery({
    queryKey: ['letters.list', request.id],
    queryFn: () => api.call('letters.list', { requestId: request.id }),
  });
  const generate = useMutation({
    mutationFn: () => api.call('letters.generate', { requestId: request.id, code: code as LetterCode, language }),
    onSuccess: (letter) => {
      void queryClient.invalidateQueries({ queryKey: ['letters.list', request.id] });
      void queryClient.invalidateQueries({ queryKey: ['documents.list', request.id] });
      notifications.show({ color: 'green', message: t('letters.generated', { name: letter.pdfName }) });
    },
  });

  const templateOptions = codes.map((c) => ({ value: c, label: t(`letters.template.${c}`) }));
  const languageOptions = LANGUAGES.map((l) => ({ value: l, label: endonym(l) }));
  const letters = generated.data ?? [];

  return (
    <Modal opened onClose={onClose} title={t('letters.dialogTitle', { reference: request.reference })} size="xl">
      <Stack>
        {mayGenerate && codes.length === 0 && <Text c="dimmed">{t('letters.noneForRequest')}</Text>}
        {mayGenerate && codes.length > 0 && (
          <>
            <Group grow align="flex-start">
              <Select
                label={t('letters.templateLabel')}
                data={templateOptions}
                value={code}
                onChange={(v) => setCode(v as LetterCode | null)}
                allowDeselect={false}
                data-autofocus
              />
              <Select
                label={t('letters.languageLabel')}
                description={t('letters.languageHint')}
                data={languageOptions}
                value={language}
                onChange={(v) => isLanguage(v) && setLanguage(v)}
                allowDeselect={false}
              />
            </Group>
            {preview.isPending && preview.fetchStatus !== 'idle' && <Loader size="sm" aria-label={t('app.loading')} />}
            {preview.isError && (
              <Alert color="red" role="alert" title={t('letters.previewFailed')}>
                {errorText(t, preview.error)}
              </Alert>
            )}
            {preview.data && <LetterPreview preview={preview.data} />}
            {generate.isError && (
              <Alert color="red" role="alert">
                {errorText(t, generate.error)}
              </Alert>
            )}
            <Group>
              <Button onClick={() => generate.mutate()} loading={generate.isPending} disabled={!preview.isSuccess}>
                {t('letters.generate')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('letters.generateHint')}
              </Text>
            </Group>
          </>
        )}
        <Title order={3} size="h5">
          {t('letters.generatedTitle')}
        </Title>
        {generated.isError && (
          <Alert color="red" role="alert">
            {errorText(t, generated.error)}
          </Alert>
        )}
        {generated.isSuccess && letters.length === 0 && <Text c="dimmed">{t('letters.noneGenerated')}</Text>}
        {letters.length > 0 && (
          <Table aria-label={t('letters.generatedTable', { reference: request.reference })} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('letters.column.letter')}</Table.Th>
                <Table.Th>{t('letters.column.generated')}</Table.Th>
                <Table.Th>{t('letters.column.files')}</Table.Th>
                <Table.Th>{t('letters.column.sent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {letters.map((letter) => (
                <Table.Tr key={letter.id}>
                  <Table.Td>
                    {t(`letters.template.${letter.code}`)} <Badge variant="light">{endonym(letter.language)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(letter.generatedAt, uiLanguage)}</Text>
                    <Text size="xs" c="dimmed">
                      <Isolate>{nameOf(letter.generatedBy)}</Isolate>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      <Isolate>{letter.pdfName}</Isolate>
                    </Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      <Isolate>{letter.docxName}</Isolate>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {letter.sentOn !== null ? (
                      <Badge color="green">
                        {t('letters.sentOn', { date: formatDate(letter.sentOn, uiLanguage) })}
                      </Badge>
                    ) : can('letters.markSent') ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setSending(letter)}
                        aria-label={t('letters.markSentNamed', { name: letter.pdfName })}
                      >
                        {t('letters.markSent')}
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('letters.notSent')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {sending && <MarkSentDialog request={request} letter={sending} onClose={() => setSending(null)} />}
    </Modal>
  );
}
