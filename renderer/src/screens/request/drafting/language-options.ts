import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES } from '../../../../../contract/language-codes.ts';
import { localeOf } from '../../../../../i18n/languages.ts';
import type { Option } from '../../../components/options.ts';
import { collatorOf, languageOf } from '../../../i18n/format.ts';

/** A language's name in the interface's language ("French", "français"…), from the runtime's CLDR data. */
export function languageName(code: string, uiLanguage: string): string {
  const language = languageOf(uiLanguage);
  const name = new Intl.DisplayNames([localeOf(language)], { type: 'language', fallback: 'code' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(localeOf(language)) + name.slice(1);
}

/** Every ISO 639-1 language, by name in the interface's language, with its code for typing. */
export function useLanguageOptions(): Option[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const collator = collatorOf(languageOf(i18n.language));
    return LANGUAGE_CODES.map((code) => ({
      value: code,
      label: `${languageName(code, i18n.language)} (${code})`,
    })).sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);
}
