import { translation as en } from './en/index.ts';
import type { Language } from './languages.ts';

export type Translation = Record<string, unknown>;

/**
 * Every language's strings, bundled: the six together weigh less than one screenshot and a
 * switch of language must not wait on a file.
 */
export const TRANSLATIONS: Partial<Record<Language, Translation>> = { en };
