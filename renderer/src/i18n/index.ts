import countries from 'i18n-iso-countries';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '../../../i18n/languages.ts';
import { TRANSLATIONS } from '../../../i18n/resources.ts';

countries.registerLocale(countriesEn);

export const resources = Object.fromEntries(
  Object.entries(TRANSLATIONS).map(([language, translation]) => [language, { translation }]),
);

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** The country's name in the current language, or the code when the package has none. */
export function countryName(code: string, language: string = i18n.language): string {
  return countries.getName(code, language) ?? code;
}

export default i18n;
