import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../contract/roles.ts';
import type { Language } from '../../i18n/languages.ts';
import { axeViolations, blocking, formatViolations } from './axe.ts';
import { E2E_PASSWORD, E2E_PEOPLE, interceptFileChoosers, screenshotPath, type WebApp } from './harness.ts';
import { switchLanguage, uiText } from './language-steps.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The steps of the accessibility test in one language: strings of the interface by their keys
 * (so the same steps walk the English and the Arabic screens), signing in, and the axe check.
 * `notes` collects the moderate and minor findings, printed for the record, not failed on.
 */
export function screenSteps(language: Language, env: { app(): WebApp; browser(): Browser }, notes: string[]) {
  /** A string of the interface in the language under test, its {{values}} filled in. */
  const ui = (key: string, values: Record<string, string | number> = {}) =>
    uiText(language, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
  /** Whatever starts with that string (a tab's name followed by its count). */
  const startingWith = (key: string) => new RegExp(`^${escape(ui(key))}`);

  /** Runs axe on the page now and fails the screen (softly) on a serious or critical violation. */
  async function check(page: Page, where: string): Promise<void> {
    // Dialogs and popovers fade in: axe measures colours, so wait for the end of the transition.
    await page.waitForTimeout(350);
    const label = `${where} [${language}]`;
    // The screen is in the language under test, so the run checks what people of that language get.
    expect.soft(await page.evaluate('document.documentElement.lang'), label).toBe(language);
    const violations = await axeViolations(page);
    const minor = violations.filter((v) => blocking([v]).length === 0);
    if (minor.length > 0) notes.push(formatViolations(label, minor));
    expect.soft(formatViolations(label, blocking(violations))).toBe(`${label}: no violation`);
  }

  /**
   * A new tab. `beforeSignIn`: the browser asks for the language under test, which the screens
   * before sign-in follow; otherwise it asks for English, and the person switches in Settings.
   */
  async function newPage(beforeSignIn = false): Promise<Page> {
    const page = await env.browser().newPage({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
      locale: beforeSignIn ? language : 'en-US',
    });
    page.setDefaultTimeout(20_000);
    interceptFileChoosers(page);
    return page;
  }

  const accountButton = (page: Page, role: Role) =>
    page.locator('header button[aria-label]', { hasText: E2E_PEOPLE[role].displayName });

  /** Signs in by the fields' autocomplete purposes, which read the same in every language. */
  async function signInAs(page: Page, role: Role): Promise<void> {
    await page.locator('input[autocomplete="username"]').fill(E2E_PEOPLE[role].username);
    await page.locator('input[autocomplete="current-password"]').fill(E2E_PASSWORD);
    await page.locator('input[autocomplete="current-password"]').press('Enter');
    await accountButton(page, role).waitFor();
  }

  /** A tab signed in as `role`, switched to the language under test through Settings. */
  async function openAs(role: Role): Promise<Page> {
    const page = await newPage();
    await page.goto(env.app().url);
    try {
      await signInAs(page, role);
      await switchLanguage(page, language);
    } catch (e) {
      await page.screenshot({ path: screenshotPath(`accessibility-${language}-failed-${role}`) });
      throw e;
    }
    return page;
  }

  const nav = (page: Page, key: string) =>
    page.getByRole('navigation').getByRole('link', { name: ui(key), exact: true });
  const button = (scope: Page | Locator, key: string, values: Record<string, string | number> = {}) =>
    scope.getByRole('button', { name: ui(key, values), exact: true });

  /** Escape until the dialog is gone (the first may only close a list open in it). */
  async function dismiss(page: Page): Promise<void> {
    for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
    }
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  return { ui, startingWith, check, newPage, accountButton, signInAs, openAs, nav, button, dismiss };
}
