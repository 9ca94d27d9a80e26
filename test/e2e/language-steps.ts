import type { Page } from 'playwright-core';
import { DEFAULT_LANGUAGE, endonym, isLanguage, type Language } from '../../i18n/languages.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';

/** A string of the interface in `language` (English where that language has none yet), as the page shows it. */
export function uiText(language: Language, key: string): string {
  const find = (tree: unknown): string | undefined => {
    let node = tree;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' && node !== '' ? node : undefined;
  };
  const text = find(TRANSLATIONS[language]) ?? find(TRANSLATIONS[DEFAULT_LANGUAGE]);
  if (text === undefined) throw new Error(`no string ${key}`);
  return text;
}

/** The language the page shows now (its <html lang>). */
export async function pageLanguage(page: Page): Promise<Language> {
  const lang = await page.evaluate('document.documentElement.lang');
  if (!isLanguage(lang)) throw new Error(`the page's language is ${String(lang)}, not one of the six`);
  return lang;
}

/**
 * Switches the signed-in person's language through Settings, as they would: opens Settings,
 * picks the language by its own name, and waits until the page reads in it (lang and dir set,
 * the choice saved). Whatever language the page was in, the steps find their way.
 */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  const from = await pageLanguage(page);
  if (from === language) return;
  await page.locator('nav a[href="#/settings"]').click();
  await page.getByRole('heading', { name: uiText(from, 'settings.title'), level: 2 }).waitFor();
  await page.getByRole('combobox', { name: uiText(from, 'language.yours'), exact: true }).click();
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/accounts.setLanguage') && r.ok()),
    page.getByRole('option', { name: endonym(language), exact: true }).click(),
  ]);
  await page.locator(`html[lang="${language}"][dir="${language === 'ar' ? 'rtl' : 'ltr'}"]`).waitFor();
  await page.getByRole('heading', { name: uiText(language, 'settings.title'), level: 2 }).waitFor();
}
