import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { closeWebApp, E2E_PASSWORD, openWebApp, screenshotPath, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  // A register nobody can sign in to yet: its first run.
  ({ app, browser } = await openWebApp({ people: false }));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
});

afterAll(() => closeWebApp(app, browser));

describe('accounts in the real UI', () => {
  it('creates the administrator, who adds a clerk; the clerk signs in and registers a request', async () => {
    // First run: the administrator's account.
    await page.getByRole('heading', { name: 'Set up MLA Desk' }).waitFor();
    await page.screenshot({ path: screenshotPath('accounts-01-first-run') });
    await page.getByLabel('Sign-in name').fill('ada');
    await page.getByLabel(/^Name/).fill('Ada Admin');
    await page.getByLabel(/^Password(?! again)/).fill(E2E_PASSWORD);
    await page.getByLabel('Password again').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Create the administrator' }).click();

    // The register is encrypted: set-up's second step makes the recovery passphrase, shown once.
    await page.getByRole('heading', { name: 'The recovery passphrase' }).waitFor();
    await page.getByRole('button', { name: 'Make a recovery passphrase' }).click();
    const passphrase = await page.getByTestId('recovery-passphrase').innerText();
    expect(passphrase.trim()).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    await page.screenshot({ path: screenshotPath('accounts-01b-recovery-passphrase') });
    await page.getByRole('checkbox', { name: /written it down/ }).check();
    await page.getByRole('button', { name: 'Continue to MLA Desk' }).click();

    const adminMenu = page.getByRole('button', { name: 'Account of Ada Admin' });
    await adminMenu.waitFor();
    // The role shows beside the account's button (its name must hold all it shows).
    expect(await page.locator('header').innerText()).toContain('Administrator');
    // An administrator does not register requests.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'New request' }).count()).toBe(0);

    // Settings → People: the clerk.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Sign-in name').fill('Amina');
    await dialog.getByLabel(/^Name/).fill('Amina Clerk');
    await dialog.getByLabel(/^Password(?! again)/).fill(E2E_PASSWORD);
    await dialog.getByLabel('Password again').fill(E2E_PASSWORD);
    await page.screenshot({ path: screenshotPath('accounts-02-add-clerk') });
    await dialog.getByRole('button', { name: 'Add a person' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Amina Clerk/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/amina\s+Clerk\s+active/i);
    await page.screenshot({ path: screenshotPath('accounts-03-people') });

    // Sign out: the sign-in screen, nothing of the register.
    await adminMenu.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);

    // A wrong password is refused with a plain message, then the clerk signs in.
    await page.getByLabel('Sign-in name').fill('amina');
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The sign-in name or the password is not right.').waitFor();
    await page.screenshot({ path: screenshotPath('accounts-04-wrong-password') });
    await page.getByLabel(/^Password/).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Account of Amina Clerk' }).waitFor();

    // The clerk registers a request; the history names them.
    await page.getByRole('navigation').getByRole('link', { name: 'New request' }).click();
    await page.getByRole('heading', { name: 'New request' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Direction' }).getByText('Incoming', { exact: true }).click();
    await page.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'Mutual legal assistance', exact: true }).click();
    await page.getByRole('combobox', { name: /Counterpart country/ }).fill('Franc');
    await page.getByRole('option', { name: /^France \(/ }).click();
    await page.getByLabel(/Received on/).fill(localIsoDate());
    await page.getByRole('button', { name: 'Register request' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /^MLA-IN-\d{4}-00001$/ });
    await heading.waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    // The history names the clerk as the People screen does, not by her sign-in name.
    await page.getByRole('table', { name: 'History' }).getByText('Amina Clerk', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('accounts-05-clerk-registered') });

    // Locking keeps the screen; the password opens it again where it was.
    await page.getByRole('button', { name: 'Account of Amina Clerk' }).click();
    await page.getByRole('menuitem', { name: 'Lock the screen' }).click();
    const lock = page.getByRole('dialog', { name: 'MLA Desk is locked' });
    await lock.waitFor();
    await page.screenshot({ path: screenshotPath('accounts-06-locked') });
    await lock.getByLabel(/^Password/).fill(E2E_PASSWORD);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await lock.waitFor({ state: 'detached' });
    expect(await heading.innerText()).toMatch(/^MLA-IN-\d{4}-00001$/);

    expect(errors).toEqual([]);
  });
});
