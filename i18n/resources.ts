import { translation as ar } from './ar/index.ts';
import { translation as en } from './en/index.ts';
import { translation as es } from './es/index.ts';
import { translation as fr } from './fr/index.ts';
import type { Language } from './languages.ts';
import { translation as ru } from './ru/index.ts';
import { translation as zh } from './zh/index.ts';

export type Translation = Record<string, unknown>;

/**
 * Every language's strings, bundled: the six together weigh less than one screenshot and a
 * switch of language must not wait on a file.
 */
export const TRANSLATIONS: Record<Language, Translation> = { ar, en, es, fr, ru, zh };
