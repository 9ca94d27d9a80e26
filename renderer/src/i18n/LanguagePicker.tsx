import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { endonym, isLanguage, type Language, LANGUAGES } from '../../../i18n/languages.ts';
import { languageOf } from './format.ts';

interface Props {
  /** Called with the new language once the interface shows it. */
  onChange?(language: Language): void;
  /** The full form in Settings (label and hint); the compact one before sign-in has none shown. */
  label?: string;
  description?: string;
}

/**
 * The six languages, each by its own name ("العربية", "Español", "中文"…), so that someone
 * who reads no English finds theirs. Choosing one switches the whole interface at once.
 */
export function LanguagePicker({ onChange, label, description }: Props) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => LANGUAGES.map((l) => ({ value: l, label: endonym(l) })), []);
  const choose = (value: string | null) => {
    if (!isLanguage(value) || value === languageOf(i18n.language)) return;
    void i18n.changeLanguage(value).then(() => onChange?.(value));
  };
  return (
    <Select
      data={options}
      value={languageOf(i18n.language)}
      onChange={choose}
      allowDeselect={false}
      // Each name in its own language, so screen readers pronounce it as its readers would.
      renderOption={({ option }) => <span lang={option.value}>{option.label}</span>}
      {...(label
        ? { label, description, styles: { wrapper: { width: 260 } } }
        : { 'aria-label': t('language.label'), size: 'xs', w: 150, comboboxProps: { withinPortal: true } })}
    />
  );
}
