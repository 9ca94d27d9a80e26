import countries from 'i18n-iso-countries';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.ts';

/** Languages with complete translations; the others of the six UN languages come with their files. */
export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

countries.registerLocale(countriesEn);

export const resources = { en: { translation: en } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** The country's name in the current language, or the code when the package has none. */
export function countryName(code: string, language: string = i18n.language): string {
  return countries.getName(code, language) ?? code;
}

export default i18n;
