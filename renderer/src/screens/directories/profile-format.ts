import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES } from '../../../../contract/language-codes.ts';
import { type Language, localeOf } from '../../../../i18n/languages.ts';
import type { Option } from '../../components/options.ts';
import { collatorOf, languageOf } from '../../i18n/format.ts';

/*
 * Names of the languages a state accepts (ISO 639-1 codes) in the interface's language, from
 * the runtime's CLDR data (Intl.DisplayNames): no list of names to translate or keep up to date.
 */

const namers = new Map<Language, Intl.DisplayNames>();

/** "French", "français", "法语"…; the code itself for one the runtime cannot name. */
export function languageName(code: string, language: Language): string {
  let namer = namers.get(language);
  if (!namer) {
    namer = new Intl.DisplayNames([localeOf(language)], { type: 'language', fallback: 'code' });
    namers.set(language, namer);
  }
  const name = namer.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(localeOf(language)) + name.slice(1);
}

/** "French, English and Spanish", as the language joins a list. */
export function listOf(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(items);
}

/** Every ISO 639-1 language, named in the interface's language with its code, sorted as its readers sort. */
export function useLanguageOptions(): Option[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const language = languageOf(i18n.language);
    const collator = collatorOf(language);
    return LANGUAGE_CODES.map((code) => ({ value: code, label: `${languageName(code, language)} (${code})` })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
  }, [i18n.language]);
}

/** Text folded for a search box: case and accents do not count ("egypte" finds "Égypte"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
