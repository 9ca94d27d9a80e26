import { directionOf, type Language } from '../../../i18n/languages.ts';

/*
 * Arrows drawn as characters are not mirrored by the bidi algorithm (U+2190–2192 have no
 * mirrored form), so those that point along the reading direction are chosen by it: "back"
 * points to where reading came from, "to" where it goes.
 */

/** Back to the list: ← in English, → in Arabic. */
export function backArrow(language: Language): string {
  return directionOf(language) === 'rtl' ? '→' : '←';
}

/** From one state to the next: → in English, ← in Arabic. */
export function forwardArrow(language: Language): string {
  return directionOf(language) === 'rtl' ? '←' : '→';
}
