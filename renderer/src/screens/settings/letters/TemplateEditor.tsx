import { Alert, Button, Code, Group, Loader, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../contract/errors.ts';
import type { LetterCode, LetterPreview as Preview } from '../../../../../contract/letters.ts';
import { endonym, type Language } from '../../../../../i18n/languages.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { errorText, messageText } from '../../../components/error-text.ts';
import { LetterPreview } from '../../request/letters/LetterPreview.tsx';

/** Where a refused template's problem is: the line and column the server named. */
export function problemPosition(error: ApiError | null): { line: number; column: number } | null {
  const params = error?.fields?.find((f) => f.field === 'body')?.params;
  const line = params?.['line'];
  const column = params?.['column'];
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : null;
}

/** The offset in `text` of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const before = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return Math.min(text.length, before + Math.max(0, column - 1));
}

const apiErrorOf = (e: unknown): ApiError | null => (e instanceof ApiCallError ? e.error : null);

/**
 * One template in one language: its text (Liquid producing the letter markup), checked by the
 * server when saved or previewed, with the problem's line and column shown and the caret put
 * there; a preview against a request of the register or the sample request; back to the default.
 */
export function TemplateEditor({ code, language, onClose }: { code: LetterCode; language: Language; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const template = useQuery({
    queryKey: ['letters.template', code, language],
    queryFn: () => api.call('letters.template', { code, language }),
  });
  const text = body ?? template.data?.body ?? '';
  const name = t(`letters.template.${code}`);

  /** Shows the server's problem under the text and puts the caret where it is. */
  const refuse = (e: unknown) => {
    const error = apiErrorOf(e);
    setProblem(error ?? { code: 'internal', message: errorText(t, e) });
    const at = problemPosition(error);
    if (at && area.current) {
      const offset = offsetOf(text, at.line, at.column);
      area.current.focus();
      area.current.setSelectionRange(offset, offset);
    }
  };
  const stored = (saved: { body: string }) => {
    queryClient.setQueryData(['letters.template', code, language], saved);
    void queryClient.invalidateQueries({ queryKey: ['letters.templates'] });
    setBody(null);
    setProblem(null);
  };

  const save = useMutation({
    mutationFn: () => api.call('letters.saveTemplate', { code, language, body: text }),
    onSuccess: (saved) => {
      stored(saved);
      notifications.show({ color: 'green', message: t('letters.settings.saved', { template: name }) });
    },
    onError: refuse,
  });
  const restore = useMutation({
    mutationFn: () => api.call('letters.restoreDefault', { code, language }),
    onSuccess: (saved) => {
      stored(saved);
      notifications.show({ color: 'green', message: t('letters.settings.restored', { template: name }) });
    },
    onError: refuse,
  });
  const show = useMutation({
    mutationFn: async () => {
      let requestId: number | null = null;
      const wanted = reference.trim();
      if (wanted !== '') {
        const found = await api.call('requests.list', { text: wanted, limit: 20 });
        const match = found.rows.find((r) => r.reference.toLowerCase() === wanted.toLowerCase());
        if (!match) throw new Error(t('letters.settings.noSuchRequest', { reference: wanted }));
        requestId = match.id;
      }
      return api.call('letters.previewTemplate', { code, language, body: text, requestId });
    },
    onSuccess: (made) => {
      setPreview(made);
      setProblem(null);
    },
    onError: (e) => {
      setPreview(null);
      refuse(e);
    },
  });

  if (template.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (template.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, template.error)}
      </Alert>
    );
  }
  const bodyProblem = problem?.fields?.find((f) => f.field === 'body');

  return (
    <Paper withBorder p="md" component="section" aria-label={t('letters.settings.editorLabel', { template: name })}>
      <Stack gap="sm">
        <Title order={5}>
          {name} · {endonym(language)}
        </Title>
        {template.data.source === 'englishDefault' && (
          <Alert color="yellow">{t('letters.settings.englishDefault')}</Alert>
        )}
        {problem && !bodyProblem && (
          <Alert color="red" role="alert">
            {messageText(t, problem)}
          </Alert>
        )}
        <Textarea
          ref={area}
          label={t('letters.settings.body')}
          description={t('letters.settings.bodyHint', { skipInterpolation: true })}
          value={text}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setProblem(null);
          }}
          error={bodyProblem && <span role="alert">{messageText(t, bodyProblem)}</span>}
          autosize
          minRows={14}
          maxRows={30}
          dir="ltr"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        <details>
          <summary>{t('letters.settings.syntax')}</summary>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('letters.settings.syntaxHelp', { skipInterpolation: true })}
          </Text>
        </details>
        <details>
          <summary>{t('letters.settings.fields', { count: template.data.fields.length })}</summary>
          <Code block>{template.data.fields.join('\n')}</Code>
        </details>
        <Group align="flex-end">
          <TextInput
            label={t('letters.settings.previewReference')}
            description={t('letters.settings.previewReferenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            dir="ltr"
            w={280}
          />
          <Button variant="default" onClick={() => show.mutate()} loading={show.isPending}>
            {t('letters.settings.preview')}
          </Button>
        </Group>
        {preview && <LetterPreview preview={preview} />}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={body === null}>
            {t('letters.settings.save')}
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() => restore.mutate()}
            loading={restore.isPending}
            disabled={template.data.source !== 'custom'}
          >
            {t('letters.settings.restore')}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t('letters.settings.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
