import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../contract/accounts.ts';

interface Props {
  /** The first field's label (a new password, or a person's password). */
  label: string;
  password: string;
  repeat: string;
  onPassword(value: string): void;
  onRepeat(value: string): void;
  /** The server's word on the password (too short, …). */
  error: string | undefined;
  /** The two differ (checked before anything is sent). */
  mismatch: boolean;
  /** The first field takes the focus when its dialog opens (Mantine's data-autofocus). */
  focusFirst?: boolean;
}

/** A new password and the same again, as every form that sets one asks for it. */
export function NewPasswordFields(props: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={props.label}
        description={t('people.passwordHint', { min: PASSWORD_MIN })}
        value={props.password}
        onChange={(e) => props.onPassword(e.currentTarget.value)}
        error={props.error}
        autoComplete="new-password"
        required
        {...(props.focusFirst ? { 'data-autofocus': true } : {})}
      />
      <PasswordInput
        label={t('people.repeatPassword')}
        value={props.repeat}
        onChange={(e) => props.onRepeat(e.currentTarget.value)}
        error={props.mismatch ? t('people.passwordsDiffer') : undefined}
        autoComplete="new-password"
        required
      />
    </>
  );
}
