import english from '../../i18n/en/letters.json' with { type: 'json' };
import type { Language } from '../../i18n/languages.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';
import { fill } from '../reports/labels.ts';

type DocumentWords = (typeof english)['letters']['document'];

/**
 * What a generated letter itself says besides its template (the page numbers, the contact
 * line of the letterhead), in the letter's language: `letters.document` of the translations,
 * each string in English until the language has it.
 */
export function letterWords(language: Language): DocumentWords & { fill: typeof fill } {
  const tree = TRANSLATIONS[language]['letters'];
  const own: unknown =
    tree !== null && typeof tree === 'object' ? (tree as Record<string, unknown>)['document'] : undefined;
  const words = { ...english.letters.document };
  if (own !== null && typeof own === 'object') {
    for (const key of Object.keys(words) as (keyof DocumentWords)[]) {
      const value = (own as Record<string, unknown>)[key];
      if (typeof value === 'string' && value !== '') words[key] = value;
    }
  }
  return { ...words, fill };
}
