/**
 * The six official languages of the United Nations, in which central authorities work and
 * their reports go out. Pure data shared by the renderer, the reports and the CLI.
 */
export const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Arabic is written right to left; the layout, tables and charts follow it. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The BCP 47 tag handed to Intl for dates, numbers and plural rules. Chinese is the
 * simplified script used at the UN; Arabic keeps Western digits, as UN Arabic documents and
 * most registers of references do.
 */
export function localeOf(language: Language): string {
  switch (language) {
    case 'zh':
      return 'zh-Hans-CN';
    case 'ar':
      return 'ar-u-nu-latn';
    default:
      return language;
  }
}

/** The language's own name for itself ("العربية", "中文"…), from the runtime's CLDR data. */
export function endonym(language: Language): string {
  const name = new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(localeOf(language)) + name.slice(1);
}

/** The first of the six languages a browser or operating system asks for, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}
