import countries from 'i18n-iso-countries';

/**
 * ISO 3166-1 alpha-2 codes from i18n-iso-countries (a maintained data package that also
 * carries the names in the six UN languages, which the renderer registers as it needs them).
 */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

const codeSet = new Set(COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return codeSet.has(value);
}
