import countries from 'i18n-iso-countries';
import countriesAr from 'i18n-iso-countries/langs/ar.json';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import countriesEs from 'i18n-iso-countries/langs/es.json';
import countriesFr from 'i18n-iso-countries/langs/fr.json';
import countriesRu from 'i18n-iso-countries/langs/ru.json';
import countriesZh from 'i18n-iso-countries/langs/zh.json';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, type Language } from '../../../i18n/languages.ts';
import { TRANSLATIONS } from '../../../i18n/resources.ts';
import { languageOf, numberFormatter } from './format.ts';
import { rememberLanguage, startingLanguage } from './remembered.ts';

// Country names from the maintained ISO 3166 package, in each of the six languages.
for (const locale of [countriesAr, countriesEn, countriesEs, countriesFr, countriesRu, countriesZh]) {
  countries.registerLocale(locale);
}

export const resources = Object.fromEntries(
  Object.entries(TRANSLATIONS).map(([language, translation]) => [language, { translation }]),
);

/**
 * What every change of language does outside React: the page's lang and dir (the whole layout
 * mirrors for Arabic; Mantine's own direction follows in Providers), this computer's memory of
 * the last language used (for the next sign-in screen), and the desktop shell's menu.
 */
function follow(tag: string): void {
  const language = languageOf(tag);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  rememberLanguage(language);
  window.mlaDesk?.setLanguage(language);
}

i18n.on('languageChanged', follow);

void i18n
  .use(initReactI18next)
  .use(numberFormatter)
  .init({
    resources,
    lng: startingLanguage(),
    // A language whose strings have not landed yet reads in English, key by key.
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes; numbers get the language's digits
    returnNull: false,
  });

/** The language on screen now, as one of the six. */
export function currentLanguage(): Language {
  return languageOf(i18n.language);
}

/** The country's name in the current language, or the code when the package has none. */
export function countryName(code: string, language: string = i18n.language): string {
  return countries.getName(code, languageOf(language)) ?? code;
}

export default i18n;
