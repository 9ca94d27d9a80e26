// The UI's own translation files: one wording on screen and on paper. English is the shape
// (and the fallback of every key a translation lacks).
import countries from 'i18n-iso-countries';
import countriesAr from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countriesEs from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import countriesFr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import countriesRu from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import countriesZh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import codes from '../../i18n/en/codes.json' with { type: 'json' };
import register from '../../i18n/en/register.json' with { type: 'json' };
import reports from '../../i18n/en/reports.json' with { type: 'json' };
import statistics from '../../i18n/en/statistics.json' with { type: 'json' };
import { DEFAULT_LANGUAGE, type Language, directionOf, localeOf } from '../../i18n/languages.ts';
import { TRANSLATIONS, type Translation } from '../../i18n/resources.ts';

// Country names from the package the UI names them with (renderer/src/i18n), so a country
// reads the same on screen and on paper, whatever ICU version the runtime carries.
for (const names of [countriesAr, countriesEn, countriesEs, countriesFr, countriesRu, countriesZh]) {
  countries.registerLocale(names);
}

const ENGLISH = { codes, register: register.register, reports: reports.reports, statistics: statistics.statistics };
type Texts = typeof ENGLISH;

/** Everything an export writes in one language: its strings, and its way with dates, numbers and names. */
export interface Labels extends Texts {
  language: Language;
  direction: 'ltr' | 'rtl';
  /** The BCP 47 tag the PDF declares as its language. */
  locale: string;
  /** Fills the {{name}} placeholders; numbers are written the language's way. */
  fill(template: string, values: Record<string, string | number>): string;
  /** The plural form of `path` ("reports.document.produced") for `count`, filled. */
  plural(path: string, count: number, values?: Record<string, string | number>): string;
  /** "10 March 2026", "10 مارس 2026", "2026年3月10日": long, so no reader takes the month for the day. */
  date(isoDate: string): string;
  /** "1 Feb 2026", "1 févr. 2026": the month still by name, for table columns. */
  shortDate(isoDate: string): string;
  number(value: number): string;
  country(code: string): string;
}

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null;

/**
 * `base` with each string that `over` holds at the same place, plus `over`'s own extra
 * strings (the plural forms a language has and English lacks, such as Arabic's `_few`).
 */
function overlay<T>(base: T, over: unknown): T {
  if (!isTree(base) || !isTree(over)) return base;
  const out: Tree = {};
  for (const [key, value] of Object.entries(over)) if (typeof value === 'string') out[key] = value;
  for (const [key, value] of Object.entries(base)) {
    const mine = over[key];
    out[key] =
      typeof value === 'string' ? (typeof mine === 'string' && mine !== '' ? mine : value) : overlay(value, mine);
  }
  return out as T;
}

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree);
}

/** Fills the {{name}} placeholders of a translation string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * English keeps the day before the month ("10 March 2026"), as UN English and this office's
 * earlier reports write it; the other languages take their own CLDR long form.
 */
const DATE_LOCALE: Partial<Record<Language, string>> = { en: 'en-GB' };

/** First-strong isolate … pop directional isolate: an inserted value keeps its own direction. */
const FSI = '\u2068';
const PDI = '\u2069';

export interface LabelOptions {
  /**
   * Each value filled into a template is isolated for the bidi algorithm (FSI … PDI), as the
   * PDFs lay text out themselves: an Arabic date in an English sentence, or a Latin name in an
   * Arabic one, then neither moves the words around it nor takes their direction. Not for
   * spreadsheets, whose cells should hold no invisible characters.
   */
  isolate?: boolean;
  /** For tests: translations other than the bundled ones. */
  translations?: Partial<Record<Language, Translation>>;
}

function build(language: Language, translations: Partial<Record<Language, Translation>>, isolate: boolean): Labels {
  const own = translations[language] ?? {};
  const english = translations.en ?? {};
  const locale = localeOf(language);
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const dateFormat = (month: 'long' | 'short') =>
    new Intl.DateTimeFormat(DATE_LOCALE[language] ?? locale, {
      day: 'numeric',
      month,
      year: 'numeric',
      timeZone: 'UTC',
    });
  const longDates = dateFormat('long');
  const shortDates = dateFormat('short');
  const utcDay = (isoDate: string) => {
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  const number = (value: number) => numbers.format(value);
  const fillIn = (template: string, values: Record<string, string | number>) =>
    fill(
      template,
      Object.fromEntries(
        Object.entries(values).map(([k, v]) => {
          const text = typeof v === 'number' ? number(v) : v;
          return [k, isolate ? `${FSI}${text}${PDI}` : text];
        }),
      ),
    );
  const texts: Texts = {
    codes: overlay(ENGLISH.codes, Object.fromEntries(Object.keys(ENGLISH.codes).map((k) => [k, own[k]]))),
    register: overlay(ENGLISH.register, own['register']),
    reports: overlay(ENGLISH.reports, own['reports']),
    statistics: overlay(ENGLISH.statistics, own['statistics']),
  };
  /** i18next's order: the exact form (`_zero` for 0 when a language has one), `_other`, the bare key. */
  const pluralIn = (tree: unknown, path: string, count: number): string | undefined => {
    const forms = [...(count === 0 ? ['zero'] : []), plurals.select(count), 'other'].map((f) => `${path}_${f}`);
    for (const key of [...forms, path]) {
      const text = at(tree, key);
      if (typeof text === 'string' && text !== '') return text;
    }
    return undefined;
  };
  return {
    ...texts,
    language,
    direction: directionOf(language),
    locale,
    fill: fillIn,
    plural(path, count, values = {}) {
      const template =
        pluralIn(own, path, count) ?? pluralIn(english, path, count) ?? pluralIn(ENGLISH_TREE, path, count);
      if (template === undefined) throw new Error(`No translation for ${path}`);
      return fillIn(template, { ...values, count });
    },
    date: (isoDate) => longDates.format(utcDay(isoDate)),
    shortDate: (isoDate) => shortDates.format(utcDay(isoDate)),
    number,
    country(code) {
      // Imported data may hold a code the package does not know: it stays a code.
      return countries.getName(code, language) ?? code;
    },
  };
}

const ENGLISH_TREE: Tree = {
  ...ENGLISH.codes,
  register: ENGLISH.register,
  reports: ENGLISH.reports,
  statistics: ENGLISH.statistics,
};
const cache = new Map<string, Labels>();

/**
 * The labels of `language`, from the bundled translations (i18n/resources.ts); a language
 * not there yet, or a key it lacks, reads in English.
 */
export function labelsFor(language: Language = DEFAULT_LANGUAGE, options: LabelOptions = {}): Labels {
  const isolate = options.isolate ?? false;
  if (options.translations) return build(language, options.translations, isolate);
  const key = `${language}:${isolate}`;
  let labels = cache.get(key);
  if (!labels) {
    labels = build(language, TRANSLATIONS, isolate);
    cache.set(key, labels);
  }
  return labels;
}
