import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/* The keyboard's moves for the keyboard-only test: where the focus is, and Tab until it gets there. */

/** Whether the element has the keyboard's focus. */
export const hasFocus = (locator: Locator) =>
  locator.evaluate(
    (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
  );

/** What has the focus, as a screen reader names it (roughly): for messages and order checks. */
export function focused(page: Page): Promise<string> {
  // A string: this file is type-checked without the DOM library.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const labelled = el.getAttribute('aria-labelledby');
    const name = el.getAttribute('aria-label')
      || (labelled && labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '))
      || (el.labels && el.labels[0] && el.labels[0].textContent)
      || el.textContent || '';
    return name.replace(/\\s+/g, ' ').replace(/ \\*$/, '').trim().slice(0, 80);
  })()`);
}

/**
 * Presses `key` and lets the page's timers that were waiting run. Mantine's focus trap lets the
 * browser move Tab through a date input's parts and checks where the focus went in a timer; sent
 * faster than any hand types, a later Tab and text could be overtaken by that check, which takes
 * the focus back (the note's text went into the field before it).
 */
export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails with where the focus went. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { back?: boolean; max?: number } = {},
): Promise<void> {
  // Attached, not visible: a segmented control's radio buttons are drawn by their labels.
  await target.waitFor({ state: 'attached' });
  const path: string[] = [];
  for (let i = 0; i <= (options.max ?? 80); i++) {
    if (await hasFocus(target)) return;
    path.push(await focused(page));
    await press(page, options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the keyboard never reached ${String(target)}; it went: ${path.join(' → ')}`);
}

/** Presses `key` until `target` has the focus (arrow keys in menus and tab lists). */
export async function pressTo(page: Page, key: string, target: Locator, max = 20): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await press(page, key);
  }
  throw new Error(`${key} never reached ${String(target)}; the focus is on ${await focused(page)}`);
}

/** Waits until `locator` has the focus; fails saying what should have had it. */
export async function expectFocus(locator: Locator, what: string): Promise<void> {
  await expect.poll(() => hasFocus(locator), { message: `the focus should be on ${what}` }).toBe(true);
}
