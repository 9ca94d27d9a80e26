import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../contract/countries.ts';
import { collatorOf, languageOf } from '../i18n/format.ts';
import { countryName } from '../i18n/index.ts';

export interface Option {
  value: string;
  label: string;
}

/** Select options for one of the spec's code lists, labelled in the current language. */
export function useCodeOptions(namespace: string, codes: readonly string[]): Option[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => codes.map((code) => ({ value: code, label: t(`${namespace}.${code}`) })),
    // i18n.language: relabel when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [namespace, codes, t, i18n.language],
  );
}

/** Every ISO 3166 country, by name in the current language, with its code for typing. */
export function useCountryOptions(): Option[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    // Sorted as readers of the language sort (Intl.Collator of its locale), e.g. "Égypte" among the E's.
    const collator = collatorOf(languageOf(i18n.language));
    return COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code, i18n.language)} (${code})` })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
  }, [i18n.language]);
}
