import type { Localised } from '../contract/messages.ts';
import type { Language } from '../i18n/languages.ts';
import { menuText, shellMessage } from './menu-text.ts';

/** What the About box shows: this build, the register it has open, and what it runs on. */
export interface AboutFacts {
  appName: string;
  version: string;
  register: { schemaVersion: number; databaseFile: string } | null;
  runtime: { electron: string; chrome: string; node: string };
}

export interface DialogText {
  title: string;
  message: string;
  detail?: string;
}

export function aboutText(language: Language, facts: AboutFacts): DialogText {
  const t = menuText(language);
  const detail = [
    t('shell.version', { version: facts.version }),
    facts.register
      ? `${t('shell.schema', { schema: String(facts.register.schemaVersion) })}\n${facts.register.databaseFile}`
      : '',
    t('shell.runtime', facts.runtime),
  ].filter(Boolean);
  return { title: t('shell.aboutTitle', { app: facts.appName }), message: facts.appName, detail: detail.join('\n\n') };
}

/** Why MLA Desk stops: the title says what failed, the message why. */
export type Failure = 'cannotStart' | 'cannotOpen' | 'mustClose';

/**
 * The error box of a failure, in the interface's language. `fileUnchanged`: the register's
 * file was left as it was (db/open.ts checks before writing), which the person should know.
 */
export function failureText(
  language: Language,
  failure: Failure,
  said: Localised,
  options: { fileUnchanged?: boolean } = {},
): { title: string; message: string } {
  const t = menuText(language);
  const why = shellMessage(language, said);
  return {
    title: t(`shell.${failure}`),
    message: options.fileUnchanged ? `${why}\n\n${t('shell.fileUnchanged')}` : why,
  };
}

/** The startup failure when the SQLite module built for Electron is not where it should be. */
export function nativeMissingText(language: Language, file: string): { title: string; message: string } {
  const t = menuText(language);
  return { title: t('shell.cannotStart'), message: t('shell.nativeMissing', { file }) };
}
