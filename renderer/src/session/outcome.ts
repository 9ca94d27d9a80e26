import type { SignInOutcome } from '../../../contract/accounts.ts';
import { formatTime, languageOf } from '../i18n/format.ts';

/** HH:MM in the person's own time and language (a lock-out lasts minutes to a day). */
export function timeOfDay(iso: string, language: string): string {
  return formatTime(iso, languageOf(language));
}

/** The translation key and values that say why a sign-in was refused. */
export function refusalOf(
  outcome: Exclude<SignInOutcome, { outcome: 'signedIn' }>,
  language: string,
): { key: string; values: Record<string, string> } {
  switch (outcome.outcome) {
    case 'wrongPassword':
      return { key: 'signIn.wrongPassword', values: {} };
    case 'locked':
      return { key: 'signIn.locked', values: { time: timeOfDay(outcome.until, language) } };
    case 'disabled':
      return { key: 'signIn.disabled', values: {} };
  }
}
