import { DEFAULT_LANGUAGE, type Language, localeOf } from '../i18n/languages.ts';
import { TRANSLATIONS } from '../i18n/resources.ts';
import { isMessageKey, type Localised, messageIn } from '../contract/messages.ts';

/** A label from the translation files, with its {{placeholders}} filled in. */
export type MenuText = (key: string, values?: Record<string, string>) => string;

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '' ? node : undefined;
}

/**
 * The shell's words in the interface's language, from the same files as the page (the menu
 * needs a handful of strings, not i18next). A string a language lacks reads in English.
 */
export function menuText(language: Language): MenuText {
  return (key, values = {}) => {
    const text = lookup(TRANSLATIONS[language], key) ?? lookup(TRANSLATIONS[DEFAULT_LANGUAGE], key) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
  };
}

/**
 * A message of the register or the shell (contract/messages.ts) in the interface's language;
 * without a key this app knows, or a translation of it, the English it carries.
 */
export function shellMessage(language: Language, said: Localised): string {
  if (said.key === undefined || !isMessageKey(said.key)) return said.message;
  const locale = localeOf(language);
  const number = new Intl.NumberFormat(locale);
  return messageIn(TRANSLATIONS[language], locale, said.key, said.params, (n) => number.format(n)) ?? said.message;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A backup's size in the language's digits and unit names ("3.0 MB", "3,0 Mo"). */
export function formatBytes(bytes: number, language: Language = DEFAULT_LANGUAGE): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: UNITS[unit] ?? 'byte',
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
