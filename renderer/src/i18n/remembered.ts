import { isLanguage, type Language, pickLanguage } from '../../../i18n/languages.ts';

/** This computer's memory of the last language used, for the screens before anyone signs in. */
const KEY = 'mla-desk-language';

export function rememberedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage refused (a locked-down profile): the browser's own languages decide.
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Nothing to keep it in: the next start asks the browser again.
  }
}

/** The sign-in screen's language: the last one used here, else the first of the six the system asks for. */
export function startingLanguage(): Language {
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return rememberedLanguage() ?? pickLanguage(preferred);
}
