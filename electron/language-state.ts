import fs from 'node:fs';
import { z } from 'zod';
import { isLanguage, type Language, pickLanguage } from '../i18n/languages.ts';
import { writeSmallFile } from './small-file.ts';

/*
 * The interface's language as the page last reported it, kept beside the window's state: the
 * menu and the shell's dialogs speak it from the next start on, before the page has loaded (and
 * when the register cannot be opened at all, which is when those dialogs matter most).
 */

const savedSchema = z.object({ language: z.string().refine(isLanguage) });

/** The saved language; else the first of the system's languages MLA Desk has; else English. */
export function loadLanguage(file: string, systemLanguages: readonly string[]): Language {
  try {
    const parsed = savedSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success && isLanguage(parsed.data.language)) return parsed.data.language;
  } catch {
    // No file yet, or one that is not ours: the system's languages decide.
  }
  return pickLanguage(systemLanguages);
}

export function saveLanguage(file: string, language: Language): void {
  try {
    writeSmallFile(file, `${JSON.stringify({ language })}\n`);
  } catch {
    // A preference only: a read-only profile folder keeps the menu in the page's language this session.
  }
}
