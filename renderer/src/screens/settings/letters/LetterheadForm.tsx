import { Alert, Button, Group, Loader, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileSource } from '../../../../../contract/files.ts';
import { ADDRESS_MAX_LINES, LOGO_MAX_BYTES, type LetterheadView } from '../../../../../contract/letters.ts';
import { ApiCallError } from '../../../api/client.ts';
import { useApi } from '../../../api/context.tsx';
import { chooseFiles } from '../../../api/files.ts';
import { errorText, messageText } from '../../../components/error-text.ts';
import { type FieldErrors, fieldErrorsOf } from '../../../components/field-errors.ts';
import { autoDir, Isolate } from '../../../i18n/Bidi.tsx';
import { formatNumber, languageOf } from '../../../i18n/format.ts';

type LogoChange = { action: 'keep' } | { action: 'remove' } | { action: 'replace'; source: FileSource; name: string };

/** The letterhead: the office name (the same setting as Settings → Office), address, contacts, logo. */
export function LetterheadForm() {
  const { t } = useTranslation();
  const api = useApi();
  const letterhead = useQuery({ queryKey: ['letters.letterhead'], queryFn: () => api.call('letters.letterhead', {}) });
  if (letterhead.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (letterhead.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, letterhead.error)}
      </Alert>
    );
  }
  return <Form initial={letterhead.data} />;
}

function Form({ initial }: { initial: LetterheadView }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const api = useApi();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState(initial.addressLines.join('\n'));
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [email, setEmail] = useState(initial.email ?? '');
  const [logo, setLogo] = useState<LogoChange>({ action: 'keep' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: () =>
      api.call('letters.saveLetterhead', {
        addressLines: address.split('\n'),
        phone,
        email,
        logo,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['letters.letterhead'], saved);
      setLogo({ action: 'keep' });
      setErrors({});
      notifications.show({ color: 'green', message: t('letters.letterhead.saved') });
    },
    onError: (e) => setErrors(fieldErrorsOf(t, e)),
  });

  const pick = async () => {
    const [file] = await chooseFiles({
      title: t('letters.letterhead.chooseLogo'),
      multiple: false,
      filters: [{ name: t('letters.letterhead.images'), extensions: ['png', 'jpg', 'jpeg'] }],
    });
    if (file) setLogo({ action: 'replace', source: file.source, name: file.name });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const apiError = save.error instanceof ApiCallError ? save.error.error : null;
  const current = initial.logo;
  const logoText =
    logo.action === 'replace'
      ? t('letters.letterhead.logoChosen', { name: logo.name })
      : logo.action === 'remove' || !current
        ? t('letters.letterhead.noLogo')
        : t('letters.letterhead.logoStored', {
            name: current.name,
            width: formatNumber(current.width, language),
            height: formatNumber(current.height, language),
          });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="letterhead-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="letterhead-title">
          {t('letters.letterhead.title')}
        </Title>
        {apiError && !apiError.fields && (
          <Alert color="red" role="alert">
            {messageText(t, apiError)}
          </Alert>
        )}
        <Text size="sm">
          <Text span fw={500}>
            {t('letters.letterhead.officeName')}
          </Text>{' '}
          {initial.officeName ? <Isolate>{initial.officeName}</Isolate> : t('letters.letterhead.noOfficeName')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('letters.letterhead.officeNameHint')}
        </Text>
        <Textarea
          label={t('letters.letterhead.address')}
          description={t('letters.letterhead.addressHint', { count: ADDRESS_MAX_LINES })}
          value={address}
          dir={autoDir(address)}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={errors['addressLines']}
          autosize
          minRows={3}
          maw={480}
        />
        <Group grow maw={480} align="flex-start">
          <TextInput
            label={t('letters.letterhead.phone')}
            value={phone}
            dir="ltr"
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors['phone']}
          />
          <TextInput
            label={t('letters.letterhead.email')}
            value={email}
            dir="ltr"
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors['email']}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="letterhead-logo">
            {t('letters.letterhead.logo')}
          </Text>
          <Text size="sm">{logoText}</Text>
          <Text size="xs" c="dimmed">
            {t('letters.letterhead.logoHint', { size: formatNumber(LOGO_MAX_BYTES / 1024 / 1024, language) })}
          </Text>
          {errors['logo'] && (
            <Text size="sm" c="red" role="alert">
              {errors['logo']}
            </Text>
          )}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                void pick().catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
              }
            >
              {t('letters.letterhead.chooseLogo')}
            </Button>
            {(current || logo.action === 'replace') && logo.action !== 'remove' && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setLogo({ action: 'remove' })}>
                {t('letters.letterhead.removeLogo')}
              </Button>
            )}
          </Group>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('letters.letterhead.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
